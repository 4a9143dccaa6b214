import { describe, expect, it } from 'vitest';
import { assignScaling, assignScalingTable, assignTables, clusterShape, markdownTable, stageTables, type AssignMeasurement, type Measurement } from '../../../pipeline/bench/report.js';
import { peakStage } from '../../../pipeline/bench/stage-meter.js';

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

describe('stageTables', () => {
  const stage = (s: number, cpu: number, rss: number, peak: number) => ({ s, cpu_s: cpu, rss_mb: rss, peak_rss_mb: peak });
  const run: Measurement = {
    ...measurement('themescope', 30, 900, 0.3, [5, 5]), seed: 42, cpu_s: 50,
    stages: { ingest: stage(2, 2, 300, 300), tokenise: stage(10, 18, 700, 900), store: stage(18, 20, 600, 900) }
  };

  it('lists each stage with its seconds and memory, the stage that reached the peak in bold, and the sums', () => {
    const lines = stageTables([run]).trim().split('\n');
    expect(lines[0]).toBe('c (10 papers), k = 2, seed 42: total 30.0 s, CPU 50.0 s, peak RSS 900 MB, load 1.0');
    expect(lines.slice(4)).toStrictEqual([
      '| ingest | 2.0 | 2.0 | 300 | 300 |',
      '| **tokenise** | 10.0 | 18.0 | 700 | 900 |',
      '| store | 18.0 | 20.0 | 600 | 900 |',
      '| all stages | 30.0 | 40.0 | | 900 |'
    ]);
  });

  it('leaves out measurements without stages (the peer\'s)', () => {
    expect(stageTables([measurement('sklearn kmeans', 1, 1, 0, [1])])).toBe('');
  });
});

describe('peakStage', () => {
  it('is the first stage whose end shows the final peak', () => {
    const f = (peak: number) => ({ s: 1, cpu_s: 1, rss_mb: peak, peak_rss_mb: peak });
    expect(peakStage({ a: f(1), b: f(5), c: f(5) })).toBe('b');
    expect(peakStage({})).toBeNull();
  });
});

describe('assignTables', () => {
  const run = (total: number, process: number, cpu: number, rss: number, steps: Record<string, number>): AssignMeasurement => ({
    added: 1000, already_in_run: 0, novel: 70, total_s: total, process_s: process, cpu_s: cpu, peak_rss_mb: rss, seconds: steps,
    cpu_seconds: { copy: steps.copy * 2 }, load: 1
  });
  const table = assignTables('T', [run(0.5, 1, 1, 300, { copy: 0.1, read: 0.3 }), run(0.25, 0.8, 0.9, 320, { copy: 0.3, read: 0.1 }),
    run(0.4, 2, 1.2, 310, { copy: 0.2, read: 0.2 })]).split('\n');

  it('gives each repeat its papers per second by its own time and by the process\'s, and their medians', () => {
    expect(table[4]).toBe('| 1 | 1000 | 70 | 0.50 | 2000 | 1.00 | 1000 | 1.00 | 300 | 1.0 |');
    expect(table[7]).toBe('| **median** | 1000 | 70 | 0.40 | **2500** | 1.00 | 1000 | 1.00 | 310 | |');
  });

  it('gives each step its median wall and CPU seconds, a dash where no CPU figure was kept', () => {
    expect(table.slice(-2)).toStrictEqual(['| copy | 0.20 | 0.40 |', '| read | 0.20 | – |']);
  });
});

describe('assignScaling', () => {
  it('splits time into a fixed part and papers per second by the least-squares line', () => {
    // 2 s whatever the size + 1,000 papers/s; the two 2,000-paper batches ±0.1 s about the line.
    const fit = assignScaling([{ added: 1000, seconds: 3.0 }, { added: 2000, seconds: 3.9 }, { added: 2000, seconds: 4.1 }, { added: 4000, seconds: 6.0 }])!;
    expect(fit.fixedSeconds).toBeCloseTo(2.0, 1);
    expect(fit.marginalRate).toBeGreaterThan(950);
    expect(fit.marginalRate).toBeLessThan(1050);
    expect(assignScaling([{ added: 5, seconds: 1 }, { added: 5, seconds: 2 }])).toBeNull();
    // The larger batch no slower (a few hundred papers, the fixed part's noise larger than their cost): no rate.
    expect(assignScaling([{ added: 240, seconds: 2.1 }, { added: 950, seconds: 2.0 }])).toBeNull();
    expect(assignScaling([{ added: 240, seconds: 2.0 }, { added: 950, seconds: 2.0 }])).toBeNull();
  });

  it('gives each batch its median and the line in words', () => {
    const m = (added: number, total: number): AssignMeasurement => ({ added, already_in_run: 0, novel: 0, total_s: total, process_s: total, cpu_s: total,
      peak_rss_mb: 1, seconds: {}, cpu_seconds: {}, load: 0 });
    const table = assignScalingTable([{ name: 'quarter', runs: [m(1000, 3), m(1000, 3.2), m(1000, 2.8)] }, { name: 'whole', runs: [m(4000, 6)] }]);
    expect(table).toContain('| quarter | 1000 | 3.00 | 333 |');
    expect(table).toContain('Line through them: 2.00 s for a batch of none + 1000 papers/s');
  });
});
