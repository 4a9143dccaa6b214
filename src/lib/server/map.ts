// Owns the topic map's queries: theme centres and sizes, every paper's point as compact columns
// (quantised on one grid, see charts/map-points.ts), the paper behind a point index, search (the index, as /papers).
// Point order everywhere is (theme_id, rank_in_theme, paper_id), so an index means one paper; with
// ranks 1..n in each theme an index is arithmetic (pointOffsets), so a million points need no sort.
import { error } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import { MAP_GRID, NO_DAY, POINTS_FORMAT, encodePoints, type MapArea, type MapPaper, type MapPointsPayload, type MapTheme } from '../charts/map-points.js';
import { query, streamChunks } from './db.js';
import { cachedForRun, databaseIdentity } from './run-cache.js';
import { PUBLISHED_SQL } from './paper-format.js';
import { lowerBound } from './search-index.js';
import { paperFilterSql, themeSearchFilter } from './papers.js';
import { readableTex } from '../tex-display.js';

const POINT_ORDER = 'theme_id, rank_in_theme, paper_id';

export async function listMapThemes(runId: number): Promise<MapTheme[]> {
  return query<MapTheme>(
    `SELECT theme_id AS "themeId", label, size, x, y, mixture, area_id AS "areaId" FROM themes WHERE run_id = $run ORDER BY theme_id`,
    { run: runId }
  );
}

/** The run's areas with their map position (none in runs made before areas). */
export async function listMapAreas(runId: number): Promise<MapArea[]> {
  return query<MapArea>(`SELECT area_id AS "areaId", label, size, x, y FROM areas WHERE run_id = $run ORDER BY size DESC, area_id`, { run: runId });
}

/**
 * Where each theme's points start in point order, when each theme ranks its papers 1..n (as the
 * pipeline, npm run assign and curated merges and splits all do): then point index =
 * start[theme] + rank_in_theme − 1, and no query needs to sort or number a million rows. Null when
 * some theme's ranks are not 1..n; the queries then number the points with a window.
 */
interface PointOffsets {
  /** Theme ids in order, and the index of each one's first point. */
  themes: number[];
  starts: number[];
  count: number;
}

async function loadPointOffsets(runId: number): Promise<PointOffsets | null> {
  const rows = await query<{ theme_id: number; n: number; lo: number; hi: number; ranks: number }>(
    `SELECT theme_id, count(*)::INTEGER AS n, min(rank_in_theme) AS lo, max(rank_in_theme) AS hi,
       count(DISTINCT rank_in_theme)::INTEGER AS ranks
     FROM paper_themes WHERE run_id = $run GROUP BY theme_id ORDER BY theme_id`,
    { run: runId }
  );
  if (rows.some((r) => r.lo !== 1 || r.hi !== r.n || r.ranks !== r.n)) return null;
  const starts: number[] = [];
  let count = 0;
  for (const r of rows) [starts.push(count), (count += r.n)];
  return { themes: rows.map((r) => r.theme_id), starts, count };
}

/** The run's point offsets, computed once per run (a scan of paper_themes: ~30 ms at a million papers). */
export function pointOffsets(runId: number): Promise<PointOffsets | null> {
  return cachedForRun(runId, 'map-point-offsets', () => loadPointOffsets(runId), (o) => (o ? 16 * o.themes.length : 0) + 64);
}

/** Point index of the rank-th paper of a theme. */
function pointIndex(offsets: PointOffsets, theme: number, rank: number): number {
  return offsets.starts[lowerBound(offsets.themes, theme)] + rank - 1;
}

/**
 * Every paper's point as Uint16 columns on one grid: q = round((v − min) / step) with
 * step = max(x range, y range) / MAP_GRID, so both axes share a step and the aspect is kept. The
 * rows are streamed unordered and each is placed at its point index (pointOffsets): no sort, no row
 * objects (a million papers: ~1 s of CPU instead of ~7).
 */
