// Exports over HTTP from the built server: every name answers with the right type and a filename
// naming the run; rows and headers equal the database's; unknown names are 404, bad parameters 400.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { hostileRun, HOSTILE_TITLES } from '../fixtures/hostile-run.js';
import { parseCsv } from '../fixtures/csv.js';
import { readDb, writeDb } from './dbs.js';
import { startServer, type Server } from './harness.js';

let db: string;
let server: Server;

beforeAll(async () => {
  // Run 1 hand-made, run 2 hostile: exports default to run 2, ?run=1 picks the first.
  db = await writeDb([handMadeRun(), hostileRun()]);
  server = await startServer(db);
});
afterAll(async () => {
  await server?.stop();
});

const get = (path: string) => fetch(server.url + path);

describe('exports', () => {
  it.each([
    ['themes.csv', 'text/csv; charset=utf-8', 'themescope-run2-themes.csv'],
    ['themes.json', 'application/json; charset=utf-8', 'themescope-run2-themes.json'],
    ['trends.parquet', 'application/vnd.apache.parquet', 'themescope-run2-trends-month-share.parquet'],
    ['papers.csv', 'text/csv; charset=utf-8', 'themescope-run2-papers.csv'],
    ['theme-papers.json?theme=1', 'application/json; charset=utf-8', 'themescope-run2-theme1-papers.json']
  ])('serves %s as %s named %s', async (path, type, filename) => {
    const response = await get(`/export/${path}`);
    expect([response.status, response.headers.get('content-type'), response.headers.get('content-disposition')]).toStrictEqual([
      200,
      type,
      `attachment; filename="${filename}"`
    ]);
  });

  it('writes the papers of a filter in the page order (best match first), the ones the database holds', async () => {
    const csv = parseCsv(await (await get('/export/papers.csv?run=1&q=context&from=2025-02-01')).text());
    const rows = await readDb<{ paper_id: string }>(
      db,
      `SELECT p.paper_id FROM paper_themes pt JOIN papers p USING (paper_id)
       WHERE pt.run_id = 1 AND contains(lower(p.title || ' ' || p.abstract), 'context') AND p.published >= DATE '2025-02-01'
       ORDER BY p.paper_id`
    );
    const html = await (await get('/papers?run=1&q=context&from=2025-02-01')).text();
    const pageOrder = Array.from(html.matchAll(/<h2 class="title[^"]*"><a href="\/papers\/([^"?]+)\?run=1"/g), (m) => m[1]);
    expect(csv[0]).toStrictEqual([
      'paper_id', 'title', 'published', 'date_precision', 'theme_id', 'theme_label', 'similarity', 'url', 'authors', 'categories', 'area_id', 'area_label',
      'weak', 'second_theme_id', 'second_similarity', 'third_theme_id', 'third_similarity', 'theme_original_label', 'doi', 'added_batch', 'novel',
      'venue', 'abstract'
    ]);
    // The abstract, last, as the database holds it.
    const abstracts = new Map((await readDb<{ paper_id: string; abstract: string }>(db, 'SELECT paper_id, abstract FROM papers')).map((p) => [p.paper_id, p.abstract]));
    expect(csv.slice(1).every((r) => r[r.length - 1] === abstracts.get(r[0]))).toBe(true);
    expect(csv.slice(1).map((r) => r[0])).toStrictEqual(pageOrder);
    expect(csv.slice(1).map((r) => r[0]).sort()).toStrictEqual(rows.map((r) => r.paper_id));
    expect(rows.length).toBe(7);
  });

  it('writes the areas with their themes, and every paper’s area as the database holds it', async () => {
    const areas: { area_id: number; themes: string; size: number }[] = await (await get('/export/areas.json')).json();
    const expected = await readDb<{ area_id: number; size: number }>(db, 'SELECT area_id, size FROM areas WHERE run_id = 2 ORDER BY area_id');
    expect(areas.map((a) => [a.area_id, a.size])).toStrictEqual(expected.map((a) => [a.area_id, a.size]));
    const papers: { paper_id: string; area_id: number; theme_id: number }[] = await (await get('/export/papers.json')).json();
    const themes = await readDb<{ theme_id: number; area_id: number }>(db, 'SELECT theme_id, area_id FROM themes WHERE run_id = 2');
    const areaOf = new Map(themes.map((t) => [t.theme_id, t.area_id]));
    expect(papers.every((p) => p.area_id === areaOf.get(p.theme_id))).toBe(true);
  });

  it('writes the trends in long form, one row per theme and period', async () => {
    const json: Record<string, unknown>[] = await (await get('/export/trends.json?granularity=month&measure=papers')).json();
    const count = await readDb<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM theme_periods WHERE run_id = 2 AND granularity = 'month'`);
    expect(json.length).toBe(count[0].n);
    expect(Object.keys(json[0])).toStrictEqual(['period', 'granularity', 'theme_id', 'label', 'papers', 'share', 'partial', 'area_id', 'original_label']);
  });

  it('neutralises formula cells in CSV and keeps HTML as plain text', async () => {
    const csv = parseCsv(await (await get('/export/papers.csv?to=2025-01-31')).text());
    expect(csv.slice(1).map((r) => r[1])).toStrictEqual([HOSTILE_TITLES[0], `'${HOSTILE_TITLES[1]}`, `'${HOSTILE_TITLES[2]}`, `'${HOSTILE_TITLES[3]}`]);
  });

  it('streams Parquet holding the same rows as the JSON', async () => {
    const bytes = new Uint8Array(await (await get('/export/theme-papers.parquet?theme=2')).arrayBuffer());
    const json: { paper_id: string }[] = await (await get('/export/theme-papers.json?theme=2')).json();
    const dir = mkdtempSync(join(tmpdir(), 'themescope-e2e-parquet-'));
    try {
      writeFileSync(join(dir, 'x.parquet'), bytes);
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const rows = (await connection.runAndReadAll(`SELECT paper_id FROM '${join(dir, 'x.parquet')}'`)).getRowObjectsJson();
      expect(rows.map((r) => r.paper_id)).toStrictEqual(json.map((r) => r.paper_id));
      expect(rows.length).toBe(8);
      connection.closeSync();
      instance.closeSync();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['themes.xlsx', 'nothing', '..%2F..%2Fpackage.json', '%2Fetc%2Fpasswd', 'themes.csv%00.json', 'THEMES.CSV'])(
    'answers 404 for the export name %s',
    async (name) => {
      expect((await get(`/export/${name}`)).status).toBe(404);
    }
  );

  it.each([
    ['themes.csv?run=99', 404, 'No run 99 in this database — the runs page lists the ones there are'],
    ['themes.csv?run=1;DROP TABLE runs', 400, 'run must be a positive integer'],
    ['trends.csv?granularity=week', 400, 'granularity: expected one of month, quarter, year'],
    ['trends.csv?measure=count', 400, 'measure: expected one of papers, share'],
    ['papers.csv?from=2025-13-40', 400, 'from: 2025-13-40 is no calendar date (expected a real date YYYY-MM-DD)'],
    ['papers.csv?theme=abc', 400, 'theme: expected an integer from 0 to 1000000'],
    ['papers.csv?theme=7', 404, 'No theme 7 in run 2'],
    [`papers.csv?q=${'x'.repeat(201)}`, 400, 'q: expected at most 200 characters, got 201'],
    ['theme-papers.csv', 400, 'theme: expected a theme id (required)']
  ])('answers %s with %i and says why', async (path, status, message) => {
    const response = await get(`/export/${path}`);
    expect([response.status, (await response.json()).message]).toStrictEqual([status, message]);
  });

  it('keeps the database intact after a hostile run parameter', async () => {
    await get('/export/themes.csv?run=1%3BDROP%20TABLE%20runs');
    expect(await readDb(db, 'SELECT count(*)::INTEGER AS n FROM runs')).toStrictEqual([{ n: 2 }]);
  });
});
