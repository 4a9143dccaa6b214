// The run palette: one hue family per area, distinct shades within an area, neighbouring themes
// apart by ΔE — checked on the shipped sample's run (its themes, areas and centroid neighbours
// copied below) and on seeded synthetic layouts, with the neighbours found here by brute force and
// the distances measured both in OKLab and, independently, in CIELAB (d3-color).
import { describe, expect, it } from 'vitest';
import { lab } from 'd3-color';
import {
  AREA_DELTA_E,
  NEIGHBOUR_DELTA_E,
  OTHER_COLOUR,
  buildPalette,
  colourOf,
  type PaletteInput,
  type PaletteTheme
} from '../../../src/lib/charts/palette.js';
import { deltaE, hexToOklab, hueGap, labToLch, oklchToHex } from '../../../src/lib/charts/oklab.js';

/** CIELAB ΔE*76 (d3-color's Lab, D65): the second, independent measure. */
const MIN_CIELAB = 10;
/** Theme shades stay within this many degrees of their area's hue (±18° at most, plus rounding to hex). */
const FAMILY_HUE = 19;

const ok = (hex: string) => hexToOklab(hex);
const dOk = (a: string, b: string) => deltaE(ok(a), ok(b));
function d76(a: string, b: string): number {
  const [x, y] = [lab(a), lab(b)];
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}
const hueOf = (hex: string) => labToLch(ok(hex)).h;

/** The shipped sample's run (data/sample-arxiv.jsonl.gz, default options): theme → area, size, map centre. */
const SAMPLE_THEMES: [number, number, number, number, number][] = [
  [0, 2, 188, 0.0463, 0.4766], [1, 3, 183, 0.5227, 0.484], [2, 1, 482, -0.5271, -0.274], [3, 2, 146, -0.4944, 0.0829],
  [4, 0, 272, 0.219, -0.3009], [5, 5, 367, -0.763, 0.1023], [6, 6, 280, 0.8573, 0.1419], [7, 2, 229, -0.1066, -0.3011],
  [8, 2, 216, -0.2245, -0.0475], [9, 1, 223, -0.2635, -0.6558], [10, 2, 99, -0.0181, 0.1071], [11, 3, 315, 0.6125, 0.312],
  [12, 1, 317, -0.6076, -0.4403], [13, 4, 292, -0.0956, 0.3435], [14, 0, 332, 0.1868, -0.0151], [15, 0, 280, 0.6371, -0.351],
  [16, 3, 184, 0.3573, 0.4836], [17, 2, 120, -0.4739, -0.0102], [18, 0, 206, 0.3594, -0.3514], [19, 4, 251, -0.4543, 0.5216]
];
/** Each theme's most similar centroid (theme_neighbours rank 1). */
const SAMPLE_SIMILAR = [2, 16, 12, 2, 14, 12, 11, 12, 7, 2, 2, 13, 2, 2, 4, 14, 1, 2, 14, 2];
const SAMPLE: PaletteInput = {
  themes: SAMPLE_THEMES.map(([themeId, areaId, size, x, y]) => ({ themeId, areaId, size, x, y })),
  areas: [1090, 1022, 998, 682, 543, 367, 280].map((size, areaId) => ({ areaId, size })),
  similar: SAMPLE_SIMILAR.map((neighbourId, themeId) => ({ themeId, neighbourId }))
};

/** `count` themes in `areas` areas, each area a cluster of centres around a random point (seeded). */
function synthetic(seed: number, count: number, areas: number, spread = 0.5): PaletteInput {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const centres = Array.from({ length: areas }, () => [rand() * 2 - 1, rand() * 2 - 1]);
  const themes: PaletteTheme[] = Array.from({ length: count }, (_, i) => {
    const a = i < areas ? i : Math.floor(rand() * areas);
    return { themeId: i, areaId: a, size: 50 + Math.floor(rand() * 500), x: centres[a][0] + (rand() - 0.5) * spread, y: centres[a][1] + (rand() - 0.5) * spread };
  });
  return { themes, areas: centres.map((_, areaId) => ({ areaId, size: themes.filter((t) => t.areaId === areaId).reduce((n, t) => n + t.size, 0) })) };
}

