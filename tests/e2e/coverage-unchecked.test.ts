// A run made before the pipeline checked the corpus's coverage (no runs.metrics.coverageChecked) reads
// every trend over all papers: the Overview says so, so that "no change found" and "never looked"
// do not look alike; a run that was checked says nothing of it.
import { describe, expect, it } from 'vitest';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { useDashboard } from './dashboard.js';
import { writeDb } from './dbs.js';

// Run 1 as an older pipeline stored it (its metrics without the mark), run 2 as this one does.
const { open } = useDashboard(async () => writeDb([handMadeRun(), handMadeRun()],
  `UPDATE runs SET metrics = json_object('inertia', 1.5, 'iterations', 3) WHERE run_id = 1`));

describe('a run made before the coverage check', () => {
  it('says on the Overview that its trends are read over all papers, and how to check', async () => {
    const page = await open('/?run=1');
    const note = page.getByTestId('coverage-unchecked');
    expect(await note.textContent()).toMatch(/made before Themescope checked the corpus’s coverage[\s\S]*Run the pipeline\s+again/);
    await page.close();
  });

  it('says so on a theme page too, next to the trend', async () => {
    const page = await open('/themes/0?run=1');
    expect(await page.getByTestId('theme-coverage-unchecked').textContent()).toMatch(/made before Themescope checked[\s\S]*read over all papers/);
    await page.close();
    const checked = await open('/themes/0?run=2');
    await expect.poll(() => checked.getByTestId('theme-coverage-unchecked').count()).toBe(0);
    await checked.close();
  });

  it('says nothing of it for a run that was checked', async () => {
    const page = await open('/?run=2');
    await expect.poll(() => page.getByTestId('coverage-changes').count()).toBe(0);
    expect(await page.getByTestId('coverage-unchecked').count()).toBe(0);
    await page.close();
  });
});
