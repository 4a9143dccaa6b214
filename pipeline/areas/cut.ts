// Owns how many areas the tree is cut into: a count chosen from the data within a readable range.
import { cutTree, type Merge } from './hierarchy.js';

/** Areas wanted: about 6–12 (one chart's worth of named bands), never more than k / 2. */
export const MIN_AREAS = 6;
export const MAX_AREAS = 12;

export interface AreaCut {
  groups: number;
  /** Area of each theme, 0.. in order of each area's lowest theme id. */
  areaOfTheme: Int32Array;
  /** cost of the next merge / cost of the last merge made at this cut (Infinity when that was free). */
  jump: number;
}

/** Candidate counts: MIN_AREAS..MAX_AREAS, narrowed to at most ⌊k / 2⌋ areas (at least 1). */
export function areaRange(k: number): { min: number; max: number } {
  const max = Math.max(1, Math.min(MAX_AREAS, Math.floor(k / 2)));
  return { min: Math.min(MIN_AREAS, max), max };
}

/**
 * The cut with the largest jump in Ward's cost among the counts in areaRange(k): after it, the next
 * merge would cost the most relative to the last one made — the groups are tight inside and far
 * apart. Ties to fewer areas. No guard against one-theme crumbs is needed: joining a theme of w
 * papers costs at most 2w (hierarchy.ts), so a small theme joins early and a theme stands alone
 * only when it is large and far from the rest ("antenna, finite", 4.3 % of the full corpus).
 */
export function chooseAreaCut(merges: Merge[], k: number): AreaCut {
  const { min, max } = areaRange(k);
  let best: AreaCut | null = null;
  for (let groups = min; groups <= Math.min(max, k); groups++) {
    const last = k - groups - 1 >= 0 ? merges[k - groups - 1].cost : 0;
    const next = k - groups < merges.length ? merges[k - groups].cost : 0;
    const jump = last > 0 ? next / last : next > 0 ? Infinity : 1;
    if (best === null || jump > best.jump) best = { groups, areaOfTheme: cutTree(merges, k, groups), jump };
  }
  return best!;
}
