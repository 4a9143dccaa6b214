// Owns counting in how many documents each term occurs (tfidf's df). Counted per chunk, in the
// thread that tokenised it, and summed by merge-chunks.ts: document sets of chunks are disjoint.

/** Number of documents each term occurs in; a marker per term avoids clearing a set per document. */
export function countDocumentFrequencies(docs: Uint32Array[], nTerms: number): Uint32Array {
  const df = new Uint32Array(nTerms);
  const lastDoc = new Int32Array(nTerms).fill(-1);
  docs.forEach((ids, doc) => {
    for (let i = 0; i < ids.length; i++) {
      const term = ids[i];
      if (lastDoc[term] !== doc) {
        lastDoc[term] = doc;
        df[term]++;
      }
    }
  });
  return df;
}
