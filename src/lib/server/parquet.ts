// Owns Parquet exports: DuckDB writes the query's result to a file in a private temp dir; the file
// is opened, unlinked at once (the open descriptor keeps its data) and streamed back.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { query, type Params } from './db.js';

/** Runs `sql` (a SELECT with bound parameters) into Parquet; the stream is the file's bytes. */
export async function queryToParquet(sql: string, params: Params): Promise<ReadableStream<Uint8Array>> {
  // mkdtemp makes a 0700 directory; the path comes from it alone, never from the request.
  const dir = await mkdtemp(join(tmpdir(), 'themescope-export-'));
  try {
    const file = join(dir, 'export.parquet');
    await query(`COPY (${sql}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`, params);
    const handle = await open(file, 'r');
    // Unlinked while open: nothing is left on disk even if the client aborts the download.
    await rm(dir, { recursive: true, force: true });
    return Readable.toWeb(createReadStream('', { fd: handle })) as ReadableStream<Uint8Array>;
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
