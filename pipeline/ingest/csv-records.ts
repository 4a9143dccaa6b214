// Owns CSV input (RFC 4180 via csv-parse): the header row, column checks, and each row as a record
// keyed by header with the physical line it starts on (quoted fields may span lines).
import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { IngestError } from '../errors.js';
import { errorAt, failAt } from './errors.js';
import type { RecordItem } from './formats.js';
import { REQUIRED_FIELDS } from './normalise.js';
import type { RawLine } from './read-lines.js';

const BATCH_CHARS = 1 << 16;

/** The physical lines one CSV record spans. */
interface Span {
  line: number;
  end: number;
}

export async function* readCsvRecords(file: string, lines: AsyncIterable<RawLine>): AsyncGenerator<RecordItem> {
  const invalid = new Set<number>();
  const spans: Span[] = []; // one per parsed record, in order; the loop below takes them in turn
  let lastEnd = 0; // last line of the last parsed record, even one an error kept from the loop
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    bom: false,
    // Runs synchronously as each record completes: context.lines is then the record's last line,
    // and each "\n" inside its quoted fields is one line more.
    on_record: (fields, context) => {
      lastEnd = context.lines;
      spans.push({ line: lastEnd - countNewlines(fields), end: lastEnd });
      return fields;
    }
  });
  const rows = pipeline(Readable.from(joinLines(lines, invalid)), parser, () => {});
  let header: string[] | null = null;
  let records = 0;
  try {
    for await (const fields of rows as AsyncIterable<string[]>) {
      const { line, end } = spans.shift()!;
      if (header === null) header = checkHeader(file, line, fields);
      else {
        records++;
        yield toItem(header, fields, line, hasInvalid(invalid, line, end));
      }
    }
  } catch (error) {
    throw csvFailure(file, error, lastEnd + 1);
  }
  if (header !== null && records === 0) throw new IngestError(`${file} has a header row but no records`);
}

/** Lines re-joined with "\n" (csv-parse counts lines itself, so it sees one newline kind only). */
async function* joinLines(lines: AsyncIterable<RawLine>, invalid: Set<number>): AsyncGenerator<string> {
  let batch = '';
  for await (const { line, text, valid } of lines) {
    if (!valid) invalid.add(line);
    // A lone "\r" would count as a line break for csv-parse but not for us: it is only whitespace.
    batch += (text.includes('\r') ? text.replaceAll('\r', ' ') : text) + '\n';
    if (batch.length >= BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
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

/** Trimmed column names; throws naming the expected columns when title or abstract has none. */
function checkHeader(file: string, line: number, header: string[]): string[] {
  const names = header.map((name) => name.trim());
  const have = new Set(names.map((name) => name.toLowerCase()));
  const missing = Object.entries(REQUIRED_FIELDS)
    .filter(([, aliases]) => !aliases.some((alias) => have.has(alias)))
    .map(([field, aliases]) => `no ${field} column (expected one of ${aliases.map((a) => `"${a}"`).join(', ')})`);
  if (missing.length > 0) {
    failAt(file, line, '(header)', `${missing.join(' and ')}; the header has ${names.map((n) => `"${n}"`).join(', ')}`);
  }
  return names;
}

function toItem(header: string[], row: string[], line: number, invalidUtf8: boolean): RecordItem {
  if (invalidUtf8) return { line, problem: { field: '(line)', reason: 'not valid UTF-8' } };
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
    return errorAt(file, nextLine, '(file)', 'invalid CSV: a quoted field is not closed before the end of the file');
  }
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    const line = (error as CsvError & { lines?: number }).lines ?? nextLine;
    return errorAt(file, line, '(line)', `invalid CSV: ${(error as Error).message}`);
  }
  return error;
}
