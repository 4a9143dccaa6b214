// Owns turning one raw record (a JSON object, a CSV row keyed by header, or a reader's mapped
// record) into a Paper: field aliases (case-, space-, "_"- and "-"-insensitive), type checks,
// dates, ids, DOIs and urls. A bad record becomes a Problem.
import type { DatePrecision, Paper } from '../types.js';
import { coarser, parseDate, parsePrecision, truncateDate } from './dates.js';
import { describeValue } from './errors.js';
import { MAX_ABSTRACT_CHARS, arxivId, cleanDoi, cleanList, cleanText, splitAuthors, splitCategories, splitKeywords, splitLastFirstAuthors, titleId, truncate } from './text.js';

/** Why a record was skipped: the (canonical) field and what was expected. */
export interface Problem {
  field: string;
  reason: string;
}

/** A record whose keys are all field keys (fieldKey). */
type Fields = Record<string, unknown>;

// Aliases as field keys, in order of preference: Zotero's CSV ("Abstract Note", "Publication
// Year", "Manual Tags"), Scopus ("Source title", "Author Keywords", "EID"), Web of Science's
// spreadsheet export ("Article Title", "Source Title", "UT (Unique WOS ID)").
const TITLE = ['title', 'articletitle'];
const ABSTRACT = ['abstract', 'summary', 'abstractnote'];
const ID = ['id', 'paperid', 'arxivid', 'doi', 'key', 'eid', 'ut(uniquewosid)'];
const DOI = ['doi'];
const CATEGORIES = ['categories', 'category'];
const KEYWORDS = ['keywords', 'authorkeywords', 'keyword', 'manualtags'];
const VENUE = ['venue', 'journal', 'sourcetitle', 'publicationtitle', 'containertitle', 'booktitle'];
const URL = ['url', 'abs', 'link'];
/** Most precise first; VERSIONS stands for arXiv's versions[0].created (the v1 submission). */
const VERSIONS = 'versions[0].created';
const DATES = ['published', 'date', 'publicationdate', VERSIONS, 'updatedate', 'year', 'publicationyear'];
/** Fields that hold only a year: a date read from one is a year, however it is written. */
const YEAR_FIELDS = new Set(['year', 'publicationyear']);
/** A declared precision ("year" | "month" | "day") for the record's date (field keys: see fieldKey). */
const PRECISION = ['dateprecision', 'precision'];

/** The key a field name is matched by: lower-case without spaces, "_" and "-" ("Publication Year" → "publicationyear"). */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(NOT_KEY, '');
}
const NOT_KEY = /[\s_-]+/g;

/** The fields a record cannot do without, and the (lower-cased) names each may go by. */
export const REQUIRED_FIELDS: Record<string, string[]> = { title: TITLE, abstract: ABSTRACT };

/** Validates and normalises one record; `source` is the basename of its file. */
export function normaliseRecord(record: Record<string, unknown>, source: string): Paper | Problem {
  const fields = lowerKeys(record);
  const title = requiredText(pick(fields, TITLE), 'title');
  if (typeof title !== 'string') return title;
  const abstract = requiredText(pick(fields, ABSTRACT), 'abstract');
  if (typeof abstract !== 'string') return abstract;
  const paperId = readId(fields, title);
  if (typeof paperId !== 'string') return paperId;
  const date = readDate(fields);
  if ('reason' in date) return date;
  const authors = readAuthors(fields);
  if (!Array.isArray(authors)) return authors;
  const categories = readList(pick(fields, CATEGORIES), 'categories', splitCategories);
  if (!Array.isArray(categories)) return categories;
  const keywords = readList(pick(fields, KEYWORDS), 'keywords', splitKeywords);
  if (!Array.isArray(keywords)) return keywords;
  const url = readUrl(fields, paperId);
  if (url !== null && typeof url !== 'string') return url;
  const doi = readDoi(fields, paperId);
  const venue = pick(fields, VENUE);
  return {
    paperId, title, abstract: truncate(abstract, MAX_ABSTRACT_CHARS), published: date.iso,
    datePrecision: date.precision, ...(date.declared ? { datePrecisionDeclared: true as const } : {}), authors,
    categories: union(categories, keywords), url, source, doi,
    venue: typeof venue === 'string' && cleanText(venue) !== '' ? cleanText(venue) : null
  };
}

/** Categories, then the keywords that are not among them. */
function union(categories: string[], keywords: string[]): string[] {
  if (keywords.length === 0) return categories;
  const seen = new Set(categories);
  return [...categories, ...keywords.filter((k) => !seen.has(k) && seen.add(k))];
}

/** The record's DOI, or its id when that is a DOI; null when neither is one. */
function readDoi(fields: Fields, paperId: string): string | null {
  const value = pick(fields, DOI);
  return (typeof value === 'string' ? cleanDoi(value) : null) ?? cleanDoi(paperId);
}

const NOT_KEY_CHAR = /[A-Z\s_-]/;

