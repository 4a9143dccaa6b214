// Owns how a lineage link is put into words, for the theme page, /runs/compare (table and flow) and the
// theme-lineage export: a 'continued' link whose keywords hardly overlap is flagged, and an earlier
// theme's links are read from its own side — the share of its papers that went to each later theme —
// so the largest part is not called "a part split off" while the whole is said to have "merged into"
// a theme it gave a third of its papers to. The stored kinds (match.ts) stay as they are.
import type { LineageKind } from './match.js';

/**
 * Below this keyword cosine (cosine.ts: the two themes' stored c-TF-IDF keyword profiles) a continued
 * link is flagged "its keywords changed": mostly the same papers, described by other words. Measured
 * 2026-12-03 on the README's two runs of the 74.7k corpus: 30 of 31 continued links have a cosine of
 * 0.49 or more (median 0.93); the one below, 0.15, is "self-supervised learning, generalized category
 * discovery" → "target domain, source domain"; a link a review found at 0.06 joined a mixture of face
 * recognition and adversarial examples to one of optimisation problems. 0.25 sits in that gap.
 */
export const KEYWORDS_CHANGED_COSINE = 0.25;

export interface WordedLink {
  kind: LineageKind;
  centroidCosine: number | null;
}

/** A continued link whose two themes' keywords barely overlap (cosine < KEYWORDS_CHANGED_COSINE); false where the cosine is unknown. */
export function keywordsChanged(link: WordedLink): boolean {
  return link.kind === 'continued' && link.centroidCosine !== null && link.centroidCosine < KEYWORDS_CHANGED_COSINE;
}

/** "continued", or "continued, but its keywords changed (keyword cosine 0.06)"; other kinds as they are. */
export function linkKindText(link: WordedLink): string {
  return keywordsChanged(link) ? `continued, but its keywords changed (keyword cosine ${link.centroidCosine!.toFixed(2)})` : link.kind;
}

/**
 * linkKindText in SQL over theme_lineage columns aliased `l` (the export's reads_as), held to it by
 * tests/unit/lineage/wording.test.ts.
 */
export function linkKindSql(l: string): string {
  return `CASE WHEN ${l}.kind = 'continued' AND ${l}.centroid_cosine < ${KEYWORDS_CHANGED_COSINE} ` +
    `THEN 'continued, but its keywords changed (keyword cosine ' || printf('%.2f', ${l}.centroid_cosine) || ')' ELSE ${l}.kind END`;
}

/** One later theme an earlier theme's papers went to, with the share of its papers (n / A) that went there. */
export interface Descendant extends WordedLink {
  share: number;
}

/**
 * How an earlier theme went on in the next run, from its own side (its links there, largest share first):
 *   'continued' — one link, continued: "continued as A";
 *   'merged'    — one link, merged: "merged into A" (A also holds other themes' papers);
 *   'part'      — one link, split: only a part of it is in one later theme, the rest in none;
 *   'split'     — several links: "split: 46% → A, 38% → B" (one of them may continue it).
 */
export type DescendantReading = 'continued' | 'merged' | 'part' | 'split';

export function readDescendants(links: readonly Descendant[]): DescendantReading | null {
  if (links.length === 0) return null;
  if (links.length > 1) return 'split';
  return links[0].kind === 'continued' ? 'continued' : links[0].kind === 'merged' ? 'merged' : 'part';
}

/** "46%": a share of a theme's papers, whole percent ("< 1%" for a sliver). */
export function shareText(share: number): string {
  const percent = Math.round(100 * share);
  return percent === 0 && share > 0 ? '< 1%' : `${percent}%`;
}
