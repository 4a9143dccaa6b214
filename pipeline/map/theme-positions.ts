// Where each theme sits on the map: classical MDS of the centroids, then discs (area ∝ theme size)
// pushed apart until none overlap, and the whole scaled to fit [-1, 1]².
import { symmetricEigen } from './eigen.js';

/** Share of the [-1, 1]² square the theme discs cover together before separation. */
export const DISC_AREA_FRACTION = 0.3;
/** Empty space kept between neighbouring discs, in map units before the final scaling. */
export const DISC_GAP = 0.01;
const MAX_SEPARATION_SWEEPS = 500;

export interface ThemePlacement {
  /** x,y per theme, interleaved. */
  xy: Float64Array;
  /** Disc radius per theme: its papers are drawn inside it. */
  radius: Float64Array;
}

/**
 * Classical MDS on chord distances between unit centroids: d²ᵢⱼ = |cᵢ − cⱼ|² = 2 − 2 Sᵢⱼ, so
 * B = −½ J D² J = J S J (J = I − 11ᵀ/k, the double-centred similarity), and theme i sits at
 * (√λ₁ e₁ᵢ, √λ₂ e₂ᵢ) for B's two largest eigenpairs — the exact 2-D PCA of the centroids.
 * Each axis's sign is fixed (largest |component| positive) and both are scaled by one factor so
 * max |coordinate| = 1.
 */
export function projectThemes(sim: Float64Array, k: number): Float64Array {
  const rowMean = new Float64Array(k);
  let mean = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) rowMean[i] += sim[i * k + j] / k;
    mean += rowMean[i] / k;
  }
  const b = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) b[i * k + j] = sim[i * k + j] - rowMean[i] - rowMean[j] + mean;
  const { values, vectors } = symmetricEigen(b, k);
  const xy = new Float64Array(2 * k);
  for (let axis = 0; axis < Math.min(2, k); axis++) {
    const lambda = values[axis];
    if (!(lambda > 1e-12)) continue; // fewer than two dimensions of spread: leave that axis at 0
    let sign = 1;
    let largest = -1;
    for (let i = 0; i < k; i++) {
      const x = vectors[axis * k + i];
      if (Math.abs(x) > largest + 1e-12) [largest, sign] = [Math.abs(x), x < 0 ? -1 : 1];
    }
    for (let i = 0; i < k; i++) xy[2 * i + axis] = sign * Math.sqrt(lambda) * vectors[axis * k + i];
  }
  let extent = 0;
  for (const x of xy) extent = Math.max(extent, Math.abs(x));
  if (extent > 0) for (let i = 0; i < xy.length; i++) xy[i] /= extent;
  return xy;
}

/**
 * Disc radius rᵢ = R √(sizeᵢ / n) with π R² = DISC_AREA_FRACTION × 4, so areas are proportional to
 * theme sizes and together cover that share of the square.
 */
export function discRadii(sizes: Int32Array): Float64Array {
  const n = sizes.reduce((s, x) => s + x, 0);
  const R = Math.sqrt((4 * DISC_AREA_FRACTION) / Math.PI);
  return Float64Array.from(sizes, (size) => (n > 0 ? R * Math.sqrt(size / n) : 0));
}

/**
 * Pushes overlapping discs apart, pair by pair in a fixed order, each by half the overlap along the
 * line between centres, until no pair overlaps (or MAX_SEPARATION_SWEEPS). Coincident centres move
 * along a direction drawn from `random`. Then fits the discs to [-1, 1]² (fitSquare). Mutates `xy`
 * and `radius`.
 */
export function separateDiscs(xy: Float64Array, radius: Float64Array, random: () => number): void {
  const k = radius.length;
  for (let sweep = 0; sweep < MAX_SEPARATION_SWEEPS; sweep++) {
    let moved = false;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        let dx = xy[2 * j] - xy[2 * i];
        let dy = xy[2 * j + 1] - xy[2 * i + 1];
        let d = Math.hypot(dx, dy);
        const need = radius[i] + radius[j] + DISC_GAP;
        if (d >= need - 1e-9) continue; // touching within rounding counts as apart
        if (d < 1e-12) {
          const angle = 2 * Math.PI * random();
          [dx, dy, d] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (need - d) / 2;
        const [ux, uy] = [dx / d, dy / d];
        xy[2 * i] -= ux * push;
        xy[2 * i + 1] -= uy * push;
        xy[2 * j] += ux * push;
        xy[2 * j + 1] += uy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  fitSquare(xy, radius);
}

/**
 * Centres the discs' bounding box on the origin and scales centres and radii by one factor (aspect
 * kept) so the box's longer side spans [-1, 1]: every disc inside the square, none overlapping.
 */
function fitSquare(xy: Float64Array, radius: Float64Array): void {
  const k = radius.length;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < k; i++) {
    [minX, maxX] = [Math.min(minX, xy[2 * i] - radius[i]), Math.max(maxX, xy[2 * i] + radius[i])];
    [minY, maxY] = [Math.min(minY, xy[2 * i + 1] - radius[i]), Math.max(maxY, xy[2 * i + 1] + radius[i])];
  }
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  if (!(half > 0)) return;
  const [midX, midY] = [(minX + maxX) / 2, (minY + maxY) / 2];
  for (let i = 0; i < k; i++) {
    xy[2 * i] = (xy[2 * i] - midX) / half;
    xy[2 * i + 1] = (xy[2 * i + 1] - midY) / half;
    radius[i] /= half;
  }
}
