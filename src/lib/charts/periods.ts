// Owns how periods are named on axes and read-outs: month "Mar 2025", quarter "Q1 2025", year "2025".
// Periods arrive as ISO dates of the period's first day ('YYYY-MM-DD', UTC calendar dates).
import type { DatePrecision, Granularity } from '../../../pipeline/types.js';

// The one list of granularities is the pipeline's (the only value the dashboard imports from it):
// the period controls offer what the trends stage counts, in its order.
import { GRANULARITIES } from '../../../pipeline/types.js';
export { GRANULARITIES };

/**
 * The granularities a run's charts offer: its default (the finest most of its papers are dated to)
 * and the coarser ones that hold a complete period, and the one shown. A finer one counts only the
 * few papers dated that finely (a year-dated corpus charted by month is empty), and one whose periods
 * are all partial draws only hatched ones (16 months charted by year), so neither is offered; the URL
 * may still ask for it. `partialOnly`: the granularities whose stored periods are all partial.
 */
export function offeredGranularities(defaultGranularity: Granularity, shown: Granularity, partialOnly: readonly Granularity[] = []): Granularity[] {
  const from = GRANULARITIES.indexOf(defaultGranularity);
  return GRANULARITIES.filter((g, i) => (i >= from && (g === defaultGranularity || !partialOnly.includes(g))) || g === shown);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatPeriod(period: string, granularity: Granularity): string {
  const year = period.slice(0, 4);
  const month = Number(period.slice(5, 7)) - 1;
  switch (granularity) {
    case 'month':
      return `${MONTHS[month]} ${year}`;
    case 'quarter':
      return `Q${Math.floor(month / 3) + 1} ${year}`;
    case 'year':
      return year;
  }
}

/** A date as precise as it is known: '1998' (year), '1998-05' (month), '1998-05-17' (day or unknown). */
export function formatDate(iso: string, precision: DatePrecision | null): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

/** A trend window in words: "3 months", "1 year"; runs before window_granularity were in months. */
export function formatWindow(n: number, granularity: Granularity | null): string {
  const unit = granularity ?? 'month';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * Which of `n` evenly spaced period labels to print so that labels `labelWidth` px wide never touch:
 * every `step`-th label, step = ceil(n · labelWidth / width), always including the first.
 */
export function thinLabels(n: number, width: number, labelWidth: number): number[] {
  if (n <= 0) return [];
  const step = Math.max(1, Math.ceil((n * labelWidth) / Math.max(1, width)));
  const kept: number[] = [];
  for (let i = 0; i < n; i += step) kept.push(i);
  return kept;
}

export function formatShare(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A signed figure (a z value, a keyword coherence) with the true minus sign, U+2212, as the rest of
 * the dashboard writes it: a hyphen reads as a dash and sits lower. A value that rounds to zero has
 * no sign ("0.0", not "−0.0").
 */
export function formatSigned(x: number, digits: number): string {
  const magnitude = Math.abs(x).toFixed(digits);
  return x < 0 && Number(magnitude) !== 0 ? `\u2212${magnitude}` : magnitude;
}
