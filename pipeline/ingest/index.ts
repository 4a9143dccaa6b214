// Owns the ingest stage: reads every input file in order, normalises its records into Papers,
// merges duplicates by paperId and accounts for every skipped record and input byte.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IngestIssue, IngestResult, InputFileInfo, Paper } from '../types.js';
import { IngestError } from '../errors.js';
import { formatIssue } from './errors.js';
import { declaredFormat, readFormat } from './formats.js';
import { normaliseRecord } from './normalise.js';
import { openLines } from './read-lines.js';


/** Papers seen so far, by id, across all files. */
interface Collected {
  papers: Paper[];
  byId: Map<string, Paper>;
  skipped: IngestIssue[];
  duplicates: number;
}

export async function ingestFiles(paths: string[], options: { strict: boolean }): Promise<IngestResult> {
  const seen: Collected = { papers: [], byId: new Map(), skipped: [], duplicates: 0 };
  const files: InputFileInfo[] = [];
  for (const path of paths) files.push(await ingestFile(path, seen, options.strict));
  // sha256 over the concatenated hex digests, in the order given.
  const inputSha256 = createHash('sha256').update(files.map((f) => f.sha256).join('')).digest('hex');
  return { papers: seen.papers, skipped: seen.skipped, duplicates: seen.duplicates, files, inputSha256 };
}

async function ingestFile(path: string, seen: Collected, strict: boolean): Promise<InputFileInfo> {
  await checkFile(path);
  const declared = declaredFormat(path); // before opening: an unknown format must leave no stream open
  const source = basename(path);
  const input = openLines(path);
  const reader = readFormat(path, declared, input.lines);
  let records = 0;
  let valid = 0;
  let firstSkip: IngestIssue | null = null;
  try {
    for await (const item of reader.records) {
      records++;
      const result = 'problem' in item ? item.problem : normaliseRecord(item.record, source);
      if ('reason' in result) {
        const issue: IngestIssue = { file: path, line: item.line, field: result.field, reason: result.reason };
        if (strict) throw new IngestError(formatIssue(issue), issue);
        seen.skipped.push(issue);
        firstSkip ??= issue;
        continue;
      }
      valid++;
      addPaper(seen, result);
    }
  } catch (error) {
    throw readFailure(path, error);
  }
  if (records === 0) throw new IngestError(`${path} is empty`);
  if (valid === 0) {
    const first = firstSkip === null ? '' : `; first: ${formatIssue(firstSkip).slice(path.length + 1)}`;
    const skipped = `${records} record${records === 1 ? '' : 's'} skipped`;
    throw new IngestError(`no valid papers in ${path} (${skipped}${first})`, firstSkip ?? undefined);
  }
  return { path, format: reader.format(), sha256: input.sha256(), records };
}

/** A duplicate id is merged into the first paper: the first wins, but fills in what it lacks. */
function addPaper(seen: Collected, paper: Paper): void {
  const first = seen.byId.get(paper.paperId);
  if (first === undefined) {
    seen.byId.set(paper.paperId, paper);
    seen.papers.push(paper);
    return;
  }
  seen.duplicates++;
  if (first.published === null && paper.published !== null) {
    first.published = paper.published;
    first.datePrecision = paper.datePrecision;
  }
  if (first.authors.length === 0) first.authors = paper.authors;
  if (first.categories.length === 0) first.categories = paper.categories;
  if (first.url === null) first.url = paper.url;
}

async function checkFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw readFailure(path, error);
  });
  if (info.isDirectory()) throw new IngestError(`${path} is a directory, expected a file`);
  if (info.size === 0 && info.isFile()) throw new IngestError(`${path} is empty`);
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
    default:
      return typeof code === 'string' ? new IngestError(`${path}: cannot read: ${message}`) : error;
  }
}
