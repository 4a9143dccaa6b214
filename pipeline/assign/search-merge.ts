// Owns adding new papers to a run's search index: their postings (pipeline/search, normalised by the
// run's own mean field lengths) with terms the run already has under its ids, new terms after them.
import { buildSearchIndex, type IndexText } from '../search/index.js';

export interface SearchAddition {
  /** New search_terms rows: ids from the run's largest + 1, with their df among the new papers. */
  newTerms: { termId: number; term: string; df: number }[];
  /** Existing terms whose df grows: id and papers added. */
  grown: { termId: number; added: number }[];
  postingTerm: Int32Array;
  postingRow: Int32Array;
  postingTf: Float64Array;
  titleLength: Int32Array;
  abstractLength: Int32Array;
}

/**
 * The index of `papers` (paper rows firstRow..) against the run's terms (`existing`: term → id).
 * Term ids no longer follow key order for the added terms: the dashboard sorts the dictionary by key
 * (src/lib/server/search-index.ts). Postings are sorted by term id, then row.
 */
export function addToSearchIndex(papers: readonly IndexText[], firstRow: number, existing: Map<string, number>,
  averages: { title: number; abstract: number }): SearchAddition {
  const local = buildSearchIndex(papers, averages);
  let next = 0;
  for (const id of existing.values()) next = Math.max(next, id + 1);
  const idOf = new Int32Array(local.terms.length);
  const newTerms: SearchAddition['newTerms'] = [];
  const grown: SearchAddition['grown'] = [];
  local.terms.forEach((term, t) => {
    const id = existing.get(term);
    if (id === undefined) newTerms.push({ termId: (idOf[t] = next++), term, df: local.df[t] });
    else grown.push({ termId: (idOf[t] = id), added: local.df[t] });
  });
  const n = local.postingTerm.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => idOf[local.postingTerm[a]] - idOf[local.postingTerm[b]] || a - b);
  return {
    newTerms, grown,
    postingTerm: Int32Array.from(order, (i) => idOf[local.postingTerm[i]]),
    postingRow: Int32Array.from(order, (i) => firstRow + local.postingRow[i]),
    postingTf: Float64Array.from(order, (i) => local.postingTf[i]),
    titleLength: local.titleLength, abstractLength: local.abstractLength
  };
}
