// Owns delimited text as spreadsheets and databases write it (RFC 4180 via csv-parse): the
// delimiter sniffed from the header, the dialect (plain, Scopus, Web of Science), column checks,
// and each row as a record keyed by header with the physical line it starts on.
import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError, type Options as CsvOptions } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { InputFormat } from '../types.js';
import { EmptyInputError, errorAt, failAt } from './errors.js';
import type { RecordItem } from './formats.js';
import { REQUIRED_FIELDS, fieldKey, type Problem } from './normalise.js';
import { withHead, type RawLine } from './read-lines.js';
import { isScopusHeader, scopusRecord } from './readers/scopus.js';
import { isWosHeader, isWosSheetHeader, wosRecord } from './readers/wos.js';

const BATCH_CHARS = 1 << 16;
const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];
/** The delimited formats: a plain CSV (aliases in normalise.ts) or an export with its own columns. */
export type CsvDialect = Extract<InputFormat, 'csv' | 'scopus' | 'wos'>;
/** A header of Web of Science's field tags (its tab-delimited export). */
const WOS_TAGS = /^\uFEFF?PT\t/;
const HINT = 'try saving it again as "CSV UTF-8 (comma delimited)", or name its format with --format';

/** The physical lines one CSV record spans. */
interface Span {
  line: number;
  end: number;
}

/**
 * Rows of a delimited file. The header line (the first non-blank one) decides the delimiter — the
 * one of , ; tab that splits it into the most columns outside quotes (Excel writes ";" where the
 * decimal separator is a comma, and tabs as "Unicode text") — and the dialect, unless `forced`.
 */
export async function* readCsvRecords(file: string, lines: AsyncGenerator<RawLine>, forced: CsvDialect | null,
  setFormat: (format: InputFormat) => void): AsyncGenerator<RecordItem> {
  const head: RawLine[] = [];
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    head.push(next.value);
    if (next.value.text.trim() !== '') break;
  }
  const headerText = head.at(-1)?.text ?? '';
  if (headerText.trim() === '') return; // no header, no rows: the caller names the file as empty
  const delimiter = sniffDelimiter(headerText);
  const dialect = forced ?? (isWosHeader(headerText) ? 'wos' : 'csv');
  setFormat(dialect);
  // Web of Science's tab-delimited export does not quote: a title starting with a quote is just
  // text there. Its Excel export saved as CSV is quoted as any spreadsheet.
  const quoted = !(dialect === 'wos' && WOS_TAGS.test(headerText));
  yield* readRows(file, withHead(head, lines), { delimiter, dialect, quoted, forced: forced !== null }, setFormat);
}

/** The delimiter giving the header most columns (ties: comma, then semicolon, then tab). */
export function sniffDelimiter(header: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c as Delimiter]++;
  }
  return DELIMITERS.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',' as Delimiter);
}

/** How a file's rows are read: what readCsvRecords found in (or was told about) its header. */
interface Layout {
  delimiter: Delimiter;
  dialect: CsvDialect;
  quoted: boolean;
  forced: boolean;
}

async function* readRows(file: string, lines: AsyncIterable<RawLine>, { delimiter, dialect, quoted, forced }: Layout,
  setFormat: (format: InputFormat) => void): AsyncGenerator<RecordItem> {
  const invalid = new Set<number>();
  const spans: Span[] = []; // one per parsed record, in order; the loop below takes them in turn
  let lastEnd = 0; // last line of the last parsed record, even one an error kept from the loop
  const options: CsvOptions = {
    delimiter,
    quote: quoted ? '"' : false,
    // A quote inside an unquoted field is kept as text, as spreadsheets read it.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    bom: false
  };
  const parser = parse({
    ...options,
    // Runs synchronously as each record completes: context.lines is then the record's last line,
    // and each "\n" inside its quoted fields is one line more.
    on_record: (fields, context) => {
      lastEnd = context.lines;
      spans.push({ line: lastEnd - countNewlines(fields), end: lastEnd });
      return fields;
    }
  });
  const raw = new RawText();
  const rows = pipeline(Readable.from(joinLines(lines, invalid, raw)), parser, () => {});
  let header: string[] | null = null;
  let records = 0;
  let kind = dialect;
  try {
    for await (const fields of rows as AsyncIterable<string[]>) {
      const { line, end } = spans.shift()!;
      if (header === null) {
        if (!forced && kind === 'csv' && isScopusHeader(fields)) setFormat((kind = 'scopus'));
        // Web of Science's Excel export, its fields spelled out: title and abstract go by normalise's names.
        const sheet = kind !== 'scopus' && isWosSheetHeader(fields);
        if (!forced && sheet) setFormat((kind = 'wos'));
        header = checkHeader(file, line, fields, delimiter, kind === 'csv' || sheet ? REQUIRED_FIELDS
          : kind === 'scopus' ? SCOPUS_REQUIRED : WOS_TAGGED_REQUIRED);
      } else if (fields.every((field) => field.trim() === '')) {
        // A row of empty cells (";;;", what Excel leaves where rows were deleted) is no record, as a blank line is none.
      } else {
        const rescued = end > line ? rescueUnclosedQuote(header, fields, raw.lines(line, end), line, options) : null;
        if (rescued === null) {
          records++;
          yield mapped(kind, toItem(header, fields, line, hasInvalid(invalid, line, end)));
        } else {
          records += rescued.length;
          for (const { fields: cells, line: at, end: last } of rescued) {
            yield cells === null ? { line: at, problem: unclosedQuote(end - line, rescued.length > 1) }
              : mapped(kind, toItem(header, cells, at, hasInvalid(invalid, at, last)));
          }
        }
      }
      raw.drop(end);
    }
  } catch (error) {
    throw csvFailure(file, error, lastEnd + 1);
  }
  if (header !== null && records === 0) throw new EmptyInputError(file, 'a header row and no records', `${file} has a header row but no records`);
}

