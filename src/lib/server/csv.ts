// Owns the CSV writer for exports: RFC 4180 (every cell quoted, CRLF line ends, UTF-8) with
// spreadsheet-formula neutralisation, so a paper titled "=HYPERLINK(...)" stays text in Excel.

export type CsvCell = string | number | boolean | null | undefined | readonly string[];

/** Strings a spreadsheet would run as a formula start with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as numbers, lists joined with '; ', strings quoted with "" doubled. */
export function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A list is written as one text cell; it is neutralised like any other string.
  const text = typeof value === 'string' ? value : value.join('; ');
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Header row of the column names, then one row per object in column order; every line ends CRLF. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map((c) => formatCell(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => formatCell(row[c] as CsvCell)).join(','));
  return lines.join('\r\n') + '\r\n';
}
