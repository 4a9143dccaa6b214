// Owns how the themes of two runs are matched (README "Lineage between runs"): the papers both runs
// hold, counted per (previous theme, new theme), decide each link's kind; the cosine is evidence only.
// No imports: the dashboard's pages use its kinds and thresholds.

/** Theme id → the paper ids of its papers. */
export type ThemePapers = ReadonlyMap<number, readonly string[]>;

/** Papers in previous theme `prevThemeId` and new theme `themeId`, counting papers both runs hold. */
export interface SharedCount {
  prevThemeId: number;
  themeId: number;
  papers: number;
}

export type LineageKind = 'continued' | 'split' | 'merged' | 'new' | 'gone';
export const LINEAGE_KINDS: readonly LineageKind[] = ['continued', 'split', 'merged', 'new', 'gone'];

export interface LineageLink {
  kind: LineageKind;
  /** The new theme; null for a 'gone' row. */
  themeId: number | null;
  /** The previous theme; null for a 'new' row. */
  prevThemeId: number | null;
  /** n: papers of both themes (both runs hold them); 0 on new/gone rows. */
  sharedPapers: number;
  /** n / (A + B − n), A and B the two themes' papers that both runs hold; 0 on new/gone rows. */
  jaccard: number;
  /** keywordCosine of the two themes; null on new/gone rows or when a theme has no keywords. */
  centroidCosine: number | null;
  /** B: the new theme's papers that the previous run also holds (null on 'gone'). */
  themePapers: number | null;
  /** A: the previous theme's papers that the new run also holds (null on 'new'). */
  prevThemePapers: number | null;
}

/** A pair of themes is linked when it shares at least this many papers… */
export const MIN_SHARED_PAPERS = 3;
/** …and they are at least this share of the previous theme's papers (n/A) or of the new theme's (n/B). */
export const LINK_SHARE = 0.2;
/** A link is 'continued' when n/A and n/B are both above this: a majority of each is in the other. */
export const CONTINUED_SHARE = 0.5;

/** Counts papers per (previous theme, new theme) over the paper ids both runs hold. */
export function crossTabulate(prev: ThemePapers, next: ThemePapers): SharedCount[] {
  const prevTheme = new Map<string, number>();
  for (const [themeId, ids] of prev) for (const id of ids) prevTheme.set(id, themeId);
  const counts = new Map<string, SharedCount>();
  for (const [themeId, ids] of next) {
    for (const id of ids) {
      const prevThemeId = prevTheme.get(id);
      if (prevThemeId === undefined) continue;
      const key = `${prevThemeId}:${themeId}`;
      const c = counts.get(key) ?? counts.set(key, { prevThemeId, themeId, papers: 0 }).get(key)!;
      c.papers++;
    }
  }
  return [...counts.values()];
}

/**
 * Every link between the previous run's themes and the new run's, then a 'new' row for each new theme
 * without one and a 'gone' row for each previous theme without one. With n, A, B as on LineageLink:
 * a pair is linked when n ≥ MIN_SHARED_PAPERS and max(n/A, n/B) ≥ LINK_SHARE; a link is
 * 'continued' when n/A > ½ and n/B > ½ (so each theme continues at most one other), else 'split'
 * when n/A < n/B (the shared papers are a smaller part of the previous theme than of the new one),
 * else 'merged' (a larger part of the previous theme: it went into a new theme that also holds others).
 */
export function matchThemes(prevThemes: readonly number[], themes: readonly number[], shared: readonly SharedCount[],
  cosine: (prevThemeId: number, themeId: number) => number | null): LineageLink[] {
  const prevPapers = totals(prevThemes, shared, (c) => c.prevThemeId);
  const themePapers = totals(themes, shared, (c) => c.themeId);
  const links: LineageLink[] = [];
  for (const c of shared) {
    const a = prevPapers.get(c.prevThemeId) ?? 0;
    const b = themePapers.get(c.themeId) ?? 0;
    const n = c.papers;
    if (n < MIN_SHARED_PAPERS || Math.max(n / a, n / b) < LINK_SHARE) continue;
    const kind = n / a > CONTINUED_SHARE && n / b > CONTINUED_SHARE ? 'continued' : n / a < n / b ? 'split' : 'merged';
    links.push({ kind, themeId: c.themeId, prevThemeId: c.prevThemeId, sharedPapers: n, jaccard: n / (a + b - n),
      centroidCosine: cosine(c.prevThemeId, c.themeId), themePapers: b, prevThemePapers: a });
  }
  links.sort((x, y) => x.themeId! - y.themeId! || x.prevThemeId! - y.prevThemeId!);
  const linkedNew = new Set(links.map((l) => l.themeId));
  const linkedPrev = new Set(links.map((l) => l.prevThemeId));
  const unlinked = (kind: 'new' | 'gone', themeId: number | null, prevThemeId: number | null): LineageLink => ({
    kind, themeId, prevThemeId, sharedPapers: 0, jaccard: 0, centroidCosine: null,
    themePapers: themeId === null ? null : themePapers.get(themeId) ?? 0,
    prevThemePapers: prevThemeId === null ? null : prevPapers.get(prevThemeId) ?? 0
  });
  const byId = (a: number, b: number) => a - b;
  const added = [...themes].sort(byId).filter((t) => !linkedNew.has(t)).map((t) => unlinked('new', t, null));
  const gone = [...prevThemes].sort(byId).filter((p) => !linkedPrev.has(p)).map((p) => unlinked('gone', null, p));
  return [...links, ...added, ...gone];
}

/** Per theme, its papers that both runs hold (the sum of its shared counts); 0 for a theme with none. */
function totals(ids: readonly number[], shared: readonly SharedCount[], of: (c: SharedCount) => number): Map<number, number> {
  const sums = new Map<number, number>(ids.map((id) => [id, 0]));
  for (const c of shared) sums.set(of(c), (sums.get(of(c)) ?? 0) + c.papers);
  return sums;
}

/** How many rows of each kind: the summary line and runs.metrics.lineage. */
export function countKinds(links: readonly LineageLink[]): Record<LineageKind, number> {
  const counts = Object.fromEntries(LINEAGE_KINDS.map((k) => [k, 0])) as Record<LineageKind, number>;
  for (const l of links) counts[l.kind]++;
  return counts;
}
