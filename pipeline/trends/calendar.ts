// Calendar arithmetic for trend periods: which month/quarter/year a date falls in, and the UTC day
// numbers where each period starts and ends. Pure integer/UTC maths, so the TZ never matters.
import type { Granularity } from '../types.js';

const MS_PER_DAY = 86_400_000;

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Parses `YYYY-MM-DD`; returns null for anything else or a day that does not exist. */
export function parseIsoDate(iso: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null; // e.g. 2025-02-30
  return { year, month, day };
}

const [DASH, ZERO] = ['-'.charCodeAt(0), '0'.charCodeAt(0)];

/**
 * parseIsoDate as the integer yyyymmdd (ordered as the ISO texts are), −1 where it gives null. No
 * match object or date object: the trends read every paper's date this way, once.
 */
export function isoDateKey(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  const [year, month, day] = [Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return key;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (UTC) of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, not Date.UTC: years 0..99 stay literal
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Consecutive integer index of the period holding (year, month): period i + 1 follows period i. */
export function periodIndex(granularity: Granularity, year: number, month: number): number {
  switch (granularity) {
    case 'month':
      return year * 12 + (month - 1);
    case 'quarter':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'year':
      return year;
    default:
      return unreachable(granularity);
  }
}

/** Year and first month of the period with this index. */
function firstMonthOf(granularity: Granularity, index: number): { year: number; month: number } {
  switch (granularity) {
    case 'month':
      return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
    case 'quarter':
      return { year: Math.floor(index / 4), month: (((index % 4) + 4) % 4) * 3 + 1 };
    case 'year':
      return { year: index, month: 1 };
    default:
      return unreachable(granularity);
  }
}

/** ISO date of the period's first day, e.g. quarter 2025 Q3 → `2025-07-01`. */
export function periodStartIso(granularity: Granularity, index: number): string {
  const { year, month } = firstMonthOf(granularity, index);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

export function periodStartDay(granularity: Granularity, index: number): number {
  const { year, month } = firstMonthOf(granularity, index);
  return dayNumber(year, month, 1);
}

/** Day number of the period's last day (the day before the next period starts). */
export function periodEndDay(granularity: Granularity, index: number): number {
  return periodStartDay(granularity, index + 1) - 1;
}

function unreachable(value: never): never {
  throw new Error(`unknown granularity: ${String(value)}`);
}
