import { describe, expect, it } from 'vitest';
import { formatTrends, unmeasuredTrends } from '../../pipeline/summary-trends.js';

const t = (papersBefore: number, papersAfter: number) => ({ window: 2, papersBefore, papersAfter });

describe('unmeasuredTrends (found by the CLI review of 2026-12-02: "(none significant)" where nothing could be measured)', () => {
  it('is null when the window and its baseline both have papers: "none significant" is then a finding', () => {
    expect(unmeasuredTrends([t(10, 3), t(0, 4)], '2 complete years')).toBeNull();
  });
  it('says there is no baseline, no recent paper, or no countable date', () => {
    expect(unmeasuredTrends([t(0, 3), t(0, 4)], '2 complete years')).toBe('no dated paper before the last 2 complete years: ' +
      'a trend needs a baseline (a shorter --emerging-window, or older papers)');
    // A one-period window can be no shorter (CLI review of 2026-12-04: "the last 1 complete year … a shorter --emerging-window").
    expect(unmeasuredTrends([{ window: 1, papersBefore: 0, papersAfter: 3 }], 'complete year')).toBe('no dated paper before the last complete year: ' +
      'a trend needs a baseline (older papers)');
    expect(unmeasuredTrends([t(5, 0)], '3 complete months')).toBe('no dated paper in the last 3 complete months, the recent window');
    expect(unmeasuredTrends([t(0, 0)], '3 complete months')).toMatch(/^no paper has a date the trends can count/);
    // Dated papers all in a partial month (2024-03-01..09): no undated papers, a span too short.
    expect(unmeasuredTrends([t(0, 0)], '3 complete months', 40)).toMatch(/^the 40 dated papers fall in no complete period/);
  });
});

describe('formatTrends (the CLI review of the shrinking field: "emerging" said of themes publishing fewer papers a month)', () => {
  // 15 complete months: 12 before, 3 after. Theme 0: share up, 1,308 → 261 papers (109 → 87 a month); theme 1: share up, 1,200 → 330
  // (100 → 110); theme 2: share down, 1,200 → 330 (100 → 110); theme 3: share down, 1,200 → 270 (100 → 90).
  const totals = Array.from({ length: 15 }, (_, i) => ({ period: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    granularity: 'month' as const, papers: 4000, partial: false }));
  const theme = (themeId: number, direction: 'emerging' | 'fading', papersBefore: number, papersAfter: number, emergingScore: number) => ({
    themeId, label: `theme ${themeId}`, mixture: false,
    trend: { themeId, direction, papersBefore, papersAfter, emergingScore, zScore: 3 * Math.sign(emergingScore), window: 3, windowGranularity: 'month' as const,
      shareBefore: 0.02, shareAfter: 0.03, growth: 0.5, covered: null } });
  const run = { themes: [theme(0, 'emerging', 1308, 261, 0.4), theme(1, 'emerging', 1200, 330, 0.3), theme(2, 'fading', 1200, 330, -0.3),
    theme(3, 'fading', 1200, 270, -0.2)], totals, papers: { length: 5000 }, metrics: {} } as unknown as Parameters<typeof formatTrends>[0];

  it('lists as emerging only a rising share whose papers per month did not fall, and the others under their own words', () => {
    const lines = formatTrends(run);
    const under = (heading: string) => { const at = lines.findIndex((l) => l.startsWith(heading)); return lines[at + 1].trim().split(' — ')[0]; };
    expect(under('Top emerging')).toBe('theme 1');
    expect(under('Shrinking slower than the field (share rose, fewer papers per month)')).toBe('theme 0');
    expect(under('Top fading')).toBe('theme 3');
    expect(under('Growing slower than the field (share fell, more papers per month)')).toBe('theme 2');
    expect(lines.find((l) => l.startsWith('  theme 0'))).toContain('109 → 87 papers a month');
  });
});
