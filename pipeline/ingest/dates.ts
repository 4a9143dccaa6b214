// Owns reading a paper's date into an ISO day plus its precision: a year-only date is stored as
// YYYY-01-01 with precision 'year' (never counted as January), a month as YYYY-MM-01; and a declared
// precision ("date_precision": "year"), which can only make a date coarser.
import type { DatePrecision } from '../types.js';

/**
 * A date read; or an error: `unreadable` when no rule reads the text (the paper may be kept undated),
 * else an impossible date in a shape that is read (2025-02-30, year 0: the record is skipped); or
 * `undated`, a word that says there is no date yet ("n.d.", "in press": as a blank date).
 */
export type ParsedDate = { iso: string; precision: DatePrecision } | { error: string; unreadable?: true } | { undated: true };

/** How a value may be read beyond its text: `serial`, a spreadsheet cell (a 5-digit number is an Excel day). */
export interface DateOptions {
  serial?: boolean;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 2100;
const EXPECTED = 'expected a date like 2025-03-18, 2025-03, 2025 or "Mon, 2 Apr 2007 19:18:42 GMT"';
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'];
/** RFC 2822 zone names, in minutes east of UTC. */
const ZONES: Record<string, number> = { gmt: 0, ut: 0, utc: 0, z: 0, est: -300, edt: -240, cst: -360,
  cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

const YEAR = /^(\d{1,4})$/; // short years ("0", "25") are then rejected as out of range
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// "Mon, 2 Apr 2007 19:18:42 GMT" (RFC 2822, as in arXiv's versions[].created), also "2 April 2007".
const RFC_2822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([a-z]+|[+-]\d{4})?)?$/i;
const MONTH_NAME_YEAR = /^([a-z]{3,9})\.?\s+(\d{4})$/i;
const MONTH_NAME_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

/** Parses a date field (string or year number); an impossible or out-of-range date is an error. */
export function parseDate(value: string | number, options?: DateOptions): ParsedDate {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return checked(value, 1, 1, 'year', `number ${value}`);
    return { error: `${EXPECTED}, got number ${value}` };
  }
  const text = value.trim();
  const day = writtenDay(text);
  if (day !== null) return day;
  const known = parseKnown(text);
  if (known !== null && !('error' in known)) return known;
  // Only what the rules above cannot read (or read as impossible) reaches the further forms,
  // so every date read before keeps its reading.
  const more = parseMore(text, options?.serial === true);
  if (more !== null) return more;
  return known ?? { error: `${EXPECTED}, got "${text}"`, unreadable: true };
}

/** The first forms read (every one before the further forms of parseMore); null when none matches. */
function parseKnown(text: string): ParsedDate | null {
  const got = `"${text}"`;
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(text))) return checked(+m[1], 1, 1, 'year', got);
  if ((m = YEAR_MONTH.exec(text))) return checked(+m[1], +m[2], 1, 'month', got);
  if ((m = DAY.exec(text))) return checked(+m[1], +m[2], +m[3], 'day', got);
  if ((m = ISO_TIME.exec(text))) {
    return fromTime(+m[1], +m[2], +m[3], [+m[4], +m[5], +(m[6] ?? 0)], zoneOffset(m[7] ?? 'Z'), got);
  }
  if ((m = RFC_2822.exec(text)) && monthNumber(m[2]) > 0) {
    const month = monthNumber(m[2]);
    if (m[4] === undefined) return checked(+m[3], month, +m[1], 'day', got);
    return fromTime(+m[3], month, +m[1], [+m[4], +m[5], +(m[6] ?? 0)], zoneOffset(m[7] ?? 'GMT'), got);
  }
  if ((m = MONTH_NAME_YEAR.exec(text)) && monthNumber(m[1]) > 0) return checked(+m[2], monthNumber(m[1]), 1, 'month', got);
  if ((m = MONTH_NAME_DAY_YEAR.exec(text)) && monthNumber(m[1]) > 0) {
    return checked(+m[3], monthNumber(m[1]), +m[2], 'day', got);
  }
  return null;
}

const ZERO = 0x30;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The common case of parseDate without regexes: a real day in range written YYYY-MM-DD (or with
 * "/"), as DAY would read it; anything else (and any error) is null, left to the rules above.
 */
