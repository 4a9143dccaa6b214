// Per-file detection of dates written as days that are really years (all on 1 January) or months
// (all on the 1st), its thresholds and statistics, and the --date-precision override.
import { describe, expect, it } from 'vitest';
import {
  describeCoarseDates, describeUndecidedDates, detectCoarseDates, log10ChanceBound, MAX_LOG10_CHANCE, MIN_DATES, MIN_SHARE, settleDatePrecision,
  undecidedCoarseDates
} from '../../../pipeline/ingest/date-precision.js';
import type { DatePrecision, Paper } from '../../../pipeline/types.js';

let next = 0;
function paper(published: string | null, source = 'a.jsonl', datePrecision: DatePrecision | null = 'day', declared = false): Paper {
  return {
    paperId: `p${next++}`, title: 't', abstract: 'a', published, datePrecision: published === null ? null : datePrecision,
    ...(declared ? { datePrecisionDeclared: true as const } : {}), authors: [], categories: [], url: null, source, doi: null, venue: null
  };
}
/** n dates on 1 January of the years from 1990 on. */
const newYears = (n: number, source?: string) => Array.from({ length: n }, (_, i) => paper(`${1990 + (i % 36)}-01-01`, source));
/** n dates on the 1st of the months of 2020 on. */
const firsts = (n: number) => Array.from({ length: n }, (_, i) => paper(`${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`));
/** n real day dates, one per day from 2025-01-02 (so none on 1 January; 1 in 30 or so on a 1st). */
const days = (n: number, source?: string) =>
  Array.from({ length: n }, (_, i) => paper(new Date(Date.UTC(2025, 0, 2 + i)).toISOString().slice(0, 10), source));
const precisions = (papers: Paper[]) => papers.map((p) => `${p.published}:${p.datePrecision}`);

/** Exact log10 P(X ≥ j), X ~ Binomial(n, p), for the small n of these tests. */
function exactLog10Tail(j: number, n: number, p: number): number {
  let sum = 0;
  for (let x = j; x <= n; x++) {
    let choose = 1;
    for (let i = 0; i < x; i++) choose = (choose * (n - i)) / (i + 1);
    sum += choose * p ** x * (1 - p) ** (n - x);
  }
  return Math.log10(sum);
}

describe('detectCoarseDates', () => {
  it('reads a file of 40 dates all on 1 January, 1990..2025, as years', () => {
    expect(detectCoarseDates('old.jsonl', newYears(40))).toStrictEqual({
      // The evidence is the 36 distinct years (1990..2025), not the 40 papers.
      file: 'old.jsonl', rule: 'year', dates: 40, of: 40, log10Chance: log10ChanceBound(36, 36, 1 / 365.25)
    });
  });

  it('reads a file of dates all on the 1st of a month as months', () => {
    const found = detectCoarseDates('monthly.csv', firsts(24));
    expect(found).toMatchObject({ rule: 'month', dates: 24, of: 24 });
  });

  it('fires at exactly 90% of at least 10 dates, not at 80%, nor with 9 dates', () => {
    expect([MIN_DATES, MIN_SHARE]).toStrictEqual([10, 0.9]);
    expect(detectCoarseDates('f', [...newYears(9), ...days(1)])).toMatchObject({ rule: 'year', dates: 9, of: 10 });
    expect(detectCoarseDates('f', [...newYears(8), ...days(2)])).toBeNull();
    expect(detectCoarseDates('f', newYears(9))).toBeNull();
  });

  it('keeps a file of one day as days, however many papers: one listing on 1 January (or a 1st) is one date, 1 in 365 by chance', () => {
    const oneDay = (date: string) => Array.from({ length: 207 }, () => paper(date));
    expect(detectCoarseDates('2026-01-01.jsonl', oneDay('2026-01-01'))).toBeNull();
    expect(detectCoarseDates('2026-07-01.jsonl', oneDay('2026-07-01'))).toBeNull();
    // Two distinct 1 Januaries are beyond chance (1e-5.1), as are three distinct 1sts (1e-4.4), but not two (1e-3.0).
    expect(MAX_LOG10_CHANCE).toBe(-4);
    expect(detectCoarseDates('two-years.csv', [...oneDay('2024-01-01'), ...oneDay('2025-01-01')])).toMatchObject({ rule: 'year', dates: 414 });
    expect(detectCoarseDates('three-months.csv', [...oneDay('2025-03-01'), ...oneDay('2025-04-01'), ...oneDay('2025-05-01')]))
      .toMatchObject({ rule: 'month', dates: 621 });
    expect(detectCoarseDates('two-months.csv', [...oneDay('2025-03-01'), ...oneDay('2025-04-01')])).toBeNull();
  });

  it('names such a file as undecided, with what reads it as years (a one-year list written 2025-01-01), and no file that fired or mixes days', () => {
    const oneDay = (date: string, source: string) => Array.from({ length: 30 }, () => paper(date, source));
    const papers = [...oneDay('2025-01-01', 'proceedings-2025.csv'), ...newYears(20, 'old.jsonl'), ...days(40, 'daily.jsonl')];
    const undecided = undecidedCoarseDates(papers);
    expect(undecided).toStrictEqual([{ file: 'proceedings-2025.csv', rule: 'year', dates: 30, of: 30, log10Chance: log10ChanceBound(1, 1, 1 / 365.25) }]);
    expect(describeUndecidedDates(undecided[0])).toBe('proceedings-2025.csv: 30 of 30 dates written as days are on 1 January, but on too few ' +
      "distinct dates to tell years from one day's papers (chance under day precision ~1e-2), so they stay days; if they are years, " +
      '--date-precision year reads them so');
  });

  it('does not fire on a mixed file: half real days, half 1 January', () => {
    expect(detectCoarseDates('mixed.jsonl', [...days(30), ...newYears(30)])).toBeNull();
  });

  it('does not fire on a year of real day dates, where about 1 in 30 falls on a 1st', () => {
    const year = days(365);
    expect(year.filter((p) => p.published!.endsWith('-01')).length).toBe(12);
    expect(detectCoarseDates('daily.jsonl', year)).toBeNull();
  });

  it('counts only dates written as days and not declared: declared days, months, years and undated papers are left out', () => {
    const papers = [...newYears(9), paper('2001-01-01', 'a.jsonl', 'day', true), paper('2002-01-01', 'a.jsonl', 'year'), paper(null)];
    expect(detectCoarseDates('a.jsonl', papers)).toBeNull(); // 9 candidates < MIN_DATES
  });
});

