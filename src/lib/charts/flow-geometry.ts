// Owns the geometry of the lineage flow diagram (/runs/compare): two columns of themes, each theme a
// bar as tall as its papers that both runs hold, bands between them as wide as the papers they share.
// Order: barycentre sweeps (Sugiyama) to cut crossings; labels pushed apart so none overlap.
import type { LineageKind } from '../../../pipeline/lineage/match.js';

export interface FlowTheme {
  themeId: number;
  label: string;
}

export interface FlowInput {
  prevThemes: FlowTheme[];
  themes: FlowTheme[];
  /** Papers per (previous theme, new theme); kind of the link, or null for a flow under the link threshold. */
  flows: { prevThemeId: number; themeId: number; papers: number; kind: LineageKind | null; keywordsChanged?: boolean; cosine?: number | null }[];
}

export interface FlowNode extends FlowTheme {
  /** Papers of its flows (those both runs hold). */
  papers: number;
  y0: number;
  y1: number;
  /** Where its label's centre is (its bar's centre unless pushed away by a neighbour's label). */
  labelY: number;
}

export interface FlowBand {
  prevThemeId: number;
  themeId: number;
  papers: number;
  kind: LineageKind | null;
  /** A continued link whose keywords changed (pipeline/lineage/wording.ts keywordsChanged): drawn hatched. */
  keywordsChanged?: boolean;
  cosine?: number | null;
  /** The filled band: upper edge left → right, lower edge back. */
  path: string;
  /** Its ends: top and bottom at the left bar, and at the right bar. */
  sy0: number;
  sy1: number;
  ty0: number;
  ty1: number;
}

export interface FlowLayout {
  left: FlowNode[];
  right: FlowNode[];
  bands: FlowBand[];
  height: number;
  /** Flows under the link threshold thinner than minBand: not drawn (their papers still count in the bars). */
  hidden: { flows: number; papers: number };
}

export interface FlowOptions {
  /** x of the left bars' right edge and of the right bars' left edge. */
  x0: number;
  x1: number;
  /** Vertical room per theme label (px): the chart is at least this times the longer column tall. */
  labelRow: number;
  /** Gap between bars (px). */
  gap: number;
  minHeight: number;
  /** A flow that is no link is drawn only when at least this many px wide (links always are). */
  minBand: number;
}

type Flow = FlowInput['flows'][number];

/** Mean position of a node's flows' other ends, weighted by papers; nodes without flows keep `fallback`. */
function barycentres(ids: number[], flows: Flow[], side: 'prevThemeId' | 'themeId', otherRank: Map<number, number>) {
  const other = side === 'prevThemeId' ? 'themeId' : 'prevThemeId';
  const sum = new Map<number, [number, number]>();
  for (const f of flows) {
    const [s, w] = sum.get(f[side]) ?? [0, 0];
    sum.set(f[side], [s + f.papers * (otherRank.get(f[other]) ?? 0), w + f.papers]);
  }
  return new Map(ids.map((id, i) => { const [s, w] = sum.get(id) ?? [0, 0]; return [id, w > 0 ? s / w : ids.length + i]; }));
}

/** Each theme's papers on one side of the flows (its bar's height in papers). */
export function papersPerTheme(flows: readonly Flow[], side: 'prevThemeId' | 'themeId'): Map<number, number> {
  const papers = new Map<number, number>();
  for (const f of flows) papers.set(f[side], (papers.get(f[side]) ?? 0) + f.papers);
  return papers;
}

const rankOf = (ids: number[]) => new Map(ids.map((id, i) => [id, i]));
const sortBy = (ids: number[], key: Map<number, number>) => [...ids].sort((a, b) => key.get(a)! - key.get(b)! || a - b);

/** Column orders: left by papers (largest first), then four barycentre sweeps right, left, right, left. */
export function orderColumns(input: FlowInput): { left: number[]; right: number[] } {
  const papers = papersPerTheme(input.flows, 'prevThemeId');
  let left = input.prevThemes.map((t) => t.themeId).sort((a, b) => (papers.get(b) ?? 0) - (papers.get(a) ?? 0) || a - b);
  let right = input.themes.map((t) => t.themeId);
  for (let sweep = 0; sweep < 2; sweep++) {
    right = sortBy(right, barycentres(right, input.flows, 'themeId', rankOf(left)));
    left = sortBy(left, barycentres(left, input.flows, 'prevThemeId', rankOf(right)));
  }
  right = sortBy(right, barycentres(right, input.flows, 'themeId', rankOf(left)));
  return { left, right };
}

/** Label centres as near their wanted y as they can be while `row` px apart and inside [0, height]. */
export function spreadLabels(wanted: number[], row: number, height: number): number[] {
  const y = [...wanted];
  for (let i = 0; i < y.length; i++) y[i] = Math.max(y[i], i === 0 ? row / 2 : y[i - 1] + row);
  for (let i = y.length - 1; i >= 0; i--) y[i] = Math.min(y[i], i === y.length - 1 ? height - row / 2 : y[i + 1] - row);
  return y;
}

/** Height of a column at px-per-paper `scale`: each bar its papers × scale plus the gap, or a label row if more. */
function columnHeight(papers: number[], scale: number, o: FlowOptions): number {
  return papers.reduce((sum, n) => sum + Math.max(n * scale + o.gap, o.labelRow), 0);
}

/**
 * The px per paper that makes the taller column `height` tall (bisection: columnHeight grows with
 * the scale); 0 when there are no papers or even scale 0 needs more room (only label rows).
 */
