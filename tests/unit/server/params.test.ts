import { describe, it, expect } from 'vitest';
import {
  readDate,
  readDateRange,
  readGranularity,
  readInt,
  readLimit,
  readMeasure,
  readPage,
  readAuthor,
  readQuery,
  refusePastEnd
} from '../../../src/lib/server/params.js';
import { GRANULARITIES } from '../../../src/lib/charts/periods.js';
import { httpErrorOf } from './http-error.js';

/** The status and body of the HttpError `fn` throws (null if it returns). */
function thrown(fn: () => unknown): { status: number; body: App.Error } | null {
  try {
    fn();
    return null;
  } catch (e) {
    const { status, body } = e as { status: number; body: App.Error };
    return { status, body };
  }
}

const search = (text: string) => new URLSearchParams(text);

describe('readPage', () => {
  it('defaults to page 1 when absent or empty', () => {
    expect([readPage(search('')), readPage(search('page='))]).toStrictEqual([1, 1]);
  });

  it('reads a page number', () => {
    expect(readPage(search('page=7'))).toBe(7);
  });

  it.each(['-1', '0', 'abc', '1.5', '1e3', ' 2', '0x10', '100001', '99999999999'])('refuses page=%s with a 400', async (value) => {
    expect(await httpErrorOf(() => readPage(search(`page=${encodeURIComponent(value)}`)))).toStrictEqual({
      status: 400,
      message: 'page: expected an integer from 1 to 100000'
    });
  });
});

describe('readLimit', () => {
  it('uses the fallback when absent and accepts up to 200', () => {
    expect([readLimit(search(''), 50), readLimit(search('limit=200'), 50)]).toStrictEqual([50, 200]);
  });

  it('refuses a limit over 200', async () => {
    expect(await httpErrorOf(() => readLimit(search('limit=100000'), 50))).toStrictEqual({
      status: 400,
      message: 'limit: expected an integer from 1 to 200'
    });
  });
});

describe('readInt', () => {
  it('returns null for an absent optional integer', () => {
    expect(readInt(search(''), 'theme', 0, 10)).toBe(null);
  });

  it('accepts the lower bound 0 when allowed', () => {
    expect(readInt(search('theme=0'), 'theme', 0, 10)).toBe(0);
  });
});

describe('readDate', () => {
  it('reads a calendar date', () => {
    expect(readDate(search('from=2024-02-29'), 'from')).toBe('2024-02-29');
  });

  it.each(['2025-1-5', '20250105', '2025-01-05T00:00', 'yesterday'])(
    'refuses from=%s with a 400 naming the format',
    async (value) => {
      expect(await httpErrorOf(() => readDate(search(`from=${value}`), 'from'))).toStrictEqual({
        status: 400,
        message: 'from: expected a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY)'
      });
    }
  );

  it.each(['2025-13-40', '2025-02-29', '2025-02-30'])('refuses from=%s with a 400 saying it is no calendar date', async (value) => {
    expect(await httpErrorOf(() => readDate(search(`from=${value}`), 'from'))).toStrictEqual({
      status: 400,
      message: `from: ${value} is no calendar date (expected a real date YYYY-MM-DD)`
    });
  });

  it('treats an empty date as absent', () => {
    expect(readDate(search('to='), 'to')).toBe(null);
  });

  it('reads a month or a year as its first day at a range\'s start and its last at its end', () => {
    expect(readDateRange(search('from=2025-12&to=2026-02'))).toStrictEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(readDateRange(search('from=2024&to=2024-02'))).toStrictEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(readDateRange(search('to=1999'))).toStrictEqual({ from: null, to: '1999-12-31' });
  });

  it('refuses a month that is none with a 400 saying so', async () => {
    expect(await httpErrorOf(() => readDate(search('from=2025-13'), 'from'))).toStrictEqual({
      status: 400, message: 'from: 2025-13 is no calendar month (expected a real month YYYY-MM)' });
  });
});