/** Pairs (i < j by id) where j is among i's `k` nearest map centres or i among j's: brute force. */
function mapNeighbourPairs(themes: PaletteTheme[], k = 3): [number, number][] {
  const pairs = new Set<string>();
  for (const t of themes) {
    const near = themes.filter((o) => o !== t).sort((a, b) => Math.hypot(a.x - t.x, a.y - t.y) - Math.hypot(b.x - t.x, b.y - t.y)).slice(0, k);
    for (const o of near) pairs.add([Math.min(t.themeId, o.themeId), Math.max(t.themeId, o.themeId)].join(','));
  }
  return [...pairs].map((p) => p.split(',').map(Number) as [number, number]);
}

function checkFamilies(input: PaletteInput) {
  const { themes: colours, areas } = buildPalette(input);
  const areaIds = input.areas.map((a) => a.areaId);
  for (const t of input.themes) {
    const hue = hueOf(colours[t.themeId]);
    expect(labToLch(ok(colours[t.themeId])).C).toBeGreaterThan(0.05); // colourful enough for its hue to read
    expect(hueGap(hue, hueOf(areas[t.areaId!]))).toBeLessThanOrEqual(FAMILY_HUE);
    // …and nearer its own area's hue than any other area's: the families do not interleave.
    const nearest = [...areaIds].sort((a, b) => hueGap(hue, hueOf(areas[a])) - hueGap(hue, hueOf(areas[b])))[0];
    expect(nearest).toBe(t.areaId);
  }
}

function checkNeighbours(input: PaletteInput) {
  const { themes: colours } = buildPalette(input);
  const pairs = [...mapNeighbourPairs(input.themes), ...(input.similar ?? []).map((s) => [s.themeId, s.neighbourId] as [number, number])];
  for (const [a, b] of pairs) {
    expect(dOk(colours[a], colours[b]), `themes ${a} and ${b}`).toBeGreaterThanOrEqual(NEIGHBOUR_DELTA_E);
    expect(d76(colours[a], colours[b]), `themes ${a} and ${b}`).toBeGreaterThanOrEqual(MIN_CIELAB);
  }
}

function checkShades(input: PaletteInput) {
  const { themes: colours } = buildPalette(input);
  for (const t of input.themes) for (const u of input.themes) {
    if (t.themeId < u.themeId && t.areaId === u.areaId) expect(dOk(colours[t.themeId], colours[u.themeId])).toBeGreaterThanOrEqual(AREA_DELTA_E);
  }
}

const CASES: [string, PaletteInput][] = [
  ['the shipped sample (20 themes, 7 areas)', SAMPLE],
  ['40 themes in 10 areas', synthetic(1, 40, 10)],
  ['40 themes in 8 areas', synthetic(2, 40, 8)],
  ['60 themes in 12 areas', synthetic(3, 60, 12)],
  ['40 themes in 6 areas, spread out', synthetic(8, 40, 6, 1.5)],
  ['12 themes, one per area', synthetic(7, 12, 12)]
];

describe('oklab', () => {
  it('matches the reference OKLab values (Ottosson) and maps back to the same hex', () => {
    const white = ok('#ffffff');
    expect(white.L).toBeCloseTo(1, 4);
    expect(Math.hypot(white.a, white.b)).toBeLessThan(1e-4);
    const red = ok('#ff0000');
    expect([red.L, red.a, red.b].map((v) => Number(v.toFixed(4)))).toStrictEqual([0.628, 0.2249, 0.1258]);
    for (const hex of ['#1f77b4', '#ff7f0e', '#2ca02c', '#7f7f7f']) expect(oklchToHex(labToLch(ok(hex)))).toBe(hex);
  });

  it('brings an out-of-gamut colour into sRGB by chroma alone: same lightness and hue', () => {
    const hex = oklchToHex({ L: 0.85, C: 0.3, h: 264 }); // a light blue far outside sRGB
    const lch = labToLch(ok(hex));
    expect(lch.L).toBeCloseTo(0.85, 2);
    expect(hueGap(lch.h, 264)).toBeLessThan(2);
    expect(lch.C).toBeLessThan(0.3);
  });
});

