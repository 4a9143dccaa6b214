// The map's view in the address (src/lib/charts/map-url.ts): every view parameter it cannot use as
// given is named with what it expected and what the map does instead, for the page's notice (a
// reversed date range is swapped), and the ones it can use are not.
import { describe, expect, it } from 'vitest';
import { ignoredMapParams, parseMapView } from '../../../src/lib/charts/map-url.js';
import { NO_DAY, dayOf } from '../../../src/lib/charts/map-points.js';

/** Each notice as the page words it (without the markup). */
const ignored = (search: string) => ignoredMapParams(new URLSearchParams(search)).map((n) =>
  `${n.action} ${n.params.map((p) => `${p.name}=${p.value}`).join(' and ')}: ${n.expected}; ${n.instead}`);
const view = (search: string) => parseMapView(new URLSearchParams(search));

describe('ignoredMapParams', () => {
  it('names a zoom and a centre that are no numbers in range, with what was expected', () => {
    expect(ignored('z=abc&cx=zz')).toStrictEqual([
      'ignored z=abc: a number from 0.7 to 80 (the zoom; 1 is the whole map); the map opens at zoom 1',
      'ignored cx=zz: a number from 0 to 65,535 (the view’s centre, in map grid units); the map keeps its own centre'
    ]);
    expect(ignored('z=1e9')).toStrictEqual(['ignored z=1e9: a number from 0.7 to 80 (the zoom; 1 is the whole map); the map opens at zoom 1']);
  });

  it('names a selection that is not four ordered grid numbers, and dates that are no dates', () => {
    expect(ignored('sel=foo&from=2025-02-30&to=yesterday')).toStrictEqual([
      'ignored sel=foo: four numbers x0,y0,x1,y1 from 0 to 65,535, with x0 ≤ x1 and y0 ≤ y1 (a selected region); nothing is selected',
      'ignored from=2025-02-30: a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY); no start date',
      'ignored to=yesterday: a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY); no end date'
    ]);
    expect(ignored('sel=5,5,1,1')).toHaveLength(1);
  });

  it('names a half of a centre, which is left out without the other', () => {
    expect(ignored('z=2&cx=100')).toStrictEqual(['ignored cx=100: a valid cy beside it (a centre needs both); the map keeps its own centre']);
    expect(ignored('z=2&cx=100&cy=x')).toStrictEqual(['ignored cx=100: a valid cy beside it (a centre needs both); the map keeps its own centre',
      'ignored cy=x: a number from 0 to 65,535 (the view’s centre, in map grid units); the map keeps its own centre']);
  });

  it('names nothing the view uses, nor empty values, nor parameters that are no part of the view', () => {
    const search = 'z=2.5&cx=100&cy=2001&from=2025-01-01&to=&sel=1,2,3,5&q=diffusion&run=1';
    expect(ignored(search)).toStrictEqual([]);
    expect(parseMapView(new URLSearchParams(search))).toStrictEqual({ zoom: 2.5, cx: 100, cy: 2001, from: '2025-01-01', to: '', sel: [1, 2, 3, 5], theme: null });
  });

  it('names a theme that is no theme number', () => {
    expect(ignored('theme=abc')).toStrictEqual(['ignored theme=abc: a theme number, an integer from 0 (the theme to pick out); no theme is picked out']);
    expect(ignored('theme=7')).toStrictEqual([]);
    // With the run: a theme it lacks (curation leaves gaps in the ids) is named and not read.
    const run = { runId: 3, themeIds: new Set([0, 1, 4]) };
    expect(ignoredMapParams(new URLSearchParams('theme=2'), run).map((n) => n.expected)).toStrictEqual(["one of run 3's themes (the legend's)"]);
    expect([parseMapView(new URLSearchParams('theme=2'), run).theme, parseMapView(new URLSearchParams('theme=4'), run).theme]).toStrictEqual([null, 4]);
  });

  it('cuts a long value to 40 characters', () => {
    expect(ignoredMapParams(new URLSearchParams(`z=${'9'.repeat(100)}`))[0].params[0].value).toBe(`${'9'.repeat(39)}…`);
  });
});

describe('the date range in the address', () => {
  it('swaps a from after its to, and says so once, naming both with what was expected and what is shown', () => {
    expect(view('from=2025-06-01&to=2025-01-31')).toMatchObject({ from: '2025-01-31', to: '2025-06-01' });
    const said = ['swapped from=2025-06-01 and to=2025-01-31: the start (from) on or before the end (to); the map shows papers from 2025-01-31 to 2025-06-01'];
    expect(ignored('from=2025-06-01&to=2025-01-31')).toStrictEqual(said);
    // The same whichever comes first in the address, and among other notices in address order.
    expect(ignored('to=2025-01-31&from=2025-06-01')).toStrictEqual(said);
    expect(ignored('z=abc&to=2025-01-31&q=x&from=2025-06-01&sel=foo').map((t) => t.split(' ')[0] + ' ' + t.split(' ')[1].split('=')[0]))
      .toStrictEqual(['ignored z', 'swapped from', 'ignored sel']);
    // One day is a range; equal bounds are not reversed.
    expect(ignored('from=2025-03-04&to=2025-03-04')).toStrictEqual([]);
  });

  it('takes any valid date, before 1970 too (the points count days from the run\'s earliest), and ignores an invalid one', () => {
    expect(view('from=1953-01-01&to=2149-06-06')).toMatchObject({ from: '1953-01-01', to: '2149-06-06' });
    expect(ignored('from=1953-01-01&to=2149-06-06')).toStrictEqual([]);
    expect(view('from=0001-01-01')).toMatchObject({ from: '0001-01-01' });
    // A month or a year is its first day as from and its last as to, as /papers reads them.
    expect(view('from=2025-12&to=2026-02')).toMatchObject({ from: '2025-12-01', to: '2026-02-28' });
    expect(view('from=1999&to=2024')).toMatchObject({ from: '1999-01-01', to: '2024-12-31' });
    // Reversed months are swapped whole: January to March.
    expect(view('from=2026-03&to=2026-01')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    // The notice names the values as the address wrote them (dashboard review of 2026-12-04: "Swapped from=2026-06-30").
    expect(ignored('from=2026-06&to=2025-01')).toStrictEqual(['swapped from=2026-06 and to=2025-01: the start (from) on or before the end (to); ' +
      'the map shows papers from 2025-01-01 to 2026-06-30']);
    expect(ignored('from=2025-13')).toStrictEqual(['ignored from=2025-13: a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY); no start date']);
    expect(ignored('from=1953-02-30')).toStrictEqual(['ignored from=1953-02-30: a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY); no start date']);
  });
});