describe('readDateRange', () => {
  it('accepts a one-day range', () => {
    expect(readDateRange(search('from=2025-03-01&to=2025-03-01'))).toStrictEqual({ from: '2025-03-01', to: '2025-03-01' });
  });

  it('refuses a range that ends before it starts, offering the two swapped as typed (the page dropped)', async () => {
    expect(await httpErrorOf(() => readDateRange(search('from=2025-03-02&to=2025-03-01')))).toStrictEqual({
      status: 400,
      message: 'to: expected a date on or after from, got from=2025-03-02 and to=2025-03-01'
    });
    try {
      readDateRange(search('q=merging&from=2026-06&to=2026-05-15&page=3'));
      expect.unreachable();
    } catch (e) {
      expect((e as { body: { nearest: unknown } }).body.nearest).toStrictEqual({ href: '?q=merging&from=2026-05-15&to=2026-06', text: 'Swap them: from 2026-05-15 to 2026-06' });
    }
  });

  it('takes a month as a whole: from=2026-06&to=2026-06-15 is no reversed range', () => {
    expect(readDateRange(search('from=2026-06&to=2026-06-15'))).toStrictEqual({ from: '2026-06-01', to: '2026-06-15' });
  });
});

describe('readQuery', () => {
  it('trims the search text and treats blank as absent', () => {
    expect([readQuery(search('q=%20 merging %20')), readQuery(search('q=%20%20'))]).toStrictEqual(['merging', null]);
  });

  it('accepts 200 characters and refuses 201', async () => {
    expect(readQuery(search(`q=${'x'.repeat(200)}`))).toBe('x'.repeat(200));
    expect(await httpErrorOf(() => readQuery(search(`q=${'x'.repeat(201)}`)))).toStrictEqual({
      status: 400,
      message: 'q: expected at most 200 characters, got 201'
    });
  });

  it('offers the same search cut at the last space before 200 characters when the query is too long', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '); // 40 words, 269 characters
    const cut = words.slice(0, words.lastIndexOf(' ', 200));
    expect(thrown(() => readQuery(search(`q=${encodeURIComponent(words)}&page=3&theme=2`)))).toStrictEqual({
      status: 400,
      body: {
        message: 'q: expected at most 200 characters, got 269',
        nearest: { href: `?q=${cut.replace(/ /g, '+')}&theme=2`, text: `Search for the first ${cut.length} characters instead` }
      }
    });
  });

  it('answers a page past the end with a 404 that links to the last page, other parameters kept', () => {
    expect(thrown(() => refusePastEnd(search('q=model&page=99'), 99, 7))).toStrictEqual({
      status: 404,
      body: { message: 'Page 99 is past the end: there are 7 pages.', nearest: { href: '?q=model&page=7', text: 'Go to the last page (7)' } }
    });
  });

  it('reads a query and an author as the stored texts write them: composed, ligatures and full-width letters as letters (review of 2026-12-05)', () => {
    const q = (text: string) => readQuery(search(`q=${encodeURIComponent(text)}`));
    expect([q('Schro\u0308dinger'), q('\uFB01ne-tuning'), q('\uFF4C\uFF4F\uFF52\uFF41'), q('DS²Net')]).toStrictEqual(['Schrödinger', 'fine-tuning', 'lora', 'DS²Net']);
    const author = (text: string) => readAuthor(search(`author=${encodeURIComponent(text)}`));
    expect([author('Jose\u0301  Álvarez'), author(' Yann \t LeCun ')]).toStrictEqual(['José Álvarez', 'Yann LeCun']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(readQuery(search(`q=${encodeURIComponent('😀'.repeat(200))}`))).toBe('😀'.repeat(200));
  });
});

describe('readGranularity and readMeasure', () => {
  it('default to month and share', () => {
    expect([readGranularity(search('')), readMeasure(search(''))]).toStrictEqual(['month', 'share']);
  });

  it("default granularity to the run's when it is given, and an explicit value still wins", () => {
    expect([readGranularity(search(''), 'year'), readGranularity(search('granularity='), 'year'), readGranularity(search('granularity=month'), 'year')])
      .toStrictEqual(['year', 'year', 'month']);
  });

  it('read the allowed values', () => {
    expect([readGranularity(search('granularity=year')), readMeasure(search('measure=papers'))]).toStrictEqual(['year', 'papers']);
  });

  it("accept exactly the pipeline's granularities, the list the period controls offer", () => {
    expect(GRANULARITIES.map((g) => readGranularity(search(`granularity=${g}`)))).toStrictEqual(['month', 'quarter', 'year']);
  });

  it('refuse other values naming the allowed ones', async () => {
    expect(await httpErrorOf(() => readGranularity(search('granularity=week')))).toStrictEqual({
      status: 400,
      message: 'granularity: expected one of month, quarter, year'
    });
    expect(await httpErrorOf(() => readMeasure(search('measure=Share')))).toStrictEqual({
      status: 400,
      message: 'measure: expected one of papers, share'
    });
  });
});
