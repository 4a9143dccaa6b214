// Owns ranked full-text search over the run's inverted index (search_terms, search_postings,
// paper_rows; built by pipeline/search): query words → term ids (per-run dictionary, cached) →
// BM25F scores summed in DuckDB SQL with bound parameters. The formulas are pipeline/search/bm25.ts.
import { K1, idf } from '../../../pipeline/search/bm25.js';
import { query, streamChunks, type Params } from './db.js';
import { cachedForRun } from './run-cache.js';
import { parseQuery, type ParsedQuery } from './search-parse.js';
import { SEARCH_STEM, searchKey, searchStemOf, searchTokens, type SearchStem } from '../../../pipeline/tokenise/search-tokens.js';

/** Index terms one prefix may stand for at most: the most frequent (a two-letter prefix can match thousands). */
export const MAX_PREFIX_TERMS = 64;

interface Dictionary {
  /** Search keys in code-unit order (a position here is a dictionary position, not a term id). */
  terms: string[];
  df: Int32Array;
  nDocs: number;
  /** term_id of each position: the position itself for a run as written (search_terms sorted), not after `npm run assign` added terms. */
  ids: Int32Array;
  /** How the run's keys are stemmed (runs.metrics.searchStem): a query's words are stemmed so too. */
  stem: SearchStem;
}

export interface ResolvedTerm {
  termId: number;
  key: string;
  /** Which query word it matches (0-based): a paper must match every word. */
  word: number;
  idf: number;
}

export interface ResolvedQuery {
  parsed: ParsedQuery;
  /** The run's search stem: the words of a text are keyed so to mark its hits. */
  stem: SearchStem;
  terms: ResolvedTerm[];
  /** Words in the query; a paper needs a term of each. */
  nWords: number;
  /** False when some word matches no term of the run (so nothing matches), or there are no words. */
  matchable: boolean;
  /** RE2 patterns of the quoted phrases, checked against title + abstract. */
  phrasePatterns: string[];
  /** RE2 patterns of the excluded phrases (-"code generation"): a paper whose title + abstract matches one is left out. */
  excludedPhrasePatterns: string[];
  /**
   * Per excluded phrase, the term ids of its searchable words: only a paper holding them all can hold
   * the phrase, so only its text is read (null: a phrase of stop words, read on every paper). A phrase
   * with a word the run does not hold leaves nothing out and is dropped from both lists.
   */
  excludedPhraseTerms: (number[] | null)[];
  /** Term ids of the excluded words ("-diffusion") that the run holds: a paper with one is left out. */
  excludedTermIds: number[];
  /**
   * The query with each word the run does not hold replaced by the run's most frequent word a letter or
   * two away ("gausian splatting" → "gaussian splatting"), when there is one for each; else null.
   */
  suggestion: string | null;
  /**
   * RE2 pattern of the unquoted words in order (ParsedQuery.near), when at most NEAR_MAX_PAPERS papers
   * can hold every word: the papers whose title + abstract matches it rank first (paperFilterSql).
   */
  nearPattern: string | null;
}

/**
 * Papers whose text the order check may read at most: the fewest papers holding one of the words
 * (their document frequency) bounds those holding all. Above it ("language model" at a million
 * papers) the ranking is BM25F alone, so a plain search stays within its time (a quoted phrase over
 * ~300k texts took ~500 ms there).
 */
export const NEAR_MAX_PAPERS = 50_000;

/**
 * What a paper holding the query's words in order gains: more than any BM25F score (a word adds at
 * most idf · (k1 + 1) < 20 · 2.2, and a query has at most 12), so those papers come first, each
 * group in BM25F order.
 */
export const NEAR_BONUS = 1000;

