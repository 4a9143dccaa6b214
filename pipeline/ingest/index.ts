// Owns the ingest stage: reads every input file (folders expanded) in order, normalises its records
// into Papers, merges duplicates (merge.ts) and accounts for every skipped record and input byte.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IngestIssue, IngestResult, InputFileInfo, InputFormat, Paper } from '../types.js';
import { IngestError } from '../errors.js';
import { declaredFormat } from './detect.js';
import { EmptyInputError, formatIssue } from './errors.js';
import { nonEnglishWarning } from './language.js';
import { readFormat, type FormatReader } from './formats.js';
import { listInputs } from './input-files.js';
import { PaperSet } from './merge.js';
import { DATE_FIELD_NAMES, fieldName, normaliseRecord, type NormaliseContext, type Problem } from './normalise.js';
import { openLines } from './read-lines.js';
import { MAX_ABSTRACT_CHARS } from './text.js';

/** The delimited formats: their cells may hold Excel day numbers. */
const SHEETS = new Set<InputFormat>(['csv', 'scopus', 'wos']);

/** What a file with text but no record of its format should have held. */
const NO_RECORDS: Partial<Record<InputFormat, (path: string) => string>> = {
  bibtex: (path) => `${path}: no BibTeX entries (expected entries like @article{key, title = {…}, abstract = {…}})`,
  ris: (path) => `${path}: no RIS records (expected records from "TY  - JOUR" to "ER  - ")`
};

/** Papers seen so far across all files, and what was skipped or noted. */
interface Collected {
  set: PaperSet;
  skipped: IngestIssue[];
  warnings: string[];
}

export interface IngestOptions {
  strict: boolean;
  /** --format: read every file as this format instead of by its name and content. */
  format?: InputFormat | null;
}

export async function ingestFiles(paths: string[], options: IngestOptions): Promise<IngestResult> {
  const inputs = await listInputs(paths, (options.format ?? null) !== null);
  const seen: Collected = { set: new PaperSet(), skipped: [], warnings: [...inputs.warnings] };
  const files: InputFileInfo[] = [];
  const empty: EmptyInputError[] = [];
  for (const path of inputs.files) {
    const file = await ingestFile(path, seen, options).catch((error: unknown) => {
      if (!(error instanceof EmptyInputError)) throw error;
      empty.push(error);
      return null;
    });
    if (file !== null) files.push(file);
  }
  if (files.length === 0) throw empty.length === 1 ? empty[0] : new IngestError(`every input file is empty: ${listEmpty(empty)}`);
  if (empty.length > 0) {
    seen.warnings.push(`${empty.length} empty input file${empty.length === 1 ? '' : 's'} left out (the other inputs were read): ${listEmpty(empty)}`);
  }
  // sha256 over the concatenated hex digests, in the order given.
  const inputSha256 = createHash('sha256').update(files.map((f) => f.sha256).join('')).digest('hex');
  const { renamed } = seen.set;
  if (renamed.length > 0) {
    const [first] = renamed;
    seen.warnings.push(`${renamed.length} record${renamed.length === 1 ? '' : 's'} had the id of another paper with another title (a citation key or ` +
      `row number used twice) and ${renamed.length === 1 ? 'was' : 'were'} kept apart under an id of ${renamed.length === 1 ? 'its' : 'their'} own: ` +
      `"${first.paperId}" in ${first.source} is ${first.keptAs}`);
  }
  const { clashes } = seen.set;
  if (clashes.length > 0) {
    const [first] = clashes;
    seen.warnings.push(`${clashes.length} record${clashes.length === 1 ? '' : 's'} had the id of another paper with another title and abstract ` +
      `(a mistyped or reused id) and ${clashes.length === 1 ? 'was' : 'were'} merged into it by the id, the more complete record kept: ` +
      `"${first.paperId}" in ${first.source} is "${first.kept}", not "${first.dropped}"`);
  }
  const notEnglish = nonEnglishWarning(seen.set.papers);
  if (notEnglish !== null) seen.warnings.push(notEnglish);
  return { papers: seen.set.papers, skipped: seen.skipped, duplicates: seen.set.duplicates, files, inputSha256, warnings: seen.warnings };
}

/** The empty files as a warning or error lists them: each path and what it held, the first five. */
function listEmpty(empty: readonly EmptyInputError[]): string {
  const shown = empty.slice(0, 5).map((e) => `${e.file} (${e.what})`);
  return shown.join(', ') + (empty.length > 5 ? `, … and ${empty.length - 5} more` : '');
}

