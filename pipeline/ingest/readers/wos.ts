// Owns Web of Science's tab-delimited export (two-letter field tags as the header: PT AU AF TI SO
// DE AB DI PD PY EA UT): which header is one, and a row as the record normalise.ts reads.
import { firstLast } from '../text.js';
import { rowFields, semicolonList } from './row-fields.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** PD: "MAY 12", "MAY", "MAY-JUN", "SPR" (a season, no month), sometimes "2023 MAY 12". */
const PUBLICATION_DATE = /^(?:\d{4}\s+)?([A-Za-z]{3})[A-Za-z]*(?:-[A-Za-z]+)?(?:\s+(\d{1,2}))?$/;

/** A Web of Science header: tab-separated tags starting with PT, with TI and UT among them. */
export function isWosHeader(line: string): boolean {
  const tags = line.replace(/^\uFEFF/, '').split('\t').map((tag) => tag.trim());
  return tags[0] === 'PT' && tags.includes('TI') && tags.includes('UT');
}

export function wosRecord(row: Record<string, unknown>): Record<string, unknown> {
  const get = rowFields(row);
  const names = semicolonList(get('af')).length > 0 ? semicolonList(get('af')) : semicolonList(get('au'));
  return {
    id: get('ut'), title: get('ti'), abstract: get('ab'), published: get('py') === '' ? earlyAccessDate(get('ea')) : wosDate(get('py'), get('pd')),
    authors: names.map(firstLast), keywords: semicolonList(get('de')), doi: get('di'), venue: get('so')
  };
}

/** PY (the year) refined by PD: "2023" + "MAY 12" → "2023-05-12"; a season or nothing leaves the year. */
export function wosDate(year: string, date: string): string {
  const m = PUBLICATION_DATE.exec(date.trim());
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
  if (!/^\d{4}$/.test(year) || month === 0) return year;
  const mm = String(month).padStart(2, '0');
  return m![2] === undefined ? `${year}-${mm}` : `${year}-${mm}-${m![2].padStart(2, '0')}`;
}

/**
 * EA, the early-access date ("JAN 2025"), for a record with no PY: Web of Science dates an article
 * published online ahead of its issue only so, and those are the newest papers. "" when it is not one.
 */
export function earlyAccessDate(ea: string): string {
  const m = /^([A-Za-z]{3})[A-Za-z]*\s+(\d{4})$/.exec(ea.trim());
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
  return month === 0 ? '' : `${m![2]}-${String(month).padStart(2, '0')}`;
}