function writtenDay(text: string): ParsedDate | null {
  if (text.length !== 10) return null;
  const dash1 = text.charCodeAt(4);
  const dash2 = text.charCodeAt(7);
  if ((dash1 !== 0x2d && dash1 !== 0x2f) || (dash2 !== 0x2d && dash2 !== 0x2f)) return null;
  let y = 0;
  let mo = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) mo = mo * 10 + digit;
    else d = d * 10 + digit;
  }
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1])) return null;
  // Zero-padded as `checked` writes it, so a dashed date is its own ISO form.
  return { iso: dash1 === 0x2d && dash2 === 0x2d ? text : `${y}-${text.slice(5, 7)}-${text.slice(8, 10)}`, precision: 'day' };
}

const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** The coarser of two precisions: a declared 'year' makes a written day a year, never the reverse. */
export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The first day of the month or year holding `iso` (YYYY-MM-DD): '1998-05-17' as 'year' → '1998-01-01'. */
export function truncateDate(iso: string, precision: DatePrecision): string {
  switch (precision) {
    case 'day':
      return iso;
    case 'month':
      return `${iso.slice(0, 7)}-01`;
    case 'year':
      return `${iso.slice(0, 4)}-01-01`;
    default:
      throw new Error(`unknown date precision: ${String(precision satisfies never)}`);
  }
}

/** A declared precision: 'year', 'month' or 'day' in any case and spacing; else null. */
export function parsePrecision(value: unknown): DatePrecision | null {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : null;
  return text === 'year' || text === 'month' || text === 'day' ? text : null;
}

/** 1..12 for a month name or its abbreviation ("Apr", "Sept"), else 0. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  return MONTHS.findIndex((name) => name.startsWith(lower)) + 1;
}

/** Minutes east of UTC, or NaN for an unknown zone. */
function zoneOffset(zone: string): number {
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return NaN;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

/**
 * A date-time is the calendar day written in it, whatever its zone: "2026-03-01T01:30:00+09:00" is
 * 1 March, the day of the record (its author's local day), not 28 February, the day it falls on in
 * UTC. The time and the zone are still checked, so a malformed one says so; the offset is not applied.
 */
function fromTime(y: number, mo: number, d: number, hms: number[], offset: number, got: string): ParsedDate {
  const written = checked(y, mo, d, 'day', got);
  if ('error' in written) return written;
  const [h, mi, s] = hms;
  if (h > 23 || mi > 59 || s > 60) return { error: `expected a real time of day, got ${got}` };
  if (Number.isNaN(offset)) return { error: `expected a time zone like GMT or +0100, got ${got}` };
  return written;
}

/** Validates the calendar (2025-02-30 is impossible) and the 1000..2100 range (a history-of-science library holds 1687). */
function checked(y: number, mo: number, d: number, precision: DatePrecision, got: string): ParsedDate {
  const impossible = `expected a real date in ${MIN_YEAR}..${MAX_YEAR}, got ${got}`;
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `${impossible} (year ${y} is out of range)` };
  if (mo < 1 || mo > 12) return { error: `${impossible} (there is no month ${mo})` };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { error: `${impossible} (${y}-${pad(mo)} has ${days} days)` };
  return { iso: `${y}-${pad(mo)}-${pad(d)}`, precision };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// The further forms (parseMore): read only where the text says which date it is.
/** Words for "no date (yet)": the paper is kept undated, as with a blank date. */
const NO_DATE = /^[[(]?(?:n\.?\s?d|no date|undated|in press|forthcoming|accepted|to appear|submitted|in preparation|in prep|unpublished|s\.\s?[df]|o\.\s?j|n\/a|na|nan|none|null|unknown|-+|–|—|\?)\.?[\])]?$/i;
/** Excel's day numbers (1900 date system): 10000 is 1927-05-18, 73415 is 2100-12-31; a fraction is the time. */
const SERIAL = /^(\d{5})(?:[.,]\d+)?$/; // a European Excel writes the day's fraction with a comma
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 73_415;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const LOOSE_DAY = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const LOOSE_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
/** "2022-2023", "2022–23", "2022/23": a span of years, read as its first. */
const YEAR_SPAN = /^(\d{4})\s*(?:[-–—/]|to)\s*(\d{4}|\d{2})$/;
/** "05.03.2024" (day first, as written in Europe); "25/03/2024", "03/25/2024" when only one order is a date. */
const NUMERIC_DAY_FIRST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})[./-](\d{4})$/;
const SEASONS = new Set(['spring', 'summer', 'fall', 'autumn', 'winter', 'fruhling', 'fruhjahr', 'sommer', 'herbst',
  'printemps', 'ete', 'automne', 'hiver', 'primavera', 'verano', 'otono', 'invierno', 'estate', 'autunno', 'inverno']);
