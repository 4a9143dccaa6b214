// lowerThisThreadPriority: the search worker's thread yields the CPU, the rest of the run does not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startWorkers } from '../../pipeline/workers.js';
import { BACKGROUND_NICE } from '../../pipeline/thread-priority.js';

/** Nice value of the process' main thread (/proc/self/stat is the thread group leader's). */
const processNice = () => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

describe.runIf(process.platform === 'linux')('lowerThisThreadPriority', () => {
  it('lowers only the calling thread: the worker runs at BACKGROUND_NICE, the process keeps its priority', async () => {
    const before = processNice();
    const workers = startWorkers<{ before: number; lowered: boolean; after: number }>(
      new URL('../fixtures/background-thread.ts', import.meta.url), [null]);
    try {
      const [reply] = await workers.replies();
      expect(reply.before).toBe(before);
      expect(reply.lowered).toBe(true);
      expect(reply.after).toBe(BACKGROUND_NICE);
      expect(processNice()).toBe(before);
    } finally {
      await workers.close();
    }
  });
});
