// Owns turning one raw record (a JSON object, a CSV row keyed by header, or a reader's mapped
// record) into a Paper: field aliases (case-, space-, "_"- and "-"-insensitive), type checks,
// dates, ids, DOIs and urls. A bad record becomes a Problem.
import type { DatePrecision, Paper } from '../types.js';
import { coarser, numericOrder, parseDate, parsePrecision, truncateDate } from './dates.js';
import { describeValue } from './errors.js';
import { MAX_ABSTRACT_CHARS, arxivId, cleanDoi, cleanList, cleanPrintable, cleanText, arrayName, splitAuthors, splitCategories, splitKeywords, splitLastFirstAuthors, truncate } from './text.js';
import { contentId } from './merge.js';

/**
 * Why a record was skipped: the (canonical) field and what was expected; `key`, the field key of the
 * alias whose value was wrong, when it is not the field's first alias found (fieldName).
 */
export interface Problem {
  field: string;
  reason: string;
  key?: string;
}

// Aliases as field keys, in order of preference: Zotero's CSV ("Abstract Note", "Publication
// Year", "Manual Tags"), Scopus ("Source title", "Author Keywords", "EID"), Web of Science's
// spreadsheet export ("Article Title", "Source Title", "UT (Unique WOS ID)").
const TITLE_KEYS = ['title', 'articletitle'];
const ABSTRACT_KEYS = ['abstract', 'summary', 'abstractnote'];
const ID_KEYS = ['id', 'paperid', 'arxivid', 'doi', 'key', 'eid', 'ut(uniquewosid)'];
const CATEGORY_KEYS = ['categories', 'category'];
const KEYWORD_KEYS = ['keywords', 'authorkeywords', 'keyword', 'manualtags'];
const VENUE_KEYS = ['venue', 'journal', 'sourcetitle', 'publicationtitle', 'containertitle', 'booktitle'];
const URL_KEYS = ['url', 'abs', 'link'];
/**
 * Most precise first; "versions" stands for arXiv's versions[0].created (the v1 submission). The
 * names spreadsheets and databases use for a publication date ("Date Published", "Pub Date", "PY")
 * come after the first names, so a record that had one of those keeps its reading.
 */
const DATE_KEYS = ['published', 'date', 'publicationdate', 'datepublished', 'publisheddate', 'pubdate', 'issued', 'dateissued',
  'coverdate', 'versions', 'updatedate', 'year', 'publicationyear', 'yearpublished', 'pubyear', 'publishedyear', 'py'];
/** Date fields added to the first seven: only a string or a number in one is read (anything else is passed over). */
const NEWER_DATE_KEYS = new Set(['datepublished', 'publisheddate', 'pubdate', 'issued', 'dateissued', 'coverdate',
  'yearpublished', 'pubyear', 'publishedyear', 'py']);
/** The date fields as a warning names them. */
export const DATE_FIELD_NAMES = ['published', 'date', 'publication date', 'date published', 'published date', 'pub date',
  'issued', 'date issued', 'cover date', 'update date', 'year', 'publication year', 'year published', 'pub year', 'PY'];
/** A declared precision ("year" | "month" | "day") for the record's date (field keys: see fieldKey). */
const PRECISION_KEYS = ['dateprecision', 'precision'];
const AUTHOR_KEYS = ['authorsparsed', 'authors', 'author'];

/** The aliases of each field a Problem names, in order of preference. */
const FIELD_KEYS: Record<string, readonly string[]> = {
  title: TITLE_KEYS, abstract: ABSTRACT_KEYS, id: ID_KEYS, published: DATE_KEYS, date_precision: PRECISION_KEYS,
  authors: AUTHOR_KEYS, authors_parsed: ['authorsparsed'], categories: CATEGORY_KEYS, keywords: KEYWORD_KEYS, url: URL_KEYS
};

/**
 * The record's own name for the field `problem` names, so that a message points at the file's column
 * ("Publication Year", "Abstract Note") rather than at Themescope's field (published, abstract):
 * the alias the value was read from, else the most preferred one present (a non-blank one first).
 */
export function fieldName(record: Record<string, unknown>, problem: Problem): string {
  const name = recordFieldName(record, problem);
  // A reader that filled Themescope's field from one of its format's own (RIS's DA, Scopus's Year) names it.
  return (record as { [SOURCE_NAMES]?: SourceNames })[SOURCE_NAMES]?.()[name] ?? name;
}

