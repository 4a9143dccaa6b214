// The benchmark's corpora: evenly spaced subsets of the shared arXiv corpus (or the shipped sample
// when ../shared is absent), on request synthetic corpora (synthetic.ts, no ../shared needed), alone
// or with the whole real corpus in them, and the stability sitting's seeded random subset of a corpus.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pickSubset } from '../prng.js';
import { writeSyntheticCorpus } from './synthetic.js';

export interface Corpus {
  name: string;
  path: string;
  docs: number;
  /** A second input read with `path` (the real corpus in a mixed one): the pipeline gets both files. */
  with?: string;
}

/** Where generated corpora are written (and found again on the next run). */
export const DEFAULT_CORPUS_DIR = join(tmpdir(), 'themescope-bench-corpora');

export interface CorpusOptions {
  /** Each synthetic corpus also holds the whole real corpus: N − (real papers) synthetic papers plus the real file. */
  mixReal?: boolean;
  dir?: string;
}

/** Every (n/size)-th line of the file, so a subset spans the whole date range. */
function subset(lines: string[], size: number): string[] {
  const step = lines.length / size;
  return Array.from({ length: size }, (_, i) => lines[Math.floor(i * step)]);
}

export async function prepareCorpora(root: string, sizes: (number | 'all')[], synthetic: number[],
  { mixReal = false, dir = DEFAULT_CORPUS_DIR }: CorpusOptions = {}): Promise<Corpus[]> {
  mkdirSync(dir, { recursive: true });
  const shared = resolve(root, '../shared/data/arxiv-daily-cs-2025-2026.jsonl.gz');
  const source = existsSync(shared) ? shared : join(root, 'data/sample-arxiv.jsonl.gz');
  const name = existsSync(shared) ? 'arxiv' : 'sample';
  const lines = gunzipSync(readFileSync(source)).toString('utf8').trimEnd().split('\n');
  const corpora: Corpus[] = [];
  for (const size of sizes) {
    if (size === 'all' || size >= lines.length) {
      if (!corpora.some((c) => c.docs === lines.length)) corpora.push({ name: `${name}-all`, path: source, docs: lines.length });
      continue;
    }
    const path = join(dir, `${name}-${size}.jsonl.gz`);
    if (!existsSync(path)) writeFileSync(path, gzipSync(subset(lines, size).join('\n') + '\n'));
    corpora.push({ name: `${name}-${size}`, path, docs: size });
  }
  for (const total of synthetic) {
    const docs = mixReal ? total - lines.length : total;
    if (docs < 1) throw new RangeError(`--synthetic ${total} --mix-real: the real corpus alone has ${lines.length} papers`);
    const path = join(dir, `synthetic-${docs}.jsonl.gz`);
    if (!existsSync(path)) await writeSyntheticCorpus(`${path}.part`, { docs }).then(() => renameSync(`${path}.part`, path));
    corpora.push(mixReal ? { name: `synthetic-${docs}+${name}-all`, path, docs: total, with: source } : { name: `synthetic-${docs}`, path, docs });
  }
  return corpora;
}

/** The pipeline's input files of a corpus. */
export const inputsOf = (corpus: Corpus): string[] => (corpus.with ? [corpus.path, corpus.with] : [corpus.path]);

/** The corpus' seeded random subset (pickSubset), written once as gzipped JSONL; every config reads the same file. */
export function randomSubset(corpus: Corpus, share: number, seed: number, dir = DEFAULT_CORPUS_DIR): Corpus {
  if (corpus.with) throw new RangeError(`the stability sitting takes one corpus file, not ${corpus.name}`);
  const pct = Math.round(100 * share);
  const path = join(dir, `${corpus.name}-${pct}pct-seed${seed}.jsonl.gz`);
  const lines = gunzipSync(readFileSync(corpus.path)).toString('utf8').trimEnd().split('\n');
  const kept = pickSubset(lines.length, share, seed).map((i) => lines[i]);
  if (!existsSync(path)) {
    writeFileSync(`${path}.part`, gzipSync(kept.join('\n') + '\n'));
    renameSync(`${path}.part`, path);
  }
  return { name: `${corpus.name}-${pct}%`, path, docs: kept.length };
}

