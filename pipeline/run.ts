// Owns the order of the stages: one call each, timed, handed to the store as one complete run.
import { readFileSync } from 'node:fs';
import { ingestFiles } from './ingest/index.js';
import { formatIssue } from './ingest/errors.js';
import { describeCoarseDates, describeUndecidedDates, settleDatePrecision, undecidedCoarseDates } from './ingest/date-precision.js';
import { packPapers } from './ingest/packed-texts.js';
import { tokenisePapers } from './tokenise/index.js';
import { buildTfidf } from './tfidf/index.js';
import { chooseK } from './cluster/choose-k.js';
import { clusterPapers } from './cluster/index.js';
import { labelThemes } from './label/index.js';
import { assessQuality, type QualityResult } from './quality/index.js';
import { shownLabel } from './quality/shown-label.js';
import { groupThemes, type AreaResult } from './areas/index.js';
import { mapThemes, projectInBackground, shareMatrix } from './map/index.js';
import { computeTrends, findBursts, primaryCategories } from './trends/index.js';
import { primaryCategoryOf, type Strata } from './trends/coverage.js';
import { indexInBackground, type BackgroundIndex } from './search/in-background.js';
import { writeRun } from './store/write-run.js';
import { collectGarbage } from './collect-garbage.js';
import { describeModel } from './assign/model.js';
import { checkAgainstCategories } from './quality/external.js';
import { InputError } from './errors.js';
import { paperKey } from './prng.js';
import { transpose } from './cluster/transpose.js';
import { sharedArray } from './shared-memory.js';
import { MIN_MEAN_THEME_PAPERS, Warnings, warnAboutCoverage, warnAboutEmptyPapers, warnAboutStragglers, warnAboutThemes, windowLengths, type RunWarning } from './warnings.js';
import { unplaced, type Placement, type RunData, type ThemeRecord } from './store/run-data.js';
import type { SearchIndex } from './search/index.js';
import type { BackgroundProjection } from './map/index.js';
import type { Config } from './config.js';
import type { Clustering, CsrMatrix, IngestIssue, KSelectionPoint, MapLayout, Paper, ThemeLabel, ThemeTrend, Vocabulary } from './types.js';

/** The stages; 'map' and 'areas' run inside the store (placeLater) and are only timed, not reported as stages. */
export type Stage = 'ingest' | 'tokenise' | 'tfidf' | 'choose-k' | 'cluster' | 'label' | 'quality' | 'map' | 'trends' | 'areas'
  | 'search' | 'store';

export interface Reporter {
  start(stage: Stage): void;
  end(stage: Stage, seconds: number, detail: string): void;
  /** Steps inside the store stage (one per table), so a long write shows where it is. */
  storeStep?(step: string): void;
  clusterIteration?(restart: number, restarts: number, iteration: number, maxIter: number, inertia: number): void;
  kCandidate?(k: number, stability: number, done: number, total: number): void;
}

export interface RunSummary {
  runId: number;
  run: RunData;
  peakRssMb: number;
  /** Soft problems, also stored in runs.metrics.warnings. */
  warnings: RunWarning[];
}

const TOOL_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** Runs `fn` as stage `stage`, recording its wall time in `durations`. */
async function timed<T>(
  stage: Stage,
  reporter: Reporter,
  durations: Record<string, number>,
  fn: () => T | Promise<T>,
  detail: (value: T) => string
): Promise<T> {
  reporter.start(stage);
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  durations[stage] = Math.round(seconds * 1000) / 1000;
  reporter.end(stage, seconds, detail(value));
  return value;
}

/**
 * Largest matrix (non-zeros) whose projection runs beside the cluster stage: both then hold their
 * working memory at once (the projection's graph and buffers, the clusters' bounds: ~500 MB more at
 * 6M non-zeros, the 75k-paper corpus, run peak 1,094 MB). Above it (about 250k papers), the
 * projection runs first, on all threads, and the cluster stage after it, as the memory target at a
 * million papers asks.
 */
const CONCURRENT_MAP_NNZ = 20_000_000;

