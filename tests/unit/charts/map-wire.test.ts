// The map's binary points, URL view and brushed selection: round trips, validation and counts.
import { describe, expect, it } from 'vitest';
import { NO_DAY, dayOf, decodePoints, encodePoints, isoOfDay } from '../../../src/lib/charts/map-points.js';
import { dateFilter, dayRange, parseMapView, writeMapView } from '../../../src/lib/charts/map-url.js';
import { rawRect, regionExportQuery, selectionKeep, selectionQualifier, summariseSelection, typicalOfSelection } from '../../../src/lib/charts/map-selection.js';

describe('map points wire format', () => {
  const payload = {
    run: 7, count: 3, origin: [-1, -0.5] as [number, number], step: 2 / 65535,
    x: Uint16Array.from([0, 100, 65535]), y: Uint16Array.from([5, 6, 7]), theme: Uint16Array.from([2, 0, 1]),
    dayOrigin: dayOf('1953-01-01'), // a negative day: the run's earliest paper, before 1970
    day: Uint16Array.from([dayOf('2025-03-10') - dayOf('1953-01-01'), NO_DAY, 0]), span: Uint16Array.from([0, 0, 364])
  };

  it('decodes what it encodes: a 40-byte header, 8 bytes a point, 8 a theme run', () => {
    const bytes = encodePoints(payload);
    expect(bytes.byteLength).toBe(40 + 8 * 3 + 8 * 3);
    expect(decodePoints(bytes.buffer as ArrayBuffer)).toStrictEqual(payload);
  });

  it('sends the theme column as runs: one a theme when the points come in theme order', () => {
    const sorted = { ...payload, count: 5, x: new Uint16Array(5), y: new Uint16Array(5), day: new Uint16Array(5), span: new Uint16Array(5),
      theme: Uint16Array.from([0, 0, 0, 4, 4]) };
    const bytes = encodePoints(sorted);
    expect(bytes.byteLength).toBe(40 + 8 * 5 + 8 * 2);
    expect(decodePoints(bytes.buffer as ArrayBuffer)).toStrictEqual(sorted);
    expect(decodePoints(encodePoints({ ...sorted, count: 0, x: new Uint16Array(0), y: new Uint16Array(0), day: new Uint16Array(0), span: new Uint16Array(0), theme: new Uint16Array(0) }).buffer as ArrayBuffer).count).toBe(0);
  });

  it('rejects a buffer whose length does not match its counts', () => {
    const bytes = encodePoints(payload);
    expect(() => decodePoints(bytes.buffer.slice(0, 44) as ArrayBuffer)).toThrow('map points: 44 bytes for 3 points in 3 theme runs');
  });

  it('counts days from 1970-01-01 and back', () => {
    expect([dayOf('1970-01-02'), isoOfDay(dayOf('2025-03-10'))]).toStrictEqual([1, '2025-03-10']);
  });
});

describe('map view in the URL', () => {
  it('round-trips zoom, centre, dates, selection and the theme picked out', () => {
    const params = new URLSearchParams();
    writeMapView(params, { zoom: 2.5, cx: 100.4, cy: 2000.6, from: '2025-01-01', to: '', sel: [1, 2, 3.4, 5], theme: 16 });
    expect(parseMapView(params)).toStrictEqual({ zoom: 2.5, cx: 100, cy: 2001, from: '2025-01-01', to: '', sel: [1, 2, 3, 5], theme: 16 });
  });

  it('keeps a pan at zoom 1 (a centre without z), and writes nothing for the map as it opens', () => {
    const params = new URLSearchParams();
    writeMapView(params, { zoom: 1, cx: 30000, cy: 20000, from: '', to: '', sel: null, theme: null });
    expect(params.toString()).toBe('cx=30000&cy=20000');
    writeMapView(params, { zoom: 1, cx: null, cy: null, from: '', to: '', sel: null, theme: null });
    expect(params.toString()).toBe('');
  });

  it('falls back to the default for invalid values', () => {
    const view = parseMapView(new URLSearchParams('z=1e9&cx=abc&cy=1&from=2025-02-30&to=yesterday&sel=5,5,1,1&theme=-1'));
    expect(view).toStrictEqual({ zoom: 1, cx: null, cy: null, from: '', to: '', sel: null, theme: null });
  });

  it('counts the points\' days from the run\'s earliest date (dayOrigin), so papers of the 1950s have dates on the map', () => {
    const origin = dayOf('1953-01-01');
    const days = Uint16Array.from([0, dayOf('1969-06-01') - origin, dayOf('2025-03-10') - origin]);
    const spans = Uint16Array.from([364, 0, 0]);
    expect(dayRange(days, spans, origin)).toStrictEqual(['1953-01-01', '2025-03-10']);
    const inRange = (from: string, to: string) => [0, 1, 2].filter(dateFilter(days, spans, dayOf(from) - origin, dayOf(to) - origin));
    expect(inRange('1953-06-01', '1969-12-31')).toStrictEqual([0, 1]);
    expect(inRange('1900-01-01', '1960-01-01')).toStrictEqual([0]);
    expect(inRange('2000-01-01', '2999-12-31')).toStrictEqual([2]);
  });

  it('gives the first and last date, skipping undated points, a year-only date reaching to its last day', () => {
    expect(dayRange(Uint16Array.from([NO_DAY, dayOf('2025-05-01'), dayOf('2025-01-09')]))).toStrictEqual(['2025-01-09', '2025-05-01']);
    expect(dayRange(Uint16Array.from([NO_DAY]))).toBeNull();
    expect(dayRange(Uint16Array.from([dayOf('2020-01-01'), dayOf('2024-01-01')]), Uint16Array.from([365, 365]))).toStrictEqual(['2020-01-01', '2024-12-31']);
  });

  it('takes a year-only date as its whole year in the date filter: never as 1 January', () => {
    const days = Uint16Array.from([dayOf('2020-01-01'), dayOf('2020-07-15'), dayOf('2021-03-01')]);
    const spans = Uint16Array.from([365, 0, 30]); // 2020 (a leap year), a day, March 2021
    const inRange = (from: string, to: string) => [0, 1, 2].filter(dateFilter(days, spans, dayOf(from), dayOf(to)));
    expect(inRange('2020-06-01', '2020-12-31')).toStrictEqual([0, 1]);
    expect(inRange('2021-03-31', '2021-12-31')).toStrictEqual([2]);
    expect(inRange('2021-04-01', '2021-12-31')).toStrictEqual([]);
  });
});

