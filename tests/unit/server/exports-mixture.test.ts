// Every export names a theme as the pages do: a theme marked as a mixture is "Mixture: …" in
// themes, trends, paper lists, bursts and areas (found by the dashboard audit of 2026-12-03: only
// themes.csv had the mark, in its own column, and the other exports named the theme bare).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, parseExportName } from '../../../src/lib/server/exports.js';
import { resolveRun } from '../../../src/lib/server/run.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;
beforeAll(async () => {
  db = await writeTempDb([handMadeRun()], 'UPDATE themes SET mixture = true WHERE theme_id = 1');
});
afterAll(() => db.remove());

async function rows(file: string, search = ''): Promise<Record<string, unknown>[]> {
  const url = new URL(`http://x/export/${file}?${search}`);
  return (await buildExport(parseExportName(file)!, await resolveRun(url), url.searchParams)).json();
}

describe('the exports name a mixture as the pages do', () => {
  it('in themes, trends, paper lists, bursts and areas; other themes by their label', async () => {
    const themes = await rows('themes.json');
    expect(themes.map((t) => [t.theme_id, t.label, t.mixture])).toStrictEqual([
      [0, 'model merging, task vectors', false], [1, 'Mixture: long context', true], [2, 'gaussian splatting', false]
    ]);
    const trends = await rows('trends.json', 'granularity=month');
    expect(new Set(trends.filter((r) => r.theme_id === 1).map((r) => r.label))).toStrictEqual(new Set(['Mixture: long context']));
    for (const file of ['papers.json', 'theme-papers.json']) {
      const papers = await rows(file, 'theme=1');
      expect(papers.length).toBeGreaterThan(0);
      expect(new Set(papers.map((p) => p.theme_label))).toStrictEqual(new Set(['Mixture: long context']));
    }
    const bursts = await rows('bursts.json');
    expect(bursts.length).toBeGreaterThan(0);
    expect(new Set(bursts.map((b) => b.theme_label))).toStrictEqual(new Set(['Mixture: long context']));
    const areas = await rows('areas.json');
    expect(areas.some((a) => String(a.themes).split('; ').includes('Mixture: long context'))).toBe(true);
  });
});
