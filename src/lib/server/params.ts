// Owns validation of request parameters. Every bad value becomes a 400 naming the parameter and
// what was expected; empty values (an untouched form field) count as absent. Never a 500.
import { error } from '@sveltejs/kit';
import { GRANULARITIES, type Granularity } from '../../../pipeline/types.js';
import { query } from './db.js';
import { followGoneTheme } from './curation/index.js';
import { readDateBound } from '../date-bound.js';

export type Measure = 'papers' | 'share';
export type ExportFormat = 'csv' | 'json' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'parquet'];

export const MAX_LIMIT = 200;
export const MAX_PAGE = 100_000;
export const MAX_QUERY_LENGTH = 200;

/** The parameter's value, or null when it is absent or empty. */
function raw(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value === null || value === '' ? null : value;
}

/** An integer written in plain digits within [min, max]; `fallback` when absent. */
export function readInt(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number;
export function readInt(params: URLSearchParams, name: string, min: number, max: number): number | null;
export function readInt(params: URLSearchParams, name: string, min: number, max: number, fallback?: number) {
  const value = raw(params, name);
  if (value === null) return fallback ?? null;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) error(400, `${name}: expected an integer from ${min} to ${max}`);
  return n;
}

export function readPage(params: URLSearchParams): number {
  return readInt(params, 'page', 1, MAX_PAGE, 1);
}

export function readLimit(params: URLSearchParams, fallback: number): number {
  return readInt(params, 'limit', 1, MAX_LIMIT, fallback);
}

/**
 * A real calendar date, or null: YYYY-MM-DD (2025-02-30 is refused), or a month YYYY-MM or a year YYYY,
 * which stand for their first day as a range's start (`edge` 'start') and their last as its end
 * ("from=2025-12&to=2026-02" is December to February, both whole), as the corpus's own dates are read.
 */
export function readDate(params: URLSearchParams, name: string, edge: 'start' | 'end' = 'start'): string | null {
  const value = raw(params, name);
  if (value === null) return null;
  const bound = readDateBound(value, edge);
  if ('date' in bound) return bound.date;
  error(400, {
    format: `${name}: expected a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY)`,
    month: `${name}: ${value} is no calendar month (expected a real month YYYY-MM)`,
    day: `${name}: ${value} is no calendar date (expected a real date YYYY-MM-DD)`
  }[bound.error]);
}

/**
 * `from` and `to` dates, refusing a range that ends before it starts: a 400 whose page offers the two
 * swapped, as typed (the map swaps them itself, and says so: its view is a client-side state).
 */
export function readDateRange(params: URLSearchParams): { from: string | null; to: string | null } {
  const from = readDate(params, 'from', 'start');
  const to = readDate(params, 'to', 'end');
  if (from !== null && to !== null && from > to) {
    const [typedFrom, typedTo] = [raw(params, 'from')!, raw(params, 'to')!];
    const swapped = new URLSearchParams(params);
    swapped.set('from', typedTo);
    swapped.set('to', typedFrom);
    swapped.delete('page');
    error(400, {
      message: `to: expected a date on or after from, got from=${typedFrom} and to=${typedTo}`,
      nearest: { href: `?${swapped.toString()}`, text: `Swap them: from ${typedTo} to ${typedFrom}` }
    });
  }
  return { from, to };
}

/**
 * Search text, trimmed; at most MAX_QUERY_LENGTH characters. A longer one is a 400 whose page offers
 * the same search cut to the limit (at the last space before it, if any).
 */
export function readQuery(params: URLSearchParams): string | null {
  const value = raw(params, 'q') === null ? null : typedText(raw(params, 'q')!).trim();
  if (value !== null && [...value].length > MAX_QUERY_LENGTH) {
    const head = [...value].slice(0, MAX_QUERY_LENGTH).join('');
    const cut = head.lastIndexOf(' ') > MAX_QUERY_LENGTH / 2 ? head.slice(0, head.lastIndexOf(' ')) : head;
    error(400, {
      message: `q: expected at most ${MAX_QUERY_LENGTH} characters, got ${[...value].length}`,
      nearest: { href: withParam(params, 'q', cut.trim(), ['page']), text: `Search for the first ${[...cut.trim()].length} characters instead` }
    });
  }
  return value === '' ? null : value;
}

/**
 * Text as the stored texts write it: composed (NFC: an "ö" pasted as "o" + a combining diaeresis is "ö"),
 * a ligature pasted from a PDF as its letters ("ﬁne-tuning" is "fine-tuning") and full-width letters
 * as letters; each had found no paper (review of 2026-12-05). Other compatibility forms ("²") are kept.
 */
