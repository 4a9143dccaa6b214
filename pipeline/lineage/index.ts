// Owns lineage between two runs as the store and the dashboard compute it: shared papers (match.ts)
// decide the links, the cosine of the themes' keyword profiles (cosine.ts) is added as evidence.
import { keywordCosine, type TermWeights } from './cosine.js';
import { crossTabulate, matchThemes, type LineageLink, type ThemePapers } from './match.js';

export interface RunThemes {
  papers: ThemePapers;
  /** Theme id → its keyword weights (cosine.ts); a theme absent here has no cosine. */
  terms: ReadonlyMap<number, TermWeights>;
}

/** Lineage from two runs' themes: their shared papers, then matchThemes with the keyword cosine. */
export function lineageBetween(prev: RunThemes, next: RunThemes): LineageLink[] {
  return matchThemes([...prev.papers.keys()], [...next.papers.keys()], crossTabulate(prev.papers, next.papers), cosineOf(prev.terms, next.terms));
}

/** The keyword cosine of previous theme p and new theme t, null when either has no keywords. */
export function cosineOf(prev: ReadonlyMap<number, TermWeights>, next: ReadonlyMap<number, TermWeights>) {
  return (p: number, t: number): number | null => {
    const a = prev.get(p);
    const b = next.get(t);
    return a && b ? keywordCosine(a, b) : null;
  };
}
