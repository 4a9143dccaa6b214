// Owns reading a spreadsheet row by field key (ingest/normalise.ts fieldKey): the one helper the
// export dialects (Scopus, Web of Science) share.
import { fieldKey } from '../normalise.js';

/** A row's cells by field key ("Source title" → "sourcetitle"); the first non-blank cell wins. */
export function rowFields(record: Record<string, unknown>): (key: string) => string {
  const cells = new Map<string, string>();
  for (const [name, value] of Object.entries(record)) {
    const key = fieldKey(name);
    if (typeof value === 'string' && value.trim() !== '' && !cells.has(key)) cells.set(key, value.trim());
  }
  return (key) => cells.get(key) ?? '';
}

/**
 * The column rowFields reads `key` from, as the file names it: the first non-blank cell's, else the
 * first of that key at all (undefined: none). For a skipped record's message only (SOURCE_NAMES).
 */
export function columnOf(record: Record<string, unknown>, key: string): string | undefined {
  let any: string | undefined;
  for (const [name, value] of Object.entries(record)) {
    if (fieldKey(name) !== key) continue;
    if (typeof value === 'string' && value.trim() !== '') return name;
    any ??= name;
  }
  return any;
}

/** Splits on ";" and drops blanks. */
export function semicolonList(text: string): string[] {
  return text.split(';').map((item) => item.trim()).filter((item) => item !== '');
}
