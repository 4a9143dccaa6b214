// Owns Web of Science's plain-text export ("Plain text file", savedrecs.txt; what CiteSpace and
// VOSviewer read): "FN"/"VR" lines, then records of two-letter tags ("PT J" … "ER"), "EF" at the
// end. A line starting with three spaces continues the tag above: another name of AU, AF, CR and
// the like (one per line), the rest of a wrapped TI, AB or DE. Each record becomes the row the
// tab-delimited export's reader (wos.ts) maps, so both exports give the same papers.
import type { RecordItem } from '../formats.js';
import type { RawLine } from '../read-lines.js';
import { wosRecord } from './wos.js';

/** "TI A title": two characters, a space, the value (a bare "ER" or "EF" has none). */
const TAG = /^([A-Z][A-Z0-9])(?: (.*))?$/;
/** Tags that hold one item per line (joined with "; " as in the tab-delimited export). */
const LIST_TAGS = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'CR', 'C1', 'C3', 'RP', 'EM', 'RI', 'OI', 'FU', 'FX']);

/** Whether a line opens a plain-text export: its "FN" header, or a record's "PT" when the header is gone. */
export function isWosTextStart(line: string): boolean {
  return /^\uFEFF?(?:FN (?:Clarivate|Thomson)|PT [A-Z]\s*$)/.test(line);
}

export async function* readWosText(lines: AsyncIterable<RawLine>): AsyncGenerator<RecordItem> {
  let tags: Map<string, string[]> | null = null;
  let start = 0;
  let last: { tag: string; values: string[] } | null = null;
  let valid = true;
  for await (const { line, text: raw, valid: lineValid } of lines) {
    const text = raw.replace(/^\uFEFF/, '');
    if (text.startsWith('   ') || text.startsWith('\t')) {
      if (tags === null || last === null || text.trim() === '') continue;
      valid &&= lineValid;
      const value = text.trim();
      if (LIST_TAGS.has(last.tag)) last.values.push(value);
      else last.values[last.values.length - 1] += ` ${value}`;
      continue;
    }
    const m = TAG.exec(text.trimEnd());
    if (m === null) continue; // a blank line between records, or text outside them
    const [tag, value = ''] = [m[1], m[2]?.trim() ?? ''];
    if (tag === 'PT') {
      if (tags !== null) yield { line: start, problem: { field: '(record)', reason: 'Web of Science record not closed: expected "ER" before the next "PT"' } };
      [tags, start, valid, last] = [new Map([['PT', [value]]]), line, lineValid, null];
      continue;
    }
    if (tags === null) continue; // FN, VR, EF
    valid &&= lineValid;
    if (tag === 'ER') {
      yield valid ? { line: start, record: wosRecord(rowOf(tags)) } : { line: start, problem: { field: '(line)', reason: 'not valid UTF-8' } };
      [tags, last] = [null, null];
      continue;
    }
    const values = tags.get(tag) ?? [];
    values.push(value);
    tags.set(tag, values);
    last = { tag, values };
  }
  if (tags !== null) yield { line: start, problem: { field: '(record)', reason: 'Web of Science record not closed: expected "ER" before the end of the file' } };
}

/** The record as a tab-delimited export's row: list tags joined with "; ", others with a space. */
function rowOf(tags: Map<string, string[]>): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [tag, values] of tags) row[tag] = values.filter((v) => v !== '').join(LIST_TAGS.has(tag) ? '; ' : ' ');
  return row;
}
