// The topic map's inputs as a page has them (the served points, the run's themes and areas anchored
// at their densest spots, the view's frame), the labels a page draws (read from the DOM), and the
// measures the map tests check every drawn label with: its papers' support at its anchor
// (map-anchors.ts) and, independently, how many of its own papers lie near the anchor.
import type { Page } from 'playwright-core';
import { decodePoints, toGrid, type MapPointsPayload } from '../../src/lib/charts/map-points.js';
import { extentOf, fitFrame, toGridPoint, type BaseFrame, type ZoomLike } from '../../src/lib/charts/map-view.js';
import { anchorSubjects, supportAt, type AnchoredSubjects } from '../../src/lib/charts/map-anchors.js';
import type { Box } from '../../src/lib/charts/label-placement.js';
import type { Dashboard } from './dashboard.js';
import { shownLabel } from '../../src/lib/theme-label.js';
import { readDb } from './dbs.js';

export interface Scene extends AnchoredSubjects {
  points: MapPointsPayload;
  width: number;
  height: number;
  base: BaseFrame;
  themeIds: number[];
  areaIds: number[];
  /** Group of each point: index into themes / areas (-1 for none). */
  themeOf: Int32Array;
  areaOf: Int32Array;
}

/** The map's inputs for the page's view size (run 1). */
export async function mapScene(app: Dashboard, page: Page): Promise<Scene> {
  const points = decodePoints(await (await fetch(`${app.server.url}/map/points?run=1`)).arrayBuffer());
  const stored = await readDb<{ themeId: number; areaId: number | null; label: string; mixture: boolean | null; size: number; x: number; y: number }>(app.db,
    'SELECT theme_id AS "themeId", area_id AS "areaId", label, mixture, size, x, y FROM themes WHERE run_id = 1 ORDER BY theme_id');
  // Named as the page names them ("Mixture: …"), so labels are measured and placed as drawn.
  const themeRows = stored.map((t) => ({ ...t, label: shownLabel(t) }));
  const areaRows = await readDb<{ areaId: number; label: string; size: number; x: number; y: number }>(app.db,
    'SELECT area_id AS "areaId", label, size, x, y FROM areas WHERE run_id = 1 ORDER BY area_id');
  const grid = <T extends { x: number; y: number }>(r: T) => {
    const [gx, gy] = toGrid(points, r.x, r.y);
    return { ...r, gx, gy };
  };
  const themes = themeRows.map(grid);
  const svg = page.locator('.topic-map svg[role=group]');
  const [width, height] = [Number(await svg.getAttribute('width')), Number(await svg.getAttribute('height'))];
  const base = fitFrame(extentOf([...points.x, ...themes.map((t) => t.gx)], [...points.y, ...themes.map((t) => t.gy)]), width, height, 28);
  const anchored = anchorSubjects(points, themes, areaRows.map(grid));
  const themeIndex = new Map(themeRows.map((t, i) => [t.themeId, i]));
  const areaIndex = new Map(areaRows.map((a, i) => [a.areaId, i]));
  const themeOf = Int32Array.from(points.theme, (t) => themeIndex.get(t) ?? -1);
  const areaOf = Int32Array.from(themeOf, (t) => (t < 0 || themeRows[t].areaId === null ? -1 : areaIndex.get(themeRows[t].areaId!) ?? -1));
  return { ...anchored, points, width, height, base, themeIds: themeRows.map((t) => t.themeId), areaIds: areaRows.map((a) => a.areaId), themeOf, areaOf };
}

export interface DrawnLabel {
  kind: 'theme' | 'area';
  /** theme_id or area_id. */
  id: number;
  /** Its lines as drawn. */
  lines: string[];
  /** The text's box and the anchor, in map-area pixels (relative to the overlay). */
  box: Box;
  anchor: [number, number];
}

/** The labels the page draws now, read from the DOM. */
export function drawnLabels(page: Page): Promise<DrawnLabel[]> {
  return page.locator('.topic-map svg[role=group]').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('a.theme-label, a.area-label')].map((a) => {
      const text = a.querySelector('text')!;
      const r = text.getBoundingClientRect();
      const spans = [...text.querySelectorAll('tspan')];
      const [ax, ay] = a.getAttribute('data-anchor')!.split(',').map(Number);
      const area = a.classList.contains('area-label');
      return {
        kind: area ? 'area' : 'theme',
        id: Number(a.getAttribute(area ? 'data-area-id' : 'data-theme-id')),
        lines: spans.length ? spans.map((s) => s.textContent!) : [text.textContent!],
        box: { left: r.left - frame.left, top: r.top - frame.top, width: r.width, height: r.height },
        anchor: [ax, ay]
      } as const;
    });
  }) as Promise<DrawnLabel[]>;
}

/** Boxes of the theme dots drawn now (map-area pixels). */
export function drawnDots(page: Page): Promise<Box[]> {
  return page.locator('.topic-map svg[role=group]').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('g.labels circle')].map((c) => {
      const r = c.getBoundingClientRect();
      return { left: r.left - frame.left, top: r.top - frame.top, width: r.width, height: r.height };
    });
  });
}

/** Support of a drawn label's own papers at its anchor (0 … 1, map-anchors.ts). */
export function labelSupport(s: Scene, label: DrawnLabel, zoom: ZoomLike): number {
  const [gx, gy] = toGridPoint(s.base, zoom, label.anchor[0], label.anchor[1]);
  return label.kind === 'theme'
    ? supportAt(s.themeDensity!, s.themeIds.indexOf(label.id), gx, gy)
    : supportAt(s.areaDensity!, s.areaIds.indexOf(label.id), gx, gy);
}

/**
 * An independent measure: the label's own papers within `radius` screen px of its anchor, over the
 * most of them within `radius` of any one of them (its crowdest paper's neighbourhood).
 */
export function nearShare(s: Scene, label: DrawnLabel, zoom: ZoomLike, radius: number): number {
  const group = label.kind === 'theme' ? s.themeOf : s.areaOf;
  const g = label.kind === 'theme' ? s.themeIds.indexOf(label.id) : s.areaIds.indexOf(label.id);
  const r = radius / (zoom.k * s.base.k);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < group.length; i++) if (group[i] === g) [xs.push(s.points.x[i]), ys.push(s.points.y[i])];
  const within = (qx: number, qy: number) => {
    let n = 0;
    for (let j = 0; j < xs.length; j++) if ((xs[j] - qx) ** 2 + (ys[j] - qy) ** 2 <= r * r) n++;
    return n;
  };
  let best = 0;
  for (let i = 0; i < xs.length; i++) best = Math.max(best, within(xs[i], ys[i]));
  const [gx, gy] = toGridPoint(s.base, zoom, label.anchor[0], label.anchor[1]);
  return best === 0 ? 0 : within(gx, gy) / best;
}
