// Owns the export downloads: which file names exist, the filename that says what and which run, and
// the encodings — CSV and Parquet written by DuckDB's COPY, JSON, BibTeX and RIS written from the result
// chunk by chunk (a million papers would otherwise be one string of half a gigabyte), all in constant
// memory, each to a temp file in its turn (export-gate.ts) and sent from there.
import type { RunRow } from '../../../pipeline/types.js';
import { BIB_COLUMNS, BIB_FORMATS, bibStream, type BibFormat } from './bib-export.js';
import { copyToStream, spoolToStream } from './copy-export.js';
import { csvCopyOptions, csvHeader, csvValueSql } from './csv.js';
import { streamRowObjects } from './db.js';
import { exportGate } from './export-gate.js';
import { EXPORT_DATASETS, exportQuery, type ExportDataset, type ExportQuery } from './export-queries.js';
import { EXPORT_FORMATS, type ExportFormat } from './params.js';

export type FileFormat = ExportFormat | BibFormat;
/** The paper lists, which also download as BibTeX and RIS (bib-export.ts). */
const PAPER_LISTS: readonly ExportDataset[] = ['papers', 'theme-papers', 'map-region'];

function formatsOf(dataset: ExportDataset): readonly FileFormat[] {
  return PAPER_LISTS.includes(dataset) ? [...EXPORT_FORMATS, ...BIB_FORMATS] : EXPORT_FORMATS;
}

/** `trends.csv` → { dataset, format }; null for anything not in the fixed list (the route answers 404). */
export function parseExportName(file: string): { dataset: ExportDataset; format: FileFormat } | null {
  for (const dataset of EXPORT_DATASETS) {
    for (const format of formatsOf(dataset)) {
      if (file === `${dataset}.${format}`) return { dataset, format };
    }
  }
  return null;
}

/** Every valid export name, dataset by dataset. */
export function exportNames(): string[] {
  return EXPORT_DATASETS.flatMap((dataset) => formatsOf(dataset).map((format) => `${dataset}.${format}`));
}

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8'
};

/** The SELECT of an export; CSV wraps each value (formula neutralisation, non-finite numbers). */
export function exportSelect(q: ExportQuery, format: ExportFormat): string {
  const list = q.columns.map((c) => `${format === 'csv' ? csvValueSql(c) : c.sql} AS ${c.name}`);
  return `SELECT ${list.join(', ')} ${q.from}`;
}

/** The whole download: validated parameters → query → encoded body with a descriptive filename. */
export async function buildExport(
  parsed: { dataset: ExportDataset; format: FileFormat },
  run: RunRow,
  search: URLSearchParams
): Promise<Response> {
  const q = await exportQuery(parsed.dataset, run, search);
  const filename = `themescope-run${run.run_id}-${q.name.join('-')}.${parsed.format}`;
  const headers = {
    'content-type': CONTENT_TYPES[parsed.format],
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff'
  };
  // A turn to read the database (export-gate.ts): exports take turns rather than run out of memory
  // together. Each is written to a temp file within its turn and sent from there, so a turn lasts as
  // long as the query, not as long as the client takes to download.
  const release = await exportGate.enter();
  try {
    if (parsed.format === 'bib' || parsed.format === 'ris') {
      return new Response(await spoolToStream(bibStream(streamRowObjects(`SELECT ${BIB_COLUMNS} ${q.from}`, q.params), parsed.format)), { headers });
    }
    const sql = exportSelect(q, parsed.format);
    switch (parsed.format) {
      case 'json':
        return new Response(await spoolToStream(jsonArrayStream(streamRowObjects(sql, q.params))), { headers });
      case 'csv':
        return new Response(await copyToStream(sql, q.params, csvCopyOptions(q.columns), csvHeader(q.columns)), { headers });
      case 'parquet':
        return new Response(await copyToStream(sql, q.params, 'FORMAT parquet, COMPRESSION zstd'), { headers });
    }
  } finally {
    release();
  }
}

/**
 * A JSON array of the rows, written as they come, one row a line ("[", then each row, then "]"): the
 * same value as JSON.stringify of the whole array, and a file the pipeline's reader (and jq, and any
 * line tool) takes a row at a time — on one line, a million papers' 534 MB were one string, at V8's
 * limit for a string (inputs audit of 2026-12-05). The query starts on the first read.
 */
export function jsonArrayStream(rows: AsyncGenerator<Record<string, unknown>[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await rows.next();
      if (done) {
        controller.enqueue(encoder.encode(first ? '[]\n' : '\n]\n'));
        controller.close();
        return;
      }
      if (value.length === 0) return;
      const text = value.map((row) => JSON.stringify(row)).join(',\n');
      controller.enqueue(encoder.encode((first ? '[\n' : ',\n') + text));
      first = false;
    },
    async cancel() {
      await rows.return(undefined);
    }
  });
}