/**
 * Most papers whose search index is built from ingest on, beside tokenise (at 75k papers ~100 MB
 * more under tokenise's peak, and ~3 s sooner: the low-priority thread fills the core that ingest's
 * tail, tokenise's merge and the TF-IDF leave idle). Above it the index starts after vectorise, once
 * the token lists are garbage, as the memory target at a million papers asks.
 */
const EARLY_SEARCH_PAPERS = 250_000;

/** Tokenise + TF-IDF in their own scope, so the token lists (hundreds of MB) are garbage once the matrix exists. */
async function vectorise(papers: Paper[], config: Config, reporter: Reporter, durations: Record<string, number>) {
  const corpus = await timed('tokenise', reporter, durations,
    () => tokenisePapers(papers, { ngramMax: config.ngramMax, workers: config.workers, minDf: config.minDf }), (c) => `${c.nTerms} distinct terms`);
  const tfidf = await timed('tfidf', reporter, durations,
    () => buildTfidf(corpus, { minDf: config.minDf, maxDf: config.maxDf, maxTerms: config.maxTerms }),
    (t) => `${t.matrix.nCols} terms kept, ${t.matrix.indices.length} non-zeros`);
  // In shared memory from here on: the cluster and map threads read these very arrays, uncopied.
  return { matrix: shareMatrix(tfidf.matrix), vocabulary: tfidf.vocabulary, emptyRows: tfidf.emptyRows, termsBeforePruning: corpus.nTerms };
}

export async function runPipeline(config: Config, reporter: Reporter): Promise<RunSummary> {
  const durations: Record<string, number> = {};
  const createdAt = new Date();
  // The papers' texts then move into one shared buffer, in place (ingest/packed-texts.ts).
  const ingest = await timed('ingest', reporter, durations, () => ingestFiles(config.inputs, { strict: config.strict, format: config.format })
    .then((r) => (packPapers(r.papers), r)), (r) => `${r.papers.length} papers, ${r.skipped.length} skipped, ${r.duplicates} duplicates merged`);
  const { papers } = ingest;
  const warnings = new Warnings();
  for (const message of ingest.warnings) warnings.add('input', message);
  if (ingest.skipped.length > 0) {
    warnings.add('skipped-records', `${ingest.skipped.length} input record${ingest.skipped.length === 1 ? ' was' : 's were'} skipped (listed in the summary and the skipped_records table)`);
  }
  if (config.datePrecision === 'auto') for (const c of undecidedCoarseDates(papers)) warnings.add('coarse-dates', describeUndecidedDates(c, ingest.files));
  const coarseDates = settleDatePrecision(papers, config.datePrecision); // README "Dates"
  for (const c of coarseDates) warnings.add('coarse-dates', describeCoarseDates(c, ingest.files));
  // The search index needs only the texts: built on its own low-priority thread, from here on in a
  // corpus of up to EARLY_SEARCH_PAPERS; above, from the end of vectorise, or for a matrix above
  // CONCURRENT_MAP_NNZ from the end of the cluster stage (analyse).
  const background: { search: BackgroundIndex | null } = { search: null };
  const startSearch = () => (background.search ??= indexInBackground(papers));
  try {
    if (papers.length <= EARLY_SEARCH_PAPERS) startSearch();
    // Awaited by the store before the index's tables, which it writes last: the index thread gets the
    // core the store leaves idle too. The wait is the search stage's time (durations.search).
    const search = async () => {
      const waiting = performance.now();
      const index = await background.search!.result();
      durations.search = Math.round(performance.now() - waiting) / 1000;
      // Only the store holds the index from here on, so that it can let it go after its tables.
      await background.search!.close();
      background.search = null;
      return index;
    };
    // The store starts before the map is placed (analysis.place), inside the projection's lifetime.
    const { analysis, close } = await analyse(papers, config, reporter, durations, warnings, startSearch)
      .catch((e: unknown) => { throw withSkips(e, ingest.skipped); });
    try {
      return await storeRun({ config, reporter, durations, createdAt, ingest, coarseDates, warnings, analysis, search });
    } finally {
      await close();
    }
  } finally {
    await background.search?.close();
  }
}

