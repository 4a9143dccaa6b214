// Owns the BM25F ranking constants and formulas, shared by the index builder (which stores each
// posting's field-weighted term frequency) and the dashboard's query (which sums the term scores).

/** BM25 saturation: how fast repeated occurrences stop adding score. */
export const K1 = 1.2;
/** BM25 length normalisation: 0 = none, 1 = full. */
export const B = 0.75;
/** A word in the title counts as much as this many in the abstract (titles are short and chosen). */
export const TITLE_WEIGHT = 3;

/** idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)) — Lucene's BM25 idf, never negative. */
export function idf(nDocs: number, df: number): number {
  return Math.log(1 + (nDocs - df + 0.5) / (df + 0.5));
}

/**
 * BM25F pseudo term frequency of a term in one paper, each field length-normalised on its own:
 *   tf' = TITLE_WEIGHT · tf_title / (1 − B + B · len_title / avg_title)
 *       +                tf_abstract / (1 − B + B · len_abstract / avg_abstract)
 * (len = searchable words in the field; avg over the run's papers).
 */
export function fieldTf(tfTitle: number, lenTitle: number, avgTitle: number, tfAbstract: number, lenAbstract: number, avgAbstract: number): number {
  const title = tfTitle === 0 ? 0 : (TITLE_WEIGHT * tfTitle) / (1 - B + (B * lenTitle) / avgTitle);
  const abstract = tfAbstract === 0 ? 0 : tfAbstract / (1 - B + (B * lenAbstract) / avgAbstract);
  return title + abstract;
}

/** A term's BM25 score in one paper: idf · tf' · (K1 + 1) / (tf' + K1). A paper's score is the sum over the query's terms. */
export function termScore(tf: number, termIdf: number): number {
  return (termIdf * tf * (K1 + 1)) / (tf + K1);
}
