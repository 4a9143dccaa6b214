// Telling a binary file from text before any reader parses its bytes: one line naming the file.
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { binaryReason } from '../../../pipeline/ingest/read-lines.js';
import { IngestError } from '../../../pipeline/errors.js';
import { makeTempInputs, rejection } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

/** Bytes of a seeded generator (xorshift), none of them 0: a binary file a NUL does not give away. */
function noiseWithoutNul(n: number): Buffer {
  let x = 2463534242;
  return Buffer.from(Array.from({ length: n }, () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return ((x >>> 0) % 255) + 1;
  }));
}

describe('binaryReason', () => {
  it('finds a NUL byte, or control bytes beyond 3 %, and passes text with tabs, CRLF, form feeds and a stray control', () => {
    expect(binaryReason(Buffer.from('title,abstract\n\0x'))).toBe('a NUL byte in its first KB');
    expect(binaryReason(noiseWithoutNul(1024))).toMatch(/^\d+ control bytes in its first 1024$/);
    expect(binaryReason(Buffer.from(`title\tabstract\r\n\fA title\x07\tAn abstract ${'word '.repeat(40)}\r\n`))).toBeNull();
    expect(binaryReason(Buffer.from('caf\xe9;cr\xe8me\n', 'latin1'))).toBeNull();
  });
});

describe('a binary input', () => {
  it('stops with "is not a text file" and the file name, whatever its name says and gzipped or not, printing no control character', async () => {
    const bytes = Buffer.concat([Buffer.from([0x12, 0x34, 0x95, 0xb1, 0x07, 0x1b, 0x5b, 0x32, 0x4a, 0x00]), noiseWithoutNul(2000)]);
    for (const [name, content] of [['binary.csv', bytes], ['noise.csv', noiseWithoutNul(2000)], ['binary.jsonl.gz', bytes],
      ['gzipped.jsonl.gz', gzipSync(bytes)], ['binary.bib', bytes]] as const) {
      const path = temp.write(name, content);
      const error = await rejection(ingestFiles([path], { strict: false }));
      expect(error).toBeInstanceOf(IngestError);
      expect(error.message.startsWith(`${path} is not a text file (`)).toBe(true);
      expect(error.message).toMatch(/\): expected UTF-8, UTF-16 or Windows-1252 text; a workbook \(\.xlsx\), PDF or archive must be exported as text/);
      expect(error.message).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
  });
});