/** Assembles the run from the stages' results and stores it (the store stage). */
async function storeRun({ config, reporter, durations, createdAt, ingest, coarseDates, warnings, analysis, search }: {
  config: Config; reporter: Reporter; durations: Record<string, number>; createdAt: Date; ingest: Awaited<ReturnType<typeof ingestFiles>>;
  coarseDates: ReturnType<typeof settleDatePrecision>; warnings: Warnings; analysis: Analysis; search: () => Promise<SearchIndex>;
}): Promise<RunSummary> {
  const { papers } = ingest;
  const { k, clustering, labels, clustered, trend } = analysis;
  const themes = (placement: ThemePlacement | null) => themeRecords(labels, clustering, analysis, placement, trend.trends, papers.length);
  const { dates } = trend;
  const run: RunData = {
    createdAt, inputSha256: ingest.inputSha256, inputFiles: ingest.files, papers, skipped: ingest.skipped,
    duplicates: ingest.duplicates, nTerms: analysis.nTerms, k, seed: config.seed, stability: clustered.stability,
    dateMin: dates.min, dateMax: dates.max, dateMinPrecision: dates.minPrecision, dateMaxPrecision: dates.maxPrecision,
    defaultGranularity: dates.granularity, params: { ...config, db: undefined }, toolVersion: TOOL_VERSION, durations,
    metrics: { inertia: clustering.inertia, iterations: clustering.iterations, restarts: config.restarts,
      init: config.init, stabilityKind: clustered.stabilityKind,
      // mapRecall10 is set by the store once the recall check is done (write-run.ts recall).
      nnz: analysis.nnz, termsBeforePruning: analysis.termsBeforePruning, mapRecall10: null, emptyRows: analysis.emptyRows,
      externalCheck: checkAgainstCategories(papers.map(primaryCategoryOf), clustering.assignments),
      datePrecision: dates.precision, coarseDates, warnings: warnings.list,
      // The trends were read with the corpus's coverage checked (trends/coverage.ts; no change found is trend.coverage null).
      coverageChecked: true },
    // Until the store has the map's part (analysis.place), the themes are unplaced and the map's fields
    // empty; the store writes the tables that hold them last but for the search index's.
    themes: themes(null), ...unplaced(), clustering, periods: trend.periods, totals: trend.totals, bursts: trend.bursts,
    coverageChanges: trend.coverage?.changes ?? [], kSelection: analysis.kSelection, memberships: analysis.quality.papers, search: null,
    model: analysis.model
  };
  // Not timed() here: writeRun measures its own time (and peak RSS) into the run as it stores them.
  reporter.start('store');
  const place = async (): Promise<Placement> => {
    const { layout, neighbours, similar, grouped } = await analysis.place();
    return { layout, neighbours, similar, areas: grouped.areas, themes: themes({ layout, grouped }) };
  };
  const runId = await writeRun(config.db, run, { lockWaitMs: config.lockWait * 1000, onStep: reporter.storeStep, searchIndex: search,
    place, recall: analysis.recall });
  reporter.end('store', durations.store, `run ${runId} → ${config.db}`);
  return { runId, run, peakRssMb: run.metrics.peakRssMb as number, warnings: warnings.list };
}

/**
 * The stages between ingest and store, in their own scope: the token lists and the dictionary are
 * garbage before the cluster stage. The TF-IDF matrix lives on in the run's model (paper_vectors),
 * its transpose with the projection's thread until its recall check ends. `close` ends that thread:
 * the caller's, after the store, which waits for the places only before the tables that hold them,
 * and for the recall check only before it marks the run complete.
 */
