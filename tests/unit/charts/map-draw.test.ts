import { describe, expect, it } from 'vitest';
import { packColour, paintDots, type DrawOptions } from '../../../src/lib/charts/map-draw.js';

const options: DrawOptions = {
  width: 4,
  height: 3,
  dpr: 1,
  base: { k: 1, tx: 0, ty: 0 },
  zoom: { k: 1, x: 0, y: 0 },
  colourOf: () => '#000000',
  mask: null,
  focusTheme: null
};

describe('packColour', () => {
  it('packs #rrggbb as opaque little-endian RGBA (0xAABBGGRR)', () => {
    expect(packColour('#102030')).toBe(0xff302010);
  });
});

describe('paintDots', () => {
  it('lights the pixels whose centres are within side/2 of each point and clips at the edges', () => {
    const pixels = new Uint32Array(4 * 3);
    const points = { x: Float32Array.of(1, 4), y: Float32Array.of(1, 0), theme: Int32Array.of(0, 1) };
    const drawn = paintDots(pixels, 4, 3, points, options, 2, () => true, (i) => i + 1);
    expect(drawn).toBe(2);
    // Point 0 covers x 0..1, y 0..1; point 1 (at the right edge) keeps only column 3, row 0.
    expect([...pixels]).toStrictEqual([1, 1, 0, 2, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('draws a dot as the WebGL round point sprite does: no corners once it is a few pixels wide', () => {
    const pixels = new Uint32Array(8 * 8);
    const points = { x: Float32Array.of(4), y: Float32Array.of(4), theme: Int32Array.of(0) };
    paintDots(pixels, 8, 8, points, { ...options, width: 8, height: 8 }, 4, null, () => 1);
    const rows = Array.from({ length: 8 }, (_, y) => [...pixels.subarray(8 * y, 8 * y + 8)].join(''));
    expect(rows).toStrictEqual(['00000000', '00000000', '00011000', '00111100', '00111100', '00011000', '00000000', '00000000']);
  });

  it('skips points outside the canvas and points the filter leaves out', () => {
    const pixels = new Uint32Array(4 * 3);
    const points = { x: Float32Array.of(-5, 2), y: Float32Array.of(1, 1), theme: Int32Array.of(0, 0) };
    expect(paintDots(pixels, 4, 3, points, options, 1, () => true, () => 7)).toBe(1);
    expect(paintDots(pixels, 4, 3, points, options, 1, (i) => i === 0, () => 7)).toBe(0);
  });

  it('scales positions and sides by the zoom and the device pixel ratio', () => {
    const pixels = new Uint32Array(8 * 6);
    const points = { x: Float32Array.of(1), y: Float32Array.of(1), theme: Int32Array.of(0) };
    paintDots(pixels, 8, 6, points, { ...options, dpr: 2, zoom: { k: 2, x: -1, y: 0 } }, 1, () => true, () => 9);
    // Device centre: 2 · (−1 + 2 · 1) = 2 on x, 2 · 2 = 4 on y; side 2 → pixel centres within 1: x 1..2, y 3..4.
    const lit = [...pixels.keys()].filter((i) => pixels[i] === 9).map((i) => [i % 8, Math.floor(i / 8)]);
    expect(lit).toStrictEqual([[1, 3], [2, 3], [1, 4], [2, 4]]);
  });
});
