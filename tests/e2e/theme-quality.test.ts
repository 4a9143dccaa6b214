// The Theme page's place in the hierarchy and its quality in Chromium: the area it belongs to (linked),
// cohesion, separation, keyword coherence, the mixture note, the themes its papers are also close
// to, weak members and each paper's next-closest theme.
import { describe, expect, it } from 'vitest';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { writeDb } from './dbs.js';

/** The hand-made run with theme 2 marked as a mixture (figures made up for display). */
function runWithMixture() {
  const run = handMadeRun();
  run.themes[2] = { ...run.themes[2], mixture: true };
  return run;
}

const { open } = useDashboard(async () => writeDb([runWithMixture()]));

describe('the Theme page’s area and quality', () => {
  it('links the theme’s area, which opens the overview on that area’s themes', async () => {
    const page = await open('/themes/2?run=1');
    const link = page.locator('[data-testid=area-link]');
    expect(await link.textContent()).toBe('Area: 3d vision');
    await link.click();
    await page.waitForURL(/area=1/);
    await page.locator('text=Themes of the area “3d vision” over time').waitFor();
  });

  it('shows cohesion, similarity to the nearest theme, keyword coherence and weak members with the run’s medians', async () => {
    const page = await open('/themes/0?run=1');
    const facts = (await page.locator('[data-testid=quality]').innerText()).replace(/\s+/g, ' ');
    // Theme 0: cohesion 1 − 10.5/48 = 0.78 (median over themes 0.76); separation 0.5; coherence 0.30
    // (median 0.25); paper 21 is its one weak member of 8.
    expect(facts).toContain('Cohesion 0.78 run median 0.76');
    expect(facts).toContain('Similarity to the nearest theme 0.50 long context');
    expect(facts).toContain('Keyword coherence (NPMI) 0.30 run median 0.25');
    expect(facts).toContain('Weak members 1 12.5% of its papers');
    expect(facts).toContain('Verdict one topic');
    expect(await page.locator('[data-testid=mixture-note]').count()).toBe(0);
  });

  it('marks a mixture in the header and says why, with its figures against the run’s', async () => {
    const page = await open('/themes/2?run=1');
    expect((await page.locator('h1').textContent())!.trim()).toBe('Mixture:gaussian splatting');
    const note = (await page.locator('[data-testid=mixture-note]').textContent())!.replace(/\s+/g, ' ');
    expect(note).toContain('cohesion 0.74');
    expect(note).toContain('keyword coherence 0.10');
    expect(note).toContain('typical theme has cohesion 0.76 and keyword coherence 0.25');
    expect(await page.title()).toBe('Mixture: gaussian splatting · Themescope');
    await screenshot(page, 'theme-mixture');
  });

  it('names the mixture "Mixture: …" in the themes table of /curate too', async () => {
    const page = await open('/curate?run=1');
    const names = await page.locator('table.themes tbody tr td:nth-child(2)').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toStrictEqual(['Mixture: gaussian splatting', 'long context', 'model merging, task vectors']);
  });

  it('lists the themes its papers are also close to, with paper counts and mean similarity', async () => {
    const page = await open('/themes/0?run=1');
    const rows = await page.locator('[data-testid=also-close] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    // Every paper of theme 0 has theme 1 second, at half its similarity: mean (1 − 10.5/48) / 2.
    expect(rows).toStrictEqual([['long context', '8', ((1 - 10.5 / 48) / 2).toFixed(2)]]);
  });

  it('marks weak members and names each paper’s next-closest theme in the list of its papers', async () => {
    const page = await open('/themes/0?run=1');
    const rows = page.locator('table.papers tbody tr');
    expect(await rows.count()).toBe(8);
    // Rank 8 is paper 21, the weak one; its next-closest theme is 1 at half its similarity.
    const last = await rows.nth(7).locator('td').evaluateAll((tds) => tds.map((td) => td.textContent!.replace(/\s+/g, ' ').trim()));
    expect(last[4]).toBe(`${Math.fround(1 - 21 / 48).toFixed(2)}weak`);
    expect(last[5]).toBe(`long context (${(Math.fround(1 - 21 / 48) / 2).toFixed(2)})`);
    expect(await page.locator('table.papers .weak').count()).toBe(1);
    await screenshot(page, 'theme-quality');
  });
});