export async function loadMapPoints(runId: number): Promise<MapPointsPayload> {
  const offsets = await pointOffsets(runId);
  if (offsets === null) return loadMapPointsNumbered(runId);
  const n = offsets.count;
  const [xs, ys] = [new Float64Array(n), new Float64Array(n)];
  const [theme, span] = [new Uint16Array(n), new Uint16Array(n)];
  const days1970 = new Float64Array(n).fill(NaN); // days since 1970-01-01, NaN undated: dayColumn moves them to its origin
  for await (const chunk of streamChunks(
    `SELECT t.theme_id, t.rank_in_theme, t.x, t.y, (p.published - DATE '1970-01-01')::INTEGER AS day,
       ${SPAN_SQL}
     FROM paper_themes t JOIN papers p ON p.paper_id = t.paper_id WHERE t.run_id = $run`,
    { run: runId }
  )) {
    const [themes, ranks, x, y, days, spans] = [0, 1, 2, 3, 4, 5].map((c) => chunk.getColumnValues(c)) as (number | null)[][];
    for (let r = 0; r < themes.length; r++) {
      const i = pointIndex(offsets, themes[r]!, ranks[r]!);
      [xs[i], ys[i], theme[i], days1970[i], span[i]] = [x[r]!, y[r]!, themes[r]!, days[r] ?? NaN, spans[r] ?? 0];
    }
  }
  if (n === 0) return emptyPoints(runId);
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) [x0, x1, y0, y1] = [Math.min(x0, xs[i]), Math.max(x1, xs[i]), Math.min(y0, ys[i]), Math.max(y1, ys[i])];
  // A single point (zero range) still gets a positive step.
  const step = Math.max(x1 - x0, y1 - y0, 1e-9) / MAP_GRID;
  // A loop, not Uint16Array.from with a mapping function (~0.4 s a column at a million points).
  const quantise = (v: Float64Array, v0: number) => {
    const q = new Uint16Array(n);
    for (let i = 0; i < n; i++) q[i] = Math.round((v[i] - v0) / step);
    return q;
  };
  return { run: runId, count: n, origin: [x0, y0], step, x: quantise(xs, x0), y: quantise(ys, y0), theme, ...dayColumn(days1970), span };
}

/** The days a paper's date covers after its first (MapPointsPayload.span), from its precision. */
const SPAN_SQL = `(CASE p.date_precision WHEN 'year' THEN (p.published + INTERVAL 1 YEAR)::DATE - p.published - 1
  WHEN 'month' THEN (p.published + INTERVAL 1 MONTH)::DATE - p.published - 1 ELSE 0 END)::INTEGER AS span`;

/**
 * The day column: days since dayOrigin, NO_DAY for an undated paper. The 16 bits hold 179 years
 * (65,535 days), so dayOrigin starts the 179 years that hold the most dated papers, the earliest such
 * (for any corpus within 179 years: its earliest date). A date outside them counts as undated on the
 * map: a lone 1665 reprint or a typed "1019" among papers of 1950–2025, not the papers around it.
 */
function dayColumn(days1970: ArrayLike<number>): { dayOrigin: number; day: Uint16Array } {
  const dated = Float64Array.from(days1970).filter(Number.isFinite).sort();
  let [dayOrigin, most] = [dated.length > 0 ? dated[0] : 0, 0];
  for (let lo = 0, hi = 0; lo < dated.length; lo++) {
    while (hi < dated.length && dated[hi] - dated[lo] < NO_DAY) hi++;
    if (hi - lo > most) [dayOrigin, most] = [dated[lo], hi - lo];
  }
  const day = new Uint16Array(days1970.length);
  for (let i = 0; i < days1970.length; i++) {
    const d = days1970[i] - dayOrigin;
    day[i] = d >= 0 && d < NO_DAY ? d : NO_DAY; // NaN (undated) fails both
  }
  return { dayOrigin, day };
}

function emptyPoints(runId: number): MapPointsPayload {
  const empty = new Uint16Array(0);
  return { run: runId, count: 0, origin: [0, 0], step: 1, x: empty, y: empty, theme: empty, dayOrigin: 0, day: empty, span: empty };
}

interface PointsRow {
  x0: number;
  y0: number;
  step: number;
  n: number;
  x: number[];
  y: number[];
  theme: number[];
  day: (number | null)[];
  span: number[];
}

/** loadMapPoints for a run whose ranks are not 1..n in some theme: one row of lists, each ordered in SQL. */
async function loadMapPointsNumbered(runId: number): Promise<MapPointsPayload> {
  const rows = await query<PointsRow>(
    `WITH pts AS (
       SELECT t.theme_id, t.rank_in_theme, t.paper_id, t.x, t.y, (p.published - DATE '1970-01-01')::INTEGER AS day, ${SPAN_SQL}
       FROM paper_themes t JOIN papers p ON p.paper_id = t.paper_id WHERE t.run_id = $run),
     frame AS (
       SELECT min(x) AS x0, min(y) AS y0,
              greatest(max(x) - min(x), max(y) - min(y), 1e-9) / ${MAP_GRID} AS step
       FROM pts)
     SELECT frame.x0, frame.y0, frame.step, count(*)::INTEGER AS n,
       list(round((pts.x - frame.x0) / frame.step)::INTEGER ORDER BY ${POINT_ORDER}) AS x,
       list(round((pts.y - frame.y0) / frame.step)::INTEGER ORDER BY ${POINT_ORDER}) AS y,
       list(pts.theme_id ORDER BY ${POINT_ORDER}) AS theme,
       list(pts.day ORDER BY ${POINT_ORDER}) AS day,
       list(coalesce(pts.span, 0) ORDER BY ${POINT_ORDER}) AS span
     FROM pts, frame
     GROUP BY frame.x0, frame.y0, frame.step`,
    { run: runId }
  );
  const r = rows[0];
  if (!r) return emptyPoints(runId);
  return { run: runId, count: r.n, origin: [r.x0, r.y0], step: r.step, x: Uint16Array.from(r.x), y: Uint16Array.from(r.y),
    theme: Uint16Array.from(r.theme), ...dayColumn(Float64Array.from(r.day, (d) => d ?? NaN)), span: Uint16Array.from(r.span) };
}

