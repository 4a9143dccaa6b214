// Owns the input formats: which one a file is (by extension, a .json file sniffed) and turning its
// lines into raw records with the line each starts on. JSON Lines and JSON arrays live here.
import type { InputFormat } from '../types.js';
import { readCsvRecords } from './csv-records.js';
import { IngestError } from '../errors.js';
import { describeValue, failAt } from './errors.js';
import { JsonArraySplitter, type ElementText } from './json-array.js';
import type { Problem } from './normalise.js';
import type { RawLine } from './read-lines.js';

/** A record read from a file, or why it could not be read. */
export type RecordItem = { line: number; record: Record<string, unknown> } | { line: number; problem: Problem };

export interface FormatReader {
  /** Known once the first non-blank line is read (a .json file starting with "{" is JSON Lines). */
  format(): InputFormat;
  records: AsyncGenerator<RecordItem>;
}

const NON_SPACE = /\S/;

/** The format a file name declares ('json' may still turn out to be JSON Lines); throws if none. */
export function declaredFormat(path: string): InputFormat {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  throw new IngestError(`${path}: unknown format: expected .jsonl, .ndjson, .json or .csv (each optionally .gz)`);
}

export function readFormat(file: string, declared: InputFormat, lines: AsyncGenerator<RawLine>): FormatReader {
  let format = declared;
  async function* records(): AsyncGenerator<RecordItem> {
    if (declared === 'csv') return yield* readCsvRecords(file, lines);
    if (declared === 'jsonl') return yield* readJsonLines(lines);
    // next() by hand: leaving a for-await with break would close `lines` for good.
    const head: RawLine[] = [];
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      head.push(next.value);
      if (!NON_SPACE.test(next.value.text)) continue;
      if (next.value.text.trimStart().startsWith('{')) format = 'jsonl';
      break;
    }
    const all = prepend(head, lines);
    yield* format === 'jsonl' ? readJsonLines(all) : readJsonArray(file, all);
  }
  return { format: () => format, records: records() };
}

async function* prepend(head: RawLine[], rest: AsyncGenerator<RawLine>): AsyncGenerator<RawLine> {
  yield* head;
  yield* rest;
}

async function* readJsonLines(lines: AsyncIterable<RawLine>): AsyncGenerator<RecordItem> {
  for await (const { line, text, valid } of lines) {
    if (!valid) yield { line, problem: { field: '(line)', reason: 'not valid UTF-8' } };
    else if (NON_SPACE.test(text)) yield parseRecord(text, line);
  }
}

async function* readJsonArray(file: string, lines: AsyncIterable<RawLine>): AsyncGenerator<RecordItem> {
  const splitter = new JsonArraySplitter(file);
  for await (const { line, text, valid } of lines) {
    // Unlike a JSON line, a bad span cannot be skipped: the array's structure past it is unknown.
    if (!valid) failAt(file, line, '(line)', 'not valid UTF-8');
    for (const element of splitter.push(text, line)) yield parseElement(element);
  }
  splitter.end();
}

function parseElement({ line, text }: ElementText): RecordItem {
  if (!NON_SPACE.test(text)) return { line, problem: { field: '(record)', reason: 'invalid JSON: empty array element' } };
  return parseRecord(text.trim(), line);
}

function parseRecord(text: string, line: number): RecordItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the bad text in its message; a multi-line array element must not break the line.
    const message = (error as Error).message.replace(/\s+/g, ' ');
    return { line, problem: { field: '(line)', reason: `invalid JSON: ${message}` } };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { line, record: value as Record<string, unknown> };
  }
  return { line, problem: { field: '(record)', reason: `expected a JSON object, got ${describeValue(value)}` } };
}
