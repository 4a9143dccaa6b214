// Owns reading a file's records in its format: picks the reader (ingest/detect.ts), and for the
// JSON family decides per file whether it is JSON Lines, an array or an API page ({"results": […]})
// and per record whether it is a CSL item or an OpenAlex work (readers/).
import type { InputFormat } from '../types.js';
import { readCsvRecords, type CsvDialect } from './csv-records.js';
import { sniffFormat, type Declared } from './detect.js';
import { describeValue, failAt } from './errors.js';
import { JsonArraySplitter, type ElementText } from './json-array.js';
import type { Problem } from './normalise.js';
import type { LineStream, RawLine } from './read-lines.js';
import { readBibtex } from './readers/bibtex.js';
import { cslRecord, isCslItem } from './readers/csl-json.js';
import { isOpenAlexWork, openAlexRecord } from './readers/openalex.js';
import { readRis } from './readers/ris.js';
import { isZoteroItem, unwrapZoteroApi, zoteroRecord } from './readers/zotero-json.js';
import { isWosTextStart, readWosText } from './readers/wos-text.js';

/**
 * A record read from a file, or why it could not be read. `printable`: the record is a JSON line's
 * object as parsed, from a line whose strings are all printable ASCII (RawLine.printable).
 */
/**
 * A record or the problem with it, at the line it starts on. `element`: where it is on that line when
 * it shares it ("record 2 of the page"), said with a skip: a one-line page holds every record on line 1.
 */
export type RecordItem = ({ line: number; record: Record<string, unknown>; printable?: boolean } | { line: number; problem: Problem }) & { element?: string };

export interface FormatReader {
  /** Known once the first records are read (a .json file starting with "{" is JSON Lines). */
  format(): InputFormat;
  /** The records in file order, a batch at a time (JSON: a chunk's worth; other formats: one each). */
  records: AsyncGenerator<RecordItem[]>;
  /** Whether the file held nothing but whitespace (known once its first records are asked for). */
  blank(): boolean;
}

const NON_SPACE = /\S/;
/** Lines a .txt file is looked at for a BibTeX, RIS, Web of Science or JSON start before it is taken as delimited text. */
const SNIFF_LINES = 20;
type JsonKind = Extract<InputFormat, 'csl-json' | 'openalex'> | null;

/** `forced`: the format was named with --format (else it is the extension's, and the content may refine it). */
export function readFormat(file: string, declared: Declared, lines: LineStream, forced = false): FormatReader {
  let format: InputFormat = declared === 'sniff' ? 'csv' : declared;
  const setFormat = (f: InputFormat) => {
    format = f;
  };
  let blank = false;
  async function* records(): AsyncGenerator<RecordItem[]> {
    // next() by hand: leaving a for-await with break would close `lines` for good.
    const head: RawLine[] = [];
    let first: string | null = null;
    let sniffed: InputFormat | null = null;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      head.push(next.value);
      if (!NON_SPACE.test(next.value.text)) continue;
      first ??= next.value.text;
      if (declared !== 'sniff') break;
      // A .txt file: the first line that says what it is (RIS exports may open with a "Provider:" line;
      // Web of Science's plain text with "FN Clarivate Analytics Web of Science").
      sniffed = sniffFormat(next.value.text);
      if (sniffed !== 'csv' || head.length >= SNIFF_LINES) break;
    }
    blank = first === null;
    if (declared === 'sniff') format = sniffed === 'bibtex' || sniffed === 'ris' || sniffed === 'json' || sniffed === 'wos' ? sniffed : 'csv';
    lines.unread(head);
    const all = lines.asGenerator();
    switch (format) {
      case 'bibtex':
        return yield* oneEach(readBibtex(all));
      case 'ris':
        return yield* oneEach(readRis(all));
      case 'wos':
        // The plain-text export ("FN …", "PT J"); the tab-delimited one is read as a spreadsheet.
        if (first !== null && isWosTextStart(first)) return yield* oneEach(readWosText(all));
      // falls through
      case 'csv':
      case 'scopus':
        return yield* oneEach(readCsvRecords(file, all, forced ? (format as CsvDialect) : null, setFormat));
      default:
        return yield* readJson(file, first ?? '', lines, format, setFormat);
    }
  }
  return { format: () => format, records: records(), blank: () => blank };
}

/** A reader's records as batches of one. */
async function* oneEach(items: AsyncGenerator<RecordItem>): AsyncGenerator<RecordItem[]> {
  for await (const item of items) yield [item];
}

