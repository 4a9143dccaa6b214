// Owns how exports are written as CSV: RFC 4180 (text cells quoted, "" doubled, CRLF line ends,
// UTF-8) with spreadsheet-formula neutralisation, so a paper titled "=HYPERLINK(...)" stays text in
// Excel. DuckDB's COPY writes the rows: formatting 75k rows in JS cost ~3x the work (measured).

/** A column of an export: its name, its SQL expression, and whether it is text (quoted, neutralised). */
export interface CsvColumn {
  name: string;
  sql: string;
  text: boolean;
}

/** Text a spreadsheet would run as a formula starts with one of these (OWASP CSV injection). */
const FORMULA_STARTS = `'=', '+', '-', '@', chr(9), chr(13)`;

/**
 * SQL for a column's CSV value. Text (dates too, as YYYY-MM-DD) gets a leading ' when it starts like
 * a formula; a number that is not finite (NaN, ±Infinity) becomes an empty cell, as NULL does.
 */
export function csvValueSql(column: CsvColumn): string {
  const x = column.text ? `(${column.sql})::VARCHAR` : `(${column.sql})`;
  if (column.text) return `CASE WHEN left(${x}, 1) IN (${FORMULA_STARTS}) THEN '''' || ${x} ELSE ${x} END`;
  return `CASE WHEN isfinite(${x}::DOUBLE) IS NOT FALSE THEN ${x} END`;
}

/** The header line: every name quoted, CRLF. Names are fixed identifiers (no quotes inside). */
export function csvHeader(columns: readonly CsvColumn[]): string {
  return columns.map((c) => `"${c.name}"`).join(',') + '\r\n';
}

/**
 * COPY options for the rows: text columns always quoted (an empty text is "" and NULL an empty
 * cell), numbers and booleans bare, quotes doubled, CRLF line ends; the header comes from csvHeader.
 */
export function csvCopyOptions(columns: readonly CsvColumn[]): string {
  const quoted = columns.filter((c) => c.text).map((c) => c.name);
  const force = quoted.length ? `, FORCE_QUOTE (${quoted.join(', ')})` : '';
  return `FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE e'\\r\\n'${force}`;
}
