import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, formatShare, formatSigned, formatWindow, offeredGranularities, thinLabels } from '../../../src/lib/charts/periods.js';
import { truncate } from '../../../src/lib/charts/axis.js';

describe('offeredGranularities', () => {
  it('offers the run\'s granularity and the coarser ones, and keeps a finer one the URL asked for', () => {
    expect([offeredGranularities('month', 'month'), offeredGranularities('quarter', 'quarter'), offeredGranularities('year', 'year'),
      offeredGranularities('year', 'month')]).toStrictEqual([['month', 'quarter', 'year'], ['quarter', 'year'], ['year'], ['month', 'year']]);
  });

  it('leaves out a coarser one with no complete period (16 months by year: every year partial), unless shown (dashboard audit of 2026-12-03)', () => {
    expect([offeredGranularities('month', 'month', ['year']), offeredGranularities('month', 'year', ['year']),
      offeredGranularities('month', 'month', ['quarter', 'year']), offeredGranularities('year', 'year', ['year'])])
      .toStrictEqual([['month', 'quarter'], ['month', 'quarter', 'year'], ['month'], ['year']]);
  });
});

describe('formatPeriod', () => {
  it('names a period by month, quarter or year', () => {
    expect([
      formatPeriod('2025-03-01', 'month'),
      formatPeriod('2025-07-01', 'quarter'),
      formatPeriod('2025-10-01', 'quarter'),
      formatPeriod('2026-01-01', 'year')
    ]).toStrictEqual(['Mar 2025', 'Q3 2025', 'Q4 2025', '2026']);
  });
});

describe('formatDate and formatWindow', () => {
  it('write a date as precisely as it is known', () => {
    expect([formatDate('1987-01-01', 'year'), formatDate('2025-03-01', 'month'), formatDate('2025-03-18', 'day'), formatDate('2025-03-18', null)])
      .toStrictEqual(['1987', '2025-03', '2025-03-18', '2025-03-18']);
  });
  it('name a trend window with its unit, months for runs stored before the unit', () => {
    expect([formatWindow(3, 'month'), formatWindow(2, 'year'), formatWindow(1, 'year'), formatWindow(3, null)])
      .toStrictEqual(['3 months', '2 years', '1 year', '3 months']);
  });
});

describe('thinLabels', () => {
  it('keeps every label when n · labelWidth fits, else every ceil(n · labelWidth / width)-th', () => {
    expect(thinLabels(4, 400, 64)).toStrictEqual([0, 1, 2, 3]);
    expect(thinLabels(18, 600, 64)).toStrictEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(thinLabels(0, 600, 64)).toStrictEqual([]);
  });
});

describe('formatShare and truncate', () => {
  it('prints a share as a percentage with one decimal', () => {
    expect(formatShare(0.1234)).toBe('12.3%');
  });

  it('cuts a long label to the limit with an ellipsis and leaves a short one alone', () => {
    expect([truncate('gaussian splatting', 30), truncate('gaussian splatting', 9)]).toStrictEqual([
      'gaussian splatting',
      'gaussian…'
    ]);
  });
});

describe('formatSigned', () => {
  it('writes a negative figure with the minus sign U+2212, never a hyphen, and no sign on what rounds to zero', () => {
    expect([formatSigned(-1.25, 1), formatSigned(-0.2, 2), formatSigned(23.4, 1), formatSigned(-0.04, 1), formatSigned(0, 2)])
      .toStrictEqual(['\u22121.3', '\u22120.20', '23.4', '0.0', '0.00']);
    expect(formatSigned(-9.1, 1)).not.toContain('-');
  });
});
