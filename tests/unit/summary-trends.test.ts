import { describe, expect, it } from 'vitest';
import { unmeasuredTrends } from '../../pipeline/summary.js';

const t = (papersBefore: number, papersAfter: number) => ({ window: 2, papersBefore, papersAfter });

describe('unmeasuredTrends (found by the CLI review of 2026-12-02: "(none significant)" where nothing could be measured)', () => {
  it('is null when the window and its baseline both have papers: "none significant" is then a finding', () => {
    expect(unmeasuredTrends([t(10, 3), t(0, 4)], '2 complete years')).toBeNull();
  });
  it('says there is no baseline, no recent paper, or no countable date', () => {
    expect(unmeasuredTrends([t(0, 3), t(0, 4)], '2 complete years')).toBe('no dated paper before the last 2 complete years: ' +
      'a trend needs a baseline (a shorter --emerging-window, or older papers)');
    expect(unmeasuredTrends([t(5, 0)], '3 complete months')).toBe('no dated paper in the last 3 complete months, the recent window');
    expect(unmeasuredTrends([t(0, 0)], '3 complete months')).toMatch(/^no paper has a date the trends can count/);
    // Dated papers all in a partial month (2024-03-01..09): no undated papers, a span too short.
    expect(unmeasuredTrends([t(0, 0)], '3 complete months', 40)).toMatch(/^the 40 dated papers fall in no complete period/);
  });
});
