// Owns reading one input file: streamed in chunks (gunzipped for .gz, or when it opens as gzip), hashed as raw bytes on the
// way, split into lines and decoded line by line (UTF-8, UTF-16 by its BOM, Windows-1252 by the
// rule in decodeLine). Never holds the whole file in memory.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IngestError } from '../errors.js';

export interface RawLine {
  /** 1-based physical line number. */
  line: number;
  /** The line without its "\n" / "\r\n"; lossily decoded (U+FFFD) when not valid UTF-8. */
  text: string;
  valid: boolean;
  /**
   * The line is ASCII with no "\\" and no DEL: every string JSON.parse makes of it is printable
   * ASCII (no JSON string holds a control character unescaped), which cleanText need not look at
   * for anything but double spaces (cleanPrintable).
   */
  printable: boolean;
}

export interface LineSource {
  lines: LineStream;
  /** Hex sha256 of the raw file bytes (compressed bytes for .gz); ready once `lines` is done. */
  sha256(): string;
  /** The encoding the text was read in, as far as read: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding(): Encoding;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface LineOptions {
  /**
   * Spreadsheet text (CSV, tab-delimited): a file whose first non-UTF-8 line comes before any
   * UTF-8 multi-byte character is Windows-1252 (Excel's "CSV" on Windows) from there on; the lines
   * before were ASCII, which reads the same in both. Else a non-UTF-8 line stays a bad record.
   */
  windows1252?: boolean;
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

export function openLines(path: string, options: LineOptions = {}): LineSource {
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
  const gzipped = path.toLowerCase().endsWith('.gz') || startsAsGzip(path);
  // pipeline() forwards an error of any stage (unreadable file, corrupt gzip) to the last one,
  // where the `for await` below rethrows it; the callback only keeps it from being unhandled.
  const bytes: Readable = gzipped ? pipeline(raw, tap, createGunzip(GUNZIP_OPTIONS), () => {}) : pipeline(raw, tap, () => {});
  const state: DecodeState = { encoding: 'utf-8', multibyte: false, fallback: options.windows1252 === true };
  return {
    lines: new LineStream(splitLines(bytes, state, path)),
    encoding: () => state.encoding,
    sha256() {
      if (digest === null) throw new Error(`sha256 of ${path} asked before the file was read`);
      return digest;
    }
  };
}

/** Bytes looked at to tell a binary file from text. */
const SNIFF_BYTES = 1024;

/**
 * Why `head` (a file's first bytes, after gunzip, not UTF-16) is no text, or null when it may be:
 * a NUL byte, or more than 3 % control bytes (not tab, line feed, vertical tab, form feed or carriage
 * return). Text holds none of either; random bytes are ~9 % such control bytes, and a workbook, PDF
 * or archive holds NULs in its first KB.
 */
export function binaryReason(head: Uint8Array): string | null {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return 'a NUL byte in its first KB';
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) controls++;
  }
  return controls > 0.03 * head.length ? `${controls} control bytes in its first ${head.length}` : null;
}

interface DecodeState {
  encoding: Encoding;
  /** Whether a UTF-8 multi-byte character has been read (then the file is UTF-8 for good). */
  multibyte: boolean;
  /** Whether Windows-1252 may be taken for a non-UTF-8 line (LineOptions.windows1252). */
  fallback: boolean;
}

/**
 * The lines of each chunk read (one array per chunk: a promise per chunk, not per line). A file whose
 * first KB is no text (binaryReason) stops here, before any reader parses its bytes as records.
 */
async function* splitLines(chunks: AsyncIterable<Buffer>, state: DecodeState, path: string): AsyncGenerator<RawLine[]> {
  let pending: Buffer[] = []; // the start of a line that continues in a later chunk
  let line = 0;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      const utf16 = utf16Of(chunk);
      if (utf16 !== null) {
        state.encoding = utf16;
        yield* splitUtf16(chunk, chunks, utf16);
        return;
      }
      const binary = binaryReason(chunk.subarray(0, SNIFF_BYTES));
      if (binary !== null) {
        throw new IngestError(`${path} is not a text file (${binary}): expected UTF-8, UTF-16 or Windows-1252 text; ` +
          'a workbook (.xlsx), PDF or archive must be exported as text (e.g. "CSV UTF-8") first');
      }
    }
    const lines: RawLine[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      // A long line spanning chunks is joined once, at its end (no quadratic re-concatenation).
      lines.push(decodeLine(pending.length === 0 ? piece : Buffer.concat([...pending, piece]), ++line, state));
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    yield lines;
  }
  if (pending.length > 0) yield [decodeLine(Buffer.concat(pending), ++line, state)];
}

