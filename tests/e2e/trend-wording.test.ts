// The Overview's movers on the shipped sample, checked against the database: the windows named by
// their months, the partial months left out and said so, papers per month as rates, "fading" only
// when output did not grow (else "growing slower than the field"), "emerging" only when it did not
// fall (else "shrinking slower than the field"), one order for every list, and
// sparklines and accessible names that agree with their rows; partial periods hatched in every chart.
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { sampleDb } from './sample-db.js';
import { readTrend } from '../../pipeline/trends/coverage.js';
import { coverageMarks } from '../../src/lib/coverage-marks.js';

const { app, open } = useDashboard(async () => sampleDb());

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

interface Theme { theme_id: number; label: string; direction: 'emerging' | 'fading' | 'steady'; emerging_score: number; share_before: number; share_after: number;
  papers_before: number; papers_after: number; covered_share: number | null; covered_direction: 'emerging' | 'fading' | 'steady' | null;
  z_score: number; covered_score: number | null; covered_z: number | null; covered_papers_before: number | null; covered_papers_after: number | null;
  covered_share_before: number | null; covered_share_after: number | null }

/** The pipeline's reading of a theme's trend (coverage.ts readTrend): over the categories held throughout where they apply. */
const reading = (t: Theme) => readTrend({ direction: t.direction, emergingScore: t.emerging_score, zScore: t.z_score,
  covered: t.covered_share === null || t.covered_direction === null ? null
    : { share: t.covered_share, direction: t.covered_direction, emergingScore: t.covered_score ?? 0, zScore: t.covered_z ?? 0 } });
const movesWithCoverage = (t: Theme) => reading(t).basis === 'coverage';
/** The papers its trend is read over: those of the categories held throughout where it is read there. */
const readPapers = (t: Theme) => (reading(t).basis === 'covered' && t.covered_papers_before !== null && t.covered_papers_after !== null
  ? [t.covered_papers_before, t.covered_papers_after] : [t.papers_before, t.papers_after]);

async function facts() {
  const months = await readDb<{ period: string; partial: boolean }>(app.db,
    `SELECT period::VARCHAR AS period, partial FROM period_totals WHERE granularity = 'month' ORDER BY period`);
  const complete = months.filter((m) => !m.partial).map((m) => m.period);
  const themes = await readDb<Theme>(app.db, `SELECT theme_id, label, direction, emerging_score, share_before, share_after, papers_before, papers_after,
    covered_share, covered_direction, z_score, covered_score, covered_z, covered_papers_before, covered_papers_after,
    covered_share_before, covered_share_after FROM themes`);
  return { months, after: complete.slice(-3), before: complete.slice(-15, -3), themes };
}

const cellNumbers = (text: string) => text.split('→').map((s) => Number(s.replace(/[^\d.]/g, '')));

