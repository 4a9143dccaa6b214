// Owns the run's colours, one pure function from its areas, themes and theme positions: each area
// gets a hue family (an even share of the OKLCH hue wheel, areas that touch on the map far apart on
// it), each theme a shade of its area's family (lightness steps × two chromas × small hue offsets), chosen so that
// neighbouring themes — among each other's nearest centres on the map, or most similar centroids —
// differ by at least NEIGHBOUR_DELTA_E (ΔE in OKLab) where the shades allow it, and themes of one area
// by AREA_DELTA_E. Every page colours a theme from this one assignment. Colour is never the only cue:
// every chart that uses these also prints the theme's label.
import { deltaE, hexToOklab, hueGap, labToLch, oklchToHex, type OkLab } from './oklab.js';

export const OTHER_COLOUR = '#b4b4b4';

/** Theme id → colour, for one run. */
export type ThemeColours = Record<number, string>;
/** Area id → the colour of its hue family (its middle shade), for one run. */
export type AreaColours = Record<number, string>;

export interface PaletteTheme {
  themeId: number;
  /** null in runs made before areas: the theme is then a family of its own. */
  areaId: number | null;
  size: number;
  /** Map centre (themes.x, themes.y). */
  x: number;
  y: number;
}

export interface PaletteArea {
  areaId: number;
  size: number;
}

export interface PaletteInput {
  areas: PaletteArea[];
  themes: PaletteTheme[];
  /** Pairs of themes with similar centroids (theme_neighbours), counted as neighbours too. */
  similar?: { themeId: number; neighbourId: number }[];
}

export interface Palette {
  themes: ThemeColours;
  areas: AreaColours;
}

/** Each theme's nearest centres on the map that count as its neighbours. */
export const MAP_NEIGHBOURS = 3;
/** Each theme's most similar centroids (theme_neighbours rank ≤ this) that count as its neighbours. */
export const SIMILAR_NEIGHBOURS = 1;
/** ΔE_OK kept between neighbouring themes where the shades allow (clearly different dots; ≥ 10 in CIELAB ΔE*76 on the tested layouts). */
export const NEIGHBOUR_DELTA_E = 0.1;
/** ΔE_OK kept between two themes of one area where the shades allow (distinct shades of the family). */
export const AREA_DELTA_E = 0.04;
/** Past the floors above, the assignment pushes neighbours and area mates apart up to these. */
const NEIGHBOUR_GOAL = 0.16;
const AREA_GOAL = 0.1;

/** Hue of the largest area's family (a blue), then even steps round the wheel. */
const FIRST_HUE = 255;
/** Shades: OKLab lightness steps (dark enough to see as a 2 px dot on white, light enough to tell apart). */
const LIGHTNESS = [0.47, 0.58, 0.69, 0.79] as const;
/** Shades: offsets from the family's hue, as fractions of its half-width. */
const HUE_OFFSETS = [0, -1, 1, -0.5, 0.5] as const;
/** Shades: full chroma and a muted one (the area colour uses the first). */
const CHROMA = [0.145, 0.085] as const;
/** A family spans at most ±28% of its share of the wheel, and never more than ±18°. */
const FAMILY_SHARE = 0.28;
const FAMILY_MAX = 18;
/** The area colours alternate between these lightnesses round the wheel, so hue-adjacent areas also differ in lightness. */
const AREA_LIGHTNESS = [0.6, 0.7] as const;
const REFINE_ROUNDS = 12;

/** One hue family: the areas' share of the wheel, or a theme without an area. */
interface Family {
  key: string;
  areaId: number | null;
  size: number;
  themes: PaletteTheme[];
}

interface Shade {
  hex: string;
  lab: OkLab;
}

/** Largest first, ties to the lower id. */
const bySize = (a: PaletteTheme, b: PaletteTheme) => b.size - a.size || a.themeId - b.themeId;

/**
 * Neighbour sets by theme id: the MAP_NEIGHBOURS nearest map centres of each theme (either way
 * round: j near i or i near j), plus the `similar` pairs.
 */
export function themeNeighbours(themes: PaletteTheme[], similar: PaletteInput['similar'] = []): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>(themes.map((t) => [t.themeId, new Set<number>()]));
  const link = (a: number, b: number) => {
    if (a === b || !out.has(a) || !out.has(b)) return;
    out.get(a)!.add(b);
    out.get(b)!.add(a);
  };
  for (const t of themes) {
    const nearest = themes
      .filter((o) => o.themeId !== t.themeId)
      .map((o) => ({ id: o.themeId, d: Math.hypot(o.x - t.x, o.y - t.y) }))
      .sort((p, q) => p.d - q.d || p.id - q.id)
      .slice(0, MAP_NEIGHBOURS);
    for (const n of nearest) link(t.themeId, n.id);
  }
  for (const s of similar) link(s.themeId, s.neighbourId);
  return out;
}

