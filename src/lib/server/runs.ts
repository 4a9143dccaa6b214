// Owns the run history for the Runs page: every run (any status, newest first) with its inputs,
// counts, timings, metrics, parameters, k-selection curve and a sample of skipped records.
import type { RunRow, TableRow } from '../../../pipeline/types.js';
import { query } from './db.js';
import { RUN_COLUMNS } from './run.js';
import { readExternal, type ExternalFacts } from './run-checks.js';
import { formatFigure } from '../number-format.js';
import { LINEAGE_KINDS } from '../../../pipeline/lineage/match.js';
import { HOW_TO_MEASURE, NOT_MEASURED, restartsOf, whyNotMeasured } from '../stability-facts.js';

export const SKIPPED_SAMPLE = 20;

export interface InputFile {
  path: string;
  format: string;
  sha256: string;
  records: number;
}

export type KPoint = Pick<TableRow<'k_selection'>, 'k' | 'stability' | 'inertia' | 'chosen'>;

export type SkippedRecord = Omit<TableRow<'skipped_records'>, 'run_id' | 'batch_id'>;

export interface RunDetails {
  run: RunRow;
  inputFiles: InputFile[];
  durations: [stage: string, seconds: number][];
  totalSeconds: number;
  metrics: [name: string, value: string][];
  /** The run's warnings (runs.metrics.warnings, pipeline/warnings.ts), one line each. */
  warnings: ShownWarning[];
  /** The themes against the papers' primary categories (runs.metrics.externalCheck); null when not recorded. */
  externalCheck: ExternalFacts | null;
  /** Resolved options, pretty-printed. */
  params: string;
  kSelection: KPoint[];
  skipped: SkippedRecord[];
}

/** A JSON text as its value; a malformed one as null. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A JSON column as an object; a malformed value shows up as {} rather than breaking the page. */
export function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A warning as /runs lists it. */
export interface ShownWarning {
  message: string;
  /** The npm run assign batch it was said of (a coverage, k or theme-size warning that batch recomputed); null: of the run as made. */
  batch: number | null;
}

/** The messages of stored warnings ([{code, message, batch?}]: runs.metrics, assign_batches), with their batch; anything else is ignored. */
export function parseWarnings(value: unknown): ShownWarning[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((w) => (w !== null && typeof w === 'object' && typeof w.message === 'string'
    ? [{ message: w.message, batch: Number.isInteger(w.batch) ? (w.batch as number) : null }] : []));
}

function parseFiles(text: string): InputFile[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as InputFile[]) : [];
  } catch {
    return [];
  }
}

const wholeFormat = new Intl.NumberFormat('en-US');

/**
 * A metric value as text: a number as every figure of the dashboard (number-format.ts: "6,130,074",
 * "58,574.9", "0.2564"; the k table's inertia reads the same); an object of counts (datePrecision) as
 * its non-zero counts, "day 3 · year 5"; other values as JSON.
 */