async function analyse(papers: Paper[], config: Config, reporter: Reporter, durations: Record<string, number>,
  warnings: Warnings, startSearch: () => void): Promise<{ analysis: Analysis; close: () => Promise<void> }> {
  const { matrix, vocabulary, emptyRows, termsBeforePruning } = await vectorise(papers, config, reporter, durations);
  collectGarbage(); // the token lists and the full dictionary: hundreds of MB under the cluster stage's peak
  // Beside the clustering while the two fit in memory together; above that, first and alone, and the
  // search index (~2.2 GB while a million papers' postings are sorted) waits for the cluster stage's
  // end and the transpose's release: beside the projection, the 1M run peaked at 8,396 MB.
  const alone = matrix.indices.length > CONCURRENT_MAP_NNZ;
  if (!alone) startSearch();
  // The map's projection needs only the rows: made on its own threads while the themes are found.
  // Both read one transpose, in shared memory, held here only so that it can be let go after clustering.
  const transposed: { columns: CsrMatrix | null } = { columns: transpose(matrix, sharedArray) };
  const projection = projectInBackground(matrix, transposed.columns!, { seed: config.seed, threads: config.workers });
  try {
    if (alone) await projection.recall(); // the projection whole, its thread's working memory gone before the cluster stage
    const analysis = await analyseRows(papers, config, reporter, durations, warnings, { matrix, vocabulary, emptyRows, termsBeforePruning },
      transposed, projection, alone ? startSearch : () => {});
    return { analysis, close: () => projection.close() };
  } catch (e) {
    await projection.close();
    throw e;
  }
}

/** What the map stage adds to the themes, for themeRecords. */
interface ThemePlacement {
  layout: MapLayout;
  grouped: AreaResult;
}

type Analysis = Awaited<ReturnType<typeof analyseRows>>;

/**
 * The stages from cluster to trends over the shared rows, and `place`: the map stage (the wait for
 * `projection`, made meanwhile) and the areas, which the store calls once it has written what does
 * not need them (write-run.ts place). Its time is the map and areas stages' (durations), not the store's.
 */
