// Owns the topic map's queries: theme centres and sizes, every paper's point as compact columns
// (quantised on one grid, see charts/map-points.ts), the paper behind a point index, search (the index, as /papers).
// Point order everywhere is (theme_id, rank_in_theme, paper_id), so an index means one paper.
import { error } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import { MAP_GRID, NO_DAY, encodePoints, type MapArea, type MapPaper, type MapPointsPayload, type MapTheme } from '../charts/map-points.js';
import { query } from './db.js';
import { databaseIdentity } from './run-cache.js';
import { PUBLISHED_SQL } from './paper-format.js';
import { matchSql, resolveQuery } from './search-index.js';

const POINT_ORDER = 'theme_id, rank_in_theme, paper_id';

export async function listMapThemes(runId: number): Promise<MapTheme[]> {
  return query<MapTheme>(
    `SELECT theme_id AS "themeId", label, size, x, y, mixture, area_id AS "areaId" FROM themes WHERE run_id = $run ORDER BY theme_id`,
    { run: runId }
  );
}

/** The run's areas with their map position (none in runs made before areas). */
export async function listMapAreas(runId: number): Promise<MapArea[]> {
  return query<MapArea>(`SELECT area_id AS "areaId", label, size, x, y FROM areas WHERE run_id = $run ORDER BY area_id`, { run: runId });
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
}

/**
 * One row with three lists (cheaper than 75k row objects). Grid: q = round((v − min) / step) with
 * step = max(x range, y range) / MAP_GRID, so both axes share a step and the aspect is kept.
 */
export async function loadMapPoints(runId: number): Promise<MapPointsPayload> {
  const rows = await query<PointsRow>(
    `WITH pts AS (
       SELECT t.theme_id, t.rank_in_theme, t.paper_id, t.x, t.y, (p.published - DATE '1970-01-01')::INTEGER AS day
       FROM paper_themes t JOIN papers p ON p.paper_id = t.paper_id WHERE t.run_id = $run),
     frame AS (
       SELECT min(x) AS x0, min(y) AS y0,
              -- a single point (zero range) still gets a positive step
              greatest(max(x) - min(x), max(y) - min(y), 1e-9) / ${MAP_GRID} AS step
       FROM pts)
     SELECT frame.x0, frame.y0, frame.step, count(*)::INTEGER AS n,
       list(round((pts.x - frame.x0) / frame.step)::INTEGER ORDER BY ${POINT_ORDER}) AS x,
       list(round((pts.y - frame.y0) / frame.step)::INTEGER ORDER BY ${POINT_ORDER}) AS y,
       list(pts.theme_id ORDER BY ${POINT_ORDER}) AS theme,
       list(pts.day ORDER BY ${POINT_ORDER}) AS day
     FROM pts, frame
     GROUP BY frame.x0, frame.y0, frame.step`,
    { run: runId }
  );
  const r = rows[0];
  const empty = new Uint16Array(0);
  if (!r) return { run: runId, count: 0, origin: [0, 0], step: 1, x: empty, y: empty, theme: empty, day: empty };
  // A day outside 0..65534 (before 1970 or after 2149) cannot be stored: it counts as undated.
  const day = Uint16Array.from(r.day, (d) => (d === null || d < 0 || d >= NO_DAY ? NO_DAY : d));
  return { run: runId, count: r.n, origin: [r.x0, r.y0], step: r.step, x: Uint16Array.from(r.x), y: Uint16Array.from(r.y),
    theme: Uint16Array.from(r.theme), day };
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
      return { etag: `"${key.replaceAll('"', '')}"`, body, gzip: gzipSync(body, { level: 6 }) };
    });
    value.catch(() => {
      if (cached?.key === key) cached = null;
    });
    cached = { key, value };
  }
  return cached.value;
}

/** Row number of each paper in point order (0-based), for index ↔ paper lookups. */
const NUMBERED = `SELECT paper_id, theme_id, (row_number() OVER (ORDER BY ${POINT_ORDER}) - 1)::INTEGER AS i
  FROM paper_themes WHERE run_id = $run`;

/** The paper at point `index`; 404 when the run has no such point. */
export async function findMapPaper(runId: number, index: number): Promise<MapPaper> {
  const rows = await query<MapPaper>(
    `SELECT n.i AS "index", p.paper_id AS "paperId", p.title, n.theme_id AS "themeId", ${PUBLISHED_SQL} AS published
     FROM (${NUMBERED}) n JOIN papers p ON p.paper_id = n.paper_id
     WHERE n.i = $index`,
    { run: runId, index }
  );
  if (rows.length === 0) error(404, `No point ${index} in run ${runId}`);
  return rows[0];
}

/**
 * Point indices of the papers that match every word of `q` in the title or abstract (the search
 * index, search-index.ts, as /papers searches), quoted phrases checked against the text.
 */
export async function searchMapPapers(runId: number, q: string): Promise<number[]> {
  const resolved = await resolveQuery(runId, q);
  const match = matchSql(runId, resolved);
  const phrases = resolved.phrasePatterns.map((_, i) => ` AND CASE WHEN m.score > 0 THEN regexp_matches(p.title || ' ' || p.abstract, $phrase${i}) ELSE false END`).join('');
  const rows = await query<{ i: number }>(
    `SELECT n.i FROM (${NUMBERED}) n JOIN (${match.sql}) m ON m.paper_id = n.paper_id
     ${phrases ? `JOIN papers p ON p.paper_id = n.paper_id WHERE true${phrases}` : ''}
     ORDER BY n.i`,
    { run: runId, ...match.params, ...Object.fromEntries(resolved.phrasePatterns.map((pattern, i) => [`phrase${i}`, pattern])) }
  );
  return rows.map((r) => r.i);
}