describe('map selection', () => {
  it('lists the most typical paper of each theme in turn, largest theme first (dashboard audit of 2026-12-03: the first 10 in point order were all of theme 0)', () => {
    // Points in theme order, most typical first: theme 0 has 2 papers in the rectangle, theme 1 has 5, theme 2 has 1.
    const theme = [0, 0, 1, 1, 1, 1, 1, 2];
    const columns = { x: theme.map(() => 1), y: theme.map(() => 1), theme };
    const summary = summariseSelection(columns, [0, 0, 2, 2], null);
    expect(summary.mix.map((m) => m.themeId)).toStrictEqual([1, 0, 2]);
    expect(typicalOfSelection(summary, theme, 4)).toStrictEqual([2, 0, 7, 3]);
    expect(typicalOfSelection(summary, theme, 10)).toStrictEqual([2, 0, 7, 3, 1, 4, 5, 6]);
    expect(typicalOfSelection(summariseSelection(columns, [5, 5, 6, 6], null), theme, 10)).toStrictEqual([]);
  });

  const columns = { x: [0, 10, 20, 30], y: [0, 10, 20, 30], theme: [1, 1, 0, 2] };

  it('counts the points inside the rectangle by theme, most first, within the date filter', () => {
    expect(summariseSelection(columns, [5, 5, 30, 30], null)).toStrictEqual({
      indices: [1, 2, 3], mix: [{ themeId: 0, count: 1 }, { themeId: 1, count: 1 }, { themeId: 2, count: 1 }]
    });
    expect(summariseSelection(columns, [0, 0, 15, 15], (i) => i !== 0).indices).toStrictEqual([1]);
  });

  it('widens the rectangle by half a grid step in layout coordinates', () => {
    expect(rawRect({ origin: [1, 2], step: 0.5 }, [2, 4, 6, 8])).toStrictEqual([1.75, 3.75, 4.25, 6.25]);
  });

  it('counts only the matches of the search within the dates, as the map draws them', () => {
    const mask = Uint8Array.from([1, 0, 1, 1]);
    const inDates = (i: number) => i !== 3;
    const count = (keep: ((i: number) => boolean) | null) => summariseSelection(columns, [0, 0, 30, 30], keep).indices;
    expect(selectionKeep(null, null)).toBeNull();
    expect(count(selectionKeep(inDates, null))).toStrictEqual([0, 1, 2]);
    expect(count(selectionKeep(null, mask))).toStrictEqual([0, 2, 3]);
    expect(count(selectionKeep(inDates, mask))).toStrictEqual([0, 2]);
    expect(summariseSelection(columns, [0, 0, 30, 30], selectionKeep(inDates, mask)).mix).toStrictEqual([{ themeId: 0, count: 1 }, { themeId: 1, count: 1 }]);
  });

  it('carries the dates and the search into the query of the region export', () => {
    const payload = { origin: [0, 0] as [number, number], step: 1 };
    const read = (filter: { from: string; to: string; q: string }) => Object.fromEntries(new URLSearchParams(regionExportQuery(3, payload, [2, 4, 6, 8], filter)));
    expect(read({ from: '', to: '', q: '' })).toStrictEqual({ run: '3', x0: '1.5', x1: '6.5', y0: '3.5', y1: '8.5' });
    expect(read({ from: '2024-01-01', to: '', q: '  diffusion  ' })).toStrictEqual(
      { run: '3', x0: '1.5', x1: '6.5', y0: '3.5', y1: '8.5', from: '2024-01-01', q: 'diffusion' });
    // Any text is encoded as one parameter: quotes, & and = stay inside q.
    const q = '"score matching" & x=1';
    expect(new URLSearchParams(regionExportQuery(3, payload, [0, 0, 1, 1], { from: '', to: '2025-06-30', q })).get('q')).toBe(q);
  });

  it('says what the count of a selection is within', () => {
    expect([selectionQualifier('', false), selectionQualifier('diffusion', false), selectionQualifier(' diffusion ', true), selectionQualifier('', true)])
      .toStrictEqual(['', '(matching “diffusion”)', '(matching “diffusion”, in the dates)', '(in the dates)']);
  });
});