/** Lines re-joined with "\n" (csv-parse counts lines itself, so it sees one newline kind only). */
async function* joinLines(lines: AsyncIterable<RawLine>, invalid: Set<number>, raw: RawText): AsyncGenerator<string> {
  let batch = '';
  for await (const { line, text, valid } of lines) {
    if (!valid) invalid.add(line);
    // A lone "\r" would count as a line break for csv-parse but not for us: it is only whitespace.
    const fed = text.includes('\r') ? text.replaceAll('\r', ' ') : text;
    raw.push(fed);
    batch += fed + '\n';
    if (batch.length >= BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/**
 * The lines fed to csv-parse and not yet behind a record it gave (line n is the nth line fed, as
 * csv-parse counts): what a record spanning several lines is read again from.
 */
class RawText {
  private texts: string[] = [];
  private first = 1; // the line of texts[0]
  private kept = 0; // texts[kept] is the first line not forgotten
  push(text: string): void {
    this.texts.push(text);
  }
  /** Lines from..to (1-based, inclusive; not yet forgotten). */
  lines(from: number, to: number): string[] {
    return this.texts.slice(from - this.first, to - this.first + 1);
  }
  /** Forgets the lines up to `line` (the array is cut once half of it is forgotten). */
  drop(line: number): void {
    this.kept = Math.max(this.kept, line - this.first + 1);
    if (this.kept < 1024 || this.kept * 2 < this.texts.length) return;
    this.texts = this.texts.slice(this.kept);
    this.first += this.kept;
    this.kept = 0;
  }
}

/** A row read again: its cells (null: the row with the unclosed quote) and its lines. */
interface Rescued {
  fields: string[] | null;
  line: number;
  end: number;
}

/**
 * A quote opened in a row and never closed there takes the next lines into its field, up to a
 * quote that ends a field: rows are lost without a word. It is told from a real multi-line field
 * by what csv-parse does with it: in a quoted field a quote followed by text gives up the quoting
 * (relaxed mode) and keeps the opening quote, so the field starts with '"' and its first line is the
 * end of the record's first line as written (a real field starting with a quote was written '""',
 * so it is not). Then, when the lines after the first, read on their own, are whole rows with the
 * header's number of columns, the first line is skipped and those are read; else the whole record
 * is skipped, both as "unclosed quote". Null: the record is none of this.
 * `lines`: the record's lines as written.
 */
function rescueUnclosedQuote(header: string[], fields: string[], lines: string[], line: number, options: CsvOptions): Rescued[] | null {
  const first = lines[0];
  const broken = fields.some((field) => {
    if (field.charCodeAt(0) !== 0x22) return false;
    const newline = field.indexOf('\n');
    return newline !== -1 && first.endsWith(field.slice(0, newline));
  });
  if (!broken) return null;
  const skipped: Rescued = { fields: null, line, end: line };
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parseSync(lines.slice(1).join('\n') + '\n', { ...options, info: true }) as unknown as typeof rows;
  } catch {
    return [skipped];
  }
  if (rows.length === 0 || rows.some(({ record }) => columnCount(record, header.length) !== header.length)) return [skipped];
  return [skipped, ...rows.map(({ record, info }) => {
    const end = line + info.lines;
    return { fields: record, line: end - countNewlines(record), end };
  })];
}

/** A row's columns, less the trailing empty cells past the header's count (as toItem reads it). */
function columnCount(row: string[], wanted: number): number {
  let n = row.length;
  while (n > wanted && row[n - 1] === '') n--;
  return n;
}

/** `taken`: the lines read into the field; `rescued`: they are read as rows (else skipped with it). */
function unclosedQuote(taken: number, rescued: boolean): Problem {
  const lines = `the next ${taken} line${taken === 1 ? ' was' : 's were'} read into it`;
  const then = rescued ? `this row is skipped and ${taken === 1 ? 'that line is read as a row' : 'those lines are read as rows'}`
    : `this row and ${taken === 1 ? 'that line are' : 'those lines are'} skipped`;
  return { field: '(line)', reason: `unclosed quote: a quoted field opens on this line and is not closed on it, so ${lines}; ` +
    `${then} (close the quote, or write a quote inside a field as "")` };
}

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const field of fields) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

function hasInvalid(invalid: Set<number>, from: number, to: number): boolean {
  if (invalid.size === 0) return false;
  for (let line = from; line <= to; line++) if (invalid.has(line)) return true;
  return false;
}

/** A Scopus or Web of Science row as the record normalise.ts reads; a plain row as it is. */
function mapped(dialect: CsvDialect, item: RecordItem): RecordItem {
  if (dialect === 'csv' || 'problem' in item) return item;
  return { line: item.line, record: dialect === 'scopus' ? scopusRecord(item.record) : wosRecord(item.record) };
}

/** The columns a Scopus export's title and abstract are read from (readers/scopus.ts), as fieldKey spells them. */
const SCOPUS_REQUIRED: Record<string, string[]> = { title: ['title'], abstract: ['abstract'] };
/** A tagged Web of Science export's (readers/wos.ts): TI and AB. */
const WOS_TAGGED_REQUIRED: Record<string, string[]> = { title: ['ti'], abstract: ['ab'] };

/**
 * Trimmed column names; throws naming the expected columns when title or abstract has none (a file
 * without its abstract column would otherwise skip every row as "an empty string").
 */
function checkHeader(file: string, line: number, header: string[], delimiter: Delimiter, required: Record<string, string[]>): string[] {
  const names = header.map((name) => name.trim());
  const have = new Set(names.map(fieldKey));
  const missing = Object.entries(required)
    .filter(([, aliases]) => !aliases.some((alias) => have.has(alias)))
    .map(([field, aliases]) => `no ${field} column (expected one of ${aliases.map((a) => `"${a}"`).join(', ')})`);
  if (missing.length > 0) {
    const shown = names.length > 12 ? [...names.slice(0, 12).map((n) => `"${n}"`), '…'] : names.map((n) => `"${n}"`);
    const split = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
    failAt(file, line, '(header)', `${missing.join(' and ')}; the header, split at ${split}, has ${shown.join(', ')}; ` +
      'rename the columns (case and spaces do not matter) or name the format with --format');
  }
  return names;
}

function toItem(header: string[], row: string[], line: number, invalidUtf8: boolean): RecordItem {
  if (invalidUtf8) return { line, problem: { field: '(line)', reason: 'not valid UTF-8' } };
  // Trailing empty cells (a tab at the end of every Web of Science line) are no extra columns.
  while (row.length > header.length && row[row.length - 1] === '') row.pop();
  if (row.length !== header.length) {
    return { line, problem: { field: '(line)', reason: `expected ${header.length} columns as in the header, got ${row.length}` } };
  }
  // No prototype: a column named "__proto__" is just a column.
  const record: Record<string, unknown> = Object.create(null);
  for (let i = 0; i < header.length; i++) if (!(header[i] in record) || record[header[i]] === '') record[header[i]] = row[i];
  return { line, record };
}

/** csv-parse's errors as IngestErrors; a quote left open is reported where its record starts. */
function csvFailure(file: string, error: unknown, nextLine: number): unknown {
  const code = (error as CsvError).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return errorAt(file, nextLine, '(file)', 'invalid CSV: a quoted field is not closed before the end of the file ' +
      '(expected a closing " for the quote that opens this record); close it, or remove the stray quote');
  }
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    const line = (error as CsvError & { lines?: number }).lines ?? nextLine;
    return errorAt(file, line, '(line)', `invalid CSV: ${(error as Error).message}; ${HINT}`);
  }
  return error;
}