/**
 * The format's own name of each field a reader filled from it under Themescope's name ({published:
 * 'DA'} for RIS; undefined: the same name): a skipped record then names the field as the file writes
 * it. Asked only for a skipped record, so a reader works them out then, not for every record. Under a
 * symbol key: no field of the record, and left out by everything that reads its keys.
 */
export const SOURCE_NAMES: unique symbol = Symbol('the format\'s own field names');
export type SourceNames = () => Record<string, string | undefined>;

/** `record` with the format's own names of its fields (SOURCE_NAMES), worked out by `names` when asked. */
export function withSourceNames<T extends Record<string, unknown>>(record: T, names: SourceNames): T {
  (record as { [SOURCE_NAMES]?: SourceNames })[SOURCE_NAMES] = names;
  return record;
}

/** The record's own key the problem is of (fieldName before a reader's SOURCE_NAMES). */
function recordFieldName(record: Record<string, unknown>, problem: Problem): string {
  const keys = problem.key !== undefined ? [problem.key] : FIELD_KEYS[problem.field];
  if (keys === undefined) return problem.field;
  let name: string | null = null;
  let rank = Infinity;
  for (const key of Object.keys(record)) {
    const i = keys.indexOf(fieldKey(key));
    if (i < 0) continue;
    const r = i + (isBlank(record[key]) ? keys.length : 0);
    if (r < rank) [name, rank] = [key, r];
  }
  return name ?? problem.field;
}

/** The key a field name is matched by: lower-case without spaces, "_" and "-" ("Publication Year" → "publicationyear"). */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(NOT_KEY, '');
}
const NOT_KEY = /[\s_-]+/g;

/** The fields a record cannot do without, and the (lower-cased) names each may go by. */
export const REQUIRED_FIELDS: Record<string, string[]> = { title: TITLE_KEYS, abstract: ABSTRACT_KEYS };

/**
 * A record's values by field key, read in one pass over its keys (fieldSlots): slot i holds the
 * value of the field key SLOT_KEYS[i], undefined when the record has none. The field names below
 * are slot numbers, aliases in order of preference.
 */
type Fields = unknown[];
const SLOT_KEYS = [...new Set([...TITLE_KEYS, ...ABSTRACT_KEYS, ...ID_KEYS, ...CATEGORY_KEYS, ...KEYWORD_KEYS, ...VENUE_KEYS,
  ...URL_KEYS, ...DATE_KEYS, ...PRECISION_KEYS, ...AUTHOR_KEYS])];
const SLOT = new Map(SLOT_KEYS.map((key, i) => [key, i]));
const slotsOf = (keys: string[]): number[] => keys.map((key) => SLOT.get(key)!);
const TITLE = slotsOf(TITLE_KEYS);
const ABSTRACT = slotsOf(ABSTRACT_KEYS);
const ID = slotsOf(ID_KEYS);
const DOI = SLOT.get('doi')!;
const CATEGORIES = slotsOf(CATEGORY_KEYS);
const KEYWORDS = slotsOf(KEYWORD_KEYS);
const VENUE = slotsOf(VENUE_KEYS);
const URL = slotsOf(URL_KEYS);
const DATES = slotsOf(DATE_KEYS);
const VERSIONS = SLOT.get('versions')!;
const PRECISION = slotsOf(PRECISION_KEYS);
const [AUTHORS_PARSED, AUTHORS, AUTHOR] = slotsOf(AUTHOR_KEYS);
/** Fields that hold only a year: a date read from one is a year, however it is written. */
const YEAR_FIELDS = new Set(slotsOf(['year', 'publicationyear', 'yearpublished', 'pubyear', 'publishedyear', 'py']));
const NEWER_DATES = new Set(slotsOf([...NEWER_DATE_KEYS]));

/**
 * How normaliseRecord reads a record beyond its fields, and what it noticed about one it kept.
 * `sheet`: the record is a spreadsheet row (a 5-digit number in a date cell is an Excel day).
 * Set by each call: `unreadableDate`, why the date could not be read (the paper is then undated);
 * `dateField`, whether the record has a date field at all (blank or not); `cut`, as below.
 */
