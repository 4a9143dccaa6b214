// Curation in Chromium: a lead renames, notes, merges, hides, splits and undoes through the pages of
// a server started with THEMESCOPE_EDIT=1 and a token; pages and exports show the curated themes with
// their original labels; hostile edits change nothing; a kill mid-edit leaves the whole edit or none;
// a pipeline run during edits loses neither; the next run finds the edits on its continuing themes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { readDb } from './dbs.js';
import { gotoHydrated, launchBrowser, newPage, ROOT, screenshot, SCREENSHOTS, startServer, type Server } from './harness.js';

const TOKEN = 'team-secret';
const dir = mkdtempSync(join(tmpdir(), 'themescope-curation-'));
const db = join(dir, 'themes.duckdb');
const journal = `${db}.edits.jsonl`;
const input = join(dir, 'papers.jsonl');
const grown = join(dir, 'papers-grown.jsonl');
let server: Server;
let browser: Browser;

function pipeline(file = input): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', '--input', file, '--db', db, '--k', '6', '--seed', '3', '--workers', '1', '--quiet'],
    { cwd: ROOT, stdio: 'ignore' });
}
const finished = (child: ReturnType<typeof spawn>) => new Promise<number>((res) => child.on('exit', (code) => res(code ?? -1)));
const journalText = () => (existsSync(journal) ? readFileSync(journal, 'utf8') : '');
const edits = () => journalText().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