async function loadDictionary(runId: number): Promise<Dictionary> {
  // Column by column, chunk by chunk (db.ts streamChunks): a row object per term cost ~1 s of CPU at 235k terms.
  const [terms, df, ids]: [string[], number[], number[]] = [[], [], []];
  for await (const chunk of streamChunks(`SELECT term_id, term, df FROM search_terms WHERE run_id = $run ORDER BY term_id`, { run: runId })) {
    const [id, term, n] = [0, 1, 2].map((c) => chunk.getColumnValues(c));
    for (let i = 0; i < id.length; i++) [ids.push(id[i] as number), terms.push(term[i] as string), df.push(n[i] as number)];
  }
  const [n] = await query<{ n: number; stem: string | null }>(`SELECT (SELECT count(*) FROM paper_rows WHERE run_id = $run)::INTEGER AS n,
    (SELECT metrics->>'searchStem' FROM runs WHERE run_id = $run) AS stem`, { run: runId });
  const stem = searchStemOf({ searchStem: n.stem });
  // Terms added by npm run assign come after the run's, out of key order: sorted here (JS code-unit order).
  if (terms.some((t, i) => i > 0 && terms[i - 1] > t)) {
    const order = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    return { terms: order.map((i) => terms[i]), df: Int32Array.from(order, (i) => df[i]), nDocs: n.n, ids: Int32Array.from(order, (i) => ids[i]), stem };
  }
  return { terms, df: Int32Array.from(df), nDocs: n.n, ids: Int32Array.from(ids), stem };
}

/** The run's search dictionary, loaded once per run (about 10 MB at 220k terms) and kept in the run cache. */
export function dictionary(runId: number): Promise<Dictionary> {
  return cachedForRun(runId, 'search-dictionary', () => loadDictionary(runId), (d) => d.terms.reduce((b, t) => b + 2 * t.length + 40, 0));
}

