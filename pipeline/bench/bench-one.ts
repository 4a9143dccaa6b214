// One benchmark measurement in its own process (so peak memory is this run's alone): the full
// pipeline, read → DuckDB written, on one corpus (one or more input files) and k; prints one JSON line
// last, with each stage's wall and CPU seconds and the peak RSS when it ended. With `labelsOut`, then
// writes each paper's id and theme there (TSV) for the stability sitting's ARI figures; with `keepDb`,
// the run's database is written there and kept (to serve the dashboard on it) instead of a temp file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type Config } from '../config.js';
import { runPipeline, type Reporter } from '../run.js';
import { adjustedRandIndex } from '../cluster/ari.js';
import { scoreAgainstLabels } from '../quality/external.js';
import { StageMeter } from './stage-meter.js';

const { inputs, k, seed = '42', workers = '2', labelsOut, keepDb } = JSON.parse(process.argv[2]) as {
  inputs: string[]; k: string; seed?: string; workers?: string; labelsOut?: string; keepDb?: string;
};
const dir = keepDb ? null : mkdtempSync(join(tmpdir(), 'themescope-bench-'));
const config = resolveConfig([
  ...inputs.flatMap((input) => ['--input', input]), '--k', k, '--seed', seed, '--workers', workers,
  '--db', keepDb ?? join(dir!, 'bench.duckdb'), '--quiet'
]) as Config;

const meter = new StageMeter();
const reporter: Reporter = { start: (stage) => meter.start(stage), end: (stage) => meter.end(stage) };
const t0 = performance.now();
const { run } = await runPipeline(config, reporter);
const total = (performance.now() - t0) / 1000;
if (dir) rmSync(dir, { recursive: true, force: true });

// Quality against the primary category (categories[0]) of the papers that have one.
const labelled = run.papers.flatMap((p, i) => (p.categories.length > 0 ? [i] : []));
const primary = labelled.map((i) => run.papers[i].categories[0]);
const clusters = labelled.map((i) => run.clustering.assignments[i]);
const classIds = new Map(primary.map((c) => [c, 0]));
[...classIds.keys()].forEach((c, i) => classIds.set(c, i));
const quality = labelled.length > 0 ? scoreAgainstLabels(primary, clusters) : null;
const cpu = process.cpuUsage();

console.log(
  JSON.stringify({
    tool: 'themescope',
    corpus: inputs.join(' + '),
    n_docs: run.papers.length,
    k: run.k,
    seed: run.seed,
    timings_s: { ...run.durations, total: Math.round(total * 1000) / 1000 },
    cpu_s: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    stages: meter.stages,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    vocab_size: run.nTerms,
    nnz: run.metrics.nnz,
    n_iter: run.clustering.iterations,
    inertia: run.clustering.inertia,
    stability: run.stability,
    cluster_sizes: run.themes.map((t) => t.size),
    quality: quality && {
      labelled_docs: labelled.length,
      nmi: quality.nmi,
      v_measure: quality.vMeasure,
      homogeneity: quality.homogeneity,
      completeness: quality.completeness,
      ari: adjustedRandIndex(primary.map((c) => classIds.get(c)!), clusters)
    },
    labels: run.themes.map((t) => ({ label: t.label, size: t.size }))
  })
);
// After the JSON line, so the measured peak RSS is the run's own.
if (labelsOut) writeFileSync(labelsOut, run.papers.map((p, i) => `${p.paperId}\t${run.clustering.assignments[i]}\n`).join(''));
