// The benchmark's Markdown tables: one row per measurement, then our/peer ratios per corpus and k,
// then each of our runs stage by stage (time, CPU, memory).
import { peakStage, type StageFigures } from './stage-meter.js';

export interface Measurement {
  config: string;
  corpus: string;
  n_docs: number;
  k: number;
  /** The run's seed (both tools report it). */
  seed?: number;
  load: number;
  timings_s: Record<string, number>;
  peak_rss_mb: number;
  vocab_size: number;
  n_iter: number;
  stability?: number | null;
  /** Papers per cluster (both tools report it). */
  cluster_sizes?: number[];
  quality?: { v_measure: number; nmi: number; ari: number } | null;
  /** Our runs: CPU seconds of the whole process, each stage's figures (stage-meter.ts), the database kept (--keep-db). */
  cpu_s?: number;
  stages?: Record<string, StageFigures>;
  db?: string;
}

const f = (x: number | undefined | null, d = 2) => (x === undefined || x === null ? '–' : x.toFixed(d));

/** A cluster this small is not a theme: MiniBatchKMeans leaves many of its k clusters with one paper. */
export const MIN_THEME_PAPERS = 10;

/** Clusters holding at least MIN_THEME_PAPERS papers, and the largest cluster's share of all papers. */
export function clusterShape(m: Measurement): { themes: number; largestShare: number } | null {
  const sizes = m.cluster_sizes;
  if (!sizes || sizes.length === 0) return null;
  return { themes: sizes.filter((n) => n >= MIN_THEME_PAPERS).length, largestShare: Math.max(...sizes) / m.n_docs };
}

/** Vectorise = tokenise + tfidf for us, fit_transform for the peer; total = read → result (ours: → DuckDB). */
function vectorise(m: Measurement): number | undefined {
  const t = m.timings_s;
  return t.vectorise ?? (t.tokenise !== undefined ? t.tokenise + (t.tfidf ?? 0) : undefined);
}

