import { describe, it, expect } from 'vitest';
import { formatCell, toCsv } from '../../../src/lib/server/csv.js';

describe('formatCell', () => {
  it('quotes every string and doubles embedded quotes', () => {
    expect(formatCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  });

  it('keeps commas, CR and LF inside a quoted cell', () => {
    expect(formatCell('a,b\nc\r\nd')).toBe('"a,b\nc\r\nd"');
  });

  it('writes numbers bare, including negative ones', () => {
    expect([formatCell(3), formatCell(-0.25), formatCell(1e-7)]).toStrictEqual(['3', '-0.25', '1e-7']);
  });

  it('writes null, undefined and non-finite numbers as empty cells', () => {
    expect([formatCell(null), formatCell(undefined), formatCell(NaN), formatCell(Infinity)]).toStrictEqual(['', '', '', '']);
  });

  it('writes booleans as true and false', () => {
    expect([formatCell(true), formatCell(false)]).toStrictEqual(['true', 'false']);
  });

  it('prefixes a quote to strings that start like a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(formatCell)).toStrictEqual([
      `"'=1+1"`,
      `"'+1"`,
      `"'-1"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`
    ]);
  });

  it('neutralises a formula after doubling its quotes', () => {
    expect(formatCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('leaves a formula character that is not first alone', () => {
    expect(formatCell('a=b')).toBe('"a=b"');
  });

  it("joins a list with '; ' and neutralises the joined text", () => {
    expect([formatCell(['Ada', 'Bob']), formatCell(['=x', 'y']), formatCell([])]).toStrictEqual(['"Ada; Bob"', `"'=x; y"`, '""']);
  });

  it('keeps non-ASCII text as is', () => {
    expect(formatCell('Müller — 東京')).toBe('"Müller — 東京"');
  });
});

describe('toCsv', () => {
  it('writes a header and rows in column order with CRLF line ends', () => {
    const csv = toCsv(['id', 'name', 'score'], [
      { name: 'x', id: 1, score: -2 },
      { id: 2, name: '-y', score: null }
    ]);
    expect(csv).toBe('"id","name","score"\r\n1,"x",-2\r\n2,"\'-y",\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('"a","b"\r\n');
  });

  it('writes a missing key as an empty cell', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x' }])).toBe('"a","b"\r\n"x",\r\n');
  });
});