export interface EncodedPoints {
  etag: string;
  body: Uint8Array;
  gzip: Buffer;
}

let cached: { key: string; value: Promise<EncodedPoints> } | null = null;

/**
 * The points of a run in the binary format (charts/map-points.ts), plain and gzipped, computed once per database file and run (the SQL takes
 * 0.2–0.6 s for 75k points; a run's rows never change within one file). The key is the file's
 * identity, which a rename-into-place changes, so a replaced database is never served stale.
 */
export function encodedMapPoints(runId: number): Promise<EncodedPoints> {
  const key = `${databaseIdentity()}-run${runId}`;
  if (cached?.key !== key) {
    const value = loadMapPoints(runId).then((payload) => {
      const body = encodePoints(payload);
      return { etag: `"${key.replaceAll('"', '')}-f${POINTS_FORMAT}"`, body, gzip: gzipSync(body, { level: 6 }) };
    });
    value.catch(() => {
      if (cached?.key === key) cached = null;
    });
    cached = { key, value };
  }
  return cached.value;
}

/** Row number of each paper in point order (0-based), for runs without pointOffsets. */
const NUMBERED = `SELECT paper_id, theme_id, (row_number() OVER (ORDER BY ${POINT_ORDER}) - 1)::INTEGER AS i
  FROM paper_themes WHERE run_id = $run`;

/** The paper at point `index`; 404 when the run has no such point. */
export async function findMapPaper(runId: number, index: number): Promise<MapPaper> {
  const offsets = await pointOffsets(runId);
  let rows: MapPaper[];
  if (offsets === null) {
    rows = await query<MapPaper>(
      `SELECT n.i AS "index", p.paper_id AS "paperId", p.title, n.theme_id AS "themeId", ${PUBLISHED_SQL} AS published
       FROM (${NUMBERED}) n JOIN papers p ON p.paper_id = n.paper_id
       WHERE n.i = $index`,
      { run: runId, index }
    );
  } else {
    // The theme whose points hold the index, and the rank there.
    const at = lowerBound(offsets.starts, index + 1) - 1;
    rows = index >= offsets.count || at < 0 ? [] : await query<MapPaper>(
      `SELECT $index::INTEGER AS "index", p.paper_id AS "paperId", p.title, pt.theme_id AS "themeId", ${PUBLISHED_SQL} AS published
       FROM paper_themes pt JOIN papers p ON p.paper_id = pt.paper_id
       WHERE pt.run_id = $run AND pt.theme_id = $theme AND pt.rank_in_theme = $rank`,
      { run: runId, index, theme: offsets.themes[at], rank: index - offsets.starts[at] + 1 }
    );
  }
  if (rows.length === 0) error(404, `No point ${index} in run ${runId}`);
  return { ...rows[0], title: readableTex(rows[0].title) };
}

/**
 * Point indices of the papers that match `q` as /papers and the map-region export match it
 * (papers.ts themeSearchFilter and paperFilterSql: every word in the title or abstract by the
 * search index, quoted phrases checked against the text), in point order.
 */
export async function searchMapPapers(runId: number, q: string): Promise<number[]> {
  const filter = await themeSearchFilter(runId, null, q);
  const offsets = await pointOffsets(runId);
  if (offsets === null) {
    const { sql, params } = paperFilterSql(runId, filter, { joins: 'needed', more: `JOIN (${NUMBERED}) n ON n.paper_id = pt.paper_id` });
    return (await query<{ i: number }>(`SELECT n.i ${sql} ORDER BY n.i`, params)).map((r) => r.i);
  }
  const { sql, params } = paperFilterSql(runId, filter, { joins: 'needed' });
  const rows = await query<{ theme_id: number; rank_in_theme: number }>(`SELECT pt.theme_id, pt.rank_in_theme ${sql}`, params);
  return Array.from(Int32Array.from(rows, (r) => pointIndex(offsets, r.theme_id, r.rank_in_theme)).sort());
}
