// Owns the pipeline's options: their defaults, their --help text and their validation, resolved
// once into a frozen Config that every stage reads.
import { closeSync, existsSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { DATE_PRECISION_MODES, type DatePrecisionMode } from './ingest/date-precision.js';
import { KNOWN_EXTENSIONS } from './ingest/detect.js';
import { INPUT_FORMATS, type InputFormat } from './types.js';

export interface Config {
  inputs: string[];
  /** Read every input as this format instead of by its name and content (null: detect). */
  format: InputFormat | null;
  db: string;
  /** A fixed k, or 'auto' to choose k in kRange by stability. */
  k: number | 'auto';
  kRange: { min: number; max: number; step: number };
  seed: number;
  /** divisive: deterministic top-down start; kmeans++: seeded draws (the earlier default). */
  init: 'divisive' | 'kmeans++';
  restarts: number;
  maxIter: number;
  tolerance: number;
  minDf: number;
  maxDf: number;
  maxTerms: number;
  ngramMax: number;
  topTerms: number;
  neighbours: number;
  /** Periods (of the run's trend granularity) that count as "now"; auto = 3 months or 2 years. */
  emergingWindow: number | 'auto';
  /** auto: declared, else detected per file, else as written; year|month|day for the whole run. */
  datePrecision: DatePrecisionMode;
  strict: boolean;
  lockWait: number;
  workers: number;
  quiet: boolean;
}

// The seed papers (data/seed-papers.jsonl, 2022–2024, mostly without exact dates) are not in the default
// run: their sparse early months would stretch every trend chart of the 2025–26 sample.
export const SAMPLE_INPUTS = ['data/sample-arxiv.jsonl.gz'];

export const DEFAULTS: Config = Object.freeze({
  inputs: SAMPLE_INPUTS,
  format: null,
  db: 'data/themes.duckdb',
  k: 20,
  kRange: { min: 10, max: 40, step: 5 },
  seed: 42,
  init: 'divisive',
  restarts: 1,
  maxIter: 100,
  // From the divisive start, Lloyd's later iterations only trade papers at theme borders. On the
  // 74.7k arXiv corpus at k = 40: 1e-4 stops after 11 iterations (V-measure against the primary
  // category 0.2494, 90%-subsample stability 0.855), 3e-4 after 6 (0.2512, 0.844; 0.05% higher
  // objective, ~2 s less CPU), 1e-3 after 3 (0.2524, 0.823). README "Performance" has the sitting.
  tolerance: 3e-4,
  minDf: 3,
  maxDf: 0.5,
  maxTerms: 60_000,
  ngramMax: 3,
  topTerms: 12,
  neighbours: 5,
  emergingWindow: 'auto',
  datePrecision: 'auto',
  strict: false,
  lockWait: 120,
  workers: 2,
  quiet: false
}) as Config;

export const HELP = `Usage: npm run pipeline -- [options]

Reads paper abstracts, finds themes (TF-IDF + k-means), names them, lays them out on a map,
computes trends and writes one complete run into a DuckDB file.

Options (default in brackets):
  --input FILE|DIR...    input files or folders (every input file in a folder, in name order):
                         ${KNOWN_EXTENSIONS.join(' ')}, each optionally .gz; repeatable
                         [${SAMPLE_INPUTS.join(' ')}]
  --format F             read every input as F instead of by its name and content:
                         ${INPUT_FORMATS.join(', ')}
  --db PATH              DuckDB file to add the run to [${DEFAULTS.db}]
  --k N|auto             number of themes, or auto to choose by stability [${DEFAULTS.k}]
  --k-range MIN..MAX[:STEP]  candidates for --k auto [${DEFAULTS.kRange.min}..${DEFAULTS.kRange.max}:${DEFAULTS.kRange.step}]
  --seed S               random seed; same input + seed = same run [${DEFAULTS.seed}]
  --init divisive|kmeans++
                         how k-means starts: divisive = top-down principal-direction cuts, no
                         randomness, so the seed does not change the themes; kmeans++ = seeded
                         draws [${DEFAULTS.init}]
  --restarts N           divisive: the themes are the corpus' run, and N-1 more runs on seeded
                         random 90% subsamples of the papers measure the stability (ARI on the
                         papers both hold); kmeans++: N runs with seeds S, S+1, ..., the best
                         kept, their agreement (ARI) the stability [${DEFAULTS.restarts}]
  --max-iter N           k-means iterations at most [${DEFAULTS.maxIter}]
  --tolerance T          stop when the objective improves by less than T (relative) [${DEFAULTS.tolerance}]
  --min-df N             drop terms in fewer than N papers [${DEFAULTS.minDf}]
  --max-df F             drop terms in more than this fraction of papers [${DEFAULTS.maxDf}]
  --max-terms N          keep at most N terms, the most frequent [${DEFAULTS.maxTerms}]
  --ngram-max N          longest phrase, in words (1..3) [${DEFAULTS.ngramMax}]
  --top-terms N          keywords stored per theme [${DEFAULTS.topTerms}]
  --neighbours N         nearest themes stored per theme [${DEFAULTS.neighbours}]
  --emerging-window N|auto
                         periods that count as "now" for emerging/fading, in the run's trend
                         granularity (auto: the last 3 months vs the 12 before, or the last
                         2 years vs the 5 before) [${DEFAULTS.emergingWindow}]
  --date-precision auto|year|month|day
                         auto: a record's declared precision, else a file's dates written as
                         days but (nearly) all on 1 January (or the 1st) are read as years
                         (months); year|month: no date finer than that; day: as written [${DEFAULTS.datePrecision}]
  --strict               stop at the first bad record instead of skipping it
  --lock-wait SECONDS    wait this long for another writer (a run or assign) of the same database [${DEFAULTS.lockWait}]
  --workers N            threads for tokenising and clustering, this one included (1 = no workers) [${DEFAULTS.workers}]
  --quiet                no progress output, only the summary
  -h, --help             this help

Exit codes: 0 done · 1 internal error · 2 bad input or usage · 3 database busy (another writer holds its lock).`;

/**
 * `argv` with a negative number after a string option joined to it (`--k -1` → `--k=-1`): parseArgs
 * would otherwise take "-1" for an option and answer "argument is ambiguous" instead of the
 * option's own range check.
 */
export function joinNegativeValues(argv: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && i + 1 < argv.length && /^-\d/.test(argv[i + 1])) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/**
 * A word right after a flag that takes no value (`--strict yes`, `--quiet 3`) that names no file: a
 * usage error naming the flag. Without this it was read as an input file ("yes: no such file").
 */
export function refuseFlagValues(argv: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>): void {
  for (let i = 0; i + 1 < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    const next = argv[i + 1];
    if (name !== null && options[name]?.type === 'boolean' && !next.startsWith('-') && !existsSync(fromCallerDir(next))) {
      throw new UsageError(`--${name} takes no value, got "${next}" (input files follow --input)`);
    }
  }
}

/**
 * A path the user typed, as the user meant it: `npm run` starts the script in the project's folder,
 * so a relative path given from elsewhere (npm's INIT_CWD, the folder npm was called from) is made
 * absolute from there. Called from the project's folder (or without npm), the path is as given.
 */
export function fromCallerDir(path: string): string {
  const caller = process.env.INIT_CWD;
  if (!caller || isAbsolute(path) || resolve(caller) === process.cwd()) return path;
  return resolve(caller, path);
}

/** `--db PATH` checked where it can be before any work: its folder must exist, and it must not be one. */
export function checkDbPath(db: string): string {
  if (db.trim() === '') throw new UsageError('--db expects the path of a database file, got ""');
  const isDir = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return null; // missing
    }
  };
  const dbIsDir = isDir(db); // null: no such file yet
  if (dbIsDir === true) throw new UsageError(`--db ${db} is a folder; give the database file, e.g. ${resolve(db, 'themes.duckdb')}`);
  const folder = dirname(resolve(db));
  if (isDir(folder) !== true) throw new UsageError(`--db ${db}: the folder ${folder} does not exist`);
  // Found before the run's minutes of work: the lock, the copy and the rename all write in the folder.
  const unwritable = folderUnwritable(folder, basename(db));
  if (unwritable !== null) throw new UsageError(`--db ${db}: cannot write in the folder ${folder} (${unwritable}); give a --db in a folder you can write to`);
  // Found before the run's minutes of work, not at its store: DuckDB files say "DUCK" at byte 8.
  if (dbIsDir === false && !isDuckDbFile(db)) throw new UsageError(`--db ${db} is not a DuckDB database (is --db the right file?)`);
  return db;
}