describe('buildPalette', () => {
  for (const [name, input] of CASES) {
    it(`${name}: the themes of one area share its hue family, and the families do not interleave`, () => checkFamilies(input));
    it(`${name}: themes among each other's 3 nearest map centres, or most similar centroids, differ by ΔE_OK ≥ ${NEIGHBOUR_DELTA_E} and ΔE*76 ≥ ${MIN_CIELAB}`, () =>
      checkNeighbours(input));
    it(`${name}: two themes of one area are distinct shades (ΔE_OK ≥ ${AREA_DELTA_E})`, () => checkShades(input));
  }

  it('gives every area its own hue, spread round the wheel', () => {
    const { areas } = buildPalette(SAMPLE);
    const hues = Object.values(areas).map(hueOf);
    for (let i = 0; i < hues.length; i++) for (let j = i + 1; j < hues.length; j++) expect(hueGap(hues[i], hues[j])).toBeGreaterThan(360 / 7 - 3);
  });

  it('is the same whatever order the rows come in, and the same every time', () => {
    const shuffled: PaletteInput = { themes: [...SAMPLE.themes].reverse(), areas: [...SAMPLE.areas].reverse(), similar: [...SAMPLE.similar!].reverse() };
    expect(buildPalette(shuffled)).toStrictEqual(buildPalette(SAMPLE));
    expect(buildPalette(SAMPLE)).toStrictEqual(buildPalette(SAMPLE));
  });

  it('gives a run made before areas a hue per theme, neighbours still apart', () => {
    const input = { themes: synthetic(9, 40, 10).themes.map((t) => ({ ...t, areaId: null })), areas: [] };
    const { themes: colours, areas } = buildPalette(input);
    expect(Object.keys(colours)).toHaveLength(40);
    expect(areas).toStrictEqual({});
    for (const [a, b] of mapNeighbourPairs(input.themes)) expect(dOk(colours[a], colours[b])).toBeGreaterThanOrEqual(NEIGHBOUR_DELTA_E);
  });

  it('never gives a theme the Other grey, and falls back to it for a theme the run does not have', () => {
    const { themes: colours } = buildPalette(SAMPLE);
    expect(Object.values(colours).every((c) => /^#[0-9a-f]{6}$/.test(c) && d76(c, OTHER_COLOUR) > MIN_CIELAB)).toBe(true);
    expect(colourOf({ 3: '#123456' }, 3)).toBe('#123456');
    expect(colourOf({ 3: '#123456' }, 4)).toBe(OTHER_COLOUR);
  });
});

describe('buildPalette keeping a palette (curation: an edit recolours only what it made)', () => {
  // Theme 10 (area 2) merged into theme 8: its papers now 8's, area 2 the same size; theme 4 (area 0) hidden keeps its row.
  const merged: PaletteInput = {
    themes: SAMPLE.themes.filter((t) => t.themeId !== 10).map((t) => (t.themeId === 8 ? { ...t, size: t.size + 99 } : t)),
    areas: SAMPLE.areas,
    similar: SAMPLE.similar!.filter((p) => p.themeId !== 10 && p.neighbourId !== 10)
  };
  // Theme 2 (area 1) split: a new theme 20 beside it, taking half its papers.
  const split: PaletteInput = {
    themes: [...SAMPLE.themes.map((t) => (t.themeId === 2 ? { ...t, size: 241 } : t)), { themeId: 20, areaId: 1, size: 241, x: -0.5, y: -0.3 }],
    areas: SAMPLE.areas,
    similar: SAMPLE.similar
  };
  const base = buildPalette(SAMPLE);

  it('keeps every area colour and the colour of every theme the edit did not remove (found by the dashboard audit of 2026-12-03)', () => {
    for (const input of [merged, split]) {
      const kept = buildPalette(input, base);
      expect(kept.areas).toStrictEqual(base.areas);
      for (const t of input.themes) if (t.themeId in base.themes) expect([t.themeId, kept.themes[t.themeId]]).toStrictEqual([t.themeId, base.themes[t.themeId]]);
    }
  });

  it('gives a theme the edit made a shade of its own area\'s hue, apart from its neighbours', () => {
    const kept = buildPalette(split, base);
    const fresh = kept.themes[20];
    expect(fresh).toBeDefined();
    expect(Object.values(base.themes)).not.toContain(fresh);
    expect(hueGap(hueOf(fresh), hueOf(base.areas[1]))).toBeLessThanOrEqual(FAMILY_HUE);
    expect(dOk(fresh, kept.themes[2])).toBeGreaterThan(0.05);
  });
});