export function fitScale(columns: number[][], height: number, o: FlowOptions): number {
  const tallest = (s: number) => Math.max(...columns.map((c) => columnHeight(c, s, o)));
  const total = Math.max(...columns.map((c) => c.reduce((a, b) => a + b, 0)));
  if (total === 0 || tallest(0) >= height) return 0;
  let [lo, hi] = [0, height / total];
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (tallest(mid) <= height) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A column's bars top to bottom, each centred in a slot at least a label row tall, its label at its centre. */
function column(order: number[], themes: FlowTheme[], papers: Map<number, number>, scale: number, o: FlowOptions, height: number): FlowNode[] {
  const byId = new Map(themes.map((t) => [t.themeId, t]));
  let y = 0;
  const nodes = order.map((id) => {
    const n = papers.get(id) ?? 0;
    const slot = Math.max(n * scale + o.gap, o.labelRow);
    const y0 = y + (slot - n * scale) / 2;
    y += slot;
    return { ...byId.get(id)!, papers: n, y0, y1: y0 + n * scale, labelY: 0 };
  });
  // Slots are label rows or taller, so this keeps each label at its bar's centre; it only guards the edges.
  const labels = spreadLabels(nodes.map((n) => (n.y0 + n.y1) / 2), o.labelRow, Math.max(height, y));
  nodes.forEach((n, i) => (n.labelY = labels[i]));
  return nodes;
}

/** A band from [sy0, sy1] at x0 to [ty0, ty1] at x1, its edges cubic curves with horizontal tangents. */
export function bandPath(x0: number, x1: number, sy0: number, sy1: number, ty0: number, ty1: number): string {
  const xm = (x0 + x1) / 2;
  const f = (v: number) => Math.round(v * 10) / 10;
  return `M${f(x0)},${f(sy0)}C${f(xm)},${f(sy0)} ${f(xm)},${f(ty0)} ${f(x1)},${f(ty0)}` +
    `L${f(x1)},${f(ty1)}C${f(xm)},${f(ty1)} ${f(xm)},${f(sy1)} ${f(x0)},${f(sy1)}Z`;
}

/**
 * The whole diagram, `height` = max(minHeight, 1.3 × labelRow × the longer column) tall: one px-per-paper
 * scale for both columns (the same papers leave the left as reach the right), fitted so the taller
 * column fills the height with each bar in a slot of at least one label row (so no label overlaps
 * another or leaves its bar); each bar's bands stacked in the order of their other ends, so bands
 * leave and arrive without crossing inside a bar.
 */
export function layoutFlow(input: FlowInput, o: FlowOptions): FlowLayout {
  const order = orderColumns(input);
  const target = Math.max(o.minHeight, 1.3 * o.labelRow * Math.max(order.left.length, order.right.length));
  const [leftPapers, rightPapers] = [papersPerTheme(input.flows, 'prevThemeId'), papersPerTheme(input.flows, 'themeId')];
  const total = input.flows.reduce((n, f) => n + f.papers, 0);
  const scale = fitScale([order.left.map((id) => leftPapers.get(id) ?? 0), order.right.map((id) => rightPapers.get(id) ?? 0)], target, o);
  const left = column(order.left, input.prevThemes, leftPapers, scale, o, target);
  const right = column(order.right, input.themes, rightPapers, scale, o, target);
  const height = Math.max(target, ...[...left, ...right].map((n) => Math.max(n.y1 + o.gap, n.labelY + o.labelRow / 2)));
  const leftAt = new Map(left.map((n) => [n.themeId, n]));
  const rightAt = new Map(right.map((n) => [n.themeId, n]));
  const outY = new Map(left.map((n) => [n.themeId, n.y0]));
  const inY = new Map(right.map((n) => [n.themeId, n.y0]));
  const bySource = [...input.flows].sort((a, b) => leftAt.get(a.prevThemeId)!.y0 - leftAt.get(b.prevThemeId)!.y0
    || rightAt.get(a.themeId)!.y0 - rightAt.get(b.themeId)!.y0);
  const ends = new Map<Flow, [number, number]>();
  for (const f of bySource) {
    const sy = outY.get(f.prevThemeId)!;
    outY.set(f.prevThemeId, sy + f.papers * scale);
    ends.set(f, [sy, sy + f.papers * scale]);
  }
  const bands: FlowBand[] = [];
  for (const f of [...bySource].sort((a, b) => rightAt.get(a.themeId)!.y0 - rightAt.get(b.themeId)!.y0
    || leftAt.get(a.prevThemeId)!.y0 - leftAt.get(b.prevThemeId)!.y0)) {
    const ty = inY.get(f.themeId)!;
    inY.set(f.themeId, ty + f.papers * scale);
    const [sy0, sy1] = ends.get(f)!;
    const ty1 = ty + f.papers * scale;
    if (f.kind !== null || f.papers * scale >= o.minBand) bands.push({ ...f, path: bandPath(o.x0, o.x1, sy0, sy1, ty, ty1), sy0, sy1, ty0: ty, ty1 });
  }
  // Flows under the link threshold first, so the links are drawn over them.
  bands.sort((a, b) => Number(a.kind !== null) - Number(b.kind !== null));
  const drawn = bands.reduce((n, b) => n + b.papers, 0);
  return { left, right, bands, height, hidden: { flows: input.flows.length - bands.length, papers: total - drawn } };
}
