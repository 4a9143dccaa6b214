// Owns adding new papers to a run's search index: their postings (pipeline/search semantics,
// normalised by the run's own mean field lengths) with words the run already has under their term
// ids and new words after them. The run's dictionary is not read into JS: the new papers' keys go
// to a temp table and DuckDB finds the known ones.
import type { DuckDBConnection } from '@duckdb/node-api';
import { fieldTf } from '../search/bm25.js';
import { appendChunks } from '../store/append.js';
import type { Table } from '../store/table-spec.js';
import { readColumns, tempTable } from './columns.js';
import type { PaperWords } from './search-words.js';

/** Temp tables the batch writes from (write.ts): the new papers' keys, and each key's term id, df and whether it is new. */
export const SEARCH_KEYS = 'assign_search_keys';
export const SEARCH_IDS = 'assign_search_ids';
const KEYS_TABLE: Table = { name: SEARCH_KEYS, columns: [{ name: 'local', type: 'INTEGER' }, { name: 'term', type: 'VARCHAR' }], key: [] };

export interface SearchAddition {
  /** Keys new to the run, and existing terms whose df grows (both in SEARCH_IDS). */
  newTerms: number;
  grownTerms: number;
  /** Postings sorted by term id, then row: term id, paper row, BM25F pseudo term frequency. */
  postingTerm: Int32Array;
  postingRow: Int32Array;
  postingTf: Float64Array;
  titleLength: Int32Array;
  abstractLength: Int32Array;
}

/**
 * The index of the new papers (paper rows firstRow..) against run `runId`'s terms. New terms get
 * ids from the run's largest + 1 in key order (code-unit order, as search/index.ts orders a run's
 * dictionary); the dashboard sorts the dictionary by key (src/lib/server/search-index.ts).
 */
export async function addToSearchIndex(connection: DuckDBConnection, runId: number, words: PaperWords, keyText: (key: number) => string,
  firstRow: number, averages: { title: number; abstract: number }): Promise<SearchAddition> {
  // Local term ids: the keys that occur, in order of first posting; df = papers holding each.
  let maxKey = -1;
  for (let i = 0; i < words.key.length; i++) maxKey = Math.max(maxKey, words.key[i]);
  const localOf = new Int32Array(maxKey + 1).fill(-1);
  // (No array of each posting's local id: it is localOf[key] again below. A fresh array costs its
  // first touch of each page, ~5 ms a MB here, more than looking the id up twice.)
  const keys: number[] = [];
  const dfOf = new Int32Array(maxKey + 1);
  for (let i = 0; i < words.key.length; i++) {
    const key = words.key[i];
    if (localOf[key] < 0) {
      localOf[key] = keys.length;
      keys.push(key);
    }
    dfOf[key]++;
  }
  const nLocal = keys.length;
  const df = Int32Array.from(keys, (key) => dfOf[key]);
  const texts = keys.map(keyText);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SEARCH_KEYS} (local INTEGER, term VARCHAR)`);
  // A chunk at a time, strings straight into the vectors (store/chunk-columns.ts): the appender's
  // call per value cost ~3 µs each.
  await appendChunks(connection, KEYS_TABLE, nLocal, [(t) => t, (t) => texts[t]]);
  const [known, knownId] = await readColumns(connection, `SELECT k.local::INTEGER, s.term_id::INTEGER FROM ${SEARCH_KEYS} k
    JOIN search_terms s ON s.run_id = $run AND s.term = k.term`, { run: runId }, ['int', 'int'] as const);
  const [[maxId]] = await readColumns(connection, 'SELECT coalesce(max(term_id), -1)::INTEGER FROM search_terms WHERE run_id = $run',
    { run: runId }, ['int'] as const);
  const idOf = new Int32Array(nLocal).fill(-1);
  for (let j = 0; j < known.length; j++) idOf[known[j]] = knownId[j];
  const fresh: number[] = [];
  for (let t = 0; t < nLocal; t++) if (idOf[t] < 0) fresh.push(t);
  fresh.sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0));
  let next = maxId + 1;
  for (const t of fresh) idOf[t] = next++;
  const isNew = new Int32Array(nLocal);
  for (const t of fresh) isNew[t] = 1;
  await tempTable(connection, SEARCH_IDS, { local: Int32Array.from({ length: nLocal }, (_, t) => t), term_id: idOf, df, is_new: isNew });
  // A counting sort by run term id; within a term, rows stay ascending (postings come in row order).
  const n = words.key.length;
  // Each posting's run term id, through its key's local id.
  const idOfKey = localOf;
  for (let key = 0; key <= maxKey; key++) if (localOf[key] >= 0) idOfKey[key] = idOf[localOf[key]];
  const start = new Uint32Array(next + 1);
  for (let i = 0; i < n; i++) start[idOfKey[words.key[i]] + 1]++;
  for (let t = 0; t < next; t++) start[t + 1] += start[t];
  const out = { postingTerm: new Int32Array(n), postingRow: new Int32Array(n), postingTf: new Float64Array(n) };
  const { key, row, tfTitle, tfAbstract, titleLength, abstractLength } = words;
  for (let i = 0; i < n; i++) {
    const term = idOfKey[key[i]];
    const at = start[term]++;
    const r = row[i];
    out.postingTerm[at] = term;
    out.postingRow[at] = firstRow + r;
    out.postingTf[at] = fieldTf(tfTitle[i], titleLength[r], averages.title, tfAbstract[i], abstractLength[r], averages.abstract);
  }
  return { newTerms: fresh.length, grownTerms: nLocal - fresh.length, ...out, titleLength, abstractLength };
}