/** `ratios: false` leaves out the our/peer ratios (the stability sitting gives its own). */
export function markdownTable(results: Measurement[], { ratios: withRatios = true } = {}): string {
  const rows = [
    `| corpus | papers | k | config | read s | vectorise s | cluster s | map s | total s | papers/s | peak RSS MB | iters | themes ≥ ${MIN_THEME_PAPERS} papers | largest % | V-measure | NMI | ARI | stability | load |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
  ];
  for (const m of results) {
    const t = m.timings_s;
    const shape = clusterShape(m);
    rows.push(
      `| ${m.corpus} | ${m.n_docs} | ${m.k} | ${m.config} | ${f(t.read ?? t.ingest)} | ${f(vectorise(m))} | ${f(t.cluster)} | ${f(t.map)} | ` +
        `${f(t.total)} | ${Math.round(m.n_docs / t.total)} | ${Math.round(m.peak_rss_mb)} | ${m.n_iter} | ` +
        `${shape ? shape.themes : '–'} | ${shape ? f(100 * shape.largestShare, 1) : '–'} | ` +
        `${f(m.quality?.v_measure, 3)} | ${f(m.quality?.nmi, 3)} | ${f(m.quality?.ari, 3)} | ${f(m.stability, 3)} | ${f(m.load, 1)} |`
    );
  }
  const ratios = ['',
    `| corpus | k | vs fastest peer | time ratio | memory ratio (vs lowest-memory peer) | V-measure − best peer | V-measure − best peer with all k themes ≥ ${MIN_THEME_PAPERS} papers |`,
    '|---|---|---|---|---|---|---|'];
  for (const ours of results.filter((m) => m.config === 'themescope')) {
    const peers = results.filter((m) => m.config !== 'themescope' && m.corpus === ours.corpus && m.k === ours.k);
    if (peers.length === 0) continue;
    const fastest = peers.reduce((a, b) => (b.timings_s.total < a.timings_s.total ? b : a));
    const bestV = Math.max(...peers.map((p) => p.quality?.v_measure ?? 0));
    const minRss = Math.min(...peers.map((p) => p.peak_rss_mb));
    const whole = peers.filter((p) => clusterShape(p)?.themes === p.k);
    const bestWholeV = whole.length > 0 ? Math.max(...whole.map((p) => p.quality?.v_measure ?? 0)) : null;
    ratios.push(
      `| ${ours.corpus} | ${ours.k} | ${fastest.config} | ${f(ours.timings_s.total / fastest.timings_s.total)}× | ` +
        `${f(ours.peak_rss_mb / minRss)}× (lowest peer ${Math.round(minRss)} MB) | ${f((ours.quality?.v_measure ?? 0) - bestV, 3)} | ` +
        `${bestWholeV === null ? '–' : f((ours.quality?.v_measure ?? 0) - bestWholeV, 3)} |`
    );
  }
  return rows.join('\n') + (withRatios && ratios.length > 3 ? '\n' + ratios.join('\n') : '');
}

/** Per run with stages: each stage's wall and CPU seconds, RSS at its end and the peak so far (the peak's stage in bold). */
export function stageTables(results: Measurement[]): string {
  return results.filter((m) => m.stages && Object.keys(m.stages).length > 0).map((m) => {
    const stages = m.stages!;
    const peak = peakStage(stages);
    const rows = Object.entries(stages).map(([name, s]) =>
      `| ${name === peak ? `**${name}**` : name} | ${f(s.s, 1)} | ${f(s.cpu_s, 1)} | ${s.rss_mb} | ${s.peak_rss_mb} |`);
    const sum = (key: 's' | 'cpu_s') => Object.values(stages).reduce((a, s) => a + s[key], 0);
    return [`\n\n${m.corpus} (${m.n_docs} papers), k = ${m.k}, seed ${m.seed ?? '–'}: total ${f(m.timings_s.total, 1)} s, ` +
      `CPU ${f(m.cpu_s, 1)} s, peak RSS ${Math.round(m.peak_rss_mb)} MB, load ${f(m.load, 1)}${m.db ? `; database kept at ${m.db}` : ''}\n`,
    '| stage | wall s | CPU s | RSS at end MB | peak so far MB |', '|---|---|---|---|---|', ...rows,
    `| all stages | ${f(sum('s'), 1)} | ${f(sum('cpu_s'), 1)} | | ${Math.round(m.peak_rss_mb)} |`].join('\n');
  }).join('');
}

/** One `npm run assign` of the assign sitting (bench-assign.ts's JSON, with the bench's own figures). */
export interface AssignMeasurement {
  added: number;
  already_in_run: number;
  novel: number;
  /** assignPapers' own time, and the process's from its start (node, tsx, modules) to the summary. */
  total_s: number;
  process_s: number;
  cpu_s: number;
  peak_rss_mb: number;
  /** Each step's wall and CPU seconds (assign/index.ts AssignSummary.seconds). */
  seconds: Record<string, number>;
  cpu_seconds: Record<string, number>;
  load: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The assign sitting's tables: each repeat of the same batch into a fresh copy of the base run (time,
 * papers per second by the batch's own time and by the process's, CPU, peak memory), their median, and
 * the median of each step.
 */
export function assignTables(title: string, runs: AssignMeasurement[]): string {
  const rate = (m: AssignMeasurement, s: number) => Math.round(m.added / s);
  const rows = [title, '',
    '| repeat | added | novel | assign s | papers/s | process s | papers/s with start-up | CPU s | peak RSS MB | load |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map((m, i) => `| ${i + 1} | ${m.added} | ${m.novel} | ${f(m.total_s)} | ${rate(m, m.total_s)} | ${f(m.process_s)} | ` +
      `${rate(m, m.process_s)} | ${f(m.cpu_s)} | ${m.peak_rss_mb} | ${f(m.load, 1)} |`)];
  if (runs.length > 0) {
    const med = (key: 'total_s' | 'process_s' | 'cpu_s' | 'peak_rss_mb') => median(runs.map((m) => m[key]));
    const added = runs[0].added;
    rows.push(`| **median** | ${added} | ${runs[0].novel} | ${f(med('total_s'))} | **${Math.round(added / med('total_s'))}** | ` +
      `${f(med('process_s'))} | ${Math.round(added / med('process_s'))} | ${f(med('cpu_s'))} | ${Math.round(med('peak_rss_mb'))} | |`);
    const steps = Object.keys(runs[0].seconds);
    rows.push('', 'Steps, median over the repeats (the input is read alongside the copy and the run\'s model: its own line overlaps theirs):', '',
      '| step | wall s | CPU s |', '|---|---|---|',
      ...steps.map((s) => `| ${s} | ${f(median(runs.map((m) => m.seconds[s] ?? 0)))} | ` +
        `${s in runs[0].cpu_seconds ? f(median(runs.map((m) => m.cpu_seconds[s] ?? 0))) : '–'} |`));
  }
  return rows.join('\n');
}

/**
 * Time against batch size over batches of one sitting: the least-squares line through each batch's
 * (papers added, median seconds). Its intercept is the cost of a batch of none (the copy, the run's
 * model read back, the run-wide trends), its slope's inverse the papers per second the per-paper
 * work alone runs at. Null with fewer than two distinct batch sizes, or when the line does not rise
 * (the per-paper cost lost in the noise, as it can be with the shipped sample's few hundred papers).
 */
export function assignScaling(points: { added: number; seconds: number }[]): { fixedSeconds: number; marginalRate: number } | null {
  const n = points.length;
  if (new Set(points.map((p) => p.added)).size < 2) return null;
  const mx = points.reduce((a, p) => a + p.added, 0) / n;
  const my = points.reduce((a, p) => a + p.seconds, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.added - mx) * (p.seconds - my), 0);
  const sxx = points.reduce((a, p) => a + (p.added - mx) ** 2, 0);
  const slope = sxy / sxx;
  // Larger batches no quicker to add than smaller ones, within the noise: no rate to give.
  if (!(slope > 0)) return null;
  return { fixedSeconds: my - slope * mx, marginalRate: 1 / slope };
}

/** The --scaling table: each batch's median time and rate, then the line through them (assignScaling). */
export function assignScalingTable(batches: { name: string; runs: AssignMeasurement[] }[]): string {
  const points = batches.map(({ name, runs }) => ({ name, added: runs[0]?.added ?? 0, seconds: median(runs.map((m) => m.total_s)) }));
  const fit = assignScaling(points);
  return ['| batch | added | median assign s | papers/s |', '|---|---|---|---|',
    ...points.map((p) => `| ${p.name} | ${p.added} | ${f(p.seconds)} | ${Math.round(p.added / p.seconds)} |`),
    '', fit === null ? 'No line: too few batch sizes, or the larger batches took no longer than the smaller (the per-paper cost is below the noise).' :
      `Line through them: ${f(fit.fixedSeconds)} s for a batch of none + ${Math.round(fit.marginalRate)} papers/s for the papers themselves ` +
      '(the intercept is what a batch costs whatever its size: the copy, the run read back, the run-wide figures recomputed).'].join('\n');
}