const SEASON_YEAR = /^(\p{L}+)\.?,?\s+(\d{4})$/u;
const YEAR_SEASON = /^(\d{4}),?\s+(\p{L}+)$/u;
const QUARTER = /^(?:q([1-4])|([1-4])q)[\s/-]*(\d{4})$|^(\d{4})[\s/-]*q([1-4])$/i;
/** A year as a float ("2024.0": a year column that went through pandas), in brackets ("[2024]"), or with BibTeX's letter ("2023a"). */
const YEAR_WRITTEN_OTHERWISE = /^(?:(\d{4})\.0+|\[(\d{4})\]|(\d{4})[a-z])$/;
/** PubMed/MEDLINE's "2024 Mar 12", "2024 Mar" and an issue's span "2024 Mar-Apr" (its first month). */
const YEAR_MONTH_NAME = /^(\d{4})\s+(\p{L}{3,})\.?(?:\s*[-–/]\s*\p{L}{3,}\.?)?(?:\s+(\d{1,2}))?$/u;
/** "März 2024", "5. März 2024", "5 de marzo de 2024", "March 5th, 2024", "5th March 2024". */
const NAMED_MONTH = /^(?:(\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?)?(\p{L}+)\.?,?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?:de\s+)?(\d{4})$/u;
/** Month names and abbreviations in German, French, Spanish, Italian, Dutch and Portuguese, without accents. */
const FOREIGN_MONTHS: Record<string, number> = Object.fromEntries([
  ['januar jaenner janner janvier janv enero ene gennaio genn januari janeiro', 1],
  ['februar feber fevrier fevr febrero febbraio febbr februari fevereiro fev', 2],
  ['marz maerz mrz mars marzo maart marco', 3],
  ['avril avr abril abr aprile', 4],
  ['mai mayo maggio mei maio', 5],
  ['juni juin junio giugno junho', 6],
  ['juli juillet juil julio luglio julho', 7],
  ['aout agosto ago augustus', 8],
  ['septembre setiembre septiembre settembre setembro', 9],
  ['oktober okt octobre octubre ottobre outubro', 10],
  ['novembre noviembre novembro', 11],
  ['dezember dez decembre diciembre dic dicembre dezembro', 12]
].flatMap(([names, month]) => (names as string).split(' ').map((name) => [name, month as number])));

/** Lower case without accents ("März" → "marz"). */
function plainWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** 1..12 for an English month name or abbreviation (3 letters or more) or one of FOREIGN_MONTHS, else 0. */
function anyMonthNumber(word: string): number {
  const plain = plainWord(word);
  if (plain.length >= 3 && /^[a-z]+$/.test(plain)) {
    const english = monthNumber(plain);
    if (english > 0) return english;
  }
  return FOREIGN_MONTHS[plain] ?? 0;
}

/**
 * The forms read after the first ones fail: null when none reads `text` (then it is unreadable,
 * or the first rules' error stands). A season, quarter or span of years is its (first) year.
 */
