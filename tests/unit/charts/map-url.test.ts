// The map's view in the address (src/lib/charts/map-url.ts): every view parameter it cannot use is
// named with what it expected, for the page's notice, and the ones it can use are not.
import { describe, expect, it } from 'vitest';
import { ignoredMapParams, parseMapView } from '../../../src/lib/charts/map-url.js';

const ignored = (search: string) => ignoredMapParams(new URLSearchParams(search)).map((p) => `${p.name}=${p.value}: ${p.expected}`);

describe('ignoredMapParams', () => {
  it('names a zoom and a centre that are no numbers in range, with what was expected', () => {
    expect(ignored('z=abc&cx=zz')).toStrictEqual([
      'z=abc: a number from 0.7 to 80 (the zoom; 1 is the whole map)',
      'cx=zz: a number from 0 to 65,535 (the view’s centre, in map grid units)'
    ]);
    expect(ignored('z=1e9')).toStrictEqual(['z=1e9: a number from 0.7 to 80 (the zoom; 1 is the whole map)']);
  });

  it('names a selection that is not four ordered grid numbers, and dates that are no dates', () => {
    expect(ignored('sel=foo&from=2025-02-30&to=yesterday')).toStrictEqual([
      'sel=foo: four numbers x0,y0,x1,y1 from 0 to 65,535, with x0 ≤ x1 and y0 ≤ y1 (a selected region)',
      'from=2025-02-30: a date YYYY-MM-DD',
      'to=yesterday: a date YYYY-MM-DD'
    ]);
    expect(ignored('sel=5,5,1,1')).toHaveLength(1);
  });

  it('names a half of a centre, which is left out without the other', () => {
    expect(ignored('z=2&cx=100')).toStrictEqual(['cx=100: a valid cy beside it (a centre needs both)']);
    expect(ignored('z=2&cx=100&cy=x')).toStrictEqual(['cx=100: a valid cy beside it (a centre needs both)',
      'cy=x: a number from 0 to 65,535 (the view’s centre, in map grid units)']);
  });

  it('names nothing the view uses, nor empty values, nor parameters that are no part of the view', () => {
    const search = 'z=2.5&cx=100&cy=2001&from=2025-01-01&to=&sel=1,2,3,5&q=diffusion&run=1';
    expect(ignored(search)).toStrictEqual([]);
    expect(parseMapView(new URLSearchParams(search))).toStrictEqual({ zoom: 2.5, cx: 100, cy: 2001, from: '2025-01-01', to: '', sel: [1, 2, 3, 5] });
  });

  it('cuts a long value to 40 characters', () => {
    expect(ignoredMapParams(new URLSearchParams(`z=${'9'.repeat(100)}`))[0].value).toBe(`${'9'.repeat(39)}…`);
  });
});
