// Owns the exports DuckDB writes itself (CSV and Parquet): COPY of the query's result to a file in a
// private temp dir; the file is opened, unlinked at once (the open descriptor keeps its data) and streamed back.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { query, type Params } from './db.js';

/**
 * Runs `COPY (sql) TO file (options)` (a SELECT with bound parameters; options fixed by the caller,
 * never from the request) and streams the file, after `prefix` (e.g. a CSV header) when given.
 */
export async function copyToStream(
  sql: string,
  params: Params,
  options: string,
  prefix?: string
): Promise<ReadableStream<Uint8Array>> {
  // mkdtemp makes a 0700 directory; the path comes from it alone, never from the request.
  const dir = await mkdtemp(join(tmpdir(), 'themescope-export-'));
  try {
    const file = join(dir, 'export');
    await query(`COPY (${sql}) TO '${file.replaceAll("'", "''")}' (${options})`, params);
    const handle = await open(file, 'r');
    // Unlinked while open: nothing is left on disk even if the client aborts the download.
    await rm(dir, { recursive: true, force: true });
    const body = Readable.toWeb(createReadStream('', { fd: handle })) as ReadableStream<Uint8Array>;
    return prefix === undefined ? body : prepend(new TextEncoder().encode(prefix), body);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

function prepend(head: Uint8Array, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sentHead = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason)
  });
}
