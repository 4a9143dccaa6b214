// Owns where a theme sits on the map: at the densest spot of its own papers, so its label lands
// among them even when a theme spreads over several islands (a mean could fall in the sea between).

/** Cells per axis of the grid over [-1, 1]² that the density peak is found on. */
export const CENTRE_GRID = 48;

/**
 * Theme t's centre: count t's papers per grid cell, smooth with the 3 × 3 box (each cell plus its 8
 * neighbours), take the cell of the highest smoothed count (ties to the lower cell index), and
 * return the mean position of t's papers within that cell and its 8 neighbours. (0, 0) for an
 * empty theme. xy: papers' x,y interleaved, within [-1, 1]².
 */
export function themeCentres(xy: Float32Array, assignments: Int32Array, k: number): Float64Array {
  const G = CENTRE_GRID;
  const cellOf = (v: number) => Math.min(G - 1, Math.max(0, Math.floor(((v + 1) / 2) * G)));
  const counts = new Map<number, Int32Array>();
  for (let i = 0; i < assignments.length; i++) {
    const t = assignments[i];
    if (!counts.has(t)) counts.set(t, new Int32Array(G * G));
    counts.get(t)![cellOf(xy[2 * i + 1]) * G + cellOf(xy[2 * i])]++;
  }
  const peak = new Int32Array(k).fill(-1);
  for (const [t, grid] of counts) {
    let best = -1;
    for (let cy = 0; cy < G; cy++) {
      for (let cx = 0; cx < G; cx++) {
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const [x, y] = [cx + dx, cy + dy];
          if (x >= 0 && x < G && y >= 0 && y < G) s += grid[y * G + x];
        }
        if (s > best) [best, peak[t]] = [s, cy * G + cx];
      }
    }
  }
  const sum = new Float64Array(3 * k);
  for (let i = 0; i < assignments.length; i++) {
    const t = assignments[i];
    const [cx, cy] = [cellOf(xy[2 * i]), cellOf(xy[2 * i + 1])];
    const [px, py] = [peak[t] % G, Math.floor(peak[t] / G)];
    if (Math.abs(cx - px) > 1 || Math.abs(cy - py) > 1) continue;
    sum[3 * t] += xy[2 * i];
    sum[3 * t + 1] += xy[2 * i + 1];
    sum[3 * t + 2]++;
  }
  const out = new Float64Array(2 * k);
  for (let t = 0; t < k; t++) if (sum[3 * t + 2] > 0) [out[2 * t], out[2 * t + 1]] = [sum[3 * t] / sum[3 * t + 2], sum[3 * t + 1] / sum[3 * t + 2]];
  return out;
}
