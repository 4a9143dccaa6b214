// Owns the k-nearest-neighbour hot loop: candidates from an inverted index over the rarer terms,
// re-scored by exact cosine in the TF-IDF space (rows are unit), the K best kept. Plain JS (ESM) so
// worker threads run it without tsx.
//
// Why the rarer terms: a term in ≤ maxDf papers has at most maxDf postings, so a query costs
// Σ over its rare terms of their df — bounded per paper, hence near-linear in the corpus — while
// neighbours by cosine almost always share rare terms (common ones carry little IDF weight).

/**
 * For rows start..end-1: partial cosines s'ᵢⱼ = Σ over terms t of i with df_t ≤ maxDf of xᵢₜ xⱼₜ
 * (through the postings of `t`, the transposed matrix; summed in float32 in i's term order); the
 * `pool` rows of highest s' (ties to the earlier-touched row; never i) are re-scored exactly,
 * sᵢⱼ = s'ᵢⱼ + Σ over the common terms (df > maxDf) of xᵢₜ xⱼₜ, through rows i and j of `common`
 * (commonPart), rounded to float32; the K highest (ties to the lower row) go to
 * outIdx/outSim[i * K ..], best first, −1 / −Infinity where fewer exist.
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array, nRows: number, nCols: number}} m
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array}} t
 * @param {CommonPart} common
 * @param {number} maxDf
 * @param {number} pool
 * @param {number} K
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} outIdx
 * @param {Float32Array} outSim
 */
export function knnRange(m, t, common, maxDf, pool, K, start, end, outIdx, outSim) {
  const { indptr, indices, values } = m;
  const [tIndptr, tIndices, tValues] = [t.indptr, t.indices, t.values];
  const [cIndptr, cIndices, cValues] = [common.indptr, common.indices, common.values];
  const partial = new Float32Array(m.nRows);
  const touched = new Int32Array(m.nRows);
  const dense = new Float32Array(common.nCommon); // row i's common part, by common-term number
  const heap = { idx: new Int32Array(pool), score: new Float32Array(pool), at: new Int32Array(pool) };
  const bestIdx = new Int32Array(K);
  const bestSim = new Float32Array(K);
  let warm = 0;
  for (let i = start; i < end; i++) {
    let nTouched = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const col = indices[p];
      const v = values[p];
      const [q0, q1] = [tIndptr[col], tIndptr[col + 1]];
      if (q1 - q0 > maxDf) continue;
      for (let q = q0; q < q1; q++) {
        const j = tIndices[q];
        const before = partial[j];
        if (before === 0) touched[nTouched++] = j;
        partial[j] = before + v * tValues[q];
      }
    }
    for (let p = cIndptr[i]; p < cIndptr[i + 1]; p++) dense[cIndices[p]] = cValues[p];
    let size = 0;
    for (let a = 0; a < nTouched; a++) {
      const j = touched[a];
      const s = partial[j];
      partial[j] = 0;
      if (j === i) continue;
      if (size < pool) heapPush(heap, size++, j, s, a);
      else if (s > heap.score[0]) heapReplaceRoot(heap, pool, j, s, a);
    }
    // Touch each candidate's common part before re-scoring any: the rows lie anywhere in its 24 MB,
    // and these independent loads let their cache misses overlap instead of coming one after another
    // (half the re-scoring's time was waiting on them). With the row's end read once (a store could
    // alias cIndptr, so V8 re-reads it per product), 15k rows on one thread, five interleaved runs:
    // median 1.81 → 1.65 CPU s; all 74.7k rows on two threads, four interleaved runs, 9.0–10.5 →
    // 8.4–9.3 CPU s (each pair within the machine's noise but one).
    for (let a = 0; a < size; a++) {
      const p = cIndptr[heap.idx[a]];
      if (p < cValues.length) warm += cValues[p] + cIndices[p];
    }
    bestIdx.fill(-1);
    bestSim.fill(-Infinity);
    for (let a = 0; a < size; a++) {
      const j = heap.idx[a];
      let s = heap.score[a];
      const last = cIndptr[j + 1];
      for (let p = cIndptr[j]; p < last; p++) s += dense[cIndices[p]] * cValues[p];
      insertBest(bestIdx, bestSim, K, j, Math.fround(s));
    }
    for (let p = cIndptr[i]; p < cIndptr[i + 1]; p++) dense[cIndices[p]] = 0;
    outIdx.set(bestIdx, i * K);
    outSim.set(bestSim, i * K);
  }
  sink = warm;
}

/** Where the warming loads of knnRange go, so they are not optimised away. */
let sink = 0;

