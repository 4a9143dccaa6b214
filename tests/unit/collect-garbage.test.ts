import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees unreferenced buffers at once, so the next stage does not stack on them', () => {
    collectGarbage();
    const before = process.memoryUsage().arrayBuffers;
    let garbage: Float64Array | null = new Float64Array(32 * 1024 * 1024); // 256 MB
    garbage[1] = 1;
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(256 * 1024 * 1024);
    garbage = null;
    collectGarbage();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });
});
