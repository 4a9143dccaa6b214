// Owns the topic map's view in the address: zoom, centre (grid units, so a link fits any window
// width), date filter, selection, a theme picked out — parsed and validated on the way in (a value it cannot use is
// named, with what was expected and what the map does instead, for the page to say so; a reversed
// date range is swapped and said so), written compactly on the way out.
import { NO_DAY, isoOfDay } from './map-points.js';
import { readDateBound } from '../date-bound.js';

export interface MapViewState {
  /** Zoom factor, 1 = the whole map. */
  zoom: number;
  /** Centre of the view in grid units; null = the map's own centre. */
  cx: number | null;
  cy: number | null;
  /** Date filter, ISO dates or '' for an open end. */
  from: string;
  to: string;
  /** Brushed rectangle in grid units [x0, y0, x1, y1] (x0 ≤ x1, y0 ≤ y1), or null. */
  sel: [number, number, number, number] | null;
  /** A theme picked out (its papers drawn, the others dimmed; the view fitted to it when the address gives none), or null. */
  theme: number | null;
}

export const ZOOM_RANGE: [number, number] = [0.7, 80];
/** Largest grid coordinate (the points' x and y are Uint16). */
const GRID_MAX = 65535;
/** A valid date bound (date-bound.ts: a day, or a month or year as its first or last day), else ''. */
function isoDate(value: string | null, edge: 'start' | 'end' = 'start'): string {
  const bound = value ? readDateBound(value, edge) : null;
  return bound !== null && 'date' in bound ? bound.date : '';
}

/**
 * The date filter of `params`: each valid bound (any date: the points' days count from the run's
 * earliest, so a bound before it or long after the last is simply no limit), from and to swapped
 * when from is after to.
 */
function readDates(params: URLSearchParams): { from: string; to: string; swapped: boolean } {
  // A reversed range is swapped before a month or year is read as its first or last day, so both stay whole.
  const [from0, to0] = [isoDate(params.get('from'), 'start'), isoDate(params.get('to'), 'end')];
  if (!(from0 && to0 && from0 > to0)) return { from: from0, to: to0, swapped: false };
  return { from: isoDate(params.get('to'), 'start'), to: isoDate(params.get('from'), 'end'), swapped: true };
}

/** A finite number within [lo, hi] from `value`, else null. */
function bounded(value: string | null, lo: number, hi: number): number | null {
  if (value === null || value.trim() === '') return null;
  const x = Number(value);
  return Number.isFinite(x) && x >= lo && x <= hi ? x : null;
}

/** The run a view is read for: a theme picked out must be one of its themes (curation leaves gaps in the ids). */
export interface MapRun {
  runId: number;
  themeIds: ReadonlySet<number>;
}

/**
 * The view in `params` (z, cx, cy, from, to, sel, theme); anything missing or invalid falls back to
 * the default (with `run`, a theme it lacks too), and a date range whose start is after its end is
 * read the right way round.
 */
export function parseMapView(params: URLSearchParams, run?: MapRun): MapViewState {
  const theme = parseTheme(params.get('theme'));
  const cx = bounded(params.get('cx'), 0, GRID_MAX);
  const cy = bounded(params.get('cy'), 0, GRID_MAX);
  const { from, to } = readDates(params);
  return {
    zoom: bounded(params.get('z'), ZOOM_RANGE[0], ZOOM_RANGE[1]) ?? 1,
    cx: cx !== null && cy !== null ? cx : null,
    cy: cx !== null && cy !== null ? cy : null,
    from,
    to,
    sel: parseSelection(params.get('sel')),
    theme: theme !== null && run !== undefined && !run.themeIds.has(theme) ? null : theme
  };
}

