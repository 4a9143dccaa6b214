// Owns the colour maths of the palette: sRGB hex ⇄ OKLab / OKLCH (Björn Ottosson's matrices, 2020),
// mapping an OKLCH colour into the sRGB gamut by lowering its chroma (hue and lightness kept),
// ΔE_OK, the Euclidean distance in OKLab (1 = black to white; ~0.02 is just noticeable), and the
// WCAG contrast of a colour on white with the darker shade of it that a thin line needs (inkOf).

export interface OkLab {
  L: number;
  a: number;
  b: number;
}

export interface OkLch {
  L: number;
  C: number;
  /** Hue angle in degrees, 0..360. */
  h: number;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** OKLab of a '#rrggbb' colour. */
export function hexToOklab(hex: string): OkLab {
  const n = parseInt(hex.slice(1, 7), 16);
  const r = toLinear(((n >> 16) & 0xff) / 255);
  const g = toLinear(((n >> 8) & 0xff) / 255);
  const b = toLinear((n & 0xff) / 255);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    L: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s
  };
}

/** Linear sRGB of an OKLab colour (components may fall outside 0..1: out of gamut). */
function oklabToLinear({ L, a, b }: OkLab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s
  ];
}

export function lchToLab({ L, C, h }: OkLch): OkLab {
  const rad = (h * Math.PI) / 180;
  return { L, a: C * Math.cos(rad), b: C * Math.sin(rad) };
}

export function labToLch({ L, a, b }: OkLab): OkLch {
  const h = (Math.atan2(b, a) * 180) / Math.PI;
  return { L, C: Math.hypot(a, b), h: h < 0 ? h + 360 : h };
}

function inGamut(lab: OkLab): boolean {
  return oklabToLinear(lab).every((c) => c >= -1e-6 && c <= 1 + 1e-6);
}

/**
 * '#rrggbb' of the OKLCH colour, its chroma lowered (by bisection) until it fits sRGB; lightness and
 * hue are kept, so a palette's hue families survive the gamut's narrow corners (dark yellow, light blue).
 */
export function oklchToHex(colour: OkLch): string {
  let lab = lchToLab(colour);
  if (!inGamut(lab)) {
    let [lo, hi] = [0, colour.C];
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(lchToLab({ ...colour, C: mid }))) lo = mid;
      else hi = mid;
    }
    lab = lchToLab({ ...colour, C: lo });
  }
  const hex = oklabToLinear(lab).map((c) => Math.round(255 * toGamma(Math.min(1, Math.max(0, c)))));
  return '#' + hex.map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** ΔE_OK: Euclidean distance in OKLab. */
export function deltaE(x: OkLab, y: OkLab): number {
  return Math.hypot(x.L - y.L, x.a - y.a, x.b - y.b);
}

/** Smallest angle between two hues, 0..180 degrees. */
export function hueGap(h1: number, h2: number): number {
  const d = Math.abs(h1 - h2) % 360;
  return d > 180 ? 360 - d : d;
}

/** WCAG 2 contrast ratio of a '#rrggbb' colour against white (1 … 21). */
export function contrastOnWhite(hex: string): number {
  const n = parseInt(hex.slice(1, 7), 16);
  const [r, g, b] = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff].map((c) => toLinear(c / 255));
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/**
 * The colour itself when it stands out from white by `ratio` (WCAG 1.4.11 asks 3:1 of a line or a
 * mark that carries data), else the lightest darker shade of it (same OKLCH hue and chroma, lower
 * lightness) that does: a pale theme colour still draws a readable line, in its own hue.
 */
export function inkOf(hex: string, ratio = 3): string {
  if (contrastOnWhite(hex) >= ratio) return hex;
  const lch = labToLch(hexToOklab(hex));
  let [lo, hi] = [0, lch.L];
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (contrastOnWhite(oklchToHex({ ...lch, L: mid })) >= ratio) lo = mid;
    else hi = mid;
  }
  return oklchToHex({ ...lch, L: lo });
}
