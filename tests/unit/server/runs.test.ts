import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { formatMetric, listRuns, metricRow } from '../../../src/lib/server/runs.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;

beforeAll(async () => {
  const second = handMadeRun();
  // 25 skipped records, written in reverse line order: the sample must be the first 20 by line.
  second.skipped = Array.from({ length: 25 }, (_, i) => ({ file: 'b.csv', line: 100 - i, field: 'title', reason: 'empty' }));
  second.kSelection = [
    { k: 2, stability: 0.5, inertia: 9, chosen: false },
    { k: 3, stability: 0.9, inertia: 6, chosen: true }
  ];
  // The store adds its own (measured, so varying) duration and peak RSS; pin them for exact checks.
  db = await writeTempDb(
    [handMadeRun(), second],
    `UPDATE runs SET status = 'failed', durations = '{"ingest": 0.01}', metrics = '{"inertia": 1.5, "iterations": 3, "warnings": [{"code": "small-themes", "message": "1 theme has fewer than 5 papers: theme 2 (3)"}, {"code": "coverage", "message": "the corpus holds cs.IT only part of the windows", "batch": 2}]}' WHERE run_id = 1;
     UPDATE runs SET durations = '{"ingest": 1.25, "cluster": 2.5}' WHERE run_id = 2;
     -- Made with --restarts 2 on too few papers for a subsample: what it would be measured on, no figure.
     UPDATE runs SET stability = NULL, params = json_merge_patch(params, '{"restarts": 2}'),
       metrics = json_merge_patch(metrics, '{"stabilityKind": "subsample"}') WHERE run_id = 2;`
  );
});
afterAll(() => db.remove());

describe('listRuns', () => {
  it('lists every run newest first, whatever its status', async () => {
    const runs = await listRuns();
    expect(runs.map((r) => [r.run.run_id, r.run.status])).toStrictEqual([
      [2, 'complete'],
      [1, 'failed']
    ]);
  });

  it('parses inputs, durations with their total, metrics, warnings apart from the metrics (with the batch a warning is of), and parameters', async () => {
    const [, first] = await listRuns();
    expect({
      inputFiles: first.inputFiles,
      durations: first.durations,
      totalSeconds: first.totalSeconds,
      metrics: first.metrics,
      warnings: first.warnings,
      params: first.params
    }).toStrictEqual({
      inputFiles: [{ path: 'hand-made.jsonl', format: 'jsonl', sha256: 'b'.repeat(64), records: 24 }],
      durations: [['ingest', 0.01]],
      totalSeconds: 0.01,
      metrics: [
        ['Inertia Σ(1 − cos)', '1.5'],
        ['k-means iterations', '3']
      ],
      // The coverage warning a batch replaced (npm run assign) says which batch it was said of.
      warnings: [{ message: '1 theme has fewer than 5 papers: theme 2 (3)', batch: null }, { message: 'the corpus holds cs.IT only part of the windows', batch: 2 }],
      params: '{\n  "k": 3,\n  "seed": 42\n}'
    });
  });

  it('reads each run\'s stability and restarts for the stability row: no "measured on" without a figure', async () => {
    const [second] = await listRuns();
    expect(second.metrics).toContainEqual(['Stability', 'not measured (too few papers for k themes on a 90% subsample)']);
    expect(second.metrics.map(([name]) => name)).not.toContain('Stability measured on');
  });

  it('gives each run its own k-selection curve', async () => {
    const [second, first] = await listRuns();
    expect([second.kSelection, first.kSelection]).toStrictEqual([
      [
        { k: 2, stability: 0.5, inertia: 9, chosen: false },
        { k: 3, stability: 0.9, inertia: 6, chosen: true }
      ],
      [{ k: 3, stability: 0.9, inertia: 1.5, chosen: true }]
    ]);
  });

  it('samples the first 20 skipped records by file and line', async () => {
    const [second, first] = await listRuns();
    expect(second.skipped.map((s) => s.line)).toStrictEqual(Array.from({ length: 20 }, (_, i) => 76 + i));
    expect(first.skipped).toStrictEqual([{ file: 'hand-made.jsonl', line: 25, field: 'abstract', reason: 'expected a non-empty string' }]);
    expect(second.totalSeconds).toBe(3.75);
  });
});

describe('metricRow', () => {
  it('names each metric in words and reads its value (dashboard audit of 2026-12-03: stabilityKind, peakRssMb, lineage as "prevRunId 1 · …")', () => {
    expect([
      metricRow('stabilityKind', 'subsample'), metricRow('peakRssMb', 976), metricRow('mapRecall10', 0.25635),
      metricRow('lineage', { prevRunId: 1, continued: 31, split: 8, merged: 9, new: 0, gone: 0 }), metricRow('someLaterKey', 3),
      metricRow('searchStem', 'inflection')
    ]).toStrictEqual([
      ['Stability measured on', 'a 90% subsample'], ['Peak memory (MB)', '976'], ['Map recall@10 (neighbours kept)', '0.2564'],
      ['Lineage to the previous run', 'run 1: 31 continued · 8 split · 9 merged · 0 new · 0 gone (links; a theme can have several)'], ['someLaterKey', '3'],
      ['Search matches words by', 'inflection (“transformers” = “transformer”)']
    ]);
  });

  it('does not call a stability measured that the run did not measure (runs.stability NULL), and says why', () => {
    expect(metricRow('stabilityKind', 'subsample', { measured: false, restarts: 1 }))
      .toStrictEqual(['Stability', 'not measured (a run with --restarts 2 measures it on a 90% subsample)']);
    expect(metricRow('stabilityKind', 'subsample', { measured: false, restarts: 2 }))
      .toStrictEqual(['Stability', 'not measured (too few papers for k themes on a 90% subsample)']);
  });
});

describe('formatMetric', () => {
  it('shows numbers below 1,000 to four significant digits, above to one decimal, and other values as JSON', () => {
    expect([formatMetric(12), formatMetric(0.123456), formatMetric(1234.5678), formatMetric('x'), formatMetric([1, 2])]).toStrictEqual([
      '12',
      '0.1235',
      '1,234.6',
      'x',
      '[1,2]'
    ]);
  });

  it('writes large numbers with thousands separators, as every other count on the page', () => {
    expect([formatMetric(6130074), formatMetric(58569.83), formatMetric(-12345), formatMetric(0.2564)]).toStrictEqual([
      '6,130,074',
      '58,569.8',
      '-12,345',
      '0.2564'
    ]);
  });

  it('shows a count object (papers per date precision) as its non-zero counts', () => {
    expect([formatMetric({ day: 3, month: 0, year: 5, undated: 0 }), formatMetric({ day: 74723 }), formatMetric({ day: 0 }), formatMetric({ a: 'x' })])
      .toStrictEqual(['day 3 · year 5', 'day 74,723', '0', '{"a":"x"}']);
  });
});
