// The text `npm run assign` prints: the least-fitting novel papers first, and only themes whose trend moved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssignSummary, ThemeFigures } from '../../../pipeline/assign/index.js';
import { formatAssignSummary, whereAddedLine } from '../../../pipeline/assign/summary.js';
import { whereAdded } from '../../../pipeline/assign/where-added.js';
import type { PeriodTotal } from '../../../pipeline/types.js';

const figures = (size: number, emergingScore: number, shareAfter = 0.1, direction = 'steady', shareOf: ThemeFigures['shareOf'] = 'all'): ThemeFigures =>
  ({ size, emergingScore, shareAfter, direction, shareOf });

function summary(novel: AssignSummary['novel'], themes: AssignSummary['themes']): AssignSummary {
  return {
    runId: 1, batchId: 1, ingest: { files: [{ path: 'in.jsonl', format: 'jsonl', sha256: '', records: 8 }], skipped: [], duplicates: 0, warnings: [] },
    added: 8, alreadyInRun: 0, novel, novelThreshold: 0.3, themes, whereAdded: null, runWarningsUnchanged: 0, seconds: {}, cpuSeconds: {}
  };
}
const text = (s: AssignSummary) => formatAssignSummary(s, 'db.duckdb', { wall: 1, cpu: 1 }).split('\n');

describe('formatAssignSummary', () => {
  it('says the themes are named as stored when the dashboard\'s journal has edits of the run (weekly-use audit of 2026-12-05)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themescope-summary-'));
    try {
      const db = join(dir, 'themes.duckdb');
      const at = '2026-12-01T10:00:00Z';
      writeFileSync(`${db}.edits.jsonl`, [{ kind: 'rename', themeId: 0, name: 'Merging', id: '1', runId: 1, at, by: 'Ada' },
        { kind: 'hide', themeId: 2, id: '2', runId: 1, at, by: 'Ada' }, { kind: 'hide', themeId: 2, id: '3', runId: 2, at, by: 'Ada' }]
        .map((e) => JSON.stringify(e)).join('\n') + '\n');
      const lines = formatAssignSummary(summary([], []), db, { wall: 1, cpu: 1 }).split('\n');
      expect(lines.filter((l) => l.startsWith('Themes are named below as the run stored them'))).toStrictEqual([
        `Themes are named below as the run stored them: 2 edits in ${db}.edits.jsonl rename, merge, split, hide or annotate run 1's themes ` +
          'on the dashboard, whose pages and exports show the papers added here under the curated themes (/curate?run=1)']);
      expect(text(summary([], [])).some((l) => l.startsWith('Themes are named below'))).toBe(false); // no journal beside db.duckdb
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });


  it('lists the novel papers least fitting first, before cutting at 5', () => {
    const sims = [0.25, 0.1, 0.29, 0.05, 0.2, 0.15, 0.01];
    const novel = sims.map((similarity, i) => ({ paperId: `p${i}`, title: `Paper ${i}`, similarity, themeId: 1 }));
    const lines = text(summary(novel, []));
    const listed = lines.filter((line) => /^ {2}p\d/.test(line)).map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toStrictEqual(['p6', 'p3', 'p1', 'p5', 'p4']);
  });

  it('leaves out themes whose figures did not move, and says so when none did', () => {
    const still = { themeId: 1, label: 'Still', before: figures(62, 0.001), after: figures(62, 0.002) };
    const grew = { themeId: 2, label: 'Grew', before: figures(10, 0.5), after: figures(12, 0.5) };
    const rose = { themeId: 3, label: 'Rose', before: figures(20, 0.1), after: figures(21, 0.9, 0.2, 'emerging') };
    const lines = text(summary([], [still, grew, rose]));
    const at = lines.findIndex((line) => line.startsWith('Themes whose trend moved most'));
    expect(lines.slice(at + 1, at + 3).map((line) => line.trim().split(':')[0])).toStrictEqual(['Rose', 'Grew']);
    expect(lines.join('\n')).not.toContain('Still');
    const none = text(summary([], [still]));
    expect(none).toContain('Themes whose trend moved: none (papers, emerging scores, shares of the recent window and directions as before)');
    expect(none.join('\n')).not.toContain('Still');
  });
});