export function formatMetric(value: unknown): string {
  if (typeof value === 'number') return formatFigure(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(Number.isInteger)) {
    const counts = Object.entries(value as Record<string, number>).filter(([, n]) => n !== 0);
    return counts.length === 0 ? '0' : counts.map(([k, n]) => `${k} ${wholeFormat.format(n)}`).join(' · ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Metrics shown by other means: warnings as their lines, coarseDates through their `coarse-dates` warning. */
/**
 * Whether the run was made before the pipeline checked the corpus's coverage (runs.metrics.coverageChecked,
 * set by the pipeline and by npm run assign): its trends are read over all papers. A run with coverage
 * changes stored was checked, marked or not.
 */
export function coverageUnchecked(run: Pick<RunRow, 'metrics'>, changes: readonly unknown[]): boolean {
  return changes.length === 0 && parseObject(run.metrics).coverageChecked !== true;
}

const NOT_TABULATED = new Set(['warnings', 'coarseDates', 'externalCheck', 'coverageChecked']);

/** The Metrics table's names for runs.metrics' keys (a key not here, from a later version, is shown as stored). */
const METRIC_NAMES: Record<string, string> = {
  inertia: 'Inertia Σ(1 − cos)', iterations: 'k-means iterations', restarts: 'Restarts', init: 'Start', stabilityKind: 'Stability measured on',
  nnz: 'Non-zeros of the TF-IDF matrix', termsBeforePruning: 'Terms before pruning', mapRecall10: 'Map recall@10 (neighbours kept)',
  emptyRows: 'Papers without a term', datePrecision: 'Dates by precision, when clustered', peakRssMb: 'Peak memory (MB)',
  lineage: 'Lineage to the previous run', searchStem: 'Search matches words by'
};
/** How a run's search keys are stemmed (pipeline/tokenise/search-tokens.ts), in words. */
const SEARCH_STEMS: Record<string, string> = { inflection: 'inflection (“transformers” = “transformer”)', porter: 'Porter stem (“transformers” = “transform”)' };
const STABILITY_KINDS: Record<string, string> = { subsample: 'a 90% subsample', restarts: 'pairs of restarts' };

/**
 * One row of the Metrics table: its name in words and its value as read. `stability`: whether the
 * run's stability is stored (runs.stability) and the restarts it was made with. The pipeline records
 * what stability would be measured on either way, which must not read as measured when it was not:
 * with one restart (nothing to compare), or with more on a corpus too small for k on a subsample.
 */
export function metricRow(key: string, value: unknown, stability: { measured: boolean; restarts: number } = { measured: true, restarts: 1 }): [string, string] {
  const name = METRIC_NAMES[key] ?? key;
  if (key === 'stabilityKind' && typeof value === 'string') {
    const on = STABILITY_KINDS[value] ?? value;
    if (stability.measured) return [name, on];
    const why = whyNotMeasured(stability.restarts);
    return ['Stability', `${NOT_MEASURED} (${why === HOW_TO_MEASURE ? `${why} on ${on}` : why})`];
  }
  if (key === 'lineage' && value !== null && typeof value === 'object') {
    const l = value as Record<string, number>;
    if (typeof l.prevRunId === 'number') {
      // Links, not themes: a theme that split has a link per part, so they add up to more than k (review of 2026-12-04).
      return [name, `run ${l.prevRunId}: ${LINEAGE_KINDS.map((k) => `${wholeFormat.format(l[k] ?? 0)} ${k}`).join(' · ')} (links; a theme can have several)`];
    }
  }
  if (key === 'searchStem' && typeof value === 'string') return [name, SEARCH_STEMS[value] ?? value];
  return [name, formatMetric(value)];
}

export async function listRuns(): Promise<RunDetails[]> {
  const [runs, kRows, skippedRows] = await Promise.all([
    query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY run_id DESC`),
    query<KPoint & { run_id: number }>(`SELECT run_id, k, stability, inertia, chosen FROM k_selection ORDER BY run_id, k`),
    // The first SKIPPED_SAMPLE skipped records of each run, in file and line order.
    query<SkippedRecord & { run_id: number }>(
      `SELECT run_id, file, line, field, reason FROM skipped_records
       -- the run's own input (a batch's skipped records are listed with the batch: assigned.ts)
       WHERE batch_id IS NULL
       QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY file, line, field) <= $n
       ORDER BY run_id, file, line, field`,
      { n: SKIPPED_SAMPLE }
    )
  ]);
  // The lineage counts as the dashboard reads theme_lineage: between the curated themes where a lead
  // curated either run (curation/overlay-lineage.ts), so /runs says what /runs/compare shows.
  const kinds = await query<{ run_id: number; prev_run_id: number; kind: string; n: number }>(
    'SELECT run_id, prev_run_id, kind, count(*)::INTEGER AS n FROM theme_lineage GROUP BY ALL');
  return runs.map((run) => {
    const metrics = parseObject(run.metrics);
    const lineage = metrics.lineage as Record<string, unknown> | undefined;
    if (lineage && typeof lineage === 'object' && typeof lineage.prevRunId === 'number') {
      const rows = kinds.filter((k) => k.run_id === run.run_id && k.prev_run_id === lineage.prevRunId);
      if (rows.length > 0) metrics.lineage = { ...lineage, ...Object.fromEntries(LINEAGE_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0])) };
    }
    const durations = Object.entries(parseObject(run.durations)).filter(
      (e): e is [string, number] => typeof e[1] === 'number'
    );
    return {
      run,
      inputFiles: parseFiles(run.input_files),
      durations,
      totalSeconds: durations.reduce((sum, [, s]) => sum + s, 0),
      metrics: Object.entries(metrics).filter(([k]) => !NOT_TABULATED.has(k))
        .map(([k, v]) => metricRow(k, v, { measured: run.stability !== null, restarts: restartsOf(run.params) })),
      warnings: parseWarnings(metrics.warnings),
      externalCheck: readExternal(metrics),
      params: JSON.stringify(parseObject(run.params), null, 2),
      kSelection: kRows.filter((r) => r.run_id === run.run_id).map(({ k, stability, inertia, chosen }) => ({ k, stability, inertia, chosen })),
      skipped: skippedRows.filter((r) => r.run_id === run.run_id).map(({ file, line, field, reason }) => ({ file, line, field, reason }))
    };
  });
}
