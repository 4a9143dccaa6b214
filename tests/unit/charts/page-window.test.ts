// pageWindow: the page numbers a pager shows around the current page.
import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../../src/lib/page-window.js';

describe('pageWindow', () => {
  it('shows the first, the last and two either side of the current page, with gaps between', () => {
    expect(pageWindow(50, 1495)).toStrictEqual([1, null, 48, 49, 50, 51, 52, null, 1495]);
  });

  it('shows every page of a short list and no gap where numbers follow on', () => {
    expect(pageWindow(1, 4)).toStrictEqual([1, 2, 3, 4]);
    expect(pageWindow(4, 7)).toStrictEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(1495, 1495)).toStrictEqual([1, null, 1493, 1494, 1495]);
  });

  it('shows the one page of a one-page list', () => {
    expect(pageWindow(1, 1)).toStrictEqual([1]);
  });
});