async function analyseRows(papers: Paper[], config: Config, reporter: Reporter, durations: Record<string, number>,
  warnings: Warnings, { matrix, vocabulary, emptyRows, termsBeforePruning }: Awaited<ReturnType<typeof vectorise>>,
  transposed: { columns: CsrMatrix | null }, projection: BackgroundProjection, afterCluster: () => void) {

  let k = config.k === 'auto' ? 0 : config.k;
  let kSelection: KSelectionPoint[] = [];
  if (config.k === 'auto') {
    const kRange = feasibleKRange(config.kRange, papers.length, warnings);
    const choice = await timed('choose-k', reporter, durations,
      () => chooseK(matrix, { kMin: kRange.min, kMax: kRange.max, kMaxAsked: Math.min(config.kRange.max, papers.length - 1), kStep: kRange.step,
        seed: config.seed, maxIter: config.maxIter, tolerance: config.tolerance, workers: config.workers,
        init: config.init, keys: Uint32Array.from(papers, (p) => paperKey(p.paperId)),
        onCandidate: (p, done, total) => reporter.kCandidate?.(p.k, p.stability, done, total) }),
      (c) => `k = ${c.k} (${c.curve.map((p) => `${p.k}:${p.stability.toFixed(2)}`).join(' ')})`);
    if (choice.untried.length > 0) {
      warnings.add('k-range-cut', `--k auto tried k = ${choice.curve.map((p) => p.k).join(', ')} of --k-range ${kRange.min}..${kRange.max}: ` +
        `${choice.untried.join(', ')} need more papers (${choice.sampleRows} with terms${config.init === 'divisive' ? ', each half holding k' : ''})`);
    }
    k = choice.k;
    kSelection = choice.curve.map((p) => ({ ...p, chosen: p.k === choice.k }));
  }
  if (papers.length < k) {
    throw new InputError(`fewer papers (${papers.length}) than themes (k = ${k}); lower --k`);
  }
  const clustered = await timed('cluster', reporter, durations,
    () => clusterPapers(matrix, { k, seed: config.seed, restarts: config.restarts, maxIter: config.maxIter,
      init: config.init, keys: Uint32Array.from(papers, (p) => paperKey(p.paperId)), columns: transposed.columns!,
      tolerance: config.tolerance, workers: config.workers,
      onIteration: (r, it, inertia) => reporter.clusterIteration?.(r, config.restarts, it, config.maxIter, inertia) }),
    (c) => `${c.best.iterations} iterations, stability ${c.stability === null ? 'n/a' : c.stability.toFixed(3)}`);
  const clustering = clustered.best;
  // Nothing after the cluster stage reads the transpose (the projection's threads hold their own reference).
  transposed.columns = null;
  collectGarbage(); // the cluster stage's bounds and copies, while the projection still holds its own
  afterCluster();
  warnAboutThemes(warnings, papers.length, clustering.sizes);
  if (kSelection.length === 0) {
    kSelection = [{ k, stability: clustered.stability, inertia: clustering.inertia, chosen: true }];
  }
  const labels = await timed('label', reporter, durations,
    () => labelThemes(matrix, vocabulary, clustering, { topTerms: config.topTerms, ngramMax: config.ngramMax, textOf: (row) => `${papers[row].title}\n${papers[row].abstract}` }),
    (l) => `${l.length} themes named`);
  const quality = await timed('quality', reporter, durations, () => assessQuality(matrix, clustering, labels, clustered.themeSimilarity),
    (q) => `${q.themes.filter((t) => t.mixture).length} mixtures, ${q.papers.weak.reduce((s, w) => s + w, 0)} weak members`);
  // Themes named as everywhere else (a mixture as "Mixture: …"): the warnings are stored and shown on /runs.
  const shownOf = (t: number) => {
    const l = labels.find((x) => x.themeId === t);
    return l === undefined ? `theme ${t}` : shownLabel({ label: l.label, mixture: quality.themes[t].mixture });
  };
  if (emptyRows > 0) warnAboutEmptyPapers(warnings, matrix.indptr, clustering.assignments, (i) => papers[i].title, shownOf);
  // The papers' primary categories: what tells a change in the corpus's coverage from a trend (trends/coverage.ts).
  const strata = primaryCategories(papers.map(primaryCategoryOf));
  const trend = await timed('trends', reporter, durations, () => {
    const trends = computeTrends(papers, clustering.assignments, k, { window: config.emergingWindow, strata });
    const bursts = findBursts({ papers, assignments: clustering.assignments, k, matrix, labels, surfaces: vocabulary.surfaces,
      totals: trends.totals }, trends.dates.granularity);
    return { ...trends, bursts };
  }, (t) => `${t.totals.filter((p) => p.granularity === t.dates.granularity).length} ${t.dates.granularity}s, ${t.bursts.length} bursts`);
  warnAboutCoverage(warnings, trend.coverage?.changes ?? [], labels.map((l) => ({ label: shownOf(l.themeId), trend: trend.trends[l.themeId] })),
    windowLengths(trend));
  warnAboutStragglers(warnings, trend.stragglers);
  const model = describeModel({ matrix, vocabulary, clustering, labels, ngramMax: config.ngramMax });
  const { place, recall } = placeLater({ matrix, vocabulary, papers, projection, clustering, clustered, labels, strata, config, durations });
  return { k, kSelection, clustered, clustering, labels, quality, trend, place, recall, nTerms: matrix.nCols,
    nnz: matrix.indices.length, termsBeforePruning, emptyRows, model };
}

/**
 * The map and areas stages, run inside the store (write-run.ts place; not reported as stages of their
 * own: the store's progress shows the step): the wait for the projection (started after vectorise),
 * the themes placed among their papers, then the areas. Made here, apart from analyseRows, so that
 * these closures hold only what they read (their reference to the matrix is dropped once `place` is
 * done; the run's model still holds it for paper_vectors). The recall check's wait counts as the map
 * stage's time too.
 */
