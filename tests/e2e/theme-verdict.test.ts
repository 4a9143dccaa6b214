// The Theme page's verdict on the shipped sample, against the pipeline's own rule: a mixture (low
// cohesion and keywords that do not go together), "loose" (cohesion as low as a mixture's, keywords
// that do go together), else one topic. Found by the dashboard review of 2026-12-04: the 74.7k run's
// least cohesive theme, "nash equilibria", held aircraft, wind turbines and drones and was called "one topic".
import { describe, expect, it } from 'vitest';
import { cohesionZ, MIXTURE_Z } from '../../pipeline/quality/mixture.js';
import { formatSigned } from '../../src/lib/charts/periods.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { sampleDb } from './sample-db.js';

const { app, open } = useDashboard(async () => sampleDb());

describe('the Theme page’s verdict', () => {
  it('calls a theme loose, mixed or one topic as the rule over the run’s cohesions says, with its robust z', async () => {
    const themes = await readDb<{ theme_id: number; cohesion: number; mixture: boolean }>(app.db,
      'SELECT theme_id, cohesion, mixture FROM themes WHERE run_id = 1 ORDER BY theme_id');
    const z = cohesionZ(themes.map((t) => t.cohesion));
    const verdictOf = (i: number) => (themes[i].mixture ? 'mixture of topics' : z[i] < MIXTURE_Z ? 'loose: read its papers' : 'one topic');
    // The four least cohesive themes and the most cohesive one.
    const order = themes.map((_, i) => i).sort((a, b) => z[a] - z[b]);
    const checked = [...order.slice(0, 4), order.at(-1)!];
    const verdicts = checked.map(verdictOf);
    // The sample holds each kind (phase noise is a mixture; mental health and social media is loose).
    expect(new Set(verdicts)).toStrictEqual(new Set(['mixture of topics', 'loose: read its papers', 'one topic']));
    for (const [n, i] of checked.entries()) {
      const page = await open(`/themes/${themes[i].theme_id}`);
      const text = (await page.getByTestId('verdict').innerText()).replace(/\s+/g, ' ').trim();
      expect(text).toContain(`Verdict ${verdicts[n]}`);
      if (verdicts[n].startsWith('loose')) {
        expect(text).toContain(`cohesion as low as a mixture’s (${formatSigned(z[i], 1)} robust SD from the run’s median)`);
        await screenshot(page, 'theme-loose');
      }
    }
  });
});