/** Why a file gave no record: empty (blank, an empty list), or text that is none of its format's records. */
function noRecords(path: string, reader: FormatReader): IngestError {
  if (reader.blank()) return new EmptyInputError(path, 'only whitespace');
  const message = NO_RECORDS[reader.format()]?.(path);
  return message === undefined ? new EmptyInputError(path, 'no records') : new IngestError(message);
}

async function ingestFile(path: string, seen: Collected, options: IngestOptions): Promise<InputFileInfo> {
  const strict = options.strict;
  await checkFile(path);
  const declared = declaredFormat(path, options.format ?? null); // before opening: an unknown format must leave no stream open
  const source = basename(path);
  // Only delimited text (what Excel on Windows saves as "CSV"), BibTeX and RIS (JabRef's ISO-8859-1, older
  // EndNote and Zotero exports) may be Windows-1252, a superset of Latin-1; JSON is UTF-8 by definition.
  const spreadsheet = declared === 'csv' || declared === 'scopus' || declared === 'wos' || declared === 'sniff';
  const legacy = spreadsheet || declared === 'bibtex' || declared === 'ris';
  const input = openLines(path, { windows1252: legacy });
  const reader = readFormat(path, declared, input.lines, (options.format ?? null) !== null);
  let records = 0;
  let valid = 0;
  let firstSkip: IngestIssue | null = null;
  const context: NormaliseContext = { sheet: false, unreadableDate: null, dateField: false, cut: false, dateOrder: { dayFirst: 0, monthFirst: 0 }, eitherDate: null };
  const cut = { n: 0, firstLine: 0 };
  const dates = { dated: 0, field: false, unreadable: 0, first: null as IngestIssue | null };
  // Papers whose date reads either way (5/1/2024): dated at the end of the file when its other such dates agree on one order.
  const either: EitherDated[] = [];
  try {
    for await (const batch of reader.records) {
      context.sheet = SHEETS.has(reader.format());
      for (const item of batch) {
        records++;
        context.unreadableDate = null;
        context.dateField = false;
        const result = 'problem' in item ? item.problem : normaliseRecord(item.record, source, item.printable === true, context);
        if ('reason' in result) {
          const field = 'problem' in item ? result.field : fieldName(item.record, result);
          // In a JSON array or page, its place too: a one-line API page has every record on line 1.
          const reason = item.element === undefined ? result.reason : `${item.element}: ${result.reason}`;
          const issue: IngestIssue = { file: path, line: item.line, field, reason };
          if (strict) throw new IngestError(formatIssue(issue), issue);
          seen.skipped.push(issue);
          firstSkip ??= issue;
          continue;
        }
        if (result.published !== null) {
          dates.dated++;
        } else if (context.unreadableDate !== null) {
          // Kept undated; --strict stops here as it did when such a record was skipped.
          // (normaliseRecord set it: TS still sees the null assigned above.)
          const unreadable = context.unreadableDate as Problem;
          const field = 'record' in item ? fieldName(item.record, unreadable) : unreadable.field;
          const issue: IngestIssue = { file: path, line: item.line, field, reason: unreadable.reason };
          if (strict) throw new IngestError(formatIssue(issue), issue);
          if (context.eitherDate) either.push({ paper: result, date: context.eitherDate, issue });
          else {
            dates.unreadable++;
            dates.first ??= issue;
          }
        }
        dates.field ||= result.published !== null || context.dateField;
        if (context.cut && cut.n++ === 0) cut.firstLine = item.line;
        valid++;
        seen.set.add(result);
      }
    }
  } catch (error) {
    throw readFailure(path, error);
  }
  if (records === 0) throw noRecords(path, reader);
  if (valid === 0) {
    const first = firstSkip === null ? '' : `; first: ${formatIssue(firstSkip).slice(path.length + 1)}`;
    const skipped = `${records} record${records === 1 ? '' : 's'} skipped`;
    throw new IngestError(`no valid papers in ${path} (${skipped}${first})`, firstSkip ?? undefined);
  }
  const ordered = readInFileOrder(path, either, context.dateOrder!);
  if (ordered.warning !== null) seen.warnings.push(ordered.warning);
  dates.dated += ordered.dated;
  if (ordered.left.length > 0) {
    dates.unreadable += ordered.left.length;
    if (dates.first === null || ordered.left[0].line < dates.first.line) dates.first = ordered.left[0];
  }
  if (dates.unreadable > 0) {
    const n = dates.unreadable;
    seen.warnings.push(`${path}: ${n} date${n === 1 ? '' : 's'} could not be read, so ${n === 1 ? 'its paper is' : 'their papers are'} ` +
      `kept undated (first: ${formatIssue(dates.first!).slice(path.length + 1)})`);
  } else if (dates.dated === 0 && !dates.field) {
    seen.warnings.push(`${path}: no date column or field (looked for ${DATE_FIELD_NAMES.join(', ')}, in any case and spacing), ` +
      `so its ${valid} paper${valid === 1 ? ' is' : 's are'} undated and in no trend; rename the date column to one of these`);
  }
  if (cut.n > 0) {
    seen.warnings.push(`${path}: ${cut.n} abstract${cut.n === 1 ? ' was' : 's were'} longer than ${MAX_ABSTRACT_CHARS.toLocaleString('en-US')} ` +
      `characters and ${cut.n === 1 ? 'was' : 'were'} cut there (first: line ${cut.firstLine}); a whole paper in the abstract field weighs its words far more than an abstract's`);
  }
  if (input.encoding() === 'windows-1252') {
    seen.warnings.push(reader.format() === 'bibtex' || reader.format() === 'ris'
      ? `${path} is not UTF-8: read as Windows-1252 (Latin-1, as JabRef and older reference managers save); save or export it as UTF-8 to be sure of accented letters`
      : `${path} is not UTF-8: read as Windows-1252 (Excel's "CSV"); save it as "CSV UTF-8" to be sure of accented letters`);
  }
  return { path, format: reader.format(), sha256: input.sha256(), records };
}

