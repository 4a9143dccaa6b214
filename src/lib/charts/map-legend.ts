// Owns the order of the topic map's legend, on screen and in the export: the areas largest first,
// each followed by its themes largest first (one hue family per group, see palette.ts); themes
// without a known area last, under no heading (all of them in runs made before areas).
import type { MapArea, MapTheme } from './map-points.js';

export interface LegendGroup {
  /** null: the themes without an area. */
  area: MapArea | null;
  themes: MapTheme[];
}

const bySize = <T extends { size: number }>(key: (x: T) => number) => (a: T, b: T) => b.size - a.size || key(a) - key(b);

export function legendGroups(themes: MapTheme[], areas: MapArea[]): LegendGroup[] {
  const sorted = [...themes].sort(bySize((t) => t.themeId));
  const known = new Set(areas.map((a) => a.areaId));
  const groups: LegendGroup[] = [...areas]
    .sort(bySize((a) => a.areaId))
    .map((area) => ({ area, themes: sorted.filter((t) => t.areaId === area.areaId) }))
    .filter((g) => g.themes.length > 0);
  const rest = sorted.filter((t) => t.areaId === null || !known.has(t.areaId));
  return rest.length > 0 ? [...groups, { area: null, themes: rest }] : groups;
}