/** First position in ascending `terms` whose value is ≥ `key` (strings in code-unit order, as JS compares them; or numbers). */
export function lowerBound<T extends string | number>(terms: readonly T[], key: T): number {
  let [lo, hi] = [0, terms.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Id of `key` in the dictionary, or -1. */
function idOf(dict: Pick<Dictionary, 'terms'>, key: string): number {
  const at = lowerBound(dict.terms, key);
  return dict.terms[at] === key ? at : -1;
}

/**
 * Dictionary positions (term ids: dict.ids) for one query word: its exact key; with a prefix (the word being typed) also every key
 * starting with the word as typed ("transfor" → "transform") and every key the typed word starts
 * with, down to 3 characters shorter and at least 3 long (a stem: "mergi" → "merg") when the word's own key is
 * not in the run, not into a hyphenated word's earlier parts ("gpt-4" is no "gpt"); at most
 * MAX_PREFIX_TERMS of them, the most frequent. Not the stem of the typed word: Porter cuts "vis"
 * to "vi", which would widen the prefix to "view".
 */
export function termsForWord(dict: Pick<Dictionary, 'terms' | 'df'>, key: string, prefix: string | null): number[] {
  const ids = new Set<number>();
  const exact = idOf(dict, key);
  if (exact >= 0) ids.add(exact);
  if (prefix !== null) {
    const expanded: number[] = [];
    for (let t = lowerBound(dict.terms, prefix); t < dict.terms.length && dict.terms[t].startsWith(prefix); t++) expanded.push(t);
    // Within the last part of a hyphenated word: "gpt-4" must not widen to every "gpt". Only for a word the run does
    // not hold as typed: a whole word ("transformers", key "transformer") is not widened back to "transform".
    for (let length = Math.max(3, prefix.length - 3, prefix.lastIndexOf('-') + 2); exact < 0 && length < prefix.length; length++) {
      const stem = idOf(dict, prefix.slice(0, length));
      if (stem >= 0) expanded.push(stem);
    }
    expanded.sort((a, b) => dict.df[b] - dict.df[a] || a - b);
    for (const t of expanded) {
      if (ids.size >= MAX_PREFIX_TERMS) break;
      ids.add(t);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * RE2 (DuckDB regexp_matches) pattern of a phrase: its words in order, each in any of its inflected
 * forms (wordForms), case-insensitive, whole words, anything but letters and digits between. The
 * phrase's words are matched by stem like any query word; the phrase adds their order, so
 * "large language model" finds "large language models" too (it had found 3,287 of the 20,113 papers
 * of the 74.7k run that hold the phrase in either form).
 */
export function phrasePattern(words: readonly string[], lastPrefix = false, stem: SearchStem = SEARCH_STEM): string {
  const alternatives = words.map((w, i) => {
    // The word being typed also as the start of a word ("model merg" finds "model merging").
    const forms = [...wordForms(w, stem).map(escapeRe2), ...(lastPrefix && i === words.length - 1 ? [`${escapeRe2(w)}[\\pL\\pM\\pN-]*`] : [])];
    return forms.length === 1 ? forms[0] : `(?:${forms.join('|')})`;
  });
  return `(?i)(^|[^\\pL\\pM\\pN])${alternatives.join('[^\\pL\\pM\\pN]+')}($|[^\\pL\\pM\\pN])`;
}

function escapeRe2(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** Endings of English inflection (plural, past, participle, gerund) tried on a word's bases. */
const INFLECTIONS = ['', 's', 'es', 'd', 'ed', 'ing'];

/**
 * Whether English may spell `base` + `ending` so: "-es" after a sibilant, "o" or "i", "-d" after "e",
 * "-ed" and "-ing" not after "e" (a junk form left is harmless: it must still have the word's stem).
 */
function fits(base: string, ending: string): boolean {
  switch (ending) {
    case 's': return !/(?:s|x|z|ch|sh)$/.test(base);
    case 'es': return /(?:s|x|z|ch|sh|o|i)$/.test(base);
    case 'd': return base.endsWith('e');
    case 'ed': return !base.endsWith('e');
    case 'ing': return !base.endsWith('e') && !base.endsWith('i');
    default: return true;
  }
}

/**
 * A phrase word's inflected forms: the word as written and each plural, past or gerund form of it
 * that has its search key (stem), the key deciding: "model" → model, models, modeled, modeling,
 * modelled, modelling; "APIs" → apis, api; a stop word ("studies") or a number only itself. A
 * hyphenated or dotted word ("vision-language-model") inflects its last part. Derived words of the
 * same stem ("generation" for "general") are not tried: a quoted phrase is asked for as written.
 */
export function wordForms(word: string, stem: SearchStem = SEARCH_STEM): string[] {
  const cut = Math.max(word.lastIndexOf('-'), word.lastIndexOf('.'), word.lastIndexOf('/')) + 1;
  const [head, last] = [word.slice(0, cut), word.slice(cut)];
  const key = /^[\p{L}]+$/u.test(last) ? searchKey(last, stem) : null;
  if (key === null) return [word];
  // The word less an ending, twice ("embeddings" → "embedding" → "embedd").
  const bases = new Set([last]);
  for (let pass = 0; pass < 2; pass++) {
    for (const base of [...bases]) {
      for (const ending of ['ies', 'ied', 'es', 'ed', 'ing', 's', 'd']) {
        if (base.length > ending.length + 2 && base.endsWith(ending)) bases.add(base.slice(0, -ending.length));
      }
    }
  }
  for (const base of [...bases]) {
    if (base.endsWith('e')) bases.add(base.slice(0, -1));
    if (base.endsWith('y')) bases.add(`${base.slice(0, -1)}i`);
    if (/i$/.test(base)) bases.add(`${base.slice(0, -1)}y`);
    if (/[^aeiou][aeiou][bdglmnprt]$/.test(base)) bases.add(base + base.at(-1));
    if (/([bdglmnprt])\1$/.test(base)) bases.add(base.slice(0, -1));
  }
  const forms = new Set([last]);
  for (const base of bases) {
    for (const ending of INFLECTIONS) {
      if (!fits(base, ending)) continue;
      const form = base + ending;
      if (!forms.has(form) && searchKey(form, stem) === key) forms.add(form);
    }
  }
  return [...forms].map((f) => head + f);
}

/** Parses `q` and resolves its words against the run's dictionary (`nearMax`: NEAR_MAX_PAPERS, a test's own below it). */
export async function resolveQuery(runId: number, q: string, { nearMax = NEAR_MAX_PAPERS }: { nearMax?: number } = {}): Promise<ResolvedQuery> {
  const dict = await dictionary(runId);
  const parsed = parseQuery(q, dict.stem);
  const terms: ResolvedTerm[] = [];
  let matchable = parsed.words.length > 0;
  // The fewest papers holding one word (a word's terms' frequencies summed) bound those that hold them all.
  let fewest = Infinity;
  parsed.words.forEach((w, word) => {
    const ids = termsForWord(dict, w.key, w.prefix);
    fewest = Math.min(fewest, ids.reduce((sum, at) => sum + dict.df[at], 0));
    if (ids.length === 0) matchable = false;
    // A word weighs as its most frequent form (the lowest idf of its terms): a prefix must not make a
    // rare completion ("neural-symbolic" for "neural") outweigh the word itself.
    const wordIdf = Math.min(...ids.map((t) => idf(dict.nDocs, dict.df[t])));
    for (const at of ids) terms.push({ termId: dict.ids[at], key: dict.terms[at], word, idf: wordIdf });
  });
  const excludedTermIds = parsed.excluded.map((key) => idOf(dict, key)).filter((at) => at >= 0).map((at) => dict.ids[at]);
  const unmatched = parsed.words.filter((_, word) => !terms.some((t) => t.word === word)).map((w) => w.key);
  const suggestion = unmatched.length > 0 ? suggestQuery(dict, q, unmatched) : null;
  const nearPattern = matchable && parsed.near !== null && fewest <= nearMax ? phrasePattern(parsed.near, parsed.nearPrefix, dict.stem) : null;
  // An excluded phrase is read only in the papers holding its words (review of 2026-12-05: -"neural network" beside "model"
  // read all 58k texts, 1.5-2.3 s; through the postings of its words, 0.3 s).
  const excluded = parsed.excludedPhrases.map((words) => {
    // By the parts of a hyphenated or dotted word, which the index holds however the word is joined ("vision-language-model").
    const keys = [...new Set(words.flatMap((w) => w.split(/[-./]/)).map((w) => searchKey(w, dict.stem)).filter((k): k is string => k !== null))];
    const positions = keys.map((k) => idOf(dict, k));
    return { words, terms: positions.includes(-1) ? undefined : positions.length === 0 ? null : positions.map((at) => dict.ids[at]) };
  }).filter((e): e is { words: string[]; terms: number[] | null } => e.terms !== undefined);
  return { parsed, stem: dict.stem, terms, nWords: parsed.words.length, matchable, suggestion,
    phrasePatterns: parsed.phrases.map((words) => phrasePattern(words, false, dict.stem)),
    excludedPhrasePatterns: excluded.map((e) => phrasePattern(e.words, false, dict.stem)), excludedPhraseTerms: excluded.map((e) => e.terms),
    excludedTermIds, nearPattern };
}

/**
 * SQL of the run's papers that match every query word, with their BM25F score:
 *   score(paper) = Σ over query words w: max over the terms t of w: idf(w) · tf′(t) · (K1 + 1) / (tf′(t) + K1)
 * with idf(w) the lowest idf of w's terms (a word without a prefix has one term, and idf(w) = idf(t)).
 * tf′ (title ×3 plus abstract, each length-normalised) is stored per posting by the pipeline. A word
 * counts once, by its best term: a prefix stands for up to 64 terms, and a paper holding several of
 * them ("neural-symbolic", "neural-field") must not outrank one that holds the other words.
 * A paper holding an excluded word's term is left out.
 * Columns: paper_id, score. Parameters are named $st0.. (term ids), $sw0.. (word), $si0.. (idf), $sx0.. (excluded term ids).
 */
export function matchSql(runId: number, resolved: ResolvedQuery): { sql: string; params: Params } {
  // No parameter may go unused (DuckDB refuses the statement), so nothing is bound for a query that matches nothing.
  if (!resolved.matchable) return { sql: `SELECT NULL::VARCHAR AS paper_id, NULL::DOUBLE AS score WHERE false`, params: {} };
  const params: Params = { srun: runId, swords: resolved.nWords, sk1: K1 };
  const values = resolved.terms.map((t, i) => {
    Object.assign(params, { [`st${i}`]: t.termId, [`sw${i}`]: t.word, [`si${i}`]: t.idf });
    return `($st${i}::INTEGER, $sw${i}::INTEGER, $si${i}::DOUBLE)`;
  });
  // The IN list of constants lets DuckDB skip row groups by term_id (postings are written sorted by it).
  const inList = resolved.terms.map((_, i) => `$st${i}`).join(', ');
  const excludedList = resolved.excludedTermIds.map((id, i) => {
    params[`sx${i}`] = id;
    return `$sx${i}`;
  }).join(', ');
  const excluding = excludedList === '' ? ''
    : `AND s.paper_row NOT IN (SELECT paper_row FROM search_postings WHERE run_id = $srun AND term_id IN (${excludedList}))`;
  const sql = `SELECT pr.paper_id, s.score FROM (
      SELECT paper_row, sum(word_score) AS score FROM (
        SELECT sp.paper_row, q.word, max(q.idf * sp.tf * ($sk1 + 1) / (sp.tf + $sk1)) AS word_score
        FROM search_postings sp JOIN (VALUES ${values.join(', ')}) q(term_id, word, idf) ON q.term_id = sp.term_id
        WHERE sp.run_id = $srun AND sp.term_id IN (${inList})
        GROUP BY sp.paper_row, q.word
      ) GROUP BY paper_row
      HAVING count(*) = $swords
    ) s JOIN paper_rows pr ON pr.run_id = $srun AND pr.paper_row = s.paper_row ${excluding}`;
  return { sql, params };
}

/** How far a word the run lacks may be from its suggestion: 1 edit up to 5 letters, 2 above (a typo, not another word). */
const maxEdits = (length: number) => (length <= 5 ? 1 : 2);

/**
 * `q` with each of its words whose key is in `unmatched` replaced by the run's most frequent key within
 * maxEdits (optimal string alignment: a swap of two letters is one edit), written as the form of that
 * key closest to what was typed (surfaceNear: "mergng" → key "merg" → "merging"); null when a word has
 * none. Only for a query that matched nothing, so the scan of the dictionary (235k keys at 74.7k
 * papers, those of about its length compared) is paid only then.
 */
export function suggestQuery(dict: Pick<Dictionary, 'terms' | 'df' | 'stem'>, q: string, unmatched: readonly string[]): string | null {
  const replacement = new Map<string, string>();
  for (const key of new Set(unmatched)) {
    if (!/^[\p{L}]+$/u.test(key) || key.length < 4) return null;
    let best = -1;
    const most = maxEdits(key.length);
    for (let t = 0; t < dict.terms.length; t++) {
      const term = dict.terms[t];
      if (Math.abs(term.length - key.length) > most || (best >= 0 && dict.df[t] <= dict.df[best])) continue;
      if (editDistance(key, term, most) <= most) best = t;
    }
    if (best < 0) return null;
    replacement.set(key, dict.terms[best]);
  }
  // Each token of the query whose key has a replacement, as written (positions in its lower case, the same but for "İ"-like letters).
  const lower = q.toLowerCase();
  if (lower.length !== q.length) return null;
  let out = '';
  let at = 0;
  for (const token of searchTokens(q, dict.stem)) {
    const key = replacement.get(token.key);
    if (key === undefined || token.start < at) continue;
    out += q.slice(at, token.start) + surfaceNear(key, token.word, dict.stem);
    at = token.end;
  }
  return at === 0 ? null : out + q.slice(at);
}

/** Of the forms of `key` (itself, an ending added or its last letter changed back), the one closest to `typed` that stems to it. */
function surfaceNear(key: string, typed: string, stem: SearchStem): string {
  const forms = [key, ...['e', 's', 'es', 'ed', 'ing', 'ion', 'er', 'ers'].map((ending) => key + ending),
    ...(key.endsWith('i') ? [`${key.slice(0, -1)}y`, `${key.slice(0, -1)}ies`] : [])].filter((form) => searchKey(form, stem) === key);
  return forms.reduce((best, form) => (editDistance(typed, form, 9) < editDistance(typed, best, 9) ? form : best), key);
}

/** Optimal string alignment distance of `a` and `b`, or more than `limit` once it is certain to be. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}