function placeLater(input: { matrix: CsrMatrix; vocabulary: Vocabulary; papers: Paper[]; projection: BackgroundProjection; clustering: Clustering;
  clustered: { themeSimilarity: Float64Array }; labels: ThemeLabel[]; strata: Strata; config: Config; durations: Record<string, number> }) {
  const { vocabulary, papers, projection, clustering, clustered, labels, strata, config, durations } = input;
  let matrix: CsrMatrix | null = input.matrix;
  const place = async () => {
    const t0 = performance.now();
    const mapped = mapThemes(await projection.placed(), clustering, clustered.themeSimilarity,
      { neighbours: Math.min(config.neighbours, clustering.k - 1) });
    const t1 = performance.now();
    const grouped = groupThemes(
      { matrix: matrix!, vocabulary, clustering, themeSimilarity: clustered.themeSimilarity, themeLabels: labels, themeXY: mapped.layout.themeXY, papers },
      { topTerms: config.topTerms, window: config.emergingWindow, strata });
    durations.map = Math.round(t1 - t0) / 1000;
    durations.areas = Math.round(performance.now() - t1) / 1000;
    matrix = null;
    return { ...mapped, grouped };
  };
  const recall = async () => {
    const t0 = performance.now();
    const recall10 = await projection.recall();
    durations.map = Math.round(1000 * (durations.map ?? 0) + performance.now() - t0) / 1000;
    return recall10;
  };
  return { place, recall };
}

/**
 * The part of --k-range that the corpus can fill: each k needs more papers than themes, and --k auto
 * takes no k that the run would then warn leaves too few papers per theme (warnings.ts
 * MIN_MEAN_THEME_PAPERS; on 100 papers it chose k = 50, two papers a theme), unless the range holds
 * no other. None of it is a usage error; a range cut short is a warning.
 */
function feasibleKRange(range: Config['kRange'], nPapers: number, warnings: Warnings): Config['kRange'] {
  if (nPapers - 1 < range.min) {
    throw new InputError(`--k auto: ${nPapers} papers are too few for --k-range ${range.min}..${range.max} ` +
      `(k must be below the number of papers); give a smaller --k-range or a fixed --k`);
  }
  // No k above papers / MIN_MEAN_THEME_PAPERS; when the range holds none that low, only its smallest k (on 49 papers and
  // 10..40 it had tried up to 20, 2.5 papers a theme).
  const byMean = Math.floor(nPapers / MIN_MEAN_THEME_PAPERS);
  const max = Math.min(range.max, nPapers - 1, Math.max(byMean, range.min));
  if (max < range.max) {
    const why = max === byMean ? ` (a theme needs ${MIN_MEAN_THEME_PAPERS} papers on average to be worth naming)`
      : byMean < range.min ? ` (a theme needs ${MIN_MEAN_THEME_PAPERS} papers on average to be worth naming: ${nPapers} papers are too few even for ` +
        `k = ${range.min}, the range's smallest, which is the only one tried)` : '';
    warnings.add('k-range-cut', `--k-range ${range.min}..${range.max} cut to ${range.min}..${max}: only ${nPapers} papers${why}`);
  }
  return { ...range, max };
}

/** The themes' records; unplaced (placement null: x, y NaN, area -1) until the map is (storeRun). */
function themeRecords(labels: ThemeLabel[], clustering: Clustering,
  { quality, clustered: { reproducibility } }: { quality: QualityResult; clustered: { reproducibility: Float64Array | null } },
  placement: ThemePlacement | null, trends: ThemeTrend[], nPapers: number): ThemeRecord[] {
  const { sizes } = clustering;
  return labels.map((l) => ({
    themeId: l.themeId, label: l.label, size: sizes[l.themeId], share: sizes[l.themeId] / nPapers,
    keywords: l.keywords.map((w) => w.term), weights: l.keywords.map((w) => w.weight),
    x: placement ? placement.layout.themeXY[2 * l.themeId] : NaN, y: placement ? placement.layout.themeXY[2 * l.themeId + 1] : NaN,
    trend: trends[l.themeId], areaId: placement ? placement.grouped.areaOfTheme[l.themeId] : -1, ...quality.themes[l.themeId],
    reproducibility: reproducibility === null ? null : reproducibility[l.themeId]
  }));
}

/**
 * Input too small for a run (too few papers for k, none with terms) says how many records were
 * skipped and the first: they are listed only in a finished run's summary, and may be the reason.
 */
function withSkips(error: unknown, skipped: IngestIssue[]): unknown {
  if (!(error instanceof InputError) || skipped.length === 0) return error;
  const n = skipped.length;
  return new InputError(`${error.message}; ${n} input record${n === 1 ? ' was' : 's were'} skipped, the first at ${formatIssue(skipped[0])}`);
}