/**
 * Why nothing can be written in `folder` (EACCES, EROFS, …), or null when it can: a probe file is
 * created there and removed (access(2) says yes to root on a folder whose file system refuses).
 */
function folderUnwritable(folder: string, name: string): string | null {
  const probe = join(folder, `.${name}.probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return null;
    return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system'
      : code === 'ENOENT' ? 'the file system takes no new files' : (code ?? (e as Error).message);
  }
  try {
    unlinkSync(probe);
  } catch {
    /* removed meanwhile */
  }
  return null;
}

/** Whether an existing file is a DuckDB database (an empty one is taken as new). */
function isDuckDbFile(path: string): boolean {
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, 12, 0);
    return n === 0 || (n === 12 && head.toString('latin1', 8, 12) === 'DUCK');
  } finally {
    closeSync(fd);
  }
}

/** `orAuto`: the option also takes "auto", and its message says so. */
function int(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER, orAuto = false): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${name} expects an integer ${max < Number.MAX_SAFE_INTEGER ? `between ${min} and ${max}` : `>= ${min}`}${orAuto ? ' or auto' : ''}, got "${text}"`);
  }
  return n;
}

function num(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} expects a number between ${min} and ${max}, got "${text}"`);
  }
  return n;
}

function choice<T extends string>(name: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`--${name} expects one of ${choices.join('|')}, got "${text}"`);
  return text as T;
}

function parseKRange(text: string): Config['kRange'] {
  const m = /^(\d+)\.\.(\d+)(?::(\d+))?$/.exec(text);
  if (!m) throw new UsageError(`--k-range expects MIN..MAX or MIN..MAX:STEP, got "${text}"`);
  const [min, max, step] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 5)];
  if (min < 2 || max < min || step < 1) {
    throw new UsageError(`--k-range needs 2 <= MIN <= MAX and STEP >= 1, got "${text}"`);
  }
  return { min, max, step };
}

function parseFormat(text: string): InputFormat {
  const format = INPUT_FORMATS.find((f) => f === text.toLowerCase());
  if (format === undefined) throw new UsageError(`--format expects one of ${INPUT_FORMATS.join(', ')}, got "${text}"`);
  return format;
}

const PIPELINE_OPTIONS = {
  input: { type: 'string', multiple: true },
  format: { type: 'string' },
  db: { type: 'string' },
  k: { type: 'string' },
  'k-range': { type: 'string' },
  seed: { type: 'string' },
  init: { type: 'string' },
  restarts: { type: 'string' },
  'max-iter': { type: 'string' },
  tolerance: { type: 'string' },
  'min-df': { type: 'string' },
  'max-df': { type: 'string' },
  'max-terms': { type: 'string' },
  'ngram-max': { type: 'string' },
  'top-terms': { type: 'string' },
  neighbours: { type: 'string' },
  'emerging-window': { type: 'string' },
  'date-precision': { type: 'string' },
  strict: { type: 'boolean' },
  'lock-wait': { type: 'string' },
  workers: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const;

/** Parses argv (without node and script) into a Config, or returns 'help'. Throws UsageError. */
export function resolveConfig(argv: string[]): Config | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, PIPELINE_OPTIONS),
      allowPositionals: true, // `--input a.jsonl b.csv`: files after the first are positionals
      options: PIPELINE_OPTIONS
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  refuseFlagValues(argv, PIPELINE_OPTIONS);
  if (v['k-range'] !== undefined && v.k !== 'auto') {
    // Ignored, it would run at a k the user did not ask for.
    throw new UsageError(`--k-range is for --k auto: add --k auto to choose k in ${v['k-range']} (without it k is ${v.k ?? `${DEFAULTS.k}, the default`})`);
  }
  const inputs = [...(v.input ?? []), ...parsed.positionals].map(fromCallerDir);
  const d = DEFAULTS;
  return Object.freeze({
    inputs: inputs.length > 0 ? inputs : d.inputs,
    format: v.format === undefined ? d.format : parseFormat(v.format),
    db: checkDbPath(v.db === undefined ? d.db : fromCallerDir(v.db)),
    k: v.k === undefined ? d.k : v.k === 'auto' ? 'auto' : int('k', v.k, 2, 500, true),
    kRange: v['k-range'] !== undefined ? parseKRange(v['k-range']) : d.kRange,
    seed: v.seed !== undefined ? int('seed', v.seed, 0, 2 ** 31 - 1) : d.seed,
    init: v.init !== undefined ? choice('init', v.init, ['divisive', 'kmeans++'] as const) : d.init,
    restarts: v.restarts !== undefined ? int('restarts', v.restarts, 1, 100) : d.restarts,
    maxIter: v['max-iter'] !== undefined ? int('max-iter', v['max-iter'], 1, 10_000) : d.maxIter,
    tolerance: v.tolerance !== undefined ? num('tolerance', v.tolerance, 0, 1) : d.tolerance,
    minDf: v['min-df'] !== undefined ? int('min-df', v['min-df'], 1) : d.minDf,
    maxDf: v['max-df'] !== undefined ? num('max-df', v['max-df'], 0.01, 1) : d.maxDf,
    maxTerms: v['max-terms'] !== undefined ? int('max-terms', v['max-terms'], 10) : d.maxTerms,
    ngramMax: v['ngram-max'] !== undefined ? int('ngram-max', v['ngram-max'], 1, 3) : d.ngramMax,
    topTerms: v['top-terms'] !== undefined ? int('top-terms', v['top-terms'], 1, 100) : d.topTerms,
    neighbours: v.neighbours !== undefined ? int('neighbours', v.neighbours, 1, 50) : d.neighbours,
    emergingWindow: v['emerging-window'] !== undefined && v['emerging-window'] !== 'auto' ? int('emerging-window', v['emerging-window'], 1, 24, true) : d.emergingWindow,
    datePrecision: v['date-precision'] !== undefined ? choice('date-precision', v['date-precision'], DATE_PRECISION_MODES) : d.datePrecision,
    strict: v.strict ?? false,
    lockWait: v['lock-wait'] !== undefined ? int('lock-wait', v['lock-wait'], 0, 86_400) : d.lockWait,
    workers: v.workers !== undefined ? int('workers', v.workers, 1, 16) : d.workers,
    quiet: v.quiet ?? false
  });
}