function lowerKeys(record: Record<string, unknown>): Fields {
  let plain = true;
  for (const key in record) if (NOT_KEY_CHAR.test(key)) plain = false;
  if (plain) return record; // the common case, read as it is (no copy per record)
  const fields: Fields = Object.create(null);
  for (const key of Object.keys(record)) {
    const name = fieldKey(key);
    // Two keys with one field key ("DOI", "doi"): the first non-blank one counts.
    if (isBlank(fields[name])) fields[name] = record[key];
  }
  return fields;
}

/** fields[key] unless it is inherited (a record is a plain object: "constructor" is no field). */
function own(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The first alias with a non-blank value; else the first present blank one (for the message). */
function pick(fields: Fields, aliases: string[]): unknown {
  let blank: unknown = undefined;
  for (const alias of aliases) {
    const value = own(fields, alias);
    if (!isBlank(value)) return value;
    if (blank === undefined) blank = value;
  }
  return blank;
}

function requiredText(value: unknown, field: string): string | Problem {
  const text = typeof value === 'string' ? cleanText(value) : '';
  if (text !== '') return text;
  return { field, reason: `expected a non-empty string, got ${describeValue(value)}` };
}

function readId(fields: Fields, title: string): string | Problem {
  // arXiv's own DOI names the paper whatever other id it has (an OpenAlex W-id, a citation key).
  const doi = own(fields, 'doi');
  const fromDoi = typeof doi === 'string' ? arxivId(cleanDoi(doi) ?? '') : null;
  if (fromDoi !== null) return fromDoi;
  const value = pick(fields, ID);
  if (isBlank(value)) return titleId(title);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') return { field: 'id', reason: `expected a string, got ${describeValue(value)}` };
  const id = value.trim();
  return arxivId(id) ?? id;
}

type DateField = { iso: string | null; precision: DatePrecision | null; declared: boolean };

/**
 * The first non-blank date alias, at the coarsest of what it is written with, what a `year` field
 * implies (year) and what a `date_precision` field declares; coarsening truncates to the period
 * start. A declared precision finer than the written date (`2025` declared `day`) keeps the written one.
 */
function readDate(fields: Fields): DateField | Problem {
  const declared = pick(fields, PRECISION);
  const precision = isBlank(declared) ? null : parsePrecision(declared);
  if (!isBlank(declared) && precision === null) {
    return { field: 'date_precision', reason: `expected year, month or day, got ${describeValue(declared)}` };
  }
  for (const alias of DATES) {
    const value = alias === VERSIONS ? firstVersionCreated(own(fields, 'versions')) : own(fields, alias);
    if (isBlank(value)) continue;
    if (typeof value === 'object' && value !== null && 'reason' in value) return value as Problem;
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { field: 'published', reason: `expected a date string or a year number, got ${describeValue(value)}` };
    }
    const parsed = parseDate(value);
    if ('error' in parsed) return { field: 'published', reason: parsed.error };
    const implied = YEAR_FIELDS.has(alias) ? 'year' : precision;
    if (implied === null) return { ...parsed, declared: false };
    const final = coarser(parsed.precision, implied);
    return { iso: truncateDate(parsed.iso, final), precision: final, declared: true };
  }
  return { iso: null, precision: null, declared: false };
}

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

function readAuthors(fields: Fields): string[] | Problem {
  const parsed = own(fields, 'authorsparsed');
  if (isBlank(parsed)) {
    // "authors" lists "First Last, First Last"; a singular "author" (Zotero, BibTeX) "Last, First; ...".
    const authors = own(fields, 'authors');
    if (!isBlank(authors)) return readList(authors, 'authors', splitAuthors);
    return readList(own(fields, 'author'), 'authors', splitLastFirstAuthors);
  }
  // arXiv snapshot: [[last, first, suffix], ...] → "first last suffix".
  const ok = Array.isArray(parsed) && parsed.every((a) => Array.isArray(a) && a.every((p) => typeof p === 'string'));
  if (!ok) return { field: 'authors_parsed', reason: `expected an array of [last, first, suffix] arrays, got ${describeList(parsed)}` };
  return cleanList((parsed as string[][]).map(([last = '', first = '', suffix = '']) => `${first} ${last} ${suffix}`));
}

/** A list field: an array of strings (or of {name} objects), or one string to split. */
function readList(value: unknown, field: string, split: (text: string) => string[]): string[] | Problem {
  if (isBlank(value)) return [];
  if (typeof value === 'string') return split(value);
  if (Array.isArray(value)) {
    const names = value.map((item) => (typeof item === 'object' && item !== null && 'name' in item ? item.name : item));
    if (names.every((name) => typeof name === 'string')) return cleanList(names as string[]);
  }
  return { field, reason: `expected a string or an array of strings, got ${describeList(value)}` };
}

function describeList(value: unknown): string {
  if (!Array.isArray(value)) return describeValue(value);
  const odd = value.find((item) => typeof item !== 'string' && !Array.isArray(item));
  return odd === undefined ? 'an array' : `an array containing ${describeValue(odd)}`;
}

function readUrl(fields: Fields, paperId: string): string | null | Problem {
  const value = pick(fields, URL);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (!isBlank(value)) return { field: 'url', reason: `expected a string, got ${describeValue(value)}` };
  return arxivId(paperId) === null ? null : `https://arxiv.org/abs/${paperId}`;
}