function parseMore(text: string, serial: boolean): ParsedDate | null {
  if (text.length > 40) return null;
  const got = `"${text}"`;
  let m: RegExpExecArray | null;
  if (NO_DATE.test(text)) return { undated: true };
  if ((m = YEAR_WRITTEN_OTHERWISE.exec(text))) return checked(+(m[1] ?? m[2] ?? m[3]), 1, 1, 'year', got);
  if ((m = YEAR_MONTH_NAME.exec(text)) && anyMonthNumber(m[2]) > 0) {
    return m[3] === undefined ? checked(+m[1], anyMonthNumber(m[2]), 1, 'month', got) : checked(+m[1], anyMonthNumber(m[2]), +m[3], 'day', got);
  }
  if (serial && (m = SERIAL.exec(text)) && +m[1] >= SERIAL_MIN && +m[1] <= SERIAL_MAX) {
    const day = new Date(EXCEL_EPOCH + +m[1] * 86_400_000);
    return checked(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 'day', got);
  }
  if ((m = COMPACT_DAY.exec(text))) {
    const day = checked(+m[1], +m[2], +m[3], 'day', got);
    return 'error' in day ? null : day;
  }
  if ((m = LOOSE_DAY.exec(text))) return checked(+m[1], +m[3], +m[4], 'day', got);
  if ((m = LOOSE_MONTH.exec(text)) && +m[2] >= 1 && +m[2] <= 12) return checked(+m[1], +m[2], 1, 'month', got);
  if ((m = YEAR_SPAN.exec(text))) {
    const start = +m[1];
    const end = m[2].length === 4 ? +m[2] : start - (start % 100) + +m[2];
    if (end > start && end - start <= 10) return checked(start, 1, 1, 'year', got);
    return null;
  }
  if ((m = NUMERIC_DAY_FIRST.exec(text))) return numericDay(+m[1], m[2], +m[3], +m[4], got);
  if ((m = MONTH_YEAR.exec(text)) && +m[1] >= 1 && +m[1] <= 12) return checked(+m[2], +m[1], 1, 'month', got);
  if ((m = QUARTER.exec(text))) return checked(+(m[3] ?? m[4]), 1, 1, 'year', got);
  if ((m = SEASON_YEAR.exec(text)) && SEASONS.has(plainWord(m[1]))) return checked(+m[2], 1, 1, 'year', got);
  if ((m = YEAR_SEASON.exec(text)) && SEASONS.has(plainWord(m[2]))) return checked(+m[1], 1, 1, 'year', got);
  if ((m = NAMED_MONTH.exec(text))) {
    const month = anyMonthNumber(m[2]);
    if (month === 0 || (m[1] !== undefined && m[3] !== undefined)) return null;
    const day = m[1] ?? m[3];
    return day === undefined ? checked(+m[4], month, 1, 'month', got) : checked(+m[4], month, +day, 'day', got);
  }
  // Excel's "18-Mar-2025", read as "18 Mar 2025".
  if (DAY_MON_YEAR.test(text)) return parseMore(text.replaceAll('-', ' '), serial);
  // A date with a time of day ("18.03.2025 14:30", "3/18/2025 2:30 PM"): its date part, as read alone.
  if ((m = WITH_TIME.exec(text))) {
    const day = parseDate(m[1], { serial });
    return 'error' in day || 'undated' in day ? null : day;
  }
  return null;
}
const DAY_MON_YEAR = /^\d{1,2}-\p{L}{3,}-\d{4}$/u;
const WITH_TIME = /^(\S+)[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?$/;

/** Which way round a numeric date with "/" or "-" is written: readable by itself, or either way. */
export type NumericOrder = { order: 'day-first' | 'month-first' } | { either: { monthFirst: string; dayFirst: string } };

const SLASH_DATE = /^\s*(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:[\sT]+\d{1,2}:\d{2}\S*(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*$/;

/**
 * For a date written d/m/yyyy or m/d/yyyy (or with "-"): the order it shows (one of the two numbers
 * is over 12), or, when both could be the month, the date read either way; null for any other text
 * and for a date that reads the same both ways (5/5/2024). A file's dates are then read in the
 * order all of its other such dates show (ingest/index.ts): one column of one export has one order.
 */
export function numericOrder(value: string): NumericOrder | null {
  const m = SLASH_DATE.exec(value);
  if (m === null) return null;
  const [a, b, y] = [+m[1], +m[3], +m[4]];
  if (a === b || a < 1 || b < 1 || (a > 12 && b > 12)) return null;
  if (a > 12) return { order: 'day-first' };
  if (b > 12) return { order: 'month-first' };
  const iso = (month: number, day: number) => `${y}-${pad(month)}-${pad(day)}`;
  return y < MIN_YEAR || y > MAX_YEAR ? null : { either: { monthFirst: iso(a, b), dayFirst: iso(b, a) } };
}

/** d.m.yyyy is day first; with "/" or "-" the order is read only when one of the two is not a month. */
function numericDay(a: number, separator: string, b: number, y: number, got: string): ParsedDate {
  if (separator === '.' || (a > 12 && b <= 12) || a === b) return checked(y, b, a, 'day', got);
  if (b > 12 && a <= 12) return checked(y, a, b, 'day', got);
  if (a > 12 && b > 12) return checked(y, b, a, 'day', got);
  return { error: `expected a date whose order is clear, got ${got}: day ${a} of month ${b} or day ${b} of month ${a}; write it as ${y}-MM-DD`, unreadable: true };
}