describe('the movers on the Overview', () => {
  it('name both windows by their months and the partial months left out of both', async () => {
    const { months, after, before } = await facts();
    const page = await open('/');
    const rule = (await page.getByTestId('trend-rule').textContent())!.replace(/\s+/g, ' ');
    expect(rule).toContain(`before = ${monthName(before[0])} – ${monthName(before[11])} (12 months)`);
    expect(rule).toContain(`after = ${monthName(after[0])} – ${monthName(after[2])} (3 months)`);
    for (const m of months.filter((x) => x.partial)) expect(rule).toContain(`${monthName(m.period)} (data covers only`);
    expect(rule).toContain('fading when its share fell significantly (z ≤ −1.96) and it published no more papers per month than before');
    await page.close();
  });

  it('show papers per month in each window and call a theme fading only when its output did not grow', async () => {
    const { themes } = await facts();
    const page = await open('/');
    for (const kind of ['emerging', 'holding', 'fading', 'slower'] as const) {
      const rows = await page.getByTestId(`${kind}-themes`).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        label: tr.querySelector('a')!.textContent!.trim(), rate: tr.querySelector('[data-testid="rate"]')!.textContent!,
        share: tr.querySelectorAll('td')[1].textContent!
      })));
      for (const row of rows) {
        const theme = themes.find((t) => t.label === row.label)!;
        expect(reading(theme).direction).toBe(kind === 'emerging' || kind === 'holding' ? 'emerging' : 'fading');
        const [before, after] = cellNumbers(row.rate);
        const [papersBefore, papersAfter] = readPapers(theme);
        expect(before).toBeCloseTo(papersBefore / 12, 0);
        expect(after).toBeCloseTo(papersAfter / 3, 0);
        const [rateBefore, rateAfter] = [papersBefore / 12, papersAfter / 3];
        expect({ emerging: rateAfter >= rateBefore, holding: rateAfter < rateBefore, fading: rateAfter <= rateBefore, slower: rateAfter > rateBefore }[kind])
          .toBe(true);
        // The shares beside the class are the ones it compares: within the categories held throughout where it is read there.
        const covered = reading(theme).basis === 'covered' && theme.covered_share_before !== null;
        const [shareBefore, shareAfter] = cellNumbers(row.share);
        expect(shareBefore).toBeCloseTo(100 * (covered ? theme.covered_share_before! : theme.share_before), 1);
        expect(shareAfter).toBeCloseTo(100 * (covered ? theme.covered_share_after! : theme.share_after), 1);
      }
    }
    await page.close();
  });

  it('order every list by the strength of the change, and count every class', async () => {
    const { themes } = await facts();
    const page = await open('/');
    for (const kind of ['emerging', 'holding', 'fading', 'slower']) {
      const labels = await page.getByTestId(`${kind}-themes`).locator('tbody tr td:first-child a').allTextContents();
      const scores = labels.map((l) => Math.abs(reading(themes.find((t) => t.label === l.trim())!).emergingScore));
      expect(scores).toStrictEqual([...scores].sort((a, b) => b - a));
    }
    const counts = (await page.getByTestId('class-counts').textContent())!.replace(/\s+/g, ' ');
    // Emerging: a rising share whose papers per month did not fall; the others shrink slower than the field.
    const rising = themes.filter((t) => reading(t).direction === 'emerging' && !movesWithCoverage(t));
    const held = rising.filter((t) => readPapers(t)[1] / 3 >= readPapers(t)[0] / 12).length;
    expect(counts).toContain(`${held} emerging · ${rising.length - held} shrinking slower than the field`);
    expect(counts).toContain(`of ${themes.length} themes`);
    await screenshot(page, 'trend-wording-overview');
    await page.close();
  });

  it('list apart the themes whose change rests on categories the corpus holds only part of the windows, and name those', async () => {
    const { themes } = await facts();
    const changes = await readDb<{ category: string }>(app.db, 'SELECT DISTINCT category FROM coverage_changes ORDER BY category');
    const bound = themes.filter(movesWithCoverage);
    const page = await open('/');
    const note = page.getByTestId('coverage-changes');
    const card = page.getByTestId('coverage-themes');
    if (changes.length === 0) {
      await expect.poll(() => note.count()).toBe(0);
    } else {
      const text = (await note.textContent())!;
      for (const { category } of changes) expect(text).toContain(category);
      // The areas chart marks every change at its period, labelled.
      const rows = await readDb<{ category: string; from: string; to: string; papers: number }>(app.db,
        `SELECT category, absent_from::VARCHAR AS "from", absent_to::VARCHAR AS "to", papers FROM coverage_changes ORDER BY category, absent_from`);
      const all = [...new Set(rows.map((r) => r.category))].map((category) => ({ category, granularity: 'month' as const,
        absent: rows.filter((r) => r.category === category).map(({ from, to }) => ({ from, to })), papers: rows.find((r) => r.category === category)!.papers }));
      const { before, after } = await facts();
      const expected = coverageMarks(all, all, 0, 'month', before[0], after.at(-1)!);
      expect(expected.length).toBeGreaterThan(0);
      expect((await page.getByTestId('coverage-mark').allTextContents()).map((t) => t.replace('…', ''))).toStrictEqual(
        expected.map((m) => expect.stringContaining(m.label.slice(0, 12))));
      // On a phone a cut label is written whole under the chart (a tooltip cannot be read by touch: dashboard audit of 2026-12-03).
      // (Every label is drawn whole, or the list under the chart holds every one whole; the list only then.)
      await page.setViewportSize({ width: 320, height: 800 });
      await page.waitForTimeout(300);
      const drawn = await page.getByTestId('coverage-mark').allTextContents();
      const notes = (await page.getByTestId('coverage-mark-notes').locator('li').allTextContents()).map((n) => n.trim().replace(/^[^:]+: /, ''));
      // A cut label's text is its cut form then its whole one (in its <title>).
      const cut = drawn.some((t) => t.includes('…'));
      expect(cut ? notes : drawn).toStrictEqual(expected.map((m) => m.label));
      if (!cut) expect(notes).toStrictEqual([]);
    }
    if (bound.length === 0) {
      await expect.poll(() => card.count()).toBe(0);
    } else {
      const counts = (await page.getByTestId('class-counts').textContent())!.replace(/\s+/g, ' ');
      expect(counts).toContain(`${bound.length} moving only with the corpus’s coverage`);
      const labels = (await card.locator('tbody tr td:first-child a').allTextContents()).map((l) => l.trim());
      expect(labels.length).toBe(Math.min(5, bound.length));
      for (const l of labels) expect(bound.map((t) => t.label)).toContain(l);
      // Nor do they appear among the emerging or fading themes.
      for (const kind of ['emerging', 'holding', 'fading', 'slower']) {
        const listed = await page.getByTestId(`${kind}-themes`).locator('tbody tr td:first-child a').allTextContents().catch(() => []);
        for (const l of listed) expect(bound.map((t) => t.label)).not.toContain(l.trim());
      }
      const theme = await open(`/themes/${bound[0].theme_id}`);
      const why = (await theme.getByTestId('theme-coverage').textContent())!.replace(/\s+/g, ' ');
      // In the words of the classes: fading while its papers per month grew reads "growing slower than the field".
      const said = bound[0].covered_direction === 'fading' ? '(fading|growing slower than the field)' : bound[0].covered_direction;
      expect(why).toMatch(new RegExp(`over those it is ${said}`));
      // Its month chart marks where the categories holding 5% of its papers or more come or go.
      const held = await readDb<{ category: string; papers: number }>(app.db, `SELECT coalesce(p.categories[1], '(none)') AS category,
        count(*)::INTEGER AS papers FROM paper_themes pt JOIN papers p USING (paper_id) WHERE pt.theme_id = $t GROUP BY ALL`, { t: bound[0].theme_id });
      const spans = await readDb<{ category: string; from: string; to: string }>(app.db,
        `SELECT category, absent_from::VARCHAR AS "from", absent_to::VARCHAR AS "to" FROM coverage_changes ORDER BY category, absent_from`);
      const changes = [...new Set(spans.map((s) => s.category))].map((category) => ({ category, granularity: 'month' as const,
        absent: spans.filter((s) => s.category === category).map(({ from, to }) => ({ from, to })) }));
      const { before, after } = await facts();
      const marks = coverageMarks(changes, held, held.reduce((n, c) => n + c.papers, 0), 'month', before[0], after.at(-1)!);
      expect(marks.length).toBeGreaterThan(0);
      expect(await theme.getByTestId('coverage-mark').allTextContents()).toStrictEqual(marks.map((m) => m.label));
      await screenshot(theme, 'trend-coverage-theme');
      await theme.close();
    }
    await screenshot(page, 'trend-coverage-overview');
    await page.close();
  });

  it('draw sparklines over complete months only, named with all papers’ shares (their row’s, unless read within the categories held throughout)', async () => {
    const { months } = await facts();
    const page = await open('/');
    const rows = await page.locator('[data-testid$="-themes"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      share: tr.children[1].textContent!.trim(), name: tr.querySelector('svg.sparkline')!.getAttribute('aria-label')!,
      covered: tr.querySelector('[data-testid="covered"]')?.textContent?.replace(/\s+/g, ' ') ?? null,
      points: tr.querySelector('svg.sparkline path')!.getAttribute('d')!.split('L').length
    })));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // A row read within the categories held throughout shows their shares, and all papers' (the line's) under its name.
      const [before, after] = row.covered === null || !row.covered.includes('all papers: share')
        ? row.share.split(' → ') : /all papers: share ([\d.]+%) → ([\d.]+%)/.exec(row.covered)!.slice(1);
      expect(row.name).toContain(`share of all papers ${before} before → ${after} after`);
      expect(row.points).toBe(months.filter((m) => !m.partial).length);
    }
    await page.close();
  });
});

