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

/** Splits on ";" and drops blanks. */
export function semicolonList(text: string): string[] {
  return text.split(';').map((item) => item.trim()).filter((item) => item !== '');
}
