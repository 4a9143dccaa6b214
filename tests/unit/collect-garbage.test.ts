import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/collect-garbage.js';

/** A weak reference to a 64 MB buffer that nothing else holds. */
function dropBuffer(): WeakRef<Float64Array> {
  const buffer = new Float64Array(8 * 1024 * 1024);
  buffer[1] = 1;
  return new WeakRef(buffer);
}

describe('collectGarbage', () => {
  it('collects unreferenced buffers at once, so the next stage does not stack on them', async () => {
    const ref = dropBuffer();
    expect(ref.deref()).toBeDefined();
    // Creating or dereferencing a WeakRef keeps its target alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