/** A theme id: an integer from 0, else null. */
function parseTheme(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** 'x0,y0,x1,y1' of four grid numbers in 0..65535 with x0 ≤ x1 and y0 ≤ y1, else null. */
function parseSelection(value: string | null): [number, number, number, number] | null {
  const parts = (value ?? '').split(',').map((v) => bounded(v, 0, GRID_MAX));
  if (parts.length !== 4 || parts.some((v) => v === null)) return null;
  const [x0, y0, x1, y1] = parts as number[];
  return x0 <= x1 && y0 <= y1 ? [x0, y0, x1, y1] : null;
}

/**
 * A view parameter of the address that parseMapView could not use as given: what it expected, and
 * what the map does instead — it leaves the value out (`ignored`: its default there), or, for a
 * date range whose start is after its end, reads it the right way round (`swapped`, both named).
 */
export interface IgnoredParam {
  action: 'ignored' | 'swapped';
  /** The parameters concerned, in address order, values as given cut to 40 characters. */
  params: { name: string; value: string }[];
  expected: string;
  /** What the map shows instead, e.g. "no start date". */
  instead: string;
}

const EXPECTED = {
  z: `a number from ${ZOOM_RANGE[0]} to ${ZOOM_RANGE[1]} (the zoom; 1 is the whole map)`,
  centre: `a number from 0 to ${GRID_MAX.toLocaleString('en-US')} (the view’s centre, in map grid units)`,
  date: 'a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY)',
  order: 'the start (from) on or before the end (to)',
  sel: `four numbers x0,y0,x1,y1 from 0 to ${GRID_MAX.toLocaleString('en-US')}, with x0 ≤ x1 and y0 ≤ y1 (a selected region)`,
  theme: 'a theme number, an integer from 0 (the theme to pick out)'
};
/** What the map shows when it leaves a parameter out. */
const INSTEAD: Record<string, string> = {
  z: 'the map opens at zoom 1',
  cx: 'the map keeps its own centre',
  cy: 'the map keeps its own centre',
  from: 'no start date',
  to: 'no end date',
  sel: 'nothing is selected',
  theme: 'no theme is picked out'
};

/**
 * The view parameters of `params` that parseMapView does not use as given, in address order, each
 * with what it expected and what the map does instead. The view is read in the browser (the server
 * never sees it), so the page names them rather than answering 400; a lone cx or cy is left out too,
 * as a centre needs both. An empty value is no value (the form's empty date), not a mistake.
 */
export function ignoredMapParams(params: URLSearchParams, run?: MapRun): IgnoredParam[] {
  const out: IgnoredParam[] = [];
  const view = parseMapView(params, run);
  const dates = readDates(params);
  const cut = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);
  const add = (name: string, expected: string) => {
    const value = params.get(name);
    if (value !== null && value.trim() !== '') out.push({ action: 'ignored', params: [{ name, value: cut(value) }], expected, instead: INSTEAD[name] });
  };
  for (const name of new Set(params.keys())) {
    if (name === 'z' && bounded(params.get('z'), ZOOM_RANGE[0], ZOOM_RANGE[1]) === null) add(name, EXPECTED.z);
    if (name === 'cx' || name === 'cy') {
      const other = name === 'cx' ? 'cy' : 'cx';
      if (bounded(params.get(name), 0, GRID_MAX) === null) add(name, EXPECTED.centre);
      else if (view.cx === null) add(name, `a valid ${other} beside it (a centre needs both)`);
    }
    if (name === 'from' || name === 'to') {
      if (isoDate(params.get(name)) === '') add(name, EXPECTED.date);
    }
    // Both bounds valid, in the wrong order: named once, where the first of them stands.
    if (dates.swapped && (name === 'from' || name === 'to') && !out.some((p) => p.action === 'swapped')) {
      out.push({
        action: 'swapped',
        // As typed ("2026-06"), not as read (its last day): the notice names what the address said.
        params: [{ name: 'from', value: cut(params.get('from')!.trim()) }, { name: 'to', value: cut(params.get('to')!.trim()) }],
        expected: EXPECTED.order,
        instead: `the map shows papers from ${dates.from} to ${dates.to}`
      });
    }
    if (name === 'sel' && view.sel === null) add(name, EXPECTED.sel);
    if (name === 'theme' && view.theme === null) {
      add(name, parseTheme(params.get(name)) === null || run === undefined ? EXPECTED.theme : `one of run ${run.runId}'s themes (the legend's)`);
    }
  }
  return out;
}

/** Writes the view into `params` (removing defaults), rounded so the address stays short. */
export function writeMapView(params: URLSearchParams, view: MapViewState): void {
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  const identity = Math.abs(view.zoom - 1) < 1e-3;
  set('z', identity ? null : String(Math.round(view.zoom * 1000) / 1000));
  // A centre is written at any zoom (a pan at zoom 1 too); the view as the map opens has none (null).
  set('cx', view.cx === null || view.cy === null ? null : String(Math.round(view.cx)));
  set('cy', view.cx === null || view.cy === null ? null : String(Math.round(view.cy)));
  set('from', view.from || null);
  set('to', view.to || null);
  set('sel', view.sel ? view.sel.map((v) => Math.round(v)).join(',') : null);
  set('theme', view.theme === null ? null : String(view.theme));
}

/**
 * First and last publication date among `days` (NO_DAY skipped; days since `dayOrigin`,
 * MapPointsPayload.dayOrigin), as ISO dates; null when none. With `spans` (MapPointsPayload.span),
 * a month- or year-only date reaches to its period's last day.
 */
export function dayRange(days: ArrayLike<number>, spans?: ArrayLike<number>, dayOrigin = 0): [string, string] | null {
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < days.length; i++) {
    if (days[i] === NO_DAY) continue;
    if (days[i] < lo) lo = days[i];
    const last = days[i] + (spans?.[i] ?? 0);
    if (last > hi) hi = last;
  }
  return lo <= hi ? [isoOfDay(dayOrigin + lo), isoOfDay(dayOrigin + hi)] : null;
}

/**
 * Whether point i is in the date filter [lo, hi] (days): a dated point whose date's period (its day,
 * or its whole month or year: `spans`) meets the range, as /papers' date filter takes a coarse date.
 * "A year is never counted as January."
 */
export function dateFilter(days: ArrayLike<number>, spans: ArrayLike<number>, lo: number, hi: number): (i: number) => boolean {
  return (i: number) => days[i] !== NO_DAY && days[i] <= hi && days[i] + spans[i] >= lo;
}
