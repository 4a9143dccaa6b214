// Owns Web of Science's tab-delimited export (two-letter field tags as the header: PT AU AF TI SO
// DE WC AB DI PD PY EA UT) and its Excel export saved as CSV (the same fields spelled out: "Article
// Title", "Publication Date", "UT (Unique WOS ID)"): which header is one, and a row as the record
// normalise.ts reads, dated by one rule whichever export it comes from.
import { fieldKey, withSourceNames } from '../normalise.js';
import { firstLast } from '../text.js';
import { columnOf, rowFields, semicolonList } from './row-fields.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * PD and EA as Web of Science writes them: "MAY 12", "MAY", "MAY-JUN", "SPR" (a season, no month),
 * with the year before or after in some exports ("2025 MAR 18", "MAR 18 2025", "MAR 2025", EA's "JAN 2025").
 */
const WOS_DATE = /^(?:(\d{4})\s+)?([A-Za-z]{3})[A-Za-z]*(?:-[A-Za-z]+)?(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?$/;
/** The Excel export's column for each tag this reader uses, as field keys ("Publication Date" → "publicationdate"). */
const SPELLED_OUT: Record<string, string> = {
  au: 'authors', af: 'authorfullnames', ti: 'articletitle', so: 'sourcetitle', de: 'authorkeywords', ab: 'abstract', di: 'doi',
  pd: 'publicationdate', py: 'publicationyear', ea: 'earlyaccessdate', ut: 'ut(uniquewosid)', wc: 'woscategories'
};

/** A Web of Science header: tab-separated tags starting with PT, with TI and UT among them. */
export function isWosHeader(line: string): boolean {
  const tags = line.replace(/^\uFEFF/, '').split('\t').map((tag) => tag.trim());
  return tags[0] === 'PT' && tags.includes('TI') && tags.includes('UT');
}

/** The Excel export's header (as CSV): an "Article Title" column beside "UT (Unique WOS ID)". */
export function isWosSheetHeader(names: string[]): boolean {
  const keys = new Set(names.map(fieldKey));
  return keys.has(SPELLED_OUT.ti) && keys.has(SPELLED_OUT.ut);
}

export function wosRecord(row: Record<string, unknown>): Record<string, unknown> {
  const cells = rowFields(row);
  // A tag's cell, else its spelled-out column's: one mapping for both exports.
  const get = (tag: string) => cells(tag) || cells(SPELLED_OUT[tag]);
  const names = semicolonList(get('af')).length > 0 ? semicolonList(get('af')) : semicolonList(get('au'));
  return withSourceNames({
    id: get('ut'), title: get('ti'), abstract: get('ab'), published: wosPublished(get('py'), get('pd'), get('ea')),
    authors: names.map(firstLast),
    // WC, Web of Science's subject categories, is a classification: the papers' categories (their primary
    // category tells a change of coverage from a trend, trends/coverage.ts); DE, the authors' keywords, follow.
    categories: semicolonList(get('wc')), keywords: semicolonList(get('de')), doi: get('di'), venue: get('so')
  }, () => {
    // The column (or tag) get() read a field from: the tag's when it has a value, else the spelled-out one's.
    // A tag the record lacks altogether (the plain-text export leaves out an empty AB) is still named by its tag, not "abstract".
    const column = (tag: string) => (!cells(tag) && cells(SPELLED_OUT[tag]) ? columnOf(row, SPELLED_OUT[tag])
      : columnOf(row, tag) ?? columnOf(row, SPELLED_OUT[tag]) ?? tag.toUpperCase());
    return { id: column('ut'), title: column('ti'), abstract: column('ab'), published: column(['py', 'pd', 'ea'].find((tag) => get(tag)) ?? 'py'),
      authors: column(semicolonList(get('af')).length > 0 ? 'af' : 'au'), categories: column('wc'), keywords: column('de'), doi: column('di'),
      venue: column('so') };
  });
}

/**
 * A record's date: PY refined by PD; without PY, PD when it has a year of its own, else the
 * early-access month EA (an article online ahead of its issue has only that, and those are the newest).
 */
export function wosPublished(py: string, pd: string, ea: string): string {
  if (py !== '') return wosDate(py, pd);
  return datedByItself(pd) || datedByItself(ea);
}

/**
 * PY (the year) refined by PD: "2023" + "MAY 12" → "2023-05-12"; a season, nothing, or a PD that
 * names another year ("DEC 2024" for PY 2025: its month is not of that year) leaves the year.
 */
export function wosDate(year: string, date: string): string {
  const parts = wosDateParts(date);
  if (!/^\d{4}$/.test(year) || parts === null || (parts.year !== null && parts.year !== year)) return year;
  return isoOf(year, parts.month, parts.day);
}

/** A WoS date that carries its year (PD "MAR 18 2025", EA "JAN 2025") as ISO text; "" when it has none or is no such date. */
export function datedByItself(text: string): string {
  const parts = wosDateParts(text);
  return parts === null || parts.year === null ? '' : isoOf(parts.year, parts.month, parts.day);
}

/** The year (null when not written), month (1..12) and day of a WoS date; null without a month. */
function wosDateParts(text: string): { year: string | null; month: number; day: string | null } | null {
  const m = WOS_DATE.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (month === 0 || (m![1] !== undefined && m![4] !== undefined)) return null;
  return { year: m![1] ?? m![4] ?? null, month, day: m![3] ?? null };
}

function isoOf(year: string, month: number, day: string | null): string {
  const mm = String(month).padStart(2, '0');
  return day === null ? `${year}-${mm}` : `${year}-${mm}-${day.padStart(2, '0')}`;
}