export interface NormaliseContext {
  sheet: boolean;
  unreadableDate: Problem | null;
  dateField: boolean;
  /** The abstract was longer than MAX_ABSTRACT_CHARS and was cut there (a whole paper pasted in, PDF debris). */
  cut: boolean;
  /**
   * Optional, kept for the whole file: how many of its numeric d/m/yyyy or m/d/yyyy dates showed
   * which order (dates.ts numericOrder); and, set by each call, the record's date read either way
   * when that was why it has none (unreadableDate is then set too), at the precision it would have.
   */
  dateOrder?: { dayFirst: number; monthFirst: number };
  eitherDate?: { monthFirst: string; dayFirst: string; precision: DatePrecision; declared: boolean } | null;
}

/**
 * Validates and normalises one record; `source` is the basename of its file. `printable`: every
 * string in the record is known to be printable ASCII (its JSON line was, with no escapes:
 * RawLine.printable), so the title and abstract are cleaned by cleanPrintable.
 */
export function normaliseRecord(record: Record<string, unknown>, source: string, printable = false,
  context: NormaliseContext | null = null): Paper | Problem {
  const fields = fieldSlots(record);
  const title = requiredText(pick(fields, TITLE), 'title', printable);
  if (typeof title !== 'string') return title;
  const abstract = requiredText(pick(fields, ABSTRACT), 'abstract', printable);
  if (typeof abstract !== 'string') return abstract;
  if (NO_ABSTRACT.test(abstract)) return { field: 'abstract', reason: `expected an abstract, got the placeholder "${abstract}"` };
  const paperId = readId(fields, title, abstract);
  if (typeof paperId !== 'string') return paperId;
  const arxiv = arxivId(paperId) !== null;
  const date = readDate(fields, context);
  if ('reason' in date) return date;
  const authors = readAuthors(fields, printable);
  if (!Array.isArray(authors)) return authors;
  const categories = readList(pick(fields, CATEGORIES), 'categories', splitCategories, printable);
  if (!Array.isArray(categories)) return categories;
  const keywords = readList(pick(fields, KEYWORDS), 'keywords', splitKeywords, printable);
  if (!Array.isArray(keywords)) return keywords;
  const url = readUrl(fields, paperId, arxiv);
  if (url !== null && typeof url !== 'string') return url;
  const doi = readDoi(fields, paperId, arxiv);
  const venueValue = pick(fields, VENUE);
  const venueText = typeof venueValue !== 'string' ? '' : printable ? cleanPrintable(venueValue) : cleanText(venueValue);
  const venue = venueText === '' ? null : venueText;
  const published = date.iso;
  const datePrecision = date.precision;
  if (context !== null) context.cut = abstract.length > MAX_ABSTRACT_CHARS;
  const all = union(categories, keywords);
  // One literal per shape (not a spread), the keys in the same order either way.
  const paper: Paper = date.declared
    ? { paperId, title, abstract: truncate(abstract, MAX_ABSTRACT_CHARS), published, datePrecision, datePrecisionDeclared: true,
      authors, categories: all, url, source, doi, venue }
    : { paperId, title, abstract: truncate(abstract, MAX_ABSTRACT_CHARS), published, datePrecision, authors, categories: all, url,
      source, doi, venue };
  if (categories.length === 0 && keywords.length > 0) paper.keywordsOnly = true;
  return paper;
}

/** Categories, then the keywords that are not among them. */
function union(categories: string[], keywords: string[]): string[] {
  if (keywords.length === 0) return categories;
  const seen = new Set(categories);
  return [...categories, ...keywords.filter((k) => !seen.has(k) && seen.add(k))];
}

/** The record's DOI, or its id when that is a DOI; null when neither is one (an arXiv id never is). */
function readDoi(fields: Fields, paperId: string, arxiv: boolean): string | null {
  const value = fields[DOI];
  return (typeof value === 'string' ? cleanDoi(value) : null) ?? (arxiv ? null : cleanDoi(paperId));
}

const NOT_KEY_CHAR = /[A-Z\s_-]/;
const NO_FIELDS: Fields = SLOT_KEYS.map(() => undefined);

/** Whether a key is its own field key as far as matters here: no A-Z, whitespace, "_" or "-". */
function isPlainKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) return !NOT_KEY_CHAR.test(key);
    if ((c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x2d || c === 0x20 || (c >= 0x09 && c <= 0x0d)) return false;
  }
  return true;
}

/**
 * The record's fields by slot. When every key is plain (the common case) each is its own field key;
 * else every key is read by its field key, and of two keys with one field key ("DOI", "doi") the
 * first non-blank one counts.
 */
