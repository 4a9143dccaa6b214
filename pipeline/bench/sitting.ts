// The figures of the bench's stability sitting (`npm run bench -- --stability`): from each config's
// runs (one per seed on the corpus, one on its seeded 90% subset) the agreement, quality, theme-count
// and cost figures, and the Markdown table with the ratios to the fastest peer config.
import { readFileSync } from 'node:fs';
import { adjustedRandIndex } from '../cluster/ari.js';
import type { Measurement } from './report.js';

/** A cluster with fewer papers than this share of the corpus is not a real theme (issue 11). */
export const REAL_THEME_SHARE = 0.005;

/** One run of the sitting: its measurement and each paper's cluster, by paper id. */
export interface SittingRun {
  measurement: Measurement;
  labels: Map<string, number>;
}

export interface SittingRow {
  config: string;
  seeds: number[];
  /** Mean over the pairs of seeds of the ARI between their partitions (on the papers both hold). */
  seedAri: number | null;
  /** ARI between the first seed's run on the corpus and its run on the subset, on the subset's papers. */
  subsetAri: number | null;
  /** Mean over the seeds of V-measure against the primary category. */
  vMeasure: number | null;
  /** Per seed, the clusters holding ≥ REAL_THEME_SHARE of the papers. */
  realThemes: number[];
  /** Mean total seconds and largest peak RSS of the seeds' runs (the subset run is not counted). */
  seconds: number;
  peakRssMb: number;
}

/** Lines "id<TAB>cluster" (the last tab splits, so an id may hold anything but a newline). */
export function readLabels(path: string): Map<string, number> {
  const labels = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) labels.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return labels;
}

/** ARI of two labelings restricted to the ids both hold; null when fewer than two are shared. */
export function sharedAri(a: Map<string, number>, b: Map<string, number>): number | null {
  const x: number[] = [];
  const y: number[] = [];
  for (const [id, label] of a) {
    const other = b.get(id);
    if (other !== undefined) x.push(label), y.push(other);
  }
  return x.length < 2 ? null : adjustedRandIndex(x, y);
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Mean of sharedAri over the n(n−1)/2 unordered pairs of labelings; null for fewer than two. */
export function meanPairAri(labelings: Map<string, number>[]): number | null {
  const pairs: number[] = [];
  for (let a = 0; a < labelings.length; a++) {
    for (let b = a + 1; b < labelings.length; b++) {
      const ari = sharedAri(labelings[a], labelings[b]);
      if (ari !== null) pairs.push(ari);
    }
  }
  return mean(pairs);
}

/** Clusters with size ≥ REAL_THEME_SHARE × n_docs (empty clusters never count). */
export function realThemes(m: Measurement): number {
  return (m.cluster_sizes ?? []).filter((size) => size > 0 && size >= REAL_THEME_SHARE * m.n_docs).length;
}

/** The sitting's figures for one config, from its run with each seed and its run on the subset. */
export function summarise(config: string, seeds: number[], runs: SittingRun[], subset: SittingRun | null): SittingRow {
  const ms = runs.map((r) => r.measurement);
  return {
    config,
    seeds,
    seedAri: meanPairAri(runs.map((r) => r.labels)),
    subsetAri: subset && runs.length > 0 ? sharedAri(runs[0].labels, subset.labels) : null,
    vMeasure: mean(ms.flatMap((m) => (m.quality ? [m.quality.v_measure] : []))),
    realThemes: ms.map(realThemes),
    seconds: mean(ms.map((m) => m.timings_s.total)) ?? NaN,
    peakRssMb: Math.max(...ms.map((m) => m.peak_rss_mb))
  };
}

const f = (x: number | null, d = 3) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));

/** Markdown: one row per config; time and memory ratios are to the peer config with the lowest mean time. */
export function sittingTable(rows: SittingRow[], corpus: string, k: number): string {
  const peers = rows.filter((r) => r.config !== 'themescope');
  const fastest = peers.length > 0 ? peers.reduce((a, b) => (b.seconds < a.seconds ? b : a)) : null;
  const ratio = (x: number, y: number | undefined) => (y ? `${(x / y).toFixed(2)}×` : '–');
  const out = [
    `Stability sitting: ${corpus}, k = ${k}, seeds ${rows[0]?.seeds.join(', ') ?? '–'}; subset = a seeded random 90% of the papers, run with the first seed.`,
    '',
    `| config | ARI between seeds (mean of pairs) | ARI full vs 90% (shared papers) | V-measure (mean over seeds) | real themes (≥ ${100 * REAL_THEME_SHARE}% of papers) per seed | mean total s | peak RSS MB | time ÷ fastest peer | peak RSS ÷ fastest peer |`,
    '|---|---|---|---|---|---|---|---|---|'
  ];
  for (const r of rows) {
    out.push(`| ${r.config} | ${f(r.seedAri)} | ${f(r.subsetAri)} | ${f(r.vMeasure)} | ${r.realThemes.join(' / ')} | ${f(r.seconds, 1)} | ` +
      `${Math.round(r.peakRssMb)} | ${ratio(r.seconds, fastest?.seconds)} | ${ratio(r.peakRssMb, fastest?.peakRssMb)} |`);
  }
  if (fastest) out.push('', `Fastest peer config: ${fastest.config} (${fastest.seconds.toFixed(1)} s, ${Math.round(fastest.peakRssMb)} MB).`);
  const filling = peers.filter((r) => r.realThemes.length > 0 && r.realThemes.every((n) => n === k) && r.vMeasure !== null);
  if (peers.length > 0) {
    const best = filling.length > 0 ? filling.reduce((a, b) => (b.vMeasure! > a.vMeasure! ? b : a)) : null;
    out.push(best ? `Best peer config with all ${k} themes real for every seed: ${best.config} (V-measure ${f(best.vMeasure)}).`
      : `No peer config had all ${k} themes real for every seed.`);
  }
  return out.join('\n');
}