function familiesOf(input: PaletteInput): Family[] {
  const families = new Map<string, Family>();
  const known = new Set(input.areas.map((a) => a.areaId));
  for (const a of input.areas) families.set(`a${a.areaId}`, { key: `a${a.areaId}`, areaId: a.areaId, size: a.size, themes: [] });
  for (const t of input.themes) {
    const key = t.areaId !== null && known.has(t.areaId) ? `a${t.areaId}` : `t${t.themeId}`;
    if (!families.has(key)) families.set(key, { key, areaId: null, size: t.size, themes: [] });
    families.get(key)!.themes.push(t);
  }
  return [...families.values()].sort((a, b) => b.size - a.size || a.key.localeCompare(b.key, 'en', { numeric: true }));
}

/**
 * Slot (0..n-1, hue FIRST_HUE + slot·360/n) per family, largest first: each takes the free slot
 * furthest round the wheel from the families it touches (shares a neighbouring theme pair with),
 * then from all placed so far; ties to the lower slot.
 */
function assignSlots(families: Family[], neighbours: Map<number, Set<number>>): number[] {
  const n = families.length;
  const familyOf = new Map<number, number>();
  families.forEach((f, i) => f.themes.forEach((t) => familyOf.set(t.themeId, i)));
  const touches = families.map(() => new Set<number>());
  for (const [a, set] of neighbours) for (const b of set) {
    const [fa, fb] = [familyOf.get(a)!, familyOf.get(b)!];
    if (fa !== fb) touches[fa].add(fb);
  }
  const slots = new Array<number>(n).fill(-1);
  const taken = new Set<number>();
  const gap = (s: number, t: number) => Math.min(Math.abs(s - t), n - Math.abs(s - t));
  for (let f = 0; f < n; f++) {
    let best = -1;
    let bestScore: [number, number] = [-1, -1];
    for (let s = 0; s < n; s++) {
      if (taken.has(s)) continue;
      let [near, all] = [Infinity, Infinity];
      for (let g = 0; g < f; g++) {
        all = Math.min(all, gap(s, slots[g]));
        if (touches[f].has(g)) near = Math.min(near, gap(s, slots[g]));
      }
      if (near > bestScore[0] || (near === bestScore[0] && all > bestScore[1])) [best, bestScore] = [s, [near, all]];
    }
    slots[f] = best;
    taken.add(best);
  }
  return slots;
}

/** Tuple compared left to right; larger is better. */
type Score = number[];
function better(a: Score, b: Score): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