function fieldSlots(record: Record<string, unknown>): Fields {
  const fields = NO_FIELDS.slice();
  let plain = true;
  for (const key in record) {
    const slot = SLOT.get(key); // every alias is plain
    if (slot !== undefined) fields[slot] = record[key];
    else if (plain && !isPlainKey(key)) plain = false;
  }
  if (plain) return fields;
  fields.fill(undefined);
  for (const key of Object.keys(record)) {
    const slot = SLOT.get(fieldKey(key));
    if (slot !== undefined && isBlank(fields[slot])) fields[slot] = record[key];
  }
  return fields;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The first alias with a non-blank value; else the first present blank one (for the message). */
function pick(fields: Fields, aliases: number[]): unknown {
  let blank: unknown = undefined;
  for (let i = 0; i < aliases.length; i++) {
    const value = fields[aliases[i]];
    if (!isBlank(value)) return value;
    if (blank === undefined) blank = value;
  }
  return blank;
}

/** What exports write where a paper has no abstract ("N/A", "No abstract available."): no text to theme. */
const NO_ABSTRACT = /^[[(]?\s*(?:n\/?a|none|null|-+|no abstract(?: is)?(?: available)?|abstract not available|not available)\s*\.?\s*[\])]?$/i;

function requiredText(value: unknown, field: string, printable: boolean): string | Problem {
  const text = typeof value === 'string' ? (printable ? cleanPrintable(value) : cleanText(value)) : '';
  if (text !== '') return text;
  return { field, reason: `expected a non-empty string, got ${describeValue(value)}` };
}

function readId(fields: Fields, title: string, abstract: string): string | Problem {
  // arXiv's own DOI names the paper whatever other id it has (an OpenAlex W-id, a citation key).
  const doi = fields[DOI];
  const fromDoi = typeof doi === 'string' ? arxivId(cleanDoi(doi) ?? '') : null;
  if (fromDoi !== null) return fromDoi;
  const value = pick(fields, ID);
  if (isBlank(value)) return contentId({ title, abstract });
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') return { field: 'id', reason: `expected a string, got ${describeValue(value)}` };
  const id = value.trim();
  // A DOI written as a link ("https://doi.org/10.…", "doi:10.…": a DOI column read as the id) is the DOI.
  return arxivId(id) ?? cleanDoi(id) ?? id;
}

type DateField = { iso: string | null; precision: DatePrecision | null; declared: boolean };

/**
 * The first non-blank date alias, at the coarsest of what it is written with, what a `year` field
 * implies (year) and what a `date_precision` field declares; coarsening truncates to the period
 * start. A declared precision finer than the written date (`2025` declared `day`) keeps the written one.
 */
function readDate(fields: Fields, context: NormaliseContext | null): DateField | Problem {
  const declared = pick(fields, PRECISION);
  const precision = isBlank(declared) ? null : parsePrecision(declared);
  if (!isBlank(declared) && precision === null) {
    return { field: 'date_precision', reason: `expected year, month or day, got ${describeValue(declared)}` };
  }
  const options = context?.sheet === true ? SHEET_DATES : undefined;
  // An unreadable date or a "no date" word ("in press") passes on to the next date field; when
  // none gives a date the paper is undated, and the first unreadable one is noted for the warning.
  let unreadable: Problem | null = null;
  let either: NonNullable<NormaliseContext['eitherDate']> | null = null;
  let present = false;
  for (let i = 0; i < DATES.length; i++) {
    const alias = DATES[i];
    const value = alias === VERSIONS ? firstVersionCreated(fields[VERSIONS]) : fields[alias];
    if (value !== undefined) present = true;
    if (isBlank(value)) continue;
    if (typeof value === 'object' && value !== null && 'reason' in value) return value as Problem;
    if (typeof value !== 'string' && typeof value !== 'number') {
      if (NEWER_DATES.has(alias)) continue;
      return { field: 'published', key: SLOT_KEYS[alias], reason: `expected a date string or a year number, got ${describeValue(value)}` };
    }
    // A year field holds a year however it is written: five digits there are a mistyped year
    // ("20255"), not a spreadsheet's day number (which would read as 1955-06-15 in silence).
    const yearField = YEAR_FIELDS.has(alias);
    if (yearField && typeof value === 'string' && /^\s*\d{5,}\s*$/.test(value)) {
      return { field: 'published', key: SLOT_KEYS[alias], reason: `expected a year in 1000..2100, got "${value.trim()}"` };
    }
    const parsed = parseDate(value, yearField ? undefined : options);
    if ('undated' in parsed) continue;
    const order = typeof value === 'string' && !yearField && context !== null ? numericOrder(value) : null;
    if ('error' in parsed) {
      if (parsed.unreadable !== true) return { field: 'published', key: SLOT_KEYS[alias], reason: parsed.error };
      if (unreadable === null && order !== null && 'either' in order) {
        const final = precision === null ? 'day' : coarser('day', precision);
        either = { monthFirst: truncateDate(order.either.monthFirst, final), dayFirst: truncateDate(order.either.dayFirst, final), precision: final,
          declared: precision !== null };
      }
      unreadable ??= { field: 'published', key: SLOT_KEYS[alias], reason: parsed.error };
      continue;
    }
    if (order !== null && 'order' in order && context?.dateOrder) context.dateOrder[order.order === 'day-first' ? 'dayFirst' : 'monthFirst']++;
    const implied = yearField ? 'year' : precision;
    if (implied === null) return { iso: parsed.iso, precision: parsed.precision, declared: false };
    const final = coarser(parsed.precision, implied);
    return { iso: truncateDate(parsed.iso, final), precision: final, declared: true };
  }
  if (context !== null) {
    context.unreadableDate = unreadable;
    context.eitherDate = either;
    context.dateField = present;
  }
  return { iso: null, precision: null, declared: false };
}
const SHEET_DATES = { serial: true };

/** arXiv snapshot: versions = [{version: "v1", created: "Mon, 2 Apr 2007 19:18:42 GMT"}, ...]. */
function firstVersionCreated(versions: unknown): unknown {
  if (isBlank(versions) || (Array.isArray(versions) && versions.length === 0)) return undefined;
  const first: unknown = Array.isArray(versions) ? versions[0] : undefined;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    return (first as Record<string, unknown>).created;
  }
  const got = Array.isArray(versions) ? `an array containing ${describeValue(first)}` : describeValue(versions);
  return { field: 'versions', reason: `expected an array of {version, created} objects, got ${got}` };
}

