// Owns the theme colours: 20 hues × 3 lightness steps (60 colours) keyed by theme id, so a theme has
// the same colour on every page, plus the neutral grey of the "Other" band. Colour is never the only
// cue: every chart that uses these also prints the theme's label.
import { hcl } from 'd3-color';

const HUES = 20;
/** CIE L* per step: mid first, then darker, then lighter; chroma kept moderate so text stays legible on top. */
const LIGHTNESS = [58, 40, 74] as const;
const CHROMA = 52;
/** Stepping the hue wheel by 7/20 (coprime with 20) puts consecutive theme ids ~126° apart. */
const HUE_STRIDE = 7;

export const OTHER_COLOUR = '#b4b4b4';
export const MAX_DISTINCT_COLOURS = HUES * LIGHTNESS.length;

/** Colour of theme `themeId` (0-based); ids past 60 reuse colours (labels still tell them apart). */
export function themeColour(themeId: number): string {
  const i = ((themeId % MAX_DISTINCT_COLOURS) + MAX_DISTINCT_COLOURS) % MAX_DISTINCT_COLOURS;
  const hue = (((i % HUES) * HUE_STRIDE) % HUES) * (360 / HUES) + 15;
  const lightness = LIGHTNESS[Math.floor(i / HUES)];
  return hcl(hue, CHROMA, lightness).formatHex();
}

/** Text colour readable on top of `background` (black on light fills, white on dark). */
export function textColourOn(background: string): string {
  return hcl(background).l > 60 ? '#1a1a1a' : '#ffffff';
}
