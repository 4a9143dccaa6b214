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
  // A counting sort by run term id; within a term, rows stay ascending as buildSearchIndex wrote them.
  const n = local.postingTerm.length;
  const start = new Uint32Array(next + 1);
  for (let i = 0; i < n; i++) start[idOf[local.postingTerm[i]] + 1]++;
  for (let t = 0; t < next; t++) start[t + 1] += start[t];
  const out = { postingTerm: new Int32Array(n), postingRow: new Int32Array(n), postingTf: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const term = idOf[local.postingTerm[i]];
    const at = start[term]++;
    [out.postingTerm[at], out.postingRow[at], out.postingTf[at]] = [term, firstRow + local.postingRow[i], local.postingTf[i]];
  }
  return { newTerms, grown, ...out, titleLength: local.titleLength, abstractLength: local.abstractLength };
}