describe('log10ChanceBound (Chernoff bound on the binomial tail)', () => {
  it('is exp(−n·KL(j/n ‖ p)) in log10, and never below the exact tail', () => {
    const p = 1 / 365.25;
    const q = 0.9;
    const kl = q * Math.log(q / p) + (1 - q) * Math.log((1 - q) / (1 - p));
    expect(log10ChanceBound(9, 10, p)).toBeCloseTo((-10 * kl) / Math.LN10, 12);
    for (const [j, n, pp] of [[9, 10, p], [10, 10, p], [9, 10, 12 / 365.25], [18, 20, 12 / 365.25], [5, 40, 0.05]] as const) {
      expect(log10ChanceBound(j, n, pp)).toBeGreaterThanOrEqual(exactLog10Tail(j, n, pp));
    }
  });

  it('puts the thresholds far beyond chance: below 1e-21 (year rule) and 1e-11 (month rule) at 9 of 10', () => {
    expect(log10ChanceBound(9, 10, 1 / 365.25)).toBeLessThan(-21);
    expect(log10ChanceBound(9, 10, 12 / 365.25)).toBeLessThan(-11);
  });

  it('is 0 (no evidence) when the count is not above its expectation', () => {
    expect(log10ChanceBound(0, 100, 0.01)).toBe(0);
    expect(log10ChanceBound(1, 100, 0.01)).toBe(0);
  });
});

describe('settleDatePrecision', () => {
  it('auto: makes the 1 January dates of a year-like file years, keeps its other dates and other files as they are', () => {
    const old = [...newYears(19, 'old.jsonl'), paper('1999-07-14', 'old.jsonl')];
    const recent = days(20, 'new.jsonl');
    const found = settleDatePrecision([...old, ...recent], 'auto');
    expect(found.map((f) => [f.file, f.rule, f.dates, f.of])).toStrictEqual([['old.jsonl', 'year', 19, 20]]);
    expect(old.slice(0, 19).every((p) => p.datePrecision === 'year')).toBe(true);
    expect(precisions(old.slice(19))).toStrictEqual(['1999-07-14:day']);
    expect(recent.every((p) => p.datePrecision === 'day')).toBe(true);
  });

  it('auto: leaves a declared day on 1 January a day in a file read as years', () => {
    const declared = paper('2001-01-01', 'a.jsonl', 'day', true);
    settleDatePrecision([...newYears(12), declared], 'auto');
    expect(declared.datePrecision).toBe('day');
  });

  it('year: makes every finer date of the run its year, with no detection', () => {
    const papers = [paper('2025-03-18'), paper('2024-06-01', 'a.jsonl', 'month'), paper('2023-01-01', 'a.jsonl', 'year'), paper(null)];
    expect(settleDatePrecision(papers, 'year')).toStrictEqual([]);
    expect(precisions(papers)).toStrictEqual(['2025-01-01:year', '2024-01-01:year', '2023-01-01:year', 'null:null']);
  });

  it('month: makes day dates months and leaves years years', () => {
    const papers = [paper('2025-03-18'), paper('2023-01-01', 'a.jsonl', 'year')];
    settleDatePrecision(papers, 'month');
    expect(precisions(papers)).toStrictEqual(['2025-03-01:month', '2023-01-01:year']);
  });

  it('day: keeps a year-like file as written', () => {
    const papers = newYears(40);
    expect(settleDatePrecision(papers, 'day')).toStrictEqual([]);
    expect(papers.every((p) => p.datePrecision === 'day')).toBe(true);
  });
});

describe('describeCoarseDates', () => {
  it('names the file, the rule, how many dates and the chance bound', () => {
    expect(describeCoarseDates({ file: 'old.jsonl', rule: 'year', dates: 1_480, of: 1_500, log10Chance: -3541.2 })).toBe(
      'old.jsonl: 1,480 of 1,500 dates written as days are on 1 January (98%; chance under day precision < 1e-3541), ' +
        'so they are read as years (year rule, README "Dates"); --date-precision day keeps them as days'
    );
  });

  it('names the file by the path it was given as, when one input has that name (the README review: the folder was missing)', () => {
    const d = { file: 'old.jsonl', rule: 'year' as const, dates: 1_480, of: 1_500, log10Chance: -3541.2 };
    const input = (path: string) => ({ path, format: 'jsonl' as const, sha256: '', records: 1_500 });
    expect(describeCoarseDates(d, [input('exports/2024/old.jsonl'), input('new.jsonl')])).toMatch(/^exports\/2024\/old\.jsonl: 1,480 of 1,500/);
    // Two inputs of that name (their papers share a source): the name alone.
    expect(describeCoarseDates(d, [input('a/old.jsonl'), input('b/old.jsonl')])).toMatch(/^old\.jsonl: /);
  });
});
