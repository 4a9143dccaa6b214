// The shortcuts ingest takes for the common case give what the general rules give: cleanText's
// whitespace rule, cleanPrintable, an ASCII title's key, a day written YYYY-MM-DD, a printable JSON
// line's record, and the lines of a file read a chunk at a time or one by one.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../pipeline/ingest/dates.js';
import { titleKey } from '../../../pipeline/ingest/merge.js';
import { normaliseRecord } from '../../../pipeline/ingest/normalise.js';
import { openLines } from '../../../pipeline/ingest/read-lines.js';
import { cleanPrintable, cleanText } from '../../../pipeline/ingest/text.js';
import { makeTempInputs } from '../../fixtures/ingest/temp-inputs.js';

/** Deterministic strings drawn from `pool` (a small LCG: the same cases every run). */
function strings(pool: string[], count: number, maxLength: number): string[] {
  let state = 12345;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let j = next(maxLength + 1); j > 0; j--) text += pool[next(pool.length)];
    out.push(text);
  }
  return out;
}

describe('cleanText', () => {
  it('collapses every run of whitespace into one space, as /\\s+/ → " " would', () => {
    const pool = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\ufeff', 'a', 'é', 'e\u0301', '\ud835', '\udc00', 'x'];
    for (const text of strings(pool, 5_000, 10)) {
      const reference = text
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .normalize('NFC')
        .replace(/\s+/g, ' ')
        .trim();
      expect(cleanText(text)).toBe(reference);
    }
  });
  it('gives printable ASCII the same as cleanPrintable', () => {
    for (const text of strings([' ', '  ', 'a', 'Z', '0', '-', '~', '"'], 5_000, 12)) expect(cleanPrintable(text)).toBe(cleanText(text));
  });
});

describe('titleKey', () => {
  it('keys an ASCII title as NFKD, no marks, lower case, letters and digits would', () => {
    const pool = ['a', 'Z', '0', '9', ' ', '  ', '-', ':', '\t', '\x00', '\x7f', '~', '_', '.', 'Q'];
    for (const title of strings(pool, 5_000, 14)) {
      const reference = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(titleKey(title)).toBe(reference);
    }
  });
  it('keys other titles by the general rule', () => {
    expect(titleKey('Café — Ünïcode ﬁne-tuning!')).toBe('cafe unicode fine tuning');
  });
});

describe('parseDate of a day written YYYY-MM-DD', () => {
  it('reads every day as the same date with a time of day would, and rejects the impossible ones', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const year of [1899, 1900, 1996, 2000, 2024, 2025, 2100, 2101]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const written = `${year}-${pad(month)}-${pad(day)}`;
          const timed = parseDate(`${written}T12:00Z`);
          const parsed = parseDate(written);
          if ('error' in timed) expect(parsed).toHaveProperty('error');
          else expect(parsed).toStrictEqual(timed);
          const slashed = parseDate(`${year}/${pad(month)}/${pad(day)}`);
          expect(slashed).toStrictEqual('error' in parsed ? { error: expect.stringContaining(`"${year}/`) } : parsed);
        }
      }
    }
  });
});

describe('normaliseRecord of a printable JSON line', () => {
  it('gives what it gives any record', () => {
    const titles = strings([' ', '  ', 'Graph', 'nets', ':', '-', 'x'], 500, 8);
    for (const [i, title] of titles.entries()) {
      const record = { id: `2501.${String(i).padStart(5, '0')}`, title, abstract: `  An  abstract ${title} `, published: '2025-03-18',
        authors: [' Ada  Lovelace', 'Alan Turing '], categories: ['cs.CL', ' cs.AI'], venue: i % 3 === 0 ? '  ' : ' ICML  2025 ' };
      expect(normaliseRecord(record, 'in.jsonl', true)).toStrictEqual(normaliseRecord(record, 'in.jsonl'));
    }
  });
});

describe('openLines', () => {
  it('gives the same lines a chunk at a time, one by one and after putting sniffed lines back', async () => {
    const inputs = makeTempInputs();
    try {
      // Lines longer than a chunk (1 MiB), CRLF, a BOM, non-ASCII and printable ones.
      const lines = ['\uFEFF{"a": 1}', 'x'.repeat(1_500_000), 'caf\u00e9', 'back\\slash', 'plain line\r', '', 'y'.repeat(700_000), 'last'];
      const path = inputs.write('lines.jsonl', lines.join('\n'));
      const expected = ['{"a": 1}', ...lines.slice(1)].map((text) => text.replace(/\r$/, ''));
      const byBatch = openLines(path);
      const read: string[] = [];
      for (let batch = await byBatch.lines.nextBatch(); batch !== null; batch = await byBatch.lines.nextBatch()) {
        read.push(...batch.map((l) => l.text));
      }
      expect(read).toStrictEqual(expected);
      const mixed = openLines(path).lines;
      const head = [(await mixed.next()).value!, (await mixed.next()).value!];
      mixed.unread(head);
      const all: { line: number; text: string; printable: boolean }[] = [];
      for await (const { line, text, printable } of mixed) all.push({ line, text, printable });
      expect(all.map((l) => l.text)).toStrictEqual(expected);
      expect(all.map((l) => l.line)).toStrictEqual(expected.map((_, i) => i + 1));
      expect(all.map((l) => l.printable)).toStrictEqual([false, true, false, false, true, true, true, true]);
    } finally {
      inputs.remove();
    }
  });
});