/** UTF-16 by its byte-order mark (Excel's "Unicode text", Web of Science exports), else null. */
function utf16Of(chunk: Buffer): Encoding | null {
  if (chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 text decoded as a stream (a character may straddle chunks), split on "\n". */
async function* splitUtf16(head: Buffer, rest: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<RawLine[]> {
  // TextDecoder drops the BOM; lone surrogates become U+FFFD, which no field needs.
  const decoder = new TextDecoder(encoding);
  let pending = '';
  let line = 0;
  const lines = (text: string): RawLine[] => {
    const parts = (pending + text).split('\n');
    pending = parts.pop()!;
    return parts.map((part) => ({ line: ++line, text: part.endsWith('\r') ? part.slice(0, -1) : part, valid: true, printable: false }));
  };
  yield lines(decoder.decode(head, { stream: true }));
  for await (const chunk of rest) yield lines(decoder.decode(chunk, { stream: true }));
  yield lines(decoder.decode());
  if (pending !== '') yield [{ line: ++line, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, valid: true, printable: false }];
}

// Windows-1252 by hand: Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1
// control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : text;
}

/**
 * Decodes one line strictly. Line by line on purpose: decoding a whole 1 MiB chunk at once is
 * 8x slower, as one non-ASCII character turns the whole chunk into a two-byte string.
 */
function decodeLine(bytes: Buffer, line: number, state: DecodeState): RawLine {
  const crlf = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN;
  const content = crlf ? bytes.subarray(0, bytes.length - 1) : bytes;
  if (state.encoding === 'windows-1252') return { line, text: decodeWindows1252(content), valid: true, printable: false };
  // ASCII (most lines) reads the same as UTF-8 and as Latin-1, which makes a one-byte string without validating it again.
  if (isAscii(content)) {
    const printable = content.indexOf(BACKSLASH) === -1 && content.indexOf(DELETE) === -1;
    return { line, text: content.toString('latin1'), valid: true, printable };
  }
  let text: string;
  let valid = true;
  try {
    text = STRICT_UTF8.decode(content);
    if (!state.multibyte && text.length !== content.length) state.multibyte = true;
  } catch {
    if (state.fallback && !state.multibyte) {
      state.encoding = 'windows-1252';
      return decodeLine(bytes, line, state);
    }
    text = content.toString('utf8'); // lossy (U+FFFD), only for the message and CSV's parser
    valid = false;
  }
  if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
  return { line, text, valid, printable: false };
}

const BACKSLASH = 0x5c;
const DELETE = 0x7f;

/**
 * A file's lines, read one at a time (an async iterator, for the readers that go line by line:
 * a settled promise per buffered line, no generator step) or a chunk's worth at a time (nextBatch,
 * for JSON Lines). Both take from the same place, so a reader may sniff lines, put them back
 * (unread) and read on either way.
 */
export class LineStream {
  private buffered: RawLine[] = [];
  private at = 0;

  constructor(private readonly batches: AsyncGenerator<RawLine[]>) {}

  /** The lines not read yet up to the end of a chunk; null at the end of the file. */
  async nextBatch(): Promise<RawLine[] | null> {
    if (this.at < this.buffered.length) {
      const rest = this.at === 0 ? this.buffered : this.buffered.slice(this.at);
      this.buffered = [];
      this.at = 0;
      return rest;
    }
    for (let next = await this.batches.next(); !next.done; next = await this.batches.next()) {
      if (next.value.length > 0) return next.value;
    }
    return null;
  }

  next(): Promise<IteratorResult<RawLine, undefined>> {
    if (this.at < this.buffered.length) return Promise.resolve({ value: this.buffered[this.at++], done: false });
    return this.refill();
  }

  private async refill(): Promise<IteratorResult<RawLine, undefined>> {
    const batch = await this.nextBatch();
    if (batch === null) return { value: undefined, done: true };
    this.buffered = batch;
    this.at = 1;
    return { value: batch[0], done: false };
  }

  /** Puts lines read (a format's sniffed head, in order) back in front of the rest. */
  unread(lines: RawLine[]): void {
    if (lines.length === 0) return;
    this.buffered = lines.concat(this.at === 0 ? this.buffered : this.buffered.slice(this.at));
    this.at = 0;
  }

  async return(value?: unknown): Promise<IteratorResult<RawLine, undefined>> {
    this.buffered = [];
    this.at = 0;
    await this.batches.return(value as undefined);
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<RawLine, undefined>> {
    this.buffered = [];
    this.at = 0;
    await this.batches.throw(error);
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** This stream where a reader takes an AsyncGenerator of lines (it has next, return, throw). */
  asGenerator(): AsyncGenerator<RawLine> {
    return this as unknown as AsyncGenerator<RawLine>;
  }
}

/**
 * Lines already read (`head`, to decide a format) followed by the rest of the file, without a
 * generator in between: each layer of async generators costs a promise per line, which shows on
 * pretty-printed JSON (tens of lines per record).
 */
export function withHead(head: RawLine[], rest: AsyncGenerator<RawLine>): AsyncGenerator<RawLine> {
  let i = 0;
  const lines = {
    next: () => (i < head.length ? Promise.resolve({ value: head[i++], done: false as const }) : rest.next()),
    return: (value?: unknown) => rest.return(value),
    throw: (error?: unknown) => rest.throw(error),
    [Symbol.asyncIterator]: () => lines
  };
  return lines as unknown as AsyncGenerator<RawLine>;
}

/** Whether the file opens with gzip's magic bytes (1f 8b): a gzip file whose name lacks .gz is read as one. */
function startsAsGzip(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } catch {
    return false; // unreadable: the stream below says so
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
