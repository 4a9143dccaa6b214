// Owns reading a date bound as the dashboard's addresses write it (/papers, the exports, the map):
// a day YYYY-MM-DD, or a month YYYY-MM or a year YYYY standing for its first day as a range's start
// and its last as its end ("from=2025-12&to=2026-02" is December to February, both whole). Pure,
// for the server's validation (params.ts, a 400 naming what is wrong) and the map's address (map-url.ts).

export type DateBound = { date: string } | { error: 'format' | 'month' | 'day' };

/** `value` as an ISO day, or why it is none: not a date's shape, a month 13, a day that is no day (2025-02-30). */
export function readDateBound(value: string, edge: 'start' | 'end'): DateBound {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return { error: 'format' };
  const [year, month, day] = [+match[1], match[2] === undefined ? null : +match[2], match[3] === undefined ? null : +match[3]];
  if (day === null && month !== null && (month < 1 || month > 12)) return { error: 'month' };
  // A month's (or year's) first day, or its last: the day before the next one starts.
  const date = day !== null ? new Date(Date.UTC(year, month! - 1, day))
    : edge === 'start' ? new Date(Date.UTC(year, (month ?? 1) - 1, 1)) : new Date(Date.UTC(year, month ?? 12, 0));
  date.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
  const iso = date.toISOString().slice(0, 10);
  // Written right but no day of the calendar (2025-02-30, 2025-13-01).
  return day !== null && iso !== value ? { error: 'day' } : { date: iso };
}
