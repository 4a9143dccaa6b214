// Owns one invocation of `npm run assign`: arguments → assignPapers → summary, errors → exit codes
// as the pipeline's (pipeline/errors.ts: 0 done · 1 bug · 2 bad input or usage · 3 busy).
import { parseArgs } from 'node:util';
import { checkDbPath, DEFAULTS, fromCallerDir, joinNegativeValues, refuseFlagValues } from '../config.js';
import { ThemescopeError, UsageError, exitCodeOf, type ExitCode } from '../errors.js';
import { INPUT_FORMATS, type InputFormat } from '../types.js';
import { assignPapers, type AssignConfig } from './index.js';
import { formatAssignSummary } from './summary.js';
import { sayWhenStopped } from '../store/copy-update.js';

/**
 * The text pass's threads by default: one. On this 2-core machine a second thread tokenising beside
 * DuckDB's reads ran each 2-3x slower per chunk (the cores share more than they split), so the worker
 * cost ~20-25% more CPU for no wall time (three interleaved pairs of 14,309 papers: 6.6-7.3 s with it,
 * 6.5-7.7 s without); `--workers 2` is there for machines with cores to spare.
 */
export const ASSIGN_WORKERS = 1;

export const ASSIGN_HELP = `Usage: npm run assign -- --input FILE... [--db PATH] [--run N] [options]

Adds papers that are not yet in a run to its themes without re-clustering: the run's vocabulary,
IDF weights and centroids place each paper in its nearest theme (top 3 themes kept), on the map
among its theme's nearest papers, in the search index and similar papers; trends are recomputed.
Papers that fit no theme well (cosine to the nearest centroid below the 5th percentile of the run's
own papers) are flagged novel. The database is replaced atomically, as a run is.

Options (default in brackets):
  --input FILE|DIR...    input files or folders, the pipeline's formats (see npm run pipeline -- --help)
  --db PATH              DuckDB file holding the run [${DEFAULTS.db}]
  --run N                run to add to [the newest complete run]
  --format F             read every input as F: ${INPUT_FORMATS.join(', ')}
  --strict               stop at the first bad record instead of skipping it
  --lock-wait SECONDS    wait this long for another writer of the same database [${DEFAULTS.lockWait}]
  --workers N            threads for reading the new texts, this one included [${ASSIGN_WORKERS}]: 2 adds a worker
                         that reads texts from the start, worth it with cores to spare
  --quiet                no progress output, only the summary
  -h, --help             this help

Exit codes: 0 done (also when every paper was already in the run) · 1 internal error · 2 bad input or usage · 3 database busy.`;

function positiveInt(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--${name} expects an integer ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `>= ${min}`}, got "${text}"`);
  }
  return Number(text);
}

const ASSIGN_OPTIONS = {
  input: { type: 'string', multiple: true }, db: { type: 'string' }, run: { type: 'string' }, format: { type: 'string' },
  strict: { type: 'boolean' }, 'lock-wait': { type: 'string' }, workers: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }
} as const;

export function resolveAssignConfig(argv: string[]): (AssignConfig & { quiet: boolean }) | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, ASSIGN_OPTIONS), allowPositionals: true, options: ASSIGN_OPTIONS });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  refuseFlagValues(argv, ASSIGN_OPTIONS);
  const inputs = [...(v.input ?? []), ...parsed.positionals].map(fromCallerDir);
  if (inputs.length === 0) throw new UsageError('--input is required: the files with the papers to add');
  const format = v.format === undefined ? null : INPUT_FORMATS.find((f) => f === v.format!.toLowerCase());
  if (format === undefined) throw new UsageError(`--format expects one of ${INPUT_FORMATS.join(', ')}, got "${v.format}"`);
  return {
    inputs, db: checkDbPath(v.db === undefined ? DEFAULTS.db : fromCallerDir(v.db)), run: v.run === undefined ? null : positiveInt('run', v.run, 1), format: format as InputFormat | null,
    strict: v.strict ?? false, lockWait: v['lock-wait'] === undefined ? DEFAULTS.lockWait : positiveInt('lock-wait', v['lock-wait'], 0),
    workers: v.workers === undefined ? ASSIGN_WORKERS : positiveInt('workers', v.workers, 1, 16), quiet: v.quiet ?? false
  };
}

export interface AssignMainOptions {
  /** Wraps the step callback; the crash tests' fault injection (tests/fixtures/faulty-assign.ts) hooks in here. */
  wrapStep?: (step: (name: string) => void) => (name: string) => void;
}

export async function assignMain(argv: string[], options: AssignMainOptions = {}): Promise<ExitCode> {
  try {
    const config = resolveAssignConfig(argv);
    if (config === 'help') {
      process.stdout.write(ASSIGN_HELP + '\n');
      return 0;
    }
    const progress = !config.quiet && process.stderr.isTTY === true;
    const step = (name: string) => progress && process.stderr.write(`assign: ${name}\n`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const forget = sayWhenStopped(config.db);
    const summary = await assignPapers(config, options.wrapStep?.(step) ?? step).finally(forget);
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(formatAssignSummary(summary, config.db, { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }));
    return 0;
  } catch (e) {
    const code = exitCodeOf(e);
    if (e instanceof ThemescopeError) {
      process.stderr.write(`themescope assign: ${e.message}\n${e.name === 'UsageError' ? 'Try --help.\n' : ''}`);
    } else {
      process.stderr.write(`themescope assign: internal error: ${(e as Error).stack ?? e}\n`);
    }
    return code;
  }
}