describe('the scores a moved theme prints', () => {
  it('writes a score that rounds to nothing as +0.00, never -0.00 (CLI review of 2026-12-04)', () => {
    const moved = { themeId: 1, label: 'Moved', before: figures(10, -0.02), after: figures(12, -0.001) };
    const line = text(summary([], [moved])).find((l) => l.includes('Moved:'))!;
    expect(line).toContain('score -0.02 → +0.00');
  });
});

describe('the share a moved theme prints', () => {
  it('names whose share each side is where they differ (a run stored before the covered shares, or a theme whose reading changed)', () => {
    const text = formatAssignSummary(summary([], [
      { themeId: 0, label: 'ai systems', before: figures(10, 0.1, 0.032, 'emerging'), after: figures(12, -0.1, 0.024, 'fading (categories held throughout)', 'covered') },
      { themeId: 1, label: 'llm agents', before: figures(10, 0.5, 0.05, 'emerging', 'covered'), after: figures(14, 0.7, 0.06, 'emerging', 'covered') }
    ]), 'x.duckdb', { wall: 1, cpu: 1 });
    expect(text).toContain('share 3.2% of all papers → 2.4% within the categories held throughout');
    expect(text).toContain('share 5.0% → 6.0% within the categories held throughout');
  });
});

describe('where the added papers fall (weekly-use review of 2026-12-04)', () => {
  // Complete months 2025-04 … 2026-05, June partial: with a 2-month window, after = 2026-04 … 05, before = the 8 months ahead of it.
  const months = Array.from({ length: 15 }, (_, i) => `${2025 + Math.floor((3 + i) / 12)}-${String(((3 + i) % 12) + 1).padStart(2, '0')}-01`);
  const totals: PeriodTotal[] = months.map((period, i) => ({ period, granularity: 'month', papers: 100, partial: i === months.length - 1 }));
  const day = (published: string) => ({ published, datePrecision: 'day' as const });

  it('says that a week in a partial month moves no trend yet', () => {
    const w = whereAdded([day('2026-06-15'), day('2026-06-18'), { published: null, datePrecision: null }], totals, 'month', 2);
    expect([w.inAfter, w.inBefore, w.outside, w.unplaced]).toStrictEqual([0, 0, [{ period: '2026-06-01', papers: 2, partial: true }], 1]);
    expect(whereAddedLine(w, 3)).toBe('Where the 3 added papers fall against the trend windows: 0 in the recent window (2026-04 … 2026-05), ' +
      '0 in the window before it (2025-08 … 2026-03), 2 outside both (2 in 2026-06, a partial month), 1 with no month date: no emerging or fading ' +
      'score reflects them yet (the trends compare complete months only; a later run or batch that completes the month will)');
  });

  it('counts papers in the windows, and says nothing more then', () => {
    const w = whereAdded([day('2026-05-02'), day('2025-12-24'), day('2024-01-01')], totals, 'month', 2);
    expect([w.inAfter, w.inBefore, w.outside.map((o) => o.period)]).toStrictEqual([1, 1, ['2024-01-01']]);
    expect(whereAddedLine(w, 3)).not.toContain('no emerging');
  });

  it('heads the size-only moves as gains in papers, and says the basis of both directions once', () => {
    const held = (d: string) => `${d} (categories held throughout)`;
    const grew = { themeId: 2, label: 'Grew', before: figures(10, 0.5, 0.1, held('emerging'), 'covered'), after: figures(95, 0.5, 0.1, held('emerging'), 'covered') };
    const lines = text(summary([], [grew]));
    expect(lines).toContain('No theme\'s trend moved (emerging scores, shares of the recent window and directions as before); the largest gains in papers:');
    expect(lines.find((l) => l.includes('Grew:'))).toContain('(emerging → emerging, categories held throughout)');
  });
});

