// Owns reading one input file: streamed in chunks (gunzipped for .gz), hashed as raw bytes on the
// way, split into lines and checked line by line as UTF-8. Never holds the whole file in memory.
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
// ignoreBOM keeps a BOM in the text: only the file's first line drops it (below), not every line.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
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
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      // A long line spanning chunks is joined once, at its end (no quadratic re-concatenation).
      yield decodeLine(pending.length === 0 ? piece : Buffer.concat([...pending, piece]), ++line);
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield decodeLine(Buffer.concat(pending), ++line);
}

/**
 * Decodes one line strictly. Line by line on purpose: decoding a whole 1 MiB chunk at once is
 * 8x slower, as one non-ASCII character turns the whole chunk into a two-byte string.
 */
function decodeLine(bytes: Buffer, line: number): RawLine {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const content = bytes.subarray(0, end);
  let text: string;
  let valid = true;
  try {
    text = STRICT_UTF8.decode(content);
  } catch {
    text = content.toString('utf8'); // lossy (U+FFFD), only for the message and CSV's parser
    valid = false;
  }
  if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
  return { line, text, valid };
}
