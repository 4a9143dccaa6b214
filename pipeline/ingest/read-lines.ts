// Owns reading one input file: streamed in chunks (gunzipped for .gz), hashed as raw bytes on the
// way, split into lines and checked line by line as UTF-8. Never holds the whole file in memory.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface RawLine {
  /** 1-based physical line number. */
  line: number;
  /** The line without its "\n" / "\r\n"; lossily decoded (U+FFFD) when not valid UTF-8. */
  text: string;
  valid: boolean;
}

export interface LineSource {
  lines: AsyncGenerator<RawLine>;
  /** Hex sha256 of the raw file bytes (compressed bytes for .gz); ready once `lines` is done. */
  sha256(): string;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = '\uFEFF';
/** 1 MiB reads and gunzip output: zlib's default 16 KiB chunks make gunzip twice as slow. */
const CHUNK_BYTES = 1 << 20;
// A few chunks of buffer let gunzip (on libuv's thread pool) run ahead while lines are parsed.
// zlib passes highWaterMark on to its Transform, though @types/node's ZlibOptions omits it.
const GUNZIP_OPTIONS = { chunkSize: CHUNK_BYTES, highWaterMark: 4 * CHUNK_BYTES };

export function openLines(path: string): LineSource {
  const hash = createHash('sha256');
  let digest: string | null = null;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      digest = hash.digest('hex');
      done();
    }
  });
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const gzipped = path.toLowerCase().endsWith('.gz');
  // pipeline() forwards an error of any stage (unreadable file, corrupt gzip) to the last one,
  // where the `for await` below rethrows it; the callback only keeps it from being unhandled.
  const bytes: Readable = gzipped ? pipeline(raw, tap, createGunzip(GUNZIP_OPTIONS), () => {}) : pipeline(raw, tap, () => {});
  return {
    lines: splitLines(bytes),
    sha256() {
      if (digest === null) throw new Error(`sha256 of ${path} asked before the file was read`);
      return digest;
    }
  };
}

async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawLine> {
  let pending: Buffer[] = []; // the start of a line that continues in a later chunk
  let line = 0;
  for await (const chunk of chunks) {
    const first = chunk.indexOf(NEWLINE);
    if (first === -1) {
      pending.push(chunk); // a long line is joined once, at its end (no quadratic re-concatenation)
      continue;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    yield decodeLine(Buffer.concat([...pending, chunk.subarray(0, first)]), ++line);
    if (last > first) {
      const block = decodeBlock(chunk.subarray(first + 1, last), line + 1);
      line += block.length;
      yield* block;
    }
    pending = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
  }
  if (pending.length > 0) yield decodeLine(Buffer.concat(pending), ++line);
}

/**
 * Whole lines of one chunk. A valid chunk is decoded once and sliced (slices share the decoded
 * text: no second copy of every line); only a chunk with invalid UTF-8 is checked line by line.
 */
function decodeBlock(bytes: Buffer, firstLine: number): RawLine[] {
  const out: RawLine[] = [];
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    for (let start = 0, line = firstLine; ; line++) {
      const end = text.indexOf('\n', start);
      const stop = end === -1 ? text.length : end;
      const cut = stop > start && text.charCodeAt(stop - 1) === CARRIAGE_RETURN ? stop - 1 : stop;
      out.push({ line, text: text.slice(start, cut), valid: true });
      if (end === -1) return out;
      start = end + 1;
    }
  }
  for (let start = 0, line = firstLine; ; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    out.push(decodeLine(bytes.subarray(start, end === -1 ? bytes.length : end), line));
    if (end === -1) return out;
    start = end + 1;
  }
}

function decodeLine(bytes: Buffer, line: number): RawLine {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const content = bytes.subarray(0, end);
  // isUtf8 is the same strict check as TextDecoder('utf-8', {fatal: true}), without the throw.
  const valid = isUtf8(content);
  let text = content.toString('utf8');
  if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
  return { line, text, valid };
}