export function buildPalette(input: PaletteInput, keep?: Palette): Palette {
  const families = familiesOf(input);
  const n = Math.max(1, families.length);
  const neighbours = themeNeighbours(input.themes, input.similar);
  const slots = assignSlots(families, neighbours);
  const halfWidth = Math.min(FAMILY_MAX, (FAMILY_SHARE * 360) / n);

  const areas: AreaColours = {};
  const shades: Shade[][] = [];
  const anchor: OkLab[] = [];
  const familyOf = new Map<number, number>();
  const familyHue: number[] = [];
  families.forEach((f, i) => {
    // A kept area keeps its colour, and its family the hue of it.
    const kept = f.areaId !== null ? keep?.areas[f.areaId] : undefined;
    const hue = kept !== undefined ? labToLch(hexToOklab(kept)).h : (FIRST_HUE + (slots[i] * 360) / n) % 360;
    const middle = kept ?? oklchToHex({ L: AREA_LIGHTNESS[slots[i] % 2], C: CHROMA[0], h: hue });
    familyHue.push(hue);
    if (f.areaId !== null) areas[f.areaId] = middle;
    anchor.push(hexToOklab(middle));
    shades.push(
      CHROMA.flatMap((C) => LIGHTNESS.flatMap((L) => HUE_OFFSETS.map((o) => oklchToHex({ L, C, h: (hue + o * halfWidth + 360) % 360 }))))
        .filter((hex, i, all) => all.indexOf(hex) === i)
        .map((hex) => ({ hex, lab: hexToOklab(hex) }))
    );
    f.themes.forEach((t) => familyOf.set(t.themeId, i));
  });

  const chosen = new Map<number, Shade>();
  /** The floors first (distance to neighbours, to its area's other themes), then both up to their goals, then closeness to the family's middle. */
  const score = (t: PaletteTheme, shade: Shade): Score => {
    let [near, same] = [Infinity, Infinity];
    for (const o of neighbours.get(t.themeId)!) {
      const c = chosen.get(o);
      if (c) near = Math.min(near, deltaE(shade.lab, c.lab));
    }
    const f = familyOf.get(t.themeId)!;
    for (const o of families[f].themes) {
      const c = o.themeId !== t.themeId ? chosen.get(o.themeId) : undefined;
      if (c) same = Math.min(same, deltaE(shade.lab, c.lab));
    }
    return [
      Math.min(near, NEIGHBOUR_DELTA_E),
      Math.min(same, AREA_DELTA_E),
      Math.min(near, NEIGHBOUR_GOAL) + Math.min(same, AREA_GOAL),
      -deltaE(shade.lab, anchor[f])
    ];
  };
  const pick = (t: PaletteTheme): [Shade, Score] => {
    let best: [Shade, Score] | null = null;
    for (const shade of shades[familyOf.get(t.themeId)!]) {
      const s = score(t, shade);
      if (!best || better(s, best[1])) best = [shade, s];
    }
    return best!;
  };

  /** Moves theme `t` to a better shade for itself, if there is one; true when it moved. */
  const moveOne = (t: PaletteTheme): boolean => {
    if (fixed.has(t.themeId)) return false;
    const current = chosen.get(t.themeId)!;
    chosen.delete(t.themeId);
    const now = score(t, current);
    const [shade, s] = pick(t);
    const moves = shade !== current && better(s.slice(0, 3), now.slice(0, 3));
    chosen.set(t.themeId, moves ? shade : current);
    return moves;
  };
  /** The floors of a pair taken together: the worse of the two, then their sum up to the goals. */
  const pairScore = (t: PaletteTheme, st: Shade, u: PaletteTheme, su: Shade): Score => {
    chosen.set(u.themeId, su);
    chosen.delete(t.themeId);
    const a = score(t, st);
    chosen.set(t.themeId, st);
    chosen.delete(u.themeId);
    const b = score(u, su);
    chosen.set(u.themeId, su);
    return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), a[2] + b[2]];
  };
  /** Two neighbours under the floor that neither can fix alone move together to the best pair of shades. */
  const movePair = (t: PaletteTheme, u: PaletteTheme): boolean => {
    if (fixed.has(t.themeId) || fixed.has(u.themeId)) return false;
    const [ct, cu] = [chosen.get(t.themeId)!, chosen.get(u.themeId)!];
    let best: [Shade, Shade, Score] = [ct, cu, pairScore(t, ct, u, cu)];
    const start = best[2];
    for (const st of shades[familyOf.get(t.themeId)!]) for (const su of shades[familyOf.get(u.themeId)!]) {
      const s = pairScore(t, st, u, su);
      if (better(s, best[2])) best = [st, su, s];
    }
    chosen.set(t.themeId, best[0]);
    chosen.set(u.themeId, best[1]);
    return better(best[2].slice(0, 2), start.slice(0, 2));
  };

  // The most constrained themes (most neighbours; then the largest) first; then rounds in which a
  // theme short of a target moves to a better shade, and neighbours still under the floor move as a pair.
  const order = [...input.themes].sort(bySize);
  const theme = new Map(order.map((t) => [t.themeId, t]));
  const degree = (t: PaletteTheme) => neighbours.get(t.themeId)!.size;
  // A kept theme keeps its colour where it is still a shade of its family (curation/: an edit must not
  // recolour the themes it did not touch); the others are placed around them.
  const fixed = new Set<number>();
  for (const t of order) {
    const hex = keep?.themes[t.themeId];
    if (hex === undefined) continue;
    const f = familyOf.get(t.themeId)!;
    const lab = hexToOklab(hex);
    // Still of its family's hue (a theme now in another area is placed anew): kept as it was, exactly.
    if (hueGap(labToLch(lab).h, familyHue[f]) > halfWidth + 2) continue;
    let shade = shades[f].find((x) => x.hex === hex);
    if (shade === undefined) shades[f].push((shade = { hex, lab }));
    chosen.set(t.themeId, shade);
    fixed.add(t.themeId);
  }
  for (const t of [...order].sort((a, b) => degree(b) - degree(a) || bySize(a, b))) if (!fixed.has(t.themeId)) chosen.set(t.themeId, pick(t)[0]);
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    let moved = false;
    for (const t of order) moved = moveOne(t) || moved;
    for (const t of order) for (const id of neighbours.get(t.themeId)!) {
      if (id < t.themeId || deltaE(chosen.get(t.themeId)!.lab, chosen.get(id)!.lab) >= NEIGHBOUR_DELTA_E) continue;
      moved = movePair(t, theme.get(id)!) || moved;
    }
    if (!moved) break;
  }
  return { themes: Object.fromEntries(order.map((t) => [t.themeId, chosen.get(t.themeId)!.hex])), areas };
}

/** A theme's colour, or the neutral grey when the run has no such theme. */
export function colourOf(colours: ThemeColours, themeId: number): string {
  return colours[themeId] ?? OTHER_COLOUR;
}

/** An area's colour, or the neutral grey. */
export function areaColourOf(colours: AreaColours, areaId: number): string {
  return colours[areaId] ?? OTHER_COLOUR;
}
