// Owns reading a spreadsheet row by field key (ingest/normalise.ts fieldKey): the one helper the
// export dialects (Scopus, Web of Science) share.
import { fieldKey } from '../normalise.js';

/** A row's cell getter by field key, and the column a key is read from, as the file names it (undefined when it has none). */
export type RowFields = ((key: string) => string) & { nameOf: (key: string) => string | undefined };

/** A row's cells by field key ("Source title" → "sourcetitle"); the first non-blank cell wins (its column is nameOf's). */
export function rowFields(record: Record<string, unknown>): RowFields {
  const cells = new Map<string, string>();
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(record)) {
    const key = fieldKey(name);
    if (typeof value === 'string' && value.trim() !== '' && !cells.has(key)) {
      cells.set(key, value.trim());
      names.set(key, name);
    } else if (!names.has(key)) names.set(key, name);
  }
  return Object.assign((key: string) => cells.get(key) ?? '', { nameOf: (key: string) => names.get(key) });
}

/** Splits on ";" and drops blanks. */
export function semicolonList(text: string): string[] {
  return text.split(';').map((item) => item.trim()).filter((item) => item !== '');
}