/** A paper whose date reads either way, the date both ways, and the issue it is while it stays undated. */
type EitherDated = { paper: Paper; date: NonNullable<NormaliseContext['eitherDate']>; issue: IngestIssue };

/** Numeric dates of one order a file must show before its dates that read either way are read so. */
export const ORDER_EVIDENCE = 5;

/**
 * A file's dates that read either way ("5/1/2024": 5 January or 1 May) read in the order every other
 * such date of the file shows ("12/24/2024" can only be month first), when at least ORDER_EVIDENCE do
 * and none shows the other: one export writes one column one way, and leaving them undated kept only
 * the papers of the 13th–31st of each month in the trends (inputs audit of 2026-12-05). Said in a
 * warning; otherwise they stay undated, and are counted with the file's unreadable dates.
 */
function readInFileOrder(path: string, either: EitherDated[],
  shown: { dayFirst: number; monthFirst: number }): { dated: number; left: IngestIssue[]; warning: string | null } {
  const { dayFirst, monthFirst } = shown;
  const order = either.length === 0 || dayFirst + monthFirst < ORDER_EVIDENCE || (dayFirst > 0 && monthFirst > 0) ? null
    : dayFirst > 0 ? 'dayFirst' : 'monthFirst';
  if (order === null) return { dated: 0, left: either.map((e) => e.issue), warning: null };
  for (const { paper, date } of either) {
    [paper.published, paper.datePrecision] = [date[order], date.precision];
    if (date.declared) paper.datePrecisionDeclared = true;
  }
  const words = order === 'dayFirst' ? 'day first (d/m/yyyy)' : 'month first (m/d/yyyy)';
  const n = either.length;
  const example = /got ("[^"]*")/.exec(either[0].issue.reason)?.[1] ?? 'one';
  return { dated: n, left: [], warning: `${path}: ${n} date${n === 1 ? '' : 's'} such as ${example} (line ${either[0].issue.line}) could be read day first or ` +
    `month first; every other date of the file written so (${(dayFirst + monthFirst).toLocaleString('en-US')}) is ${words}, so ${n === 1 ? 'it was' : 'they were'} read ${words}` };
}

async function checkFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw readFailure(path, error);
  });
  if (info.isDirectory()) throw new IngestError(`${path} is a directory, expected a file`);
  if (info.size === 0 && info.isFile()) throw new EmptyInputError(path, '0 bytes');
}

/** System and zlib errors as one-line IngestErrors; anything else (a bug) passes through. */
function readFailure(path: string, error: unknown): unknown {
  if (error instanceof IngestError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new IngestError(`${path}: no such file`);
    case 'EACCES':
    case 'EPERM':
      return new IngestError(`${path}: permission denied, cannot read it`);
    case 'EISDIR':
      return new IngestError(`${path} is a directory, expected a file`);
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return new IngestError(`${path}: not a readable gzip file (${message})`);
    case 'ERR_STRING_TOO_LONG':
      // A line over V8's longest string (~512M characters): a whole JSON array written on one line, as json.dump writes it.
      return new IngestError(`${path}: a line is longer than Node.js can hold (about 512 million characters): write the records one per ` +
        'line (JSON Lines: one object a line; Python: one json.dumps(record) per line, or json.dump(records, f, indent=1))');
    default:
      return typeof code === 'string' ? new IngestError(`${path}: cannot read: ${message}`) : error;
  }
}
