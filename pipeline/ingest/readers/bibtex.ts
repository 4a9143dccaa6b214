// Owns BibTeX/BibLaTeX input: each entry's fields ({…}, "…", numbers, @string macros joined by #)
// read into the record normalise.ts reads. @comment and @preamble are skipped, @string defines macros.
import type { RecordItem } from '../formats.js';
import { isGlobalId } from '../merge.js';
import { withSourceNames } from '../normalise.js';
import type { RawLine } from '../read-lines.js';
import { firstLast, splitKeywords } from '../text.js';
import { bibtexEntries, type EntryText } from './bibtex-entries.js';
import { latexToText } from './latex-text.js';

type Fields = Map<string, string>;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
/** BibTeX's predefined month macros: jan = "January", … */
const MONTH_MACROS: [string, string][] = MONTHS.map((name) => [name.slice(0, 3), name[0].toUpperCase() + name.slice(1)]);
const HEAD = /^@\s*([A-Za-z]+)\s*[{(]/;

export async function* readBibtex(lines: AsyncIterable<RawLine>): AsyncGenerator<RecordItem> {
  const macros = new Map<string, string>(MONTH_MACROS);
  for await (const entry of bibtexEntries(lines)) {
    const type = HEAD.exec(entry.text)?.[1].toLowerCase() ?? '';
    if (type === 'comment' || type === 'preamble') continue;
    const item = readEntry(entry, type, macros);
    if (item !== null) yield item;
  }
}

function readEntry(entry: EntryText, type: string, macros: Map<string, string>): RecordItem | null {
  const { line } = entry;
  if (!entry.valid) return { line, problem: { field: '(line)', reason: 'not valid UTF-8' } };
  if (entry.unclosed !== undefined) {
    const where = entry.unclosed === 'next-entry' ? 'before the next entry' : 'before the end of the file';
    return { line, problem: { field: '(record)', reason: `BibTeX entry not closed: expected a closing "}" ${where} (a brace too few?)` } };
  }
  const bodyStart = entry.text.search(/[{(]/) + 1;
  const body = entry.text.slice(bodyStart, -1);
  const parsed = parseFields(body, type !== 'string', macros);
  if ('reason' in parsed) {
    // The line of the problem itself, not the entry's first: "}{" 19 lines into an abstract was reported at "@article{".
    const { at, ...problem } = parsed;
    return { line: line + newlinesIn(entry.text, bodyStart + Math.min(at, body.length)), problem };
  }
  if (type === 'string') {
    for (const [name, value] of parsed.fields) macros.set(name, value);
    return null;
  }
  return { line, record: toRecord(parsed.key, parsed.fields) };
}

/** Line breaks in text before `end`. */
function newlinesIn(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

interface Parsed {
  key: string;
  fields: Fields;
}

/** `key, name = value, …` (with a key) or `name = value` (@string). Values keep their LaTeX. */
export function parseFields(body: string, withKey: boolean, macros: Map<string, string>): Parsed | { field: string; reason: string; at: number } {
  let i = 0;
  let key = '';
  if (withKey) {
    const comma = body.indexOf(',');
    key = (comma < 0 ? body : body.slice(0, comma)).trim();
    i = comma < 0 ? body.length : comma + 1;
  }
  const fields: Fields = new Map();
  // Between fields, "%" starts a comment to the end of its line, as biber reads it ("%volume = {7},"
  // commented out of an entry; inside a value it is text).
  const skip = () => {
    for (;;) {
      while (i < body.length && /[\s,]/.test(body[i])) i++;
      if (body[i] !== '%') return;
      const end = body.indexOf('\n', i);
      i = end < 0 ? body.length : end + 1;
    }
  };
  for (skip(); i < body.length; skip()) {
    const name = /^[^\s=,{}"#]+/.exec(body.slice(i, i + 100))?.[0];
    if (name === undefined) return { field: '(record)', reason: `expected a field name, got "${body.slice(i, i + 20)}"`, at: i };
    i += name.length;
    while (/\s/.test(body[i] ?? '')) i++;
    if (body[i] !== '=') return { field: name.toLowerCase(), reason: 'expected "=" after the field name', at: i };
    const parts: string[] = [];
    do {
      i++;
      while (/\s/.test(body[i] ?? '')) i++;
      const value = readValue(body, i, macros);
      if ('reason' in value) return { field: name.toLowerCase(), reason: value.reason, at: i };
      parts.push(value.text);
      i = value.end;
      while (/\s/.test(body[i] ?? '')) i++;
    } while (body[i] === '#');
    if (i < body.length && body[i] !== ',') return { field: name.toLowerCase(), reason: `expected "," after the value, got "${body[i]}"`, at: i };
    fields.set(name.toLowerCase(), parts.join(''));
  }
  return { key, fields };
}

/** One value part at body[i]: {braced}, "quoted", a number or a macro name. */
function readValue(body: string, i: number, macros: Map<string, string>): { text: string; end: number } | { reason: string } {
  const open = body[i];
  if (open === '{' || open === '"') {
    let depth = 0;
    for (let j = i + 1; j < body.length; j++) {
      const c = body[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (depth === 0 && c === (open === '{' ? '}' : '"')) return { text: body.slice(i + 1, j), end: j + 1 };
    }
    return { reason: `value not closed: expected ${open === '{' ? '"}"' : "'\"'"}` };
  }
  const word = /^[^\s,#{}"]+/.exec(body.slice(i, i + 200))?.[0];
  if (word === undefined) return { reason: 'expected a value in braces, quotes, a number or a @string name' };
  if (/^\d+$/.test(word)) return { text: word, end: i + word.length };
  const macro = macros.get(word.toLowerCase());
  if (macro === undefined) return { reason: `unknown @string name "${word}"` };
  return { text: macro, end: i + word.length };
}

function toRecord(key: string, fields: Fields): Record<string, unknown> {
  const text = (name: string) => latexToText(fields.get(name) ?? '');
  // A required field the entry does not have is left out, not '': the skip says "field missing", not "an empty string".
  const present = (name: string) => (fields.has(name) ? text(name) : undefined);
  const eprint = fields.get('eprint') ?? '';
  const arxiv = /arxiv/i.test(`${fields.get('archiveprefix') ?? ''}${fields.get('eprinttype') ?? ''}`) ? eprint.trim() : '';
  // Themescope's export writes an id its key cannot hold (a DOI's "/", a kept-apart local id's "~") in
  // themescope-id. A key or id that names the paper beyond this file (an EID, a UT: isGlobalId) is the
  // paper's id, as the RIS reader's ID; a DOI is preferred only to a local one (a citation key).
  const listed = verbatim(fields.get('themescope-id')) || key;
  return withSourceNames({
    id: arxiv || (isGlobalId(listed) ? listed : '') || verbatimDoi(fields.get('doi')) || listed, title: present('title'), abstract: present('abstract'),
    published: bibtexDate(text('date'), text('year'), text('month')), authors: splitAnd(fields.get('author') ?? '').map(bibtexName),
    keywords: splitKeywords(text('keywords')), doi: verbatimDoi(fields.get('doi')), url: verbatim(fields.get('url')),
    // howpublished: a preprint server's name, as Themescope writes it on a @misc (not a URL, as some tools write there).
    venue: text('journal') || text('journaltitle') || text('booktitle') || (/\\url|https?:/.test(fields.get('howpublished') ?? '') ? '' : text('howpublished'))
  }, () => ({ published: text('date') !== '' ? 'date' : 'year', authors: 'author' }));
}

/**
 * A url or doi as written, not as LaTeX: biblatex reads url verbatim (so does Themescope's export), and
 * latexToText made a url's "~" a space, its "--" a dash and dropped its braces. Only a backslash before
 * a special character (\_ \% \& \#, as some tools write them for classic BibTeX) is taken out.
 */
export function verbatim(value: string | undefined): string {
  let v = (value ?? '').trim();
  // {{10.1000/ABC}}: JabRef and others "protect" a value with braces round the whole of it.
  while (enclosedWhole(v)) v = v.slice(1, -1).trim();
  return v.replace(/\\([&%$#_{}~])/g, '$1');
}

/** A DOI as written (verbatim), the characters the export percent-encodes in it (a backslash, a brace that pairs with none) decoded. */
export function verbatimDoi(value: string | undefined): string {
  return verbatim(value).replace(/%(5C|7B|7D)/gi, (m) => decodeURIComponent(m));
}

/** Whether `v` is one brace group: its first brace closes at its last character. */
function enclosedWhole(v: string): boolean {
  if (!v.startsWith('{') || !v.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '\\') i++;
    else if (v[i] === '{') depth++;
    else if (v[i] === '}' && --depth === 0) return i === v.length - 1;
  }
  return false;
}

/** "Last, First" → "First Last"; a name in braces ({Barnes and Noble, Inc.}) is one name, as it is. */
function bibtexName(name: string): string {
  return /^\{[^]*\}$/.test(name) ? latexToText(name) : firstLast(latexToText(name));
}

/** BibLaTeX's date ("2023-05-12", "2023-05"), else year + month ("may", "5", "May") as "2023-05". */
export function bibtexDate(date: string, year: string, month: string): string {
  if (date !== '') return date;
  if (month === '' || !/^\d{4}$/.test(year)) return year;
  const m = /^\d{1,2}$/.test(month) ? Number(month) : MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3))) + 1;
  return m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, '0')}` : year;
}

/** Names in an author field, split at " and " outside braces ({Barnes and Noble} is one name). */
export function splitAnd(field: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c)) {
      const m = /^\s+and\s+/i.exec(field.slice(i, i + 8));
      if (m !== null) {
        names.push(field.slice(from, i));
        i += m[0].length - 1;
        from = i + 1;
      }
    }
  }
  names.push(field.slice(from));
  // BibTeX's "and others" (et al.) names no one.
  return names.map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== '' && name.toLowerCase() !== 'others');
}
