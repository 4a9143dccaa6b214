// Owns writing an export to a file before it is sent: DuckDB's COPY of the query's result (CSV, Parquet),
// or a stream written in JS (JSON, BibTeX, RIS), to a file in a private temp dir; the file is opened,
// unlinked at once (the open descriptor keeps its data) and streamed back.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
  const body = await viaTempFile(async (file) => {
    await query(`COPY (${sql}) TO '${file.replaceAll("'", "''")}' (${options})`, params);
  });
  return prefix === undefined ? body : prepend(new TextEncoder().encode(prefix), body);
}

/**
 * `body` (an export written in JS from a streamed query: JSON, BibTeX, RIS) read to its end into a
 * temp file, which is then streamed: the query is done, and its memory free, however slowly the
 * client reads (export-gate.ts gives the query a turn, not the download).
 */
export async function spoolToStream(body: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  return viaTempFile(async (file) => {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(file));
  });
}

/** What `write` puts in a fresh private temp file, streamed back; the file is unlinked as soon as it is open. */
async function viaTempFile(write: (file: string) => Promise<void>): Promise<ReadableStream<Uint8Array>> {
  // mkdtemp makes a 0700 directory; the path comes from it alone, never from the request.
  const dir = await mkdtemp(join(tmpdir(), 'themescope-export-'));
  try {
    const file = join(dir, 'export');
    await write(file);
    const handle = await open(file, 'r');
    // Unlinked while open: nothing is left on disk even if the client aborts the download.
    await rm(dir, { recursive: true, force: true });
    return Readable.toWeb(createReadStream('', { fd: handle })) as ReadableStream<Uint8Array>;
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
