import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../../pipeline/store/lock.js';

const dir = mkdtempSync(join(tmpdir(), 'themescope-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireLock', () => {
  it('says once whom it waits for, then fails naming the holder when the wait is over', async () => {
    const lock = join(dir, 'held.lock');
    writeFileSync(lock, String(process.pid)); // a live process holds it
    const told: string[] = [];
    await expect(acquireLock(lock, 500, (holder) => told.push(holder))).rejects.toThrow(
      `another writer (npm run pipeline or assign, pid ${process.pid}) is writing this database (lock ${lock}); waited 1 s`);
    expect(told).toStrictEqual([String(process.pid)]);
  });

  it('does not say it waits when it may not wait, and takes a free lock at once, releasing it after', async () => {
    const held = join(dir, 'held2.lock');
    writeFileSync(held, String(process.pid));
    const told: string[] = [];
    await expect(acquireLock(held, 0, (holder) => told.push(holder))).rejects.toThrow(/another writer/);
    const free = join(dir, 'free.lock');
    const release = await acquireLock(free, 0, (holder) => told.push(holder));
    expect([told, existsSync(free)]).toStrictEqual([[], true]);
    release();
    expect(existsSync(free)).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const stale = join(dir, 'stale.lock');
    writeFileSync(stale, '999999999');
    const release = await acquireLock(stale, 0);
    release();
  });
});
