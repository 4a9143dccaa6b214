// Owns RIS input (Zotero, Mendeley, EndNote, publishers): "TY  - " starts a record, "ER  - " ends it,
// a line without a tag continues the value above; tags mapped to the record normalise.ts reads.
import type { RecordItem } from '../formats.js';
import { isGlobalId } from '../merge.js';
import { withSourceNames } from '../normalise.js';
import type { RawLine } from '../read-lines.js';
import { firstLast, splitKeywords } from '../text.js';

/** "AB  - text": two characters, two spaces, a hyphen (some writers omit the space after it). */
const TAG = /^([A-Z][A-Z0-9])  -(?: (.*)|$)/;
type Tags = Map<string, string[]>;

export async function* readRis(lines: AsyncIterable<RawLine>): AsyncGenerator<RecordItem> {
  let tags: Tags | null = null;
  let start = 0;
  let last: string[] | null = null; // the value a continuation line adds to
  let valid = true;
  for await (const { line, text, valid: lineValid } of lines) {
    const m = TAG.exec(text);
    if (m === null) {
      if (tags !== null && last !== null && text.trim() !== '') last[last.length - 1] += ` ${text.trim()}`;
      if (tags !== null) valid &&= lineValid;
      continue;
    }
    const [tag, value = ''] = [m[1], m[2]?.trim()];
    if (tag === 'TY') {
      if (tags !== null) yield { line: start, problem: { field: '(record)', reason: 'RIS record not closed: expected "ER  - " before the next "TY  - "' } };
      [tags, start, valid] = [new Map(), line, lineValid];
      continue;
    }
    if (tags === null) continue; // text between records
    valid &&= lineValid;
    if (tag === 'ER') {
      yield valid ? { line: start, record: risRecord(tags) } : { line: start, problem: { field: '(line)', reason: 'not valid UTF-8' } };
      [tags, last] = [null, null];
      continue;
    }
    last = tags.get(tag) ?? [];
    last.push(value);
    tags.set(tag, last);
  }
  if (tags !== null) yield { line: start, problem: { field: '(record)', reason: 'RIS record not closed: expected "ER  - " before the end of the file' } };
}

function risRecord(tags: Tags): Record<string, unknown> {
  const first = (...names: string[]) => names.map((n) => tags.get(n)?.find((v) => v !== '')).find((v) => v !== undefined) ?? '';
  // The tag a field is read from, as first() and all() pick it (the first given, else the first named).
  const tagOf = (...names: string[]) => names.find((n) => tags.get(n)?.some((v) => v !== '')) ?? names[0];
  const dates = ['DA', 'PY', 'Y1'];
  const all = (...names: string[]) => names.flatMap((n) => tags.get(n) ?? []).filter((v) => v !== '');
  const keywords = all('KW').flatMap((kw) => (kw.includes(';') ? splitKeywords(kw) : [kw]));
  // An ID or AN that names the paper beyond this file (a Scopus EID, a WoS UT, an arXiv id: isGlobalId)
  // is its id, as in the exports it comes from and in Themescope's own RIS export; a DOI is preferred
  // only to a local one (EndNote's record number), so a round trip changes no global id.
  const listed = first('ID', 'AN');
  const date = risDateOf(dates.map((tag) => first(tag)));
  return withSourceNames({
    id: isGlobalId(listed) ? listed : first('DO') || listed, title: first('TI', 'T1') || undefined, abstract: all('AB', 'N2')[0],
    published: date.value, authors: all('AU', 'A1').map(firstLast), keywords,
    doi: first('DO'), url: first('UR'), venue: first('T2', 'JO', 'JF', 'JA', 'BT')
  }, () => ({ id: isGlobalId(listed) || !first('DO') ? tagOf('ID', 'AN') : 'DO', title: tagOf('TI', 'T1'), abstract: tagOf('AB', 'N2'),
    published: date.from < 0 ? 'DA' : dates[date.from], authors: tagOf('AU', 'A1'), keywords: 'KW', doi: 'DO', url: 'UR',
    venue: tagOf('T2', 'JO', 'JF', 'JA', 'BT') }));
}

/**
 * The most precise of the date tags, as ISO: "2023/05/12/" → "2023-05-12", "2023//" → "2023",
 * "2023/05" → "2023-05" (RIS dates are YYYY/MM/DD/other, any part may be empty).
 */
export function risDate(values: string[]): string {
  return risDateOf(values).value;
}

/** risDate's value and which of `values` it came from (-1: none). */
function risDateOf(values: string[]): { value: string; from: number } {
  let best = '';
  let from = -1;
  values.forEach((value, i) => {
    const m = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(value.trim());
    if (m === null) {
      if (best === '' && value.trim() !== '') [best, from] = [value.trim(), i]; // let parseDate say what is wrong
      return;
    }
    const iso = m[1] + (m[2] ? `-${m[2].padStart(2, '0')}` + (m[3] ? `-${m[3].padStart(2, '0')}` : '') : '');
    if (iso.length > best.length || !/^\d{4}/.test(best)) [best, from] = [iso, i];
  });
  return { value: best, from };
}
