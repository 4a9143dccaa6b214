// The themes and areas exports' `reads_as` says what the dashboard's trend class says
// (trend-wording.ts classifyTrend), "growing slower than the field" included: a theme whose share
// fell while its papers per period grew, over windows of unequal length; and its mirror, "shrinking
// slower than the field": a share that rose while its papers per period fell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, parseExportName } from '../../../src/lib/server/exports.js';
import { resolveRun } from '../../../src/lib/server/run.js';
import { loadTrendWindows } from '../../../src/lib/server/trend-windows.js';
import { classifyTrend, TREND_CLASS_TEXT } from '../../../src/lib/trend-wording.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;
beforeAll(async () => {
  // Six months, a window of 2: 4 months before, 2 after. Theme 0: 8 → 5 papers (2 → 2.5 a month,
  // growing slower); theme 1: 8 → 4 (2 → 2 a month, fading: output did not grow); theme 2: 8 → 3.
  // Area 0 (themes 0 and 1): 16 → 9, 4 → 4.5 a month.
  db = await writeTempDb([handMadeRun()], `UPDATE themes SET window_months = 2, direction = 'fading', papers_before = 8;
    UPDATE themes SET papers_after = [5, 4, 3][theme_id + 1];
    UPDATE areas SET direction = 'fading'`);
});
afterAll(() => db.remove());

async function rows(file: string): Promise<Record<string, string>[]> {
  const url = new URL(`http://x/export/${file}`);
  const response = await buildExport(parseExportName(file)!, await resolveRun(url), url.searchParams);
  const [header, ...lines] = (await response.text()).split('\r\n').filter((l) => l !== '');
  const names = fields(header);
  return lines.map((l) => Object.fromEntries(fields(l).map((v, i) => [names[i], v])));
}

/** A CSV line's fields: quoted ones unquoted ("" is a quote), others as they are. */
function fields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]));
}

describe('reads_as in the themes and areas exports', () => {
  it('is the dashboard class of each theme, growing slower where its papers per period grew', async () => {
    const run = await resolveRun(new URL('http://x/'));
    const windows = await loadTrendWindows(run, 'month', 2);
    expect([windows.before.length, windows.after.length]).toStrictEqual([4, 2]);
    const themes = await rows('themes.csv');
    const shown = themes.map((t) => TREND_CLASS_TEXT[classifyTrend({ direction: 'fading', papersBefore: Number(t.papers_before),
      papersAfter: Number(t.papers_after) }, windows)]);
    expect(themes.map((t) => t.reads_as)).toStrictEqual(shown);
    expect(shown).toStrictEqual(['growing slower than the field', 'fading', 'fading']);
  });

  it('reads an area over its themes’ papers, as the Overview does', async () => {
    const areas = await rows('areas.csv');
    expect(areas.map((a) => [a.area_id, a.reads_as])).toStrictEqual([['0', 'growing slower than the field'], ['1', 'fading']]);
  });
});

describe('reads_as of a rising share', () => {
  it('is shrinking slower than the field where its papers per period fell, emerging where they did not, as classifyTrend says', async () => {
    await db.remove();
    // Theme 0: 8 → 3 papers (2 → 1.5 a month); theme 1: 8 → 4 (2 → 2); theme 2: 8 → 5 (2 → 2.5). Area 0 (themes 0 and 1): 4 → 3.5.
    db = await writeTempDb([handMadeRun()], `UPDATE themes SET window_months = 2, direction = 'emerging', papers_before = 8;
      UPDATE themes SET papers_after = [3, 4, 5][theme_id + 1];
      UPDATE areas SET direction = 'emerging'`);
    const run = await resolveRun(new URL('http://x/'));
    const windows = await loadTrendWindows(run, 'month', 2);
    const themes = await rows('themes.csv');
    const shown = themes.map((t) => TREND_CLASS_TEXT[classifyTrend({ direction: 'emerging', papersBefore: Number(t.papers_before),
      papersAfter: Number(t.papers_after) }, windows)]);
    expect(shown).toStrictEqual(['shrinking slower than the field', 'emerging', 'emerging']);
    expect(themes.map((t) => t.reads_as)).toStrictEqual(shown);
    const areas = await rows('areas.csv');
    expect(areas.map((a) => [a.area_id, a.reads_as])).toStrictEqual([['0', 'shrinking slower than the field'], ['1', 'emerging']]);
  });
});

describe('the themes export’s window', () => {
  it('says months in window_months and the periods of window_granularity apart, for a year-dated run too', async () => {
    await db.remove();
    db = await writeTempDb([handMadeRun()], `UPDATE themes SET window_months = 2, window_granularity = 'year'`);
    const themes = await rows('themes.csv');
    expect(themes.map((t) => [t.window_months, t.window_granularity, t.window_periods])).toStrictEqual(themes.map(() => ['24', 'year', '2']));
  });
});

describe('reads_as of a trend read within the categories held throughout', () => {
  it('tells slower from fading by the papers of those categories, as classifyTrend does', async () => {
    await db.remove();
    // Theme 0: all its papers grow (2 → 2.5 a month), those of the categories held throughout fall (2 → 1.5);
    // theme 1 the other way round (2 → 1.5 over all, 2 → 3 within). Both read fading within the categories (90% of their papers).
    db = await writeTempDb([handMadeRun()], `UPDATE themes SET window_months = 2, direction = 'steady', papers_before = 8,
        covered_share = 0.9, covered_direction = 'fading', covered_z = -3, covered_score = -0.2, covered_papers_before = 8,
        covered_share_before = 0.3, covered_share_after = 0.2;
      UPDATE themes SET papers_after = [5, 3, 3][theme_id + 1], covered_papers_after = [3, 6, 6][theme_id + 1]`);
    const run = await resolveRun(new URL('http://x/'));
    const windows = await loadTrendWindows(run, 'month', 2);
    const themes = await rows('themes.csv');
    const shown = themes.map((t) => TREND_CLASS_TEXT[classifyTrend({ direction: 'steady', papersBefore: Number(t.papers_before),
      papersAfter: Number(t.papers_after), coveredShare: 0.9, coveredDirection: 'fading', coveredPapersBefore: Number(t.covered_papers_before),
      coveredPapersAfter: Number(t.covered_papers_after) }, windows)]);
    expect(shown.slice(0, 2)).toStrictEqual(['fading', 'growing slower than the field']);
    expect(themes.map((t) => t.reads_as)).toStrictEqual(shown);
  });
});
