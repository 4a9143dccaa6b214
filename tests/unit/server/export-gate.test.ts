// Exports take turns (export-gate.ts): at most `permits` read the database at once, the rest wait in
// order, too many waiting or too long a wait is a 503.
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE, Gate } from '../../../src/lib/server/export-gate.js';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

async function busy(p: Promise<unknown>): Promise<[number, string] | 'entered'> {
  try {
    await p;
    return 'entered';
  } catch (e) {
    if (isHttpError(e)) return [e.status, e.body.message];
    throw e;
  }
}

describe('the export gate', () => {
  it('lets `permits` in at once and the next ones in order as turns end', async () => {
    const gate = new Gate(2, 5, 60_000);
    const [a, b] = [await gate.enter(), await gate.enter()];
    const order: string[] = [];
    const c = gate.enter().then((r) => (order.push('c'), r));
    const d = gate.enter().then((r) => (order.push('d'), r));
    await settled();
    expect([order, gate.load]).toStrictEqual([[], { active: 2, waiting: 2 }]);
    a();
    a(); // a release is once: a second call passes no second turn on
    await settled();
    expect([order, gate.load]).toStrictEqual([['c'], { active: 2, waiting: 1 }]);
    b();
    await settled();
    expect(order).toStrictEqual(['c', 'd']);
    (await c)();
    (await d)();
    expect(gate.load).toStrictEqual({ active: 0, waiting: 0 });
  });

  it('answers 503 when too many wait, and when a wait is too long', async () => {
    const gate = new Gate(1, 1, 50);
    const first = await gate.enter();
    const waiting = gate.enter();
    expect(await busy(gate.enter())).toStrictEqual([503, BUSY_MESSAGE]);
    expect(await busy(waiting)).toStrictEqual([503, BUSY_MESSAGE]); // 50 ms passed
    expect(gate.load).toStrictEqual({ active: 1, waiting: 0 });
    first();
    expect(gate.load).toStrictEqual({ active: 0, waiting: 0 });
  });
});
