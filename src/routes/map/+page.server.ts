// Topic map data: the run, its themes (centres, sizes) and areas, and their colours (palette). Points come from /map/points after the
// page is shown, so the HTML stays small; they are preloaded first in the Link header, so the browser asks for them before the
// page's scripts (a million points: ~5 MB, which had waited for a free connection behind 13 scripts and styles); `q` pre-fills the search.
import { listMapAreas, listMapThemes } from '$lib/server/map';
import { countHiddenThemes } from '$lib/server/overview';
import { loadPalette } from '$lib/server/palette';
import { readQuery } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const q = readQuery(url.searchParams);
  const run = await readRun({ url, locals });
  // The same request as the page's <link rel=preload> and its fetch (crossorigin anonymous = a same-origin CORS fetch).
  locals.firstLinks.push(`</map/points?run=${run.run_id}>; rel="preload"; as="fetch"; crossorigin="anonymous"`);
  const [themes, areas, palette, hidden] = await Promise.all([listMapThemes(run.run_id), listMapAreas(run.run_id), loadPalette(run.run_id),
    countHiddenThemes(run.run_id)]);
  return { runId: run.run_id, nPapers: run.n_papers, q, themes, hidden: hidden.hidden, areas, colours: palette.themes, areaColours: palette.areas };
};