export function typedText(value: string): string {
  return value.normalize('NFC').replace(/[\uFB00-\uFB06\uFF01-\uFF5E]/g, (ch) => ch.normalize('NFKC'));
}

/** A relative link (“?…”) to the current page with `name` set (null: removed) and `drop` removed. */
export function withParam(params: URLSearchParams, name: string, value: string | null, drop: string[] = []): string {
  const next = new URLSearchParams(params);
  for (const d of drop) next.delete(d);
  if (value === null) next.delete(name);
  else next.set(name, value);
  return `?${next.toString()}`;
}

/** A page past the last one: a 404 that links to the last page, the other parameters kept. */
export function refusePastEnd(params: URLSearchParams, page: number, pages: number): never {
  error(404, {
    message: `Page ${page} is past the end: there ${pages === 1 ? 'is 1 page' : `are ${pages.toLocaleString('en-US')} pages`}.`,
    nearest: { href: withParam(params, 'page', pages === 1 ? null : String(pages)), text: `Go to the last page (${pages.toLocaleString('en-US')})` }
  });
}

function readChoice<T extends string>(params: URLSearchParams, name: string, choices: readonly T[], fallback: T): T {
  const value = raw(params, name);
  if (value === null) return fallback;
  if (!(choices as readonly string[]).includes(value)) error(400, `${name}: expected one of ${choices.join(', ')}`);
  return value as T;
}

/** `granularity`; absent → `fallback`, the run's default (runs.default_granularity) where there is a run. */
export function readGranularity(params: URLSearchParams, fallback: Granularity = 'month'): Granularity {
  return readChoice(params, 'granularity', GRANULARITIES, fallback);
}

/** `granularity` of a paper list (a trend window's link): only dates that count in such periods; absent or empty → null. */
export function readPeriodGranularity(params: URLSearchParams): Granularity | null {
  const value = raw(params, 'granularity');
  return value === null || value === '' ? null : readChoice(params, 'granularity', GRANULARITIES, 'month');
}

export function readMeasure(params: URLSearchParams): Measure {
  return readChoice(params, 'measure', ['papers', 'share'], 'share');
}

/** A theme id that exists in the run: malformed → 400, well-formed but not in the run → 404 (one curation merged away → 307 to where it went). */
export async function readTheme(params: URLSearchParams, runId: number, required = false): Promise<number | null> {
  const id = readInt(params, 'theme', 0, 1_000_000);
  if (id === null) {
    if (required) error(400, 'theme: expected a theme id (required)');
    return null;
  }
  const rows = await query(`SELECT 1 FROM themes WHERE run_id = $run AND theme_id = $theme`, { run: runId, theme: id });
  if (rows.length === 0) {
    // a theme a lead merged away is followed to the theme it went into; a split one's 404 links its parts
    await followGoneTheme(params, runId, id);
    error(404, `No theme ${id} in run ${runId}`);
  }
  return id;
}

export type Sort = 'relevance' | 'date';

/** `sort`: relevance (the default; with no query, newest first) or date (newest first). */
export function readSort(params: URLSearchParams): Sort {
  return readChoice(params, 'sort', ['relevance', 'date'], 'relevance');
}

/** An author name as stored (exact match), trimmed; at most 200 characters, no control characters. */
export function readAuthor(params: URLSearchParams): string | null {
  // Composed, and spaces as one ("Yann  LeCun" is Yann LeCun: it had found none).
  const value = raw(params, 'author') === null ? null : typedText(raw(params, 'author')!).replace(/\s+/g, ' ').trim();
  if (value === null || value === '') return null;
  if ([...value].length > 200 || /\p{Cc}/u.test(value)) error(400, 'author: expected a name of at most 200 characters');
  return value;
}

export type AddedFilter = 'yes' | 'novel';

/** `added`: yes = papers added after clustering (npm run assign), novel = those of them that fit no theme well. */
export function readAdded(params: URLSearchParams): AddedFilter | null {
  if (raw(params, 'added') === null || raw(params, 'added') === '') return null;
  return readChoice<AddedFilter>(params, 'added', ['yes', 'novel'], 'yes');
}

/** An arXiv-style category ("cs.CL", "stat.ML", "math-ph"): letters, digits, dots and hyphens, at most 40 characters. */
export function readCategory(params: URLSearchParams): string | null {
  const value = raw(params, 'category');
  if (value === null) return null;
  if (!/^[A-Za-z][A-Za-z0-9.-]{0,39}$/.test(value)) error(400, 'category: expected a category such as cs.CL');
  return value;
}
