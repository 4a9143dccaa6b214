import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meanPairAri, readLabels, realThemes, sharedAri, sittingTable, summarise, type SittingRow } from '../../../pipeline/bench/sitting.js';
import type { Measurement } from '../../../pipeline/bench/report.js';

const labels = (pairs: [string, number][]) => new Map(pairs);
const measurement = (total: number, rss: number, v: number, sizes: number[]): Measurement => ({
  config: 'x', corpus: 'c', n_docs: sizes.reduce((a, b) => a + b, 0), k: sizes.length, load: 0, timings_s: { total },
  peak_rss_mb: rss, vocab_size: 1, n_iter: 1, cluster_sizes: sizes, quality: { v_measure: v, nmi: v, ari: 0 }
});
// a, b | c, d and a | b, c, d: index Σ C(n_ij) = 1, Σ C(a_i) = 2, Σ C(b_j) = 3, C(4) = 6,
// expected = 2·3/6 = 1, max = 2.5 → ARI = (1 − 1)/(2.5 − 1) = 0.
const halves = labels([['a', 0], ['b', 0], ['c', 1], ['d', 1]]);
const oneOff = labels([['a', 0], ['b', 1], ['c', 1], ['d', 1]]);

describe('readLabels', () => {
  it('reads id<TAB>cluster lines, splitting at the last tab and skipping blank lines', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sitting-')), 'l.tsv');
    writeFileSync(path, 'a\t0\nb c\t3\nx\ty\t7\n\n');
    expect(readLabels(path)).toStrictEqual(labels([['a', 0], ['b c', 3], ['x\ty', 7]]));
  });
});

describe('sharedAri', () => {
  it('compares two labelings on the ids both hold only, whatever their order and cluster names', () => {
    // Shared a–d: [0, 0, 1, 1] vs [5, 5, 7, 7] is the same partition; e and f are in one run each.
    const full = labels([['a', 0], ['b', 0], ['c', 1], ['d', 1], ['e', 1]]);
    const subset = labels([['d', 7], ['c', 7], ['b', 5], ['a', 5], ['f', 5]]);
    expect(sharedAri(full, subset)).toBe(1);
  });

  it('gives the chance-corrected figure on the shared papers: 0 for a, b | c, d against a | b, c, d', () => {
    expect(sharedAri(halves, oneOff)).toBe(0);
  });

  it('is null when the labelings share fewer than two ids', () => {
    expect(sharedAri(labels([['a', 0], ['b', 1]]), labels([['b', 0], ['z', 0]]))).toBeNull();
  });
});

describe('meanPairAri', () => {
  it('averages the ARI over the three pairs of three labelings', () => {
    // (halves, halves) = 1, (halves, oneOff) = 0 twice.
    expect(meanPairAri([halves, halves, oneOff])).toBe(1 / 3);
  });

  it('is null for a single labeling (no pair)', () => {
    expect(meanPairAri([halves])).toBeNull();
  });
});

describe('realThemes', () => {
  it('counts the clusters holding at least 0.5% of the papers, never an empty one', () => {
    // 1,000 papers: 5 is exactly 0.5%, 4 is below.
    expect(realThemes(measurement(1, 1, 0, [600, 391, 5, 4, 0]))).toBe(3);
  });
});

describe('summarise', () => {
  it('averages ARI over seed pairs and V over seeds, counts real themes per seed, takes mean time and largest memory', () => {
    const runs = [
      { measurement: measurement(10, 100, 0.2, [299, 1]), labels: halves }, // 1 < 0.5% of 300
      { measurement: measurement(20, 300, 0.4, [100, 100]), labels: halves },
      { measurement: measurement(30, 200, 0.3, [150, 50]), labels: oneOff }
    ];
    const row = summarise('themescope', [1, 1001, 2001], runs, { measurement: measurement(5, 900, 0, [1]), labels: oneOff });
    expect(row).toStrictEqual({
      config: 'themescope', seeds: [1, 1001, 2001], seedAri: 1 / 3, subsetAri: 0,
      vMeasure: (0.2 + 0.4 + 0.3) / 3, realThemes: [1, 2, 2], seconds: 20, peakRssMb: 300
    });
  });

  it('leaves the subset figure empty when the subset run failed', () => {
    expect(summarise('p', [1, 2], [{ measurement: measurement(1, 1, 0, [2]), labels: halves }], null).subsetAri).toBeNull();
  });
});

describe('sittingTable', () => {
  const row = (config: string, seconds: number, peakRssMb: number, realThemes: number[], vMeasure: number): SittingRow =>
    ({ config, seeds: [1, 2], seedAri: 0.5, subsetAri: 0.25, vMeasure, realThemes, seconds, peakRssMb });
  const table = sittingTable([row('themescope', 10, 100, [2, 2], 0.3), row('slow', 80, 200, [2, 2], 0.28), row('fast', 40, 400, [1, 2], 0.4)], 'c (9 papers)', 2);

  it('gives time and memory as ratios of the fastest peer config', () => {
    expect(table).toContain('| themescope | 0.500 | 0.250 | 0.300 | 2 / 2 | 10.0 | 100 | 0.25× | 0.25× |');
    expect(table).toContain('| fast | 0.500 | 0.250 | 0.400 | 1 / 2 | 40.0 | 400 | 1.00× | 1.00× |');
    expect(table).toContain('Fastest peer config: fast (40.0 s, 400 MB).');
  });

  it('names the best peer config whose themes are all real for every seed', () => {
    expect(table).toContain('Best peer config with all 2 themes real for every seed: slow (V-measure 0.280).');
  });
});