/** The assign sitting's two files: the corpus before its last months, and those months (`from` = the first of them, YYYY-MM). */
export interface AssignCorpora {
  base: Corpus;
  added: Corpus;
  from: string;
  /** The batch's first quarter and half (file order, so the earlier dates), when asked for (the bench's --scaling). */
  parts: Corpus[];
}

/** The batch shares the bench's --scaling adds besides the whole batch. */
export const SCALING_SHARES = [0.25, 0.5];

/**
 * Splits JSON Lines by their record's `published` month: the last `months` calendar months, counted
 * back from the latest month with a dated record (a month without records among them still counts),
 * go to `added`, every other line (undated ones too) to `base`, each in file order. A latest month is
 * a stub — a corpus cut off a few days into it, as the 74.7k arXiv corpus' July 2026 (300 papers, all
 * of 1 July; June holds 6,626) — when it holds fewer than a quarter of the month before's records and
 * none dated after its 10th day: it goes to `added` without counting as one of the months. Throws
 * when no record has a date or nothing is left for `base`.
 */
export function splitByLastMonths(lines: readonly string[], months: number): { base: string[]; added: string[]; from: string } {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
  const dateOf = (line: string): { month: number; day: number } | null => {
    const published = (JSON.parse(line) as { published?: unknown }).published;
    const m = typeof published === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(published) : null;
    // A month without a day could lie anywhere in it: as late as it can be.
    return m ? { month: Number(m[1]) * 12 + Number(m[2]) - 1, day: m[3] === undefined ? 31 : Number(m[3]) } : null;
  };
  const keyed = lines.map((line) => ({ line, date: dateOf(line) }));
  const counts = new Map<number, number>();
  for (const { date } of keyed) if (date !== null) counts.set(date.month, (counts.get(date.month) ?? 0) + 1);
  if (counts.size === 0) throw new RangeError('no record has a published date to split by');
  const latest = Math.max(...counts.keys());
  const lastDay = Math.max(...keyed.map((x) => (x.date?.month === latest ? x.date.day : 0)));
  const stub = (counts.get(latest) ?? 0) * 4 < (counts.get(latest - 1) ?? 0) && lastDay <= STUB_LAST_DAY;
  const first = latest - months + 1 - (stub ? 1 : 0);
  const added = keyed.filter((x) => x.date !== null && x.date.month >= first).map((x) => x.line);
  const base = keyed.filter((x) => x.date === null || x.date.month < first).map((x) => x.line);
  const from = `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}`;
  if (base.length === 0) throw new RangeError(`every dated record is from ${from} on: nothing left to make the run of`);
  return { base, added, from };
}

/** A stub month's records all lie on or before this day of it (splitByLastMonths). */
const STUB_LAST_DAY = 10;

/** The real corpus (or the shipped sample) split for the assign sitting, written once under `dir` as gzipped JSONL. */
export function assignCorpora(root: string, months: number, dir = DEFAULT_CORPUS_DIR, scaling = false): AssignCorpora {
  mkdirSync(dir, { recursive: true });
  const shared = resolve(root, '../shared/data/arxiv-daily-cs-2025-2026.jsonl.gz');
  const source = existsSync(shared) ? shared : join(root, 'data/sample-arxiv.jsonl.gz');
  const name = existsSync(shared) ? 'arxiv' : 'sample';
  const lines = gunzipSync(readFileSync(source)).toString('utf8').trimEnd().split('\n');
  const { base, added, from } = splitByLastMonths(lines, months);
  const write = (part: string, kept: string[]): Corpus => {
    const path = join(dir, `${name}-${part}.jsonl.gz`);
    if (!existsSync(path)) {
      writeFileSync(`${path}.part`, gzipSync(kept.join('\n') + '\n'));
      renameSync(`${path}.part`, path);
    }
    return { name: `${name} ${part}`, path, docs: kept.length };
  };
  const parts = scaling ? SCALING_SHARES.map((share) => write(`from-${from}-first-${Math.round(100 * share)}pct`, added.slice(0, Math.ceil(share * added.length)))) : [];
  return { base: write(`before-${from}`, base), added: write(`from-${from}`, added), from, parts };
}
