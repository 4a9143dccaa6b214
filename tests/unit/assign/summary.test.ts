// The text `npm run assign` prints: the least-fitting novel papers first, and only themes whose trend moved.
import { describe, expect, it } from 'vitest';
import type { AssignSummary, ThemeFigures } from '../../../pipeline/assign/index.js';
import { formatAssignSummary } from '../../../pipeline/assign/summary.js';

const figures = (size: number, emergingScore: number, shareAfter = 0.1, direction = 'steady', shareOf: ThemeFigures['shareOf'] = 'all'): ThemeFigures =>
  ({ size, emergingScore, shareAfter, direction, shareOf });

function summary(novel: AssignSummary['novel'], themes: AssignSummary['themes']): AssignSummary {
  return {
    runId: 1, batchId: 1, ingest: { files: [{ path: 'in.jsonl', format: 'jsonl', sha256: '', records: 8 }], skipped: [], duplicates: 0, warnings: [] },
    added: 8, alreadyInRun: 0, novel, novelThreshold: 0.3, themes, seconds: {}, cpuSeconds: {}
  };
}
const text = (s: AssignSummary) => formatAssignSummary(s, 'db.duckdb', { wall: 1, cpu: 1 }).split('\n');

describe('formatAssignSummary', () => {
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
