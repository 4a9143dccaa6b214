// Owns warming the caches of the file being served. A complete run never changes, so what the first
// visitor of each page would wait for — the palette, the search dictionary (235k terms), the map's
// points (a million papers: ~1 s of CPU), the point offsets, the run's paper tables in DuckDB's
// buffer pool, each theme's top authors and categories — is computed for the newest complete run
// once, in the background, when the server starts and whenever the pipeline renames a new file into
// place (db.ts setOpenListener).
import { databaseIdentity } from './run-cache.js';
import { query, setOpenListener } from './db.js';
import { loadThemeFacets } from './facets.js';
import { encodedMapPoints } from './map.js';
import { loadPalette } from './palette.js';
import { dictionary } from './search-index.js';

let warming: { identity: string; done: Promise<void> } | null = null;

/** Warms the newest complete run of the file now served (once per file); resolves when done. Never rejects. */
export function warmUp(): Promise<void> {
  let identity: string;
  try {
    identity = databaseIdentity();
  } catch {
    return Promise.resolve(); // no database yet: the first request reports it
  }
  if (warming?.identity !== identity) warming = { identity, done: warm().catch(() => {}) };
  return warming.done;
}

async function warm(): Promise<void> {
  const t0 = performance.now();
  const [{ id }] = await query<{ id: number | null }>(`SELECT max(run_id) AS id FROM runs WHERE status = 'complete'`);
  if (id === null) return;
  await loadPalette(id);
  await dictionary(id);
  await encodedMapPoints(id);
  // The columns every page reads, into DuckDB's buffer pool; the texts too (snippets, quoted
  // phrases) and the run's search postings: read for the first time, a block costs ~5× what it does
  // once held (a quoted phrase at a million papers: ~0.6 s the first time, ~0.25 s after).
  await query(`SELECT count(DISTINCT p.paper_id)::INTEGER AS n, max(p.published) AS d,
      sum(length(p.title) + length(p.abstract))::BIGINT AS chars
    FROM paper_themes pt JOIN papers p ON p.paper_id = pt.paper_id WHERE pt.run_id = $run`, { run: id });
  await query(`SELECT sum(term_id)::BIGINT AS t, sum(paper_row)::BIGINT AS r, sum(tf) AS f FROM search_postings WHERE run_id = $run`, { run: id });
  // Each theme's top authors and categories (cached per run and theme): an unnest of every author
  // of the theme's papers, the theme page's slowest query at 250k papers (~190 ms of CPU cold).
  const themes = await query<{ theme_id: number }>(`SELECT theme_id FROM themes WHERE run_id = $run ORDER BY theme_id`, { run: id });
  for (const { theme_id } of themes) await loadThemeFacets(id, theme_id);
  console.log(`themescope: warmed run ${id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

setOpenListener(() => void warmUp());
