// startWorkers: one thread per piece of data, jobs posted to all, replies in worker order, failures named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorkers } from '../../pipeline/workers.js';

describe('startWorkers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-worker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // ES modules, as in this repository, so a .ts file is not read as CommonJS.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  const workerFile = (name: string, source: string): URL => {
    writeFileSync(join(dir, name), source);
    return pathToFileURL(join(dir, name));
  };

  it('resolves with the one message each worker posts, in worker order', async () => {
    const url = workerFile('echo.mjs', "import { parentPort, workerData } from 'node:worker_threads'; parentPort.postMessage(workerData * 2);");
    const workers = startWorkers<number>(url, [21, 5, 8]);
    expect(await workers.replies({ end: true })).toStrictEqual([42, 10, 16]);
    await workers.close();
  });

  it('posts each job to every worker and collects one reply per worker per job', async () => {
    const url = workerFile('add.mjs', [
      "import { parentPort, workerData } from 'node:worker_threads';",
      'parentPort.on(\'message\', (job) => parentPort.postMessage(workerData + job));'
    ].join('\n'));
    const workers = startWorkers<number>(url, [100, 200]);
    try {
      workers.post(1);
      expect(await workers.replies()).toStrictEqual([101, 201]);
      workers.post(2);
      expect(await workers.replies()).toStrictEqual([102, 202]);
    } finally {
      await workers.close();
    }
  });

  it('runs a TypeScript module, registering tsx in the thread first', async () => {
    const url = workerFile('typed.ts', [
      "import { parentPort, workerData } from 'node:worker_threads';",
      'const input: { words: string[] } = workerData;',
      "parentPort!.postMessage(input.words.join(' '));"
    ].join('\n'));
    const workers = startWorkers<string>(url, [{ words: ['typed', 'worker'] }]);
    expect(await workers.replies({ end: true })).toStrictEqual(['typed worker']);
  });

  it('rejects with the error a worker throws', async () => {
    const url = workerFile('throws.mjs', "throw new RangeError('tokenise: too many words');");
    await expect(startWorkers(url, [null]).replies()).rejects.toThrow('tokenise: too many words');
  });

  it('rejects when a worker exits without posting', async () => {
    const url = workerFile('exits.mjs', 'process.exit(3);');
    await expect(startWorkers(url, [null]).replies()).rejects.toThrow('worker exited (code 3) before posting its result');
  });
});