describe('partial periods', () => {
  it('hatch the whole segment into a partial quarter in the papers view, and say which days it covers', async () => {
    const quarters = await readDb<{ partial: boolean }>(app.db, `SELECT partial FROM period_totals WHERE granularity = 'quarter' ORDER BY period`);
    const page = await open('/?measure=papers&granularity=quarter');
    const plot = await page.locator('rect.hover-target').evaluate((r) => Number(r.getAttribute('width')));
    const spans = await page.locator('g.partial rect').evaluateAll((rs) => rs.map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))]));
    const step = plot / (quarters.length - 1);
    expect(spans).toHaveLength(quarters.filter((q) => q.partial).length);
    const last = spans.at(-1)!;
    expect(last[0]).toBeCloseTo(plot - step, 3);
    expect(last[1]).toBeCloseTo(step, 3);
    expect(await page.getByTestId('partial-note').textContent()).toMatch(/Hatched: .*\(data covers only/);
    await page.close();
  });

  it('on the theme page: name the windows, the rates and the months left out', async () => {
    const { after } = await facts();
    const page = await open('/themes/0');
    const text = (await page.getByTestId('theme-trend').textContent())!.replace(/\s+/g, ' ');
    expect(text).toMatch(/papers per month [\d.,]+ → [\d.,]+/);
    expect(text).toContain(`after = ${monthName(after[0])} – ${monthName(after[2])} (3 months)`);
    expect(text).toContain('left out as partial');
    await page.close();
  });
});