/**
 * The JSON family. A first line opening an object is JSON Lines, unless it is a lone "{" (a
 * pretty-printed API page, read as {"results": [...]}); else a JSON array. A forced csl-json or
 * openalex format maps every record so; else each record is mapped by its own shape. The lines
 * are read a chunk at a time, and each chunk's records handed on together.
 */
async function* readJson(file: string, first: string, lines: LineStream, format: InputFormat,
  setFormat: (f: InputFormat) => void): AsyncGenerator<RecordItem[]> {
  const forced: JsonKind = format === 'csl-json' || format === 'openalex' ? format : null;
  const head = first.trim();
  const shape = format === 'jsonl' || (head.startsWith('{') && head !== '{' && !opensPage(head)) ? 'jsonl' : head.startsWith('{') ? 'page' : 'array';
  if (forced === null) setFormat(shape === 'jsonl' ? 'jsonl' : 'json');
  const splitter = shape === 'jsonl' ? null : new JsonArraySplitter(file, shape === 'page');
  let kindSet = forced !== null;
  const out: RecordItem[] = [];
  const add = (item: RecordItem, printable: boolean) => {
    if ('problem' in item) {
      out.push(item);
      return;
    }
    const records = expandPage(item.record).map(unwrapZoteroApi);
    records.forEach((record, j) => {
      const kind = forced ?? kindOf(record);
      if (!kindSet && kind !== null) [kindSet] = [true, setFormat(kind)];
      // A page of several records on one line: each is told apart by its place in the page.
      const element = records.length > 1 ? `record ${j + 1} of the page` : item.element;
      const at = element === undefined ? {} : { element };
      if (kind === 'openalex') out.push({ line: item.line, record: openAlexRecord(record), ...at });
      else if (kind === 'csl-json') out.push({ line: item.line, record: cslRecord(record), ...at });
      else if (isZoteroItem(record)) out.push({ line: item.line, record: zoteroRecord(record), ...at });
      else out.push({ line: item.line, record, printable, ...at });
    });
  };
  let elements = 0;
  for (let batch = await lines.nextBatch(); batch !== null; batch = await lines.nextBatch()) {
    try {
      for (const { line, text, valid, printable } of batch) {
        if (splitter === null) {
          if (!valid) add({ line, problem: { field: '(line)', reason: 'not valid UTF-8' } }, false);
          else if (NON_SPACE.test(text)) add(parseRecord(text, line), printable);
        } else {
          // Unlike a JSON line, a bad span cannot be skipped: the array's structure past it is unknown.
          if (!valid) failAt(file, line, '(line)', 'not valid UTF-8');
          // Elements that start on one line (a compact file) are told apart by their place in the array.
          const found = splitter.push(text, line);
          const perLine = new Map<number, number>();
          for (const e of found) perLine.set(e.line, (perLine.get(e.line) ?? 0) + 1);
          for (const e of found) {
            elements++;
            add(perLine.get(e.line)! > 1 ? { ...parseElement(e), element: `record ${elements} of the array` } : parseElement(e), false);
          }
        }
      }
    } catch (error) {
      // The records before a fatal line are read first, as one at a time would have.
      if (out.length > 0) yield out.splice(0);
      throw error;
    }
    if (out.length > 0) yield out.splice(0);
  }
  splitter?.end();
}

/**
 * Whether a first line opens a page written one record per line: the wrapper and its "results" or "items"
 * array's "[" on it (`{"meta": {…}, "results": [`), so that it is no whole JSON value as a JSON line is.
 */
function opensPage(head: string): boolean {
  if (!/"(?:results|items)"\s*:\s*\[/.test(head)) return false;
  try {
    JSON.parse(head);
    return false;
  } catch {
    return true;
  }
}

function kindOf(record: Record<string, unknown>): JsonKind {
  return isOpenAlexWork(record) ? 'openalex' : isCslItem(record) ? 'csl-json' : null;
}

/** A one-line API page ({"meta": …, "results": [works]}) or Better BibTeX export ({"items": […]}) in JSON Lines is its records. */
function expandPage(record: Record<string, unknown>): Record<string, unknown>[] {
  const items = Array.isArray(record.results) ? record.results : Array.isArray(record.items) ? record.items : null;
  if (items === null || 'title' in record) return [record];
  return items.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r));
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