beforeAll(async () => {
  // 1,200 papers of the shipped sample: small enough for a pipeline run in seconds.
  const lines = gunzipSync(readFileSync(join(ROOT, 'data/sample-arxiv.jsonl.gz'))).toString('utf8').split('\n').slice(0, 1400);
  writeFileSync(input, lines.slice(0, 1200).join('\n') + '\n');
  // next week's input: the same papers and 200 more (themes shift, the matching has work to do)
  writeFileSync(grown, lines.join('\n') + '\n');
  expect(await finished(pipeline())).toBe(0);
  server = await startServer(db, { THEMESCOPE_EDIT: '1', THEMESCOPE_EDIT_TOKEN: TOKEN });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await newPage(browser);
  const response = await gotoHydrated(page, server.url + path);
  expect(response?.status()).toBe(200);
  return page;
}

async function fillEditor(page: Page, form = page.locator('section.curation form').first()) {
  if (await page.locator('details#curation:not([open]) summary').count()) await page.locator('details#curation summary').click();
  await form.locator('input[name="by"]').fill('Ada');
  await form.locator('input[name="token"]').fill(TOKEN);
}

/**
 * Clicks an edit's button and waits for the page to confirm it: the forms post in place, so the page
 * does not navigate; the status region's text changes to the edit just saved. Returns that text.
 */
async function submitEdit(page: Page, button: Locator): Promise<string> {
  const done = page.getByTestId('edit-done');
  const before = (await done.textContent())?.trim() ?? '';
  await button.click();
  await expect.poll(async () => (await done.textContent())?.trim() ?? '', { timeout: 30_000 }).not.toBe(before);
  return (await done.textContent())!.trim();
}

/** What the keyboard focus is on: the test id or tag of the focused element. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

const themes = (run = 1) => readDb<{ theme_id: number; label: string; size: number; keywords: string }>(db,
  `SELECT theme_id, label, size, array_to_string(keywords, '; ') AS keywords FROM themes WHERE run_id = ${run} ORDER BY size DESC, theme_id`);

async function csv(path: string): Promise<string[][]> {
  const text = await (await fetch(server.url + path)).text();
  return text.trim().split('\r\n').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,|^)(?=,|$)/g)].map((m) => (m[1] ?? m[2] ?? '').replaceAll('""', '"')));
}

describe('curation through the dashboard', () => {
  it('renames a theme on its page; pages and the CSV show the new name and the original label', async () => {
    const [first] = await themes();
    const page = await open(`/themes/${first.theme_id}?run=1`);
    await fillEditor(page);
    await page.locator('section.curation input[name="name"]').fill('LLM inference efficiency');
    const said = await submitEdit(page, page.locator('button', { hasText: 'Rename' }));
    expect(said).toMatch(/^Saved as edit \d+: /);
    expect(said).toContain(`Renamed “${first.label}” (${first.theme_id}) to “LLM inference efficiency”.`);
    expect(await page.getByRole('status').filter({ hasText: 'Saved as edit' }).count()).toBe(1);
    expect(await focused(page)).toBe('edit-done'); // the confirmation takes focus, so it is read and seen
    expect(await page.locator('h1').textContent()).toContain('LLM inference efficiency');
    expect(await page.locator('.curation .original').textContent()).toContain(first.label);
    await screenshot(page, 'curation-theme-renamed');
    const overview = await open('/?run=1&themes=' + first.theme_id);
    expect(await overview.locator('g.legend').textContent()).toContain('LLM inference efficiency');
    expect(await overview.locator('g.legend title').allTextContents()).toContain(`LLM inference efficiency (originally: ${first.label})`);
    const map = await open('/map?run=1');
    const entry = map.locator('aside.legend li', { hasText: 'LLM inference efficiency' });
    expect(await entry.locator('.original').textContent()).toBe(first.label);
    await screenshot(map, 'curation-map-legend');
    const rows = await csv('/export/themes.csv?run=1');
    const h = rows[0];
    const row = rows.find((r) => r[h.indexOf('theme_id')] === String(first.theme_id))!;
    expect([row[h.indexOf('label')], row[h.indexOf('original_label')]]).toStrictEqual(['LLM inference efficiency', first.label]);
  });

  it('brings a refused rename back to its theme page with the reason and the name typed; the next load is as before', async () => {
    const [first, second] = await themes();
    const before = journalText();
    // The name the first theme shows now (curated or not) is taken.
    const taken = (await (await open(`/themes/${first.theme_id}?run=1`)).locator('h1').textContent())!.trim();
    const page = await open(`/themes/${second.theme_id}?run=1`);
    await fillEditor(page);
    await page.locator('section.curation input[name="name"]').fill(taken);
    await Promise.all([page.waitForURL(new RegExp(`/themes/${second.theme_id}`)), page.locator('button', { hasText: 'Rename' }).click()]);
    const alert = page.getByTestId('edit-refused');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Not applied: the name “${taken}” is taken`);
    expect(await page.locator('section.curation input[name="name"]').inputValue()).toBe(taken);
    expect(journalText()).toBe(before);
    // Read once: the page loaded again shows no alert (and no cached copy carried it).
    const again = await open(`/themes/${second.theme_id}?run=1`);
    expect(await again.getByTestId('edit-refused').count()).toBe(0);
    await screenshot(page, 'curation-refused-on-theme-page');
  });

  it('refuses hostile edits with a 4xx and leaves the journal as it was', async () => {
    const before = journalText();
    const [t] = await themes();
    const post = (action: string, fields: Record<string, string>, origin = server.url) =>
      fetch(`${server.url}/curate?/${action}`, { method: 'POST', redirect: 'manual', headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ run: '1', by: 'Mallory', token: TOKEN, theme: String(t.theme_id), ...fields }) });
    const statuses = [
      (await post('rename', { name: '<script>alert(1)</script>' })).status,
      (await post('rename', { name: 'x'.repeat(1024 * 1024) })).status,
      (await post('rename', { name: 'Elsewhere' }, 'http://evil.example')).status,
      (await post('rename', { name: 'No token', token: '' })).status,
      (await post('rename', { name: 'Unknown', theme: '999' })).status,
      (await post('rename', { name: '' })).status
    ];
    for (const s of statuses) expect(s >= 400 && s < 500, `status ${s}`).toBe(true);
    expect(statuses.slice(2, 5)).toStrictEqual([403, 401, 404]);
    expect(journalText()).toBe(before);
  });

  it('takes an edit from the same port under another local name: localhost for a server whose ORIGIN names 127.0.0.1', async () => {
    // The weekly-use review of 2026-12-04: opened at http://localhost:PORT, every edit was a silent 403.
    const before = edits().length;
    const [t] = await themes();
    const res = await fetch(`${server.url}/curate?/note`, { method: 'POST', redirect: 'manual',
      headers: { origin: server.url.replace('127.0.0.1', 'localhost'), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ run: '1', by: 'Local', token: TOKEN, theme: String(t.theme_id), text: 'from localhost' }) });
    expect(res.status).toBe(303);
    expect(edits().length).toBe(before + 1);
    // Another site's form is still refused, saying where edits are accepted from.
    const evil = await fetch(`${server.url}/curate?/note`, { method: 'POST', redirect: 'manual',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ run: '1', by: 'Mallory', token: TOKEN, theme: String(t.theme_id), text: 'x' }) });
    expect([evil.status, await evil.text()]).toStrictEqual([403, expect.stringContaining(`Edits are accepted only from ${server.url}`)]);
    expect(edits().length).toBe(before + 1);
  });

  it('changes nothing on a server started without THEMESCOPE_EDIT=1, and shows no edit forms', async () => {
    const before = journalText();
    const readOnly = await startServer(db, { THEMESCOPE_EDIT: '0' }); // not '1': off (ORIGIN set, so the gate itself answers)
    try {
      const res = await fetch(`${readOnly.url}/curate?/hide`, { method: 'POST', redirect: 'manual',
        headers: { origin: readOnly.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ run: '1', by: 'Eve', theme: '0' }) });
      expect([res.status, await res.text()]).toStrictEqual([403, expect.stringContaining('Editing is off')]);
      const page = readOnly.url + '/themes/0?run=1';
      const html = await (await fetch(page)).text();
      expect([html.includes('Curate this theme'), html.includes('Editing is off on this server')]).toStrictEqual([false, true]);
      // Nor does it re-cluster a theme for a split preview nobody could accept there (dashboard review of 2026-12-04).
      const preview = await fetch(`${readOnly.url}/curate?run=1&split=0&parts=2`);
      expect([preview.status, await preview.text()]).toStrictEqual([403, expect.stringContaining('editing is off on this server')]);
    } finally {
      await readOnly.stop();
    }
    expect(journalText()).toBe(before);
  });

  it('merges two themes; the overview trend counts are the sum of the stored ones', async () => {
    const [, a, b] = await themes();
    const stored = await readDb<{ n: number }>(db, `SELECT sum(papers)::INTEGER AS n FROM theme_periods WHERE run_id = 1 AND theme_id IN (${a.theme_id}, ${b.theme_id}) AND granularity = 'month'`);
    const page = await open(`/themes/${a.theme_id}?run=1`);
    await fillEditor(page);
    await page.locator('select[name="with"]').selectOption(String(b.theme_id));
    expect(await submitEdit(page, page.locator('button', { hasText: 'Merge into this theme' }))).toContain(`Merged “${a.label}” (${a.theme_id}) + “${b.label}” (${b.theme_id}) into ${a.theme_id}`);
    expect(await page.locator('.curation .original').textContent()).toContain('merged from');
    const rows = await csv('/export/trends.csv?run=1&granularity=month');
    const h = rows[0];
    const merged = rows.slice(1).filter((r) => r[h.indexOf('theme_id')] === String(a.theme_id)).reduce((s, r) => s + Number(r[h.indexOf('papers')]), 0);
    expect(merged).toBe(stored[0].n);
    expect(rows.slice(1).some((r) => r[h.indexOf('theme_id')] === String(b.theme_id))).toBe(false);
    // the merged-away theme's page leads to the merged theme
    const old = await open(`/themes/${b.theme_id}?run=1`);
    expect(old.url()).toContain(`/themes/${a.theme_id}`);
    // and so does its export, which is the merged theme's (its papers after the merge)
    const gone = await fetch(`${server.url}/export/theme-papers.csv?run=1&theme=${b.theme_id}`, { redirect: 'manual' });
    expect([gone.status, gone.headers.get('location')]).toStrictEqual([307, `?run=1&theme=${a.theme_id}`]);
    expect((await fetch(`${server.url}/export/theme-papers.csv?run=1&theme=${b.theme_id}`)).status).toBe(200);
    // and so does the overview's comparison of picked themes: it compares the merged theme
    const picked = await fetch(`${server.url}/?run=1&themes=${a.theme_id},${b.theme_id}`, { redirect: 'manual' });
    expect([picked.status, picked.headers.get('location')]).toStrictEqual([307, `?run=1&themes=${a.theme_id}`]);
    const themesCsv = await csv('/export/themes.csv?run=1');
    const size = themesCsv.find((r) => r[0] === String(a.theme_id))![themesCsv[0].indexOf('size')];
    expect(Number(size)).toBe(a.size + b.size);
  });

  it('hides a theme: gone from the overview table, its page still there; a note shows on it', async () => {
    const list = await readDb<{ theme_id: number; label: string }>(db, `SELECT theme_id, label FROM themes WHERE run_id = 1 ORDER BY size`);
    const t = list[0];
    const page = await open(`/themes/${t.theme_id}?run=1`);
    await fillEditor(page);
    await page.locator('textarea[name="text"]').fill('Junk: conference boilerplate');
    expect(await submitEdit(page, page.locator('button', { hasText: 'Save note' }))).toContain(`Noted on “${t.label}” (${t.theme_id}): “Junk: conference boilerplate”`);
    await fillEditor(page);
    expect(await submitEdit(page, page.locator('button', { hasText: /^Hide$/ }))).toContain(`Hid “${t.label}” (${t.theme_id})`);
    expect(await page.locator('.curation .note').textContent()).toContain('Junk: conference boilerplate');
    expect(await page.locator('.curation .hidden-mark').count()).toBe(1);
    const rows = await csv('/export/themes.csv?run=1');
    const h = rows[0];
    expect(rows.find((r) => r[0] === String(t.theme_id))![h.indexOf('hidden')]).toBe('true');
    const shown = rows.slice(1).filter((r) => r[h.indexOf('hidden')] === 'false').map((r) => r[0]);
    const overview = await open('/?run=1&themes=' + shown.join(','));
    expect(await overview.locator(`a[href^="/themes/${t.theme_id}?"]`).count()).toBe(0);
    expect((await fetch(`${server.url}/?run=1&themes=${t.theme_id}`)).status).toBe(404); // not a chart's theme any more
    // Every count of themes says the hidden one is left out: the lead, the movers' summary, its area's row; the map draws it and says so.
    const text = async (p: Page, sel: string) => (await p.locator(sel).first().textContent())!.replace(/\s+/g, ' ');
    // Counted from the curated themes (themes.csv): the merge above left one theme fewer than the stored ones.
    const col = (name: string) => h.indexOf(name);
    const curated = rows.slice(1);
    const all = curated.length;
    const mine = curated.find((r) => r[0] === String(t.theme_id))!;
    const inArea = curated.filter((r) => r[col('area_id')] === mine[col('area_id')]);
    const area = { area_id: mine[col('area_id')], n: inArea.length };
    expect(await text(overview, 'p.lead')).toContain(`in ${all} themes, 1 of them hidden (left out below)`);
    expect(await text(overview, '[data-testid=class-counts]')).toContain(`of ${all - 1} themes shown (1 hidden).`);
    const row = overview.locator(`tbody[data-area="${area.area_id}"] tr.area-row`);
    expect((await row.textContent())!.replace(/\s+/g, ' ')).toContain(`${area.n} themes (1 hidden, not listed: ${Number(mine[col('size')]).toLocaleString('en-US')} of the area’s papers)`);
    expect(await overview.locator(`tbody[data-area="${area.area_id}"] tr.theme-row`).count()).toBe(area.n - 1);
    const map = await open('/map?run=1');
    expect(await text(map, 'main p.muted')).toContain(`in ${all} themes, 1 of them hidden (left out of the Overview, drawn here)`);
    await screenshot(overview, 'curation-overview');
  });

  it('splits a theme after a preview of its parts, then undoes the hide from the history', async () => {
    const big = (await themes())[3];
    const page = await open(`/curate?run=1&split=${big.theme_id}&parts=2`);
    const parts = await page.locator('.split tbody tr').count();
    expect(parts).toBe(2);
    await screenshot(page, 'curation-split-preview');
    await fillEditor(page, page.locator('.split form'));
    expect(await submitEdit(page, page.locator('button', { hasText: 'Accept split' }))).toContain(`Split “${big.label}” (${big.theme_id}) into`);
    expect(page.url()).not.toContain('split='); // the preview is gone: the page is the run's /curate
    const after = await readDb<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM themes WHERE run_id = 1');
    const rows = await csv('/export/themes.csv?run=1');
    expect(rows.length - 1).toBe(after[0].n - 1 + 1); // one merged away (−1), one split into two (+1)
    const parted = rows.slice(1).filter((r) => r[rows[0].indexOf('original_label')].startsWith('part of'));
    expect(parted.map((r) => Number(r[rows[0].indexOf('size')])).reduce((a, b) => a + b, 0)).toBe(big.size);
    // Each part has its own keywords (those its theme page shows), not its parent's, and ranks its papers 1..n.
    const keywords = parted.map((r) => r[rows[0].indexOf('keywords')]);
    expect(new Set(keywords).size).toBe(parted.length);
    expect(keywords).not.toContain(big.keywords);
    for (const r of parted) {
      const id = r[rows[0].indexOf('theme_id')];
      const ranks = (await csv(`/export/theme-papers.csv?run=1&theme=${id}`)).slice(1).map((x) => Number(x[0]));
      expect(ranks).toStrictEqual(ranks.map((_, i) => i + 1));
    }
    const curate = await open('/curate?run=1');
    await fillEditor(curate, curate.locator('#undo-form'));
    const hideRow = curate.locator('table.history tbody tr').filter({ has: curate.locator('td:nth-child(4)', { hasText: /^Hid / }) });
    expect(await submitEdit(curate, hideRow.locator('button', { hasText: 'Undo' }))).toMatch(/^Saved as edit \d+: Undid edit \d+: Hid /);
    expect(await hideRow.locator('td').nth(4).textContent()).toContain('undone');
    await screenshot(curate, 'curation-history');
  });

  it('follows old links to a merged-away or split theme: to the theme it went into, or a 404 that links its parts (audit of 2026-12-05)', async () => {
    const merge = edits().find((e) => e.kind === 'merge') as { themeIds: number[]; into: number };
    const away = merge.themeIds.find((id) => id !== merge.into)!;
    const split = edits().find((e) => e.kind === 'split') as { themeId: number; parts: { id: number }[] };
    const parts = split.parts.map((p) => p.id);
    const get = (path: string) => fetch(server.url + path, { redirect: 'manual' });
    // a list or an export of the merged-away theme's papers is the merged theme's, as its page is
    for (const path of [`/papers?run=1&theme=${away}`, `/export/papers.csv?run=1&theme=${away}`]) {
      const res = await get(path);
      expect([path, res.status]).toStrictEqual([path, 307]);
      expect(new URL(res.headers.get('location')!, server.url + path).href).toBe(server.url + path.replace(`theme=${away}`, `theme=${merge.into}`));
    }
    // a saved comparison naming both opens on the themes that stand for them now
    const overview = await get(`/?run=1&themes=${away},${split.themeId}`);
    expect(overview.status).toBe(307);
    expect(new URL(overview.headers.get('location')!, server.url).searchParams.get('themes')).toBe([merge.into, ...parts].join(','));
    // the split theme's own page and its papers' list are 404s that link each part
    const page = await newPage(browser);
    expect((await gotoHydrated(page, `${server.url}/themes/${split.themeId}?run=1`))?.status()).toBe(404);
    const links = await page.locator('[data-testid="nearest"], [data-testid="nearest-more"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toStrictEqual([...parts.map((id) => `${server.url}/themes/${id}?run=1`), `${server.url}/curate?run=1`]);
    // its search box searches every paper: there is no theme 34 to search in
    expect(await page.locator('form[role="search"]').getAttribute('action')).toBe('/papers');
    expect((await gotoHydrated(page, `${server.url}/papers?run=1&theme=${split.themeId}`))?.status()).toBe(404);
    await page.getByTestId('nearest').click();
    await page.waitForURL((u) => u.searchParams.get('theme') === String(parts[0]));
    expect(page.url()).toBe(`${server.url}/papers?run=1&theme=${parts[0]}`);
    await page.close();
  });

  it('redoes an undone rename from the history; every row keeps the names its themes had when it was made', async () => {
    const t = (await themes())[4]; // not renamed, merged, hidden or split above
    const page = await open(`/themes/${t.theme_id}?run=1`);
    await fillEditor(page);
    const name = page.locator('section.curation input[name="name"]');
    await name.fill('Context windows');
    const first = await submitEdit(page, page.locator('button', { hasText: 'Rename' }));
    await name.fill('Long context');
    expect(await submitEdit(page, page.locator('button', { hasText: 'Rename' }))).toContain(`Renamed “Context windows” (${t.theme_id}) to “Long context”`);
    const firstId = first.match(/^Saved as edit (\d+):/)![1];
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'curation-theme-confirmed.png') }); // 1280×800, as the user sees it

    const curate = await open('/curate?run=1');
    await fillEditor(curate, curate.locator('#undo-form'));
    const row = (id: string) => curate.locator('table.history tbody tr', { has: curate.locator('td:first-child', { hasText: new RegExp(`^${id}$`) }) });
    const undone = await submitEdit(curate, curate.getByRole('button', { name: `Undo edit ${firstId}`, exact: true }));
    const undoId = undone.match(/^Saved as edit (\d+):/)![1];
    expect(undone).toBe(`Saved as edit ${undoId}: Undid edit ${firstId}: Renamed “${t.label}” (${t.theme_id}) to “Context windows”.`);
    expect(await focused(curate)).toBe('edit-done');
    // The second rename was made while the theme was "Context windows": its row still says so, though the first is undone.
    expect(await row(String(Number(firstId) + 1)).locator('td').nth(3).textContent()).toContain(`Renamed “Context windows” (${t.theme_id}) to “Long context”`);
    // The undo row is itself undoable: its button redoes the rename.
    const redone = await submitEdit(curate, curate.getByRole('button', { name: `Redo edit ${firstId} (take back undo ${undoId})` }));
    expect(redone).toMatch(new RegExp(`^Saved as edit \\d+: Redid edit ${firstId} \\(taking back edit ${undoId}\\): Renamed “`));
    expect(await row(undoId).locator('td').nth(4).textContent()).toMatch(/^undone: by edit \d+/);
    expect(await row(firstId).locator('td').nth(4).textContent()).toBe('applied');
    const csvRows = await csv('/export/themes.csv?run=1');
    expect(csvRows.find((r) => r[0] === String(t.theme_id))![csvRows[0].indexOf('label')]).toBe('Long context'); // both renames in effect, in order
    expect(await seriousViolations(curate)).toStrictEqual([]);
    // 1280×800 pictures of the confirmation and of the history as a user sees them
    await curate.screenshot({ path: join(SCREENSHOTS, 'curation-redo-confirmed.png') });
    await curate.locator('table.history tbody tr').last().scrollIntoViewIfNeeded();
    await curate.screenshot({ path: join(SCREENSHOTS, 'curation-history-names-then.png') });
  }, 90_000);

  it('keeps the whole edit or none when the server is killed in the middle of one', async () => {
    const paused = await startServer(db, { THEMESCOPE_EDIT: '1', THEMESCOPE_EDIT_PAUSE_MS: '5000' });
    const before = edits().length;
    const [t] = await themes();
    const request = fetch(`${paused.url}/curate?/note`, { method: 'POST', redirect: 'manual', headers: { origin: paused.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ run: '1', by: 'Kill', theme: String(t.theme_id), text: 'half' }) }).catch(() => null);
    // Killed once the new journal is written and fsynced to its temp file, before the rename.
    const temp = `${journal}.tmp-${paused.process.pid}`;
    for (let i = 0; i < 200 && !existsSync(temp); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(temp)).toBe(true);
    expect(readFileSync(temp, 'utf8')).toContain('"text":"half"');
    const exited = new Promise((r) => paused.process.once('exit', r));
    paused.process.kill('SIGKILL');
    await Promise.all([exited, request]);
    expect(edits().length).toBe(before); // killed before the rename: none of it
    // and the journal is whole: every line parses and the next edit lands
    const res = await fetch(`${server.url}/curate?/note`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ run: '1', by: 'After', token: TOKEN, theme: String(t.theme_id), text: 'whole' }) });
    expect(res.status).toBe(303);
    expect(edits().length).toBe(before + 1);
    // Without JavaScript (a plain form post): the page the redirect leads to says what was saved, once.
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^themescope-edit-done=/);
    const confirmed = await (await fetch(server.url + res.headers.get('location')!, { headers: { cookie } })).text();
    expect(confirmed).toContain(`Saved as edit ${edits().at(-1).id}:</strong> Noted on “`);
    expect(confirmed).toMatch(/role="status"/);
    expect(existsSync(temp)).toBe(false); // the dead server's temp journal is cleared by the next edit
  }, 60_000);

  it('edits made while a pipeline runs survive, and the new run finds them on its continuing themes', async () => {
    const run = pipeline(grown);
    const [t] = await themes();
    // five browsers at once, while the pipeline writes run 2: each edit is serialised, none is lost
    const made = await Promise.all(Array.from({ length: 5 }, async (_, i) => (await fetch(`${server.url}/curate?/note`, { method: 'POST', redirect: 'manual',
      headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ run: '1', by: 'During', token: TOKEN, theme: String(t.theme_id), text: `note ${i}` }) })).status));
    expect(made).toStrictEqual([303, 303, 303, 303, 303]);
    expect(await finished(run)).toBe(0);
    const during = edits().filter((e) => e.by === 'During');
    expect(during.map((e) => e.text).sort()).toStrictEqual(['note 0', 'note 1', 'note 2', 'note 3', 'note 4']);
    expect(new Set(during.map((e) => e.id)).size).toBe(5);
    const runs = await readDb<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM runs WHERE status = 'complete'`);
    expect(runs[0].n).toBe(2);
    // 200 more papers: the renamed and the merged themes continue (shared papers), their edits carry to run 2.
    const rows = await csv('/export/themes.csv'); // newest run
    const h = rows[0];
    const renamed = rows.find((r) => r[h.indexOf('label')] === 'LLM inference efficiency');
    expect(renamed).toBeDefined();
    expect(rows.some((r) => r[h.indexOf('original_label')].startsWith('merged from'))).toBe(true);
    const page = await open('/curate');
    expect(await page.locator('h2', { hasText: 'Carried from run 1' }).count()).toBe(1);
    await screenshot(page, 'curation-carried');
  }, 120_000);

  it('marks the pressed button as saving, and takes no second press, until the edit shows (weekly-use audit of 2026-12-05)', async () => {
    const [t] = await themes();
    const page = await open(`/themes/${t.theme_id}?run=1`);
    // The server's answer held back a second, as on a busy machine (the curated views rebuilt).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/curate?/note', async (route) => {
      await held;
      await route.continue();
    });
    await fillEditor(page);
    await page.locator('textarea[name="text"]').fill('Weekly check');
    const button = page.locator('button', { hasText: 'Save note' });
    const done = page.getByTestId('edit-done');
    const before = (await done.textContent())?.trim() ?? '';
    await button.click();
    await expect.poll(() => button.getAttribute('data-busy')).toBe('');
    expect([await button.isDisabled(), await page.locator('form[aria-busy="true"]').count()]).toStrictEqual([true, 1]);
    expect(await button.evaluate((b) => getComputedStyle(b, '::after').content)).toBe('" — saving…"');
    release();
    await expect.poll(async () => (await done.textContent())?.trim() ?? '', { timeout: 30_000 }).not.toBe(before);
    expect(await done.textContent()).toContain('Weekly check');
    await expect.poll(() => page.locator('button', { hasText: 'Save note' }).getAttribute('data-busy')).toBe(null);
    expect(await page.locator('button', { hasText: 'Save note' }).isDisabled()).toBe(false);
    await page.close();
  });

  it('puts papers added to a split theme after the split in the part of their similar papers, and names parts as next-closest themes', async () => {
    // The weekly flow: run 1 was split above; next week's 200 papers are added to it with npm run assign.
    const added = join(dir, 'papers-added.jsonl');
    writeFileSync(added, gunzipSync(readFileSync(join(ROOT, 'data/sample-arxiv.jsonl.gz'))).toString('utf8').split('\n').slice(1200, 1400).join('\n') + '\n');
    const assign = spawn(process.execPath, ['--import', 'tsx', 'pipeline/assign/cli.ts', '--input', added, '--db', db, '--run', '1', '--quiet'],
      { cwd: ROOT, stdio: 'ignore' });
    expect(await finished(assign)).toBe(0);
    const split = edits().find((e) => e.kind === 'split') as { themeId: number; parts: { id: number; paperIds: string[] }[] };
    const partOf = new Map(split.parts.flatMap((p) => p.paperIds.map((id) => [id, p.id] as const)));
    // Each added paper of the split theme: its similar papers' cosines summed per part; the part with most is where it belongs.
    const neighbours = await readDb<{ paper_id: string; neighbour: string; similarity: number }>(db,
      `SELECT pr.paper_id, nr.paper_id AS neighbour, sp.similarity FROM assigned_papers ap
         JOIN paper_themes pt ON pt.run_id = ap.run_id AND pt.paper_id = ap.paper_id AND pt.theme_id = ${split.themeId}
         JOIN paper_rows pr ON pr.run_id = ap.run_id AND pr.paper_id = ap.paper_id
         JOIN similar_papers sp ON sp.run_id = pr.run_id AND sp.paper_row = pr.paper_row
         JOIN paper_rows nr ON nr.run_id = sp.run_id AND nr.paper_row = sp.similar_row WHERE ap.run_id = 1`);
    const weights = new Map<string, Map<number, number>>();
    for (const n of neighbours) {
      const w = weights.get(n.paper_id) ?? new Map<number, number>();
      weights.set(n.paper_id, w);
      if (partOf.has(n.neighbour)) w.set(partOf.get(n.neighbour)!, (w.get(partOf.get(n.neighbour)!) ?? 0) + n.similarity);
    }
    const largest = split.parts.reduce((a, b) => (b.paperIds.length > a.paperIds.length ? b : a)).id;
    const expected = new Map([...weights].map(([paper, w]) => [paper, [...w].reduce((a, b) => (b[1] > a[1] ? b : a), [largest, 0])[0]]));
    expect(expected.size).toBeGreaterThan(2);
    expect(new Set(expected.values()).size).toBe(2); // the data has added papers for both parts: not all in the largest
    const rows = await csv('/export/papers.csv?run=1');
    const h = rows[0];
    const curated = new Map(rows.slice(1).map((r) => [r[h.indexOf('paper_id')], r]));
    for (const [paper, part] of expected) expect([paper, Number(curated.get(paper)![h.indexOf('theme_id')])]).toStrictEqual([paper, part]);
    // A next-closest theme that was split names a part; ranks are numbered again, so no second theme is blank beside a third.
    const parts = new Set(split.parts.map((p) => String(p.id)));
    const storedSecond = await readDb<{ paper_id: string }>(db,
      `SELECT paper_id FROM paper_theme_ranks WHERE run_id = 1 AND rank = 2 AND theme_id = ${split.themeId}`);
    expect(storedSecond.length).toBeGreaterThan(0);
    for (const { paper_id } of storedSecond) expect(parts.has(curated.get(paper_id)![h.indexOf('second_theme_id')])).toBe(true);
    expect(rows.slice(1).filter((r) => r[h.indexOf('second_theme_id')] === '' && r[h.indexOf('third_theme_id')] !== '')).toStrictEqual([]);
    // /runs/compare says its links are matched again over run 1's curated themes, as its exports are (not "as they were then").
    const compare = await open('/runs/compare?a=1&b=2');
    expect(await compare.getByTestId('lineage-curated').textContent()).toMatch(/merged or split themes of\s+run 1\b[^]*added to run 1 with npm run assign/);
    expect(await compare.getByTestId('lineage-recomputed').count()).toBe(0);
  }, 120_000);
});