function readAuthors(fields: Fields, printable: boolean): string[] | Problem {
  const parsed = fields[AUTHORS_PARSED];
  if (isBlank(parsed)) {
    // "authors" lists "First Last, First Last"; a singular "author" (Zotero, BibTeX) "Last, First; ...".
    const authors = fields[AUTHORS];
    // An array's names are one name each, "Last, First" ones flipped as a string's are: one person, one name.
    if (!isBlank(authors)) return readList(authors, 'authors', splitAuthors, printable, arrayName);
    return readList(fields[AUTHOR], 'authors', splitLastFirstAuthors, printable, arrayName);
  }
  // arXiv snapshot: [[last, first, suffix], ...] → "first last suffix".
  const ok = Array.isArray(parsed) && parsed.every((a) => Array.isArray(a) && a.every((p) => typeof p === 'string'));
  if (!ok) return { field: 'authors_parsed', reason: `expected an array of [last, first, suffix] arrays, got ${describeList(parsed)}` };
  return cleanList((parsed as string[][]).map(([last = '', first = '', suffix = '']) => `${first} ${last} ${suffix}`), printable);
}

/** A list field: an array of strings (or of {name} objects, each then given to `each`), or one string to split; `printable` as for normaliseRecord. */
function readList(value: unknown, field: string, split: (text: string) => string[], printable: boolean,
  each: (item: string) => string = (item) => item): string[] | Problem {
  if (isBlank(value)) return [];
  if (typeof value === 'string') return split(value);
  if (Array.isArray(value)) {
    const names = value.map((item) => (typeof item === 'object' && item !== null && 'name' in item ? item.name : item));
    if (names.every((name) => typeof name === 'string')) return cleanList(names as string[], printable).map(each);
  }
  return { field, reason: `expected a string or an array of strings, got ${describeList(value)}` };
}

function describeList(value: unknown): string {
  if (!Array.isArray(value)) return describeValue(value);
  const odd = value.find((item) => typeof item !== 'string' && !Array.isArray(item));
  return odd === undefined ? 'an array' : `an array containing ${describeValue(odd)}`;
}

function readUrl(fields: Fields, paperId: string, arxiv: boolean): string | null | Problem {
  const value = pick(fields, URL);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (!isBlank(value)) return { field: 'url', reason: `expected a string, got ${describeValue(value)}` };
  return arxiv ? `https://arxiv.org/abs/${paperId}` : null;
}
