// Owns the run's colours on the server: reads what the palette is computed from (every theme's area,
// size and map centre; the areas; each theme's most similar centroids) and runs charts/palette.ts
// once per run of the file served (run cache), so every page gives a theme the same colour.
import { buildPalette, SIMILAR_NEIGHBOURS, type Palette, type PaletteArea, type PaletteTheme } from '../charts/palette.js';
import { query } from './db.js';
import { cachedForRun } from './run-cache.js';

async function computePalette(runId: number): Promise<Palette> {
  const [themes, areas, similar] = await Promise.all([
    query<PaletteTheme>(`SELECT theme_id AS "themeId", area_id AS "areaId", size, x, y FROM themes WHERE run_id = $run ORDER BY theme_id`, { run: runId }),
    query<PaletteArea>(`SELECT area_id AS "areaId", size FROM areas WHERE run_id = $run ORDER BY area_id`, { run: runId }),
    query<{ themeId: number; neighbourId: number }>(
      `SELECT theme_id AS "themeId", neighbour_id AS "neighbourId" FROM theme_neighbours
       WHERE run_id = $run AND rank <= $rank ORDER BY theme_id, rank`,
      { run: runId, rank: SIMILAR_NEIGHBOURS }
    )
  ]);
  return buildPalette({ themes, areas, similar });
}

/** Theme and area colours of run `runId`. */
export function loadPalette(runId: number): Promise<Palette> {
  return cachedForRun(runId, 'palette', () => computePalette(runId), (p) => 64 * (Object.keys(p.themes).length + Object.keys(p.areas).length));
}