/**
 * The candidate pool is a min-heap whose root is the worst kept candidate: the lowest score, and of
 * equal scores the later touched (`at`), so a later candidate replaces it only with a higher score —
 * the kept set is the `pool` best by (score, then earlier touched).
 * @typedef {{idx: Int32Array, score: Float32Array, at: Int32Array}} Heap
 */

/**
 * Whether heap entry x is worse than (s, at): lower score, or equal and touched later.
 * @param {Heap} h @param {number} x @param {number} s @param {number} at
 */
function worse(h, x, s, at) {
  return h.score[x] < s || (h.score[x] === s && h.at[x] > at);
}

/**
 * Adds (j, s, at) as entry `size` and sifts it up.
 * @param {Heap} h @param {number} size @param {number} j @param {number} s @param {number} at
 */
function heapPush(h, size, j, s, at) {
  let c = size;
  while (c > 0) {
    const parent = (c - 1) >> 1;
    if (worse(h, parent, s, at)) break;
    move(h, parent, c);
    c = parent;
  }
  put(h, c, j, s, at);
}

/**
 * Replaces the root (the worst) by (j, s, at) and sifts it down.
 * @param {Heap} h @param {number} size @param {number} j @param {number} s @param {number} at
 */
function heapReplaceRoot(h, size, j, s, at) {
  let c = 0;
  for (;;) {
    let child = 2 * c + 1;
    if (child >= size) break;
    if (child + 1 < size && worse(h, child + 1, h.score[child], h.at[child])) child++;
    if (!worse(h, child, s, at)) break;
    move(h, child, c);
    c = child;
  }
  put(h, c, j, s, at);
}

/** @param {Heap} h @param {number} from @param {number} to */
function move(h, from, to) {
  h.idx[to] = h.idx[from];
  h.score[to] = h.score[from];
  h.at[to] = h.at[from];
}

/** @param {Heap} h @param {number} x @param {number} j @param {number} s @param {number} at */
function put(h, x, j, s, at) {
  h.idx[x] = j;
  h.score[x] = s;
  h.at[x] = at;
}

/**
 * Inserts (j, s) into the descending top list of length `size` if it beats the last; on equal
 * scores the lower row wins.
 * @param {Int32Array} idx
 * @param {Float32Array} sim
 * @param {number} size
 * @param {number} j
 * @param {number} s
 */
function insertBest(idx, sim, size, j, s) {
  const last = size - 1;
  if (s < sim[last] || (s === sim[last] && idx[last] >= 0 && j > idx[last])) return;
  let p = last;
  while (p > 0 && (s > sim[p - 1] || (s === sim[p - 1] && j < idx[p - 1]))) {
    sim[p] = sim[p - 1];
    idx[p] = idx[p - 1];
    p--;
  }
  sim[p] = s;
  idx[p] = j;
}

/**
 * The entries of a matrix in its common terms (df > maxDf), which a partial cosine leaves out: rows
 * and column order kept, each column renumbered among the common ones (0 .. nCommon − 1, in column
 * order), so a row's common part is a short dense vector and its numbers fit 16 bits when there are
 * at most 65,536 common terms. 35% smaller than the rows themselves on the 74.7k corpus at maxDf 500,
 * and 10% less CPU for the search than re-scoring through the full rows.
 * @typedef {{indptr: Uint32Array, indices: Uint16Array | Uint32Array, values: Float32Array, nCommon: number}} CommonPart
 */

/**
 * `m`'s common part (df from `t`, the transpose); `alloc` makes each array (shared memory for the
 * map's threads).
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array, nRows: number, nCols: number}} m
 * @param {{indptr: Uint32Array}} t
 * @param {number} maxDf
 * @param {import('../shared-memory.js').Allocate} alloc
 * @returns {CommonPart}
 */
export function commonPart(m, t, maxDf, alloc) {
  const { indptr: rowStart, indices: cols, values: vals, nRows, nCols } = m;
  const number = new Int32Array(nCols).fill(-1);
  let nCommon = 0;
  for (let col = 0; col < nCols; col++) if (t.indptr[col + 1] - t.indptr[col] > maxDf) number[col] = nCommon++;
  const indptr = alloc(Uint32Array, nRows + 1);
  let count = 0;
  for (let i = 0; i < nRows; i++) {
    const end = rowStart[i + 1];
    for (let p = rowStart[i]; p < end; p++) if (number[cols[p]] >= 0) count++;
    indptr[i + 1] = count;
  }
  const indices = nCommon <= 65_536 ? alloc(Uint16Array, count) : alloc(Uint32Array, count);
  const values = alloc(Float32Array, count);
  const nnz = rowStart[nRows];
  for (let p = 0, at = 0; p < nnz; p++) {
    const c = number[cols[p]];
    if (c < 0) continue;
    indices[at] = c;
    values[at++] = vals[p];
  }
  return { indptr, indices, values, nCommon };
}
