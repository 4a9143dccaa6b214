import { readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { slug } from '../../../src/lib/server/export-queries.js';
import { buildExport, exportNames, parseExportName } from '../../../src/lib/server/exports.js';
import { resolveRun } from '../../../src/lib/server/run.js';
import { loadThemePapers } from '../../../src/lib/server/theme.js';
import { searchMapPapers } from '../../../src/lib/server/map.js';
import { hostileRun, HOSTILE_TITLES } from '../../fixtures/hostile-run.js';
import { httpErrorOf } from './http-error.js';
import { readDb } from '../../fixtures/read-db.js';
import { writeTempDb, type TempDb } from './temp-db.js';
import { exportGate } from '../../../src/lib/server/export-gate.js';

let db: TempDb;
beforeAll(async () => {
  const run = hostileRun();
  run.papers[21].doi = '10.5555/merge.21';
  run.papers[21].venue = 'Proceedings of =MERGE 2025';
  // Papers 18 (theme 0, May) and 21 (theme 0, June) were added after clustering (npm run assign), 21 novel.
  db = await writeTempDb([run], `INSERT INTO assigned_papers VALUES (1, '2501.10018', 1, false), (1, '2501.10021', 2, true)`);
});
afterAll(() => db.remove());

async function download(file: string, search = '') {
  const url = new URL(`http://x/export/${file}?${search}`);
  const response = await buildExport(parseExportName(file)!, await resolveRun(url), url.searchParams);
  return { response, disposition: response.headers.get('content-disposition'), type: response.headers.get('content-type') };
}

const csvLines = async (r: Response) => (await r.text()).split('\r\n');

describe('parseExportName', () => {
  it('knows every dataset in every format', () => {
    expect([parseExportName('themes.csv'), parseExportName('theme-papers.parquet')]).toStrictEqual([
      { dataset: 'themes', format: 'csv' },
      { dataset: 'theme-papers', format: 'parquet' }
    ]);
  });

  it.each(['themes.xlsx', '../themes.csv', 'themes.csv/..', 'THEMES.CSV', 'themes', '.csv', 'etc%2Fpasswd'])('knows no export named %s', (name) => {
    expect(parseExportName(name)).toBeNull();
  });

  it('lists every valid name, each of which it knows', () => {
    const names = exportNames();
    expect(names).toContain('themes.csv');
    expect(names).toContain('papers.parquet');
    expect(names.every((n) => parseExportName(n) !== null)).toBe(true);
  });
});

describe('slug', () => {
  it('keeps letters and digits of the search text joined by dashes', () => {
    expect([slug('Model  Merging!'), slug('Ünïcode café'), slug('***')]).toStrictEqual(['q-model-merging', 'q-unicode-cafe', 'q-text']);
    // An author or category filter is named as what it is, not as a search.
    expect([slug('Jürgen Müller', 'author'), slug('cs.CV', 'category')]).toStrictEqual(['author-jurgen-muller', 'category-cs-cv']);
    // an excluded word or phrase is named as such, a hyphen inside a word is not (inputs audit of 2026-12-05)
    expect([slug('graph -video'), slug('model -"code generation"'), slug('long-context')])
      .toStrictEqual(['q-graph-not-video', 'q-model-not-code-generation', 'q-long-context']);
  });
});

describe('themes export', () => {
  it('writes one row per theme with its fields as CSV', async () => {
    const { response, disposition, type } = await download('themes.csv');
    const lines = await csvLines(response);
    expect([disposition, type]).toStrictEqual(['attachment; filename="themescope-run1-themes.csv"', 'text/csv; charset=utf-8']);
    expect(lines[0]).toBe(
      '"theme_id","label","size","share","keywords","reads_as","direction","emerging_score","growth","z_score","window_months","window_granularity",' +
        '"covered_share","covered_direction","covered_z",' +
        '"share_before","share_after","papers_before","papers_after","cohesion","x","y","area_id","area_label","separation",' +
        '"coherence","mixture","reproducibility","original_label","hidden","note",' +
        '"window_periods","covered_share_before","covered_share_after","covered_papers_before","covered_papers_after"'
    );
    const third = 1 / 3;
    expect(lines[1]).toBe(
      `0,"model merging, task vectors",8,${third},"model merging; task vectors; merging; weight averaging","steady","steady",0.0,0.0,0.0,3,"month",,,,${third},${third},4,4,${1 - 10.5 / 48},-0.5,0.0,0,"language models",0.5,0.3,false,0.9,,false,,3,,,,`
    );
    expect(lines.length).toBe(5); // header, 3 themes, and the empty string after the final CRLF
  });
});

describe('areas export', () => {
  it('writes one row per area with its themes’ labels (theme 1 is the hostile run’s), largest theme first', async () => {
    const { response, disposition } = await download('areas.csv');
    const lines = await csvLines(response);
    expect(disposition).toBe('attachment; filename="themescope-run1-areas.csv"');
    expect(lines[0]).toBe(
      '"area_id","label","size","share","n_themes","themes","keywords","reads_as","direction","emerging_score","growth","z_score",' +
        '"covered_share","covered_direction","covered_z","share_before","share_after","x","y",' +
        '"covered_share_before","covered_share_after","covered_papers_before","covered_papers_after"'
    );
    expect(lines[1]).toBe(
      `0,"language models",16,${2 / 3},2,"model merging, task vectors; <i>long</i> context <script>alert(2)</script>","language models; tokens","steady","steady",0.0,0.0,0.0,,,,${2 / 3},${2 / 3},0.0,0.0,,,,`
    );
    expect(lines[2].startsWith('1,"3d vision",8,')).toBe(true);
    expect(lines.length).toBe(4);
  });
});

describe('trends export', () => {
  it('writes the long table of the granularity as JSON, both measures', async () => {
    const { response, disposition } = await download('trends.json', 'granularity=month&measure=papers');
    const rows = await response.json();
    expect(disposition).toBe('attachment; filename="themescope-run1-trends-month-papers.json"');
    expect(rows.length).toBe(18);
    // January holds papers 0..3: themes 0, 1, 2, 0.
    expect(rows.slice(0, 3)).toStrictEqual([
      { period: '2025-01-01', granularity: 'month', theme_id: 0, label: 'model merging, task vectors', papers: 2, share: 0.5, partial: false, area_id: 0, original_label: null },
      { period: '2025-01-01', granularity: 'month', theme_id: 1, label: rows[1].label, papers: 1, share: 0.25, partial: false, area_id: 0, original_label: null },
      { period: '2025-01-01', granularity: 'month', theme_id: 2, label: 'gaussian splatting', papers: 1, share: 0.25, partial: false, area_id: 1, original_label: null }
    ]);
  });

  it('names month and share when the parameters are absent', async () => {
    expect((await download('trends.csv')).disposition).toBe('attachment; filename="themescope-run1-trends-month-share.csv"');
  });

  it('refuses an unknown granularity', async () => {
    expect(await httpErrorOf(() => download('trends.csv', 'granularity=week'))).toStrictEqual({
      status: 400,
      message: 'granularity: expected one of month, quarter, year'
    });
  });
});

describe('exports taking turns (export-gate.ts)', () => {
  it('write each file in their turn: six at once all answer, and no turn is held by a download not yet read', async () => {
    const files = ['papers.json', 'papers.bib', 'papers.ris', 'papers.csv', 'papers.parquet', 'theme-papers.json'];
    const responses = await Promise.all(files.map((f) => download(f, f.startsWith('theme') ? 'theme=0' : '')));
    expect(responses.map((r) => r.response.status)).toStrictEqual(files.map(() => 200));
    expect(exportGate.load).toStrictEqual({ active: 0, waiting: 0 });
    const [{ n }] = await readDb<{ n: number }>(db.path, 'SELECT count(*)::INTEGER AS n FROM paper_themes WHERE run_id = 1');
    // one row a line, so that the pipeline's reader takes the file back a row at a time (inputs audit of 2026-12-05)
    const json = await responses[0].response.text();
    expect([JSON.parse(json).length, json.split('\n').length]).toStrictEqual([n, n + 3]);
  });
});

describe('papers export', () => {
  it('writes every matching paper with theme, authors and categories', async () => {
    const { response, disposition } = await download('papers.csv', 'theme=0&from=2025-06-01');
    const lines = await csvLines(response);
    const [{ abstract }] = await readDb<{ abstract: string }>(db.path, "SELECT abstract FROM papers WHERE paper_id = '2501.10021'");
    expect(disposition).toBe('attachment; filename="themescope-run1-papers-theme0-from-2025-06-01.csv"');
    expect(lines).toStrictEqual([
      '"paper_id","title","published","date_precision","theme_id","theme_label","similarity","url","authors","categories","area_id","area_label",' +
        '"weak","second_theme_id","second_similarity","third_theme_id","third_similarity","theme_original_label","doi","added_batch","novel","venue","abstract"',
      // Paper 21 (theme 0) is a weak member; its second theme is 1 (similarity / 2), its third 2 (/ 4); added in batch 2, novel.
      `"2501.10021","model merging, task vectors paper 21","2025-06-10","day",0,"model merging, task vectors",${Math.fround(1 - 21 / 48)},"https://arxiv.org/abs/2501.10021","Author 21; Shared Author","cs.CV",0,"language models",` +
        `true,1,${Math.fround(Math.fround(1 - 21 / 48) / 2)},2,${Math.fround(Math.fround(1 - 21 / 48) / 4)},,"10.5555/merge.21",2,true,"Proceedings of =MERGE 2025","${abstract}"`,
      ''
    ]);
  });

  it('neutralises formula titles in CSV but keeps them verbatim in JSON', async () => {
    const csv = await csvLines((await download('papers.csv', 'to=2025-01-31')).response);
    const json: { title: string }[] = await (await download('papers.json', 'to=2025-01-31')).response.json();
    expect(csv.slice(1, 5).map((line) => line.split(',')[1])).toStrictEqual([
      '"<script>alert(1)</script><img src=x onerror=alert(1)>"',
      `"'=HYPERLINK(""http://evil.example""`,
      `"'+1+1"`,
      `"'-2+3"`
    ]);
    expect(json.map((p) => p.title)).toStrictEqual(HOSTILE_TITLES.slice(0, 4));
  });

  it('names the added and novel filters in the filename', async () => {
    expect([(await download('papers.csv', 'added=novel')).disposition, (await download('papers.json', 'added=yes')).disposition]).toStrictEqual([
      'attachment; filename="themescope-run1-papers-novel.csv"', 'attachment; filename="themescope-run1-papers-added.json"'
    ]);
  });

  it('names a trend window’s link (from, to, granularity) in the filename, as a list without the granularity holds other papers', async () => {
    expect((await download('papers.csv', 'added=novel&from=2025-01-01&to=2025-03-31&granularity=month')).disposition).toBe(
      'attachment; filename="themescope-run1-papers-from-2025-01-01-to-2025-03-31-month-dated-novel.csv"');
  });

  it('names the search text in the filename', async () => {
    expect((await download('papers.json', 'q=Long%20Context')).disposition).toBe(
      'attachment; filename="themescope-run1-papers-q-long-context.json"'
    );
  });
});

describe('the paper lists’ last columns', () => {
  type Tail = { paper_id: string; doi: string | null; added_batch: number | null; novel: boolean | null };
  const tail = (rows: Tail[], ids: string[]) => rows.filter((r) => ids.includes(r.paper_id)).map(({ paper_id, doi, added_batch, novel }) => [paper_id, doi, added_batch, novel]);
  const expected = [['2501.10015', null, null, null], ['2501.10018', null, 1, false], ['2501.10021', '10.5555/merge.21', 2, true]];
  const ids = expected.map((r) => r[0] as string);

  it('are doi, added_batch (none for the run’s own papers), novel, venue and the abstract, after every column there was, in every paper list', async () => {
    for (const [file, search, before] of [['papers', 'theme=0', 'theme_original_label'], ['theme-papers', 'theme=0', 'theme_original_label'],
      ['map-region', 'x0=-10&x1=10&y0=-10&y1=10', 'y']]) {
      const header = (await csvLines((await download(`${file}.csv`, search)).response))[0];
      expect(header.endsWith(`"${before}","doi","added_batch","novel","venue","abstract"`)).toBe(true);
      const rows: Tail[] = await (await download(`${file}.json`, search)).response.json();
      expect(tail(rows, ids).sort()).toStrictEqual(expected);
    }
  });

  it('are in the Parquet file too', async () => {
    const { response } = await download('papers.parquet', 'theme=0');
    const dir = mkdtempSync(join(tmpdir(), 'themescope-test-tail-'));
    try {
      const file = join(dir, 'p.parquet');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const rows = (await connection.runAndReadAll(`SELECT paper_id, doi, added_batch, novel FROM '${file}' ORDER BY paper_id`)).getRowObjectsJson() as Tail[];
      connection.closeSync();
      instance.closeSync();
      expect(tail(rows, ids)).toStrictEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('theme-papers export', () => {
  it('lists the theme papers most typical first', async () => {
    const rows: { rank_in_theme: number; paper_id: string }[] = await (await download('theme-papers.json', 'theme=2')).response.json();
    expect(rows.map((r) => [r.rank_in_theme, r.paper_id])).toStrictEqual(
      [2, 5, 8, 11, 14, 17, 20, 23].map((i, r) => [r + 1, i === 5 ? 'not-arxiv-5' : `2501.${10000 + i}`])
    );
  });

  it('honours the theme page’s search: its matches only, in the list’s order, as the list and /papers find them', async () => {
    type Row = { rank_in_theme: number; paper_id: string };
    const ids = (rows: { paper_id: string }[]) => rows.map((r) => r.paper_id);
    // Paper 2's title is '+1+1' (hostile run), so the phrase is not in its text: the other 7 of theme 2 match.
    const q = '"gaussian splatting paper"';
    const { response, disposition } = await download('theme-papers.json', `theme=2&q=${encodeURIComponent(q)}`);
    const rows: Row[] = await response.json();
    expect(rows.map((r) => [r.rank_in_theme, r.paper_id])).toStrictEqual(
      [5, 8, 11, 14, 17, 20, 23].map((i, r) => [r + 2, i === 5 ? 'not-arxiv-5' : `2501.${10000 + i}`]));
    expect(disposition).toBe('attachment; filename="themescope-run1-theme2-papers-q-gaussian-splatting-paper.json"');
    const list = await loadThemePapers(1, 2, q, 1, 50);
    expect([list.total, ids(rows)]).toStrictEqual([rows.length, list.items.map((p) => p.paperId)]);
    const viaPapers: { paper_id: string }[] = await (await download('papers.json', `theme=2&q=${encodeURIComponent(q)}`)).response.json();
    expect(ids(rows).sort()).toStrictEqual(ids(viaPapers).sort());
    // BibTeX and RIS take the same rows.
    expect(((await (await download('theme-papers.ris', `theme=2&q=${encodeURIComponent(q)}`)).response.text()).match(/^TY {2}- /gm) ?? []).length).toBe(7);
    expect(await httpErrorOf(() => download('theme-papers.csv', `theme=2&q=${'x'.repeat(201)}`))).toMatchObject({ status: 400 });
  });

  it('requires a theme that exists in the run', async () => {
    expect([await httpErrorOf(() => download('theme-papers.csv')), await httpErrorOf(() => download('theme-papers.csv', 'theme=9'))]).toStrictEqual([
      { status: 400, message: 'theme: expected a theme id (required)' },
      { status: 404, message: 'No theme 9 in run 1' }
    ]);
  });
});

describe('map-region export', () => {
  it('lists exactly the papers whose map x/y lie in the rectangle, within the dates, in map order', async () => {
    const all = await readDb<{ paper_id: string; x: number; y: number; published: string | null }>(db.path,
      `SELECT pt.paper_id, pt.x, pt.y, p.published::VARCHAR AS published FROM paper_themes pt JOIN papers p USING (paper_id)
       WHERE run_id = 1 ORDER BY theme_id, rank_in_theme, paper_id`);
    const xs = all.map((r) => r.x).sort((a, b) => a - b);
    const mid = xs[Math.floor(xs.length / 2)];
    const rows: { paper_id: string; x: number }[] = await (await download('map-region.json', `x0=-10&x1=${mid}&y0=-10&y1=10&to=2025-03-31`)).response.json();
    expect(rows.map((r) => r.paper_id)).toStrictEqual(
      all.filter((r) => r.x <= mid && r.published !== null && r.published <= '2025-03-31').map((r) => r.paper_id));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('with q, lists only the papers the search of the map marks (the same rule), within the rectangle and the dates', async () => {
    const all = await readDb<{ paper_id: string; x: number; published: string | null }>(db.path,
      `SELECT pt.paper_id, pt.x, p.published::VARCHAR AS published FROM paper_themes pt JOIN papers p USING (paper_id)
       WHERE run_id = 1 ORDER BY theme_id, rank_in_theme, paper_id`);
    const xs = all.map((r) => r.x).sort((a, b) => a - b);
    const mid = xs[Math.floor(xs.length / 2)];
    for (const q of ['splatting', 'merging', '"gaussian splatting"', 'nothingmatchesthis']) {
      // The map's own search (/map/points/search): point indices in the same order as `all`.
      const marked = new Set((await searchMapPapers(1, q)).map((i) => all[i].paper_id));
      const expected = all.filter((r) => marked.has(r.paper_id) && r.x <= mid && r.published !== null && r.published <= '2025-04-30');
      const { response, disposition } = await download('map-region.json', new URLSearchParams({ x0: '-10', x1: String(mid), y0: '-10', y1: '10', to: '2025-04-30', q }).toString());
      const rows: { paper_id: string }[] = await response.json();
      expect(rows.map((r) => r.paper_id)).toStrictEqual(expected.map((r) => r.paper_id));
      expect(disposition).toContain(slug(q));
      if (q !== 'nothingmatchesthis') expect(rows.length).toBeGreaterThan(0);
    }
    // The whole map: every paper the search marks; the rectangle is in the name, so two selections are two files.
    const whole = await download('map-region.json', 'x0=-10&x1=10&y0=-10&y1=10&q=splatting');
    expect(whole.disposition).toBe('attachment; filename="themescope-run1-map-region-xm10.00-10.00-ym10.00-10.00-q-splatting.json"');
    expect((await download('map-region.json', 'x0=-0.5&x1=0.25&y0=0&y1=1')).disposition).toContain('map-region-xm0.50-0.25-y0.00-1.00');
    const rows: { paper_id: string }[] = await whole.response.json();
    expect(rows.length).toBe((await searchMapPapers(1, 'splatting')).length);
  });

  it('validates q as /papers does: bound as a parameter, too long a 400', async () => {
    const hostile = `splatting'); DROP TABLE papers; --`;
    const { response } = await download('map-region.csv', new URLSearchParams({ x0: '-10', x1: '10', y0: '-10', y1: '10', q: hostile }).toString());
    expect(response.status).toBe(200);
    expect((await readDb<{ n: number }>(db.path, 'SELECT count(*)::INTEGER AS n FROM papers'))[0].n).toBe(24);
    expect(await httpErrorOf(() => download('map-region.csv', `x0=0&x1=1&y0=0&y1=1&q=${'x'.repeat(201)}`))).toMatchObject({ status: 400 });
  });

  it('requires a complete, ordered rectangle of numbers', async () => {
    expect([
      await httpErrorOf(() => download('map-region.csv', 'x0=0&x1=1&y0=0')),
      await httpErrorOf(() => download('map-region.csv', 'x0=1&x1=0&y0=0&y1=1')),
      await httpErrorOf(() => download('map-region.csv', 'x0=1;drop&x1=2&y0=0&y1=1')),
      await httpErrorOf(() => download('map-region.csv', 'x0=-1e9&x1=2&y0=0&y1=1'))
    ]).toStrictEqual([
      { status: 400, message: 'y1: expected a map coordinate (a number), required' },
      { status: 400, message: 'x1: expected a coordinate at or above x0' },
      { status: 400, message: 'x0: expected a map coordinate (a number), got "1;drop"' },
      { status: 400, message: 'x0: expected a map coordinate between -1000000 and 1000000 (the map\'s lie in -1..1), got -1e9' }
    ]);
  });
});

describe('CSV from DuckDB', () => {
  it('streams the header and rows and leaves no temp file', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('themescope-export-'));
    const lines = await csvLines((await download('papers.csv', 'theme=2&to=2025-01-31')).response);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('themescope-export-'))).toStrictEqual(before);
    // Theme 2 in January: paper 2 only (papers 0..3 are January's).
    expect(lines.map((l) => l.split(',')[0])).toStrictEqual(['"paper_id"', '"2501.10002"', '']);
  });
});

describe('parquet export', () => {
  it('streams a Parquet file with the same rows as the CSV and leaves no temp file', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('themescope-export-'));
    const { response, type, disposition } = await download('papers.parquet', 'theme=1');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([type, disposition]).toStrictEqual(['application/vnd.apache.parquet', 'attachment; filename="themescope-run1-papers-theme1.parquet"']);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('themescope-export-'))).toStrictEqual(before);

    const dir = mkdtempSync(join(tmpdir(), 'themescope-parquet-check-'));
    try {
      writeFileSync(join(dir, 'x.parquet'), bytes);
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(`SELECT paper_id, theme_id, published::VARCHAR AS published FROM '${join(dir, 'x.parquet')}'`);
      expect(reader.columnNames()).toStrictEqual(['paper_id', 'theme_id', 'published']);
      expect(reader.getRowObjectsJson().map((r) => r.paper_id)).toStrictEqual([22, 16, 19, 13, 10, 4, 7, 1].map((i) => `2501.${10000 + i}`));
      connection.closeSync();
      instance.closeSync();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bursts export', () => {
  it('lists every burst of the run strongest first, a theme burst with an empty term', async () => {
    const { response, disposition } = await download('bursts.csv');
    expect(disposition).toBe('attachment; filename="themescope-run1-bursts.csv"');
    expect(await csvLines(response)).toStrictEqual([
      '"theme_id","theme_label","term","granularity","start_period","end_period","weight","papers","theme_original_label"',
      // The test run's theme 1 has a hostile label: exported as text, never as markup.
      '1,"<i>long</i> context <script>alert(2)</script>",,"month","2025-04-01","2025-06-01",2.5,5,',
      '1,"<i>long</i> context <script>alert(2)</script>","long context","month","2025-05-01","2025-06-01",1.25,3,',
      ''
    ]);
  });
});
