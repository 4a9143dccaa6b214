// Owns the topic map's queries: theme centres and sizes, every paper's point as compact columns
// (quantised on one grid, see charts/map-points.ts), the paper behind a point index, search (the index, as /papers).
// Point order everywhere is (theme_id, rank_in_theme, paper_id), so an index means one paper.
import { error } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import { MAP_GRID, type MapPaper, type MapPointsPayload, type MapTheme } from '../charts/map-points.js';
import { databasePath, fileKey, query } from './db.js';
import { matchSql, resolveQuery } from './search-index.js';

const POINT_ORDER = 'theme_id, rank_in_theme, paper_id';

export async function listMapThemes(runId: number): Promise<MapTheme[]> {
  return query<MapTheme>(
    `SELECT theme_id AS "themeId", label, size, x, y FROM themes WHERE run_id = $run ORDER BY theme_id`,
    { run: runId }
  );
}

interface PointsRow {
  x0: number;
  y0: number;
  step: number;
  n: number;
  x: number[];
  y: number[];
  theme: number[];
}

/**
 * One row with three lists (cheaper than 75k row objects). Grid: q = round((v − min) / step) with
 * step = max(x range, y range) / MAP_GRID, so both axes share a step and the aspect is kept.
 */
export async function loadMapPoints(runId: number): Promise<MapPointsPayload> {
  const rows = await query<PointsRow>(
    `WITH pts AS (SELECT theme_id, rank_in_theme, paper_id, x, y FROM paper_themes WHERE run_id = $run),
     frame AS (
       SELECT min(x) AS x0, min(y) AS y0,
              -- a single point (zero range) still gets a positive step
              greatest(max(x) - min(x), max(y) - min(y), 1e-9) / ${MAP_GRID} AS step
       FROM pts)
     SELECT frame.x0, frame.y0, frame.step, count(*)::INTEGER AS n,
       list(round((pts.x - frame.x0) / frame.step)::INTEGER ORDER BY ${POINT_ORDER}) AS x,
       list(round((pts.y - frame.y0) / frame.step)::INTEGER ORDER BY ${POINT_ORDER}) AS y,
       list(pts.theme_id ORDER BY ${POINT_ORDER}) AS theme
     FROM pts, frame
     GROUP BY frame.x0, frame.y0, frame.step`,
    { run: runId }
  );
  const r = rows[0];
  if (!r) return { run: runId, count: 0, origin: [0, 0], step: 1, x: [], y: [], theme: [] };
  return { run: runId, count: r.n, origin: [r.x0, r.y0], step: r.step, x: r.x, y: r.y, theme: r.theme };
}

export interface EncodedPoints {
  etag: string;
  json: string;
  gzip: Buffer;
}

let cached: { key: string; value: Promise<EncodedPoints> } | null = null;

/**
 * The points of a run as JSON and gzip, computed once per database file and run (the SQL takes
 * 0.2–0.6 s for 75k points; a run's rows never change within one file). The key is the file's
 * identity, which a rename-into-place changes, so a replaced database is never served stale.
 */
export function encodedMapPoints(runId: number): Promise<EncodedPoints> {
  const key = `${fileKey(databasePath())}-run${runId}`;
  if (cached?.key !== key) {
    const value = loadMapPoints(runId).then((payload) => {
      const json = JSON.stringify(payload);
      return { etag: `"${key}"`, json, gzip: gzipSync(json, { level: 6 }) };
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
    `SELECT n.i AS "index", p.paper_id AS "paperId", p.title, n.theme_id AS "themeId", p.published::VARCHAR AS published
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
