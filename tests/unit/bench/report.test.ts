import { describe, expect, it } from 'vitest';
import { clusterShape, markdownTable, type Measurement } from '../../../pipeline/bench/report.js';

function measurement(config: string, total: number, rss: number, v: number, sizes: number[]): Measurement {
  return {
    config, corpus: 'c', n_docs: sizes.reduce((a, b) => a + b, 0), k: sizes.length, load: 1,
    timings_s: { total }, peak_rss_mb: rss, vocab_size: 1, n_iter: 1, cluster_sizes: sizes,
    quality: { v_measure: v, nmi: v, ari: 0 }
  };
}

describe('clusterShape', () => {
  it('counts clusters of at least 10 papers and the largest one\'s share', () => {
    expect(clusterShape(measurement('x', 1, 1, 0, [80, 10, 9, 1]))).toStrictEqual({ themes: 2, largestShare: 0.8 });
  });

  it('is null when the sizes are unknown', () => {
    expect(clusterShape({ ...measurement('x', 1, 1, 0, [5]), cluster_sizes: undefined })).toBeNull();
  });
});

describe('markdownTable ratios', () => {
  const ours = measurement('themescope', 10, 100, 0.3, [50, 50]);
  const degenerate = measurement('sklearn minibatch', 40, 400, 0.5, [99, 1]);
  const whole = measurement('sklearn kmeans', 80, 300, 0.25, [60, 40]);
  const ratioRow = markdownTable([ours, degenerate, whole]).split('\n').at(-1);

  it('compares time with the fastest peer, memory with the leanest, V with the best and the best non-degenerate peer', () => {
    expect(ratioRow).toBe('| c | 2 | sklearn minibatch | 0.25× | 0.33× (lowest peer 300 MB) | -0.200 | 0.050 |');
  });

  it('prints each measurement\'s themes of 10+ papers and largest cluster share', () => {
    expect(markdownTable([degenerate]).split('\n')[2]).toContain('| 1 | 99.0 |');
  });

  it('leaves the ratios out on request: one header, one rule and one row per measurement', () => {
    expect(markdownTable([ours, degenerate, whole], { ratios: false }).split('\n')).toHaveLength(5);
  });
});
