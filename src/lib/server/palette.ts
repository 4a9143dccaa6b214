// Owns the run's colours on the server: reads what the palette is computed from (every theme's area,
// size and map centre; the areas; each theme's most similar centroids) and runs charts/palette.ts
// once per run of the file served (run cache), so every page gives a theme the same colour.
import { buildPalette, SIMILAR_NEIGHBOURS, type Palette, type PaletteArea, type PaletteInput, type PaletteTheme } from '../charts/palette.js';
import { query } from './db.js';
import { cachedForRun } from './run-cache.js';

/** What the palette is computed from, read from the curated views (`schema` '') or the file as the pipeline wrote it ('src.main.'). */
async function paletteInput(runId: number, schema: '' | 'src.main.'): Promise<PaletteInput> {
  const [themes, areas, similar] = await Promise.all([
    query<PaletteTheme>(`SELECT theme_id AS "themeId", area_id AS "areaId", size, x, y FROM ${schema}themes WHERE run_id = $run ORDER BY theme_id`, { run: runId }),
    query<PaletteArea>(`SELECT area_id AS "areaId", size FROM ${schema}areas WHERE run_id = $run ORDER BY area_id`, { run: runId }),
    query<{ themeId: number; neighbourId: number }>(
      `SELECT theme_id AS "themeId", neighbour_id AS "neighbourId" FROM ${schema}theme_neighbours
       WHERE run_id = $run AND rank <= $rank ORDER BY theme_id, rank`,
      { run: runId, rank: SIMILAR_NEIGHBOURS }
    )
  ]);
  return { themes, areas, similar };
}

/**
 * The run's colours as the pipeline made it; curated (a theme renamed, hidden, merged or split on
 * /curate), its themes and areas keep those colours, and only the themes an edit made are placed
 * anew: a hide or a merge recoloured areas it did not touch, so charts before and after an edit could
 * not be compared (dashboard audit of 2026-12-03).
 */
async function computePalette(runId: number): Promise<Palette> {
  const [current, stored] = await Promise.all([paletteInput(runId, ''), paletteInput(runId, 'src.main.')]);
  const base = buildPalette(stored);
  return JSON.stringify(current) === JSON.stringify(stored) ? base : buildPalette(current, base);
}

/** Theme and area colours of run `runId`. */
export function loadPalette(runId: number): Promise<Palette> {
  return cachedForRun(runId, 'palette', () => computePalette(runId), (p) => 64 * (Object.keys(p.themes).length + Object.keys(p.areas).length));
}
