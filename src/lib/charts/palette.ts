// Owns the theme colours: 20 hues × 3 lightness steps (60 colour slots), given out by theme size so
// the largest themes — which sit next to each other in stacks and legends — get the most distinct
// hues; one assignment per run, so a theme has the same colour on every page. Colour is never the
// only cue: every chart that uses these also prints the theme's label.
import { hcl } from 'd3-color';
import { schemeTableau10 } from 'd3-scale-chromatic';

const HUES = 20;
/** CIE L* per step: mid first, then darker, then lighter; chroma kept moderate so text stays legible on top. */
const LIGHTNESS = [58, 40, 74] as const;
const CHROMA = 52;
/** Stepping the hue wheel by 7/20 (coprime with 20) puts consecutive theme ids ~126° apart. */
const HUE_STRIDE = 7;

export const OTHER_COLOUR = '#b4b4b4';
export const MAX_DISTINCT_COLOURS = HUES * LIGHTNESS.length;

/** Theme id → colour, for one run. */
export type ThemeColours = Record<number, string>;

/** Colour of slot `slot` (0-based); slots past 60 reuse colours (labels still tell them apart). */
export function slotColour(slot: number): string {
  const i = ((slot % MAX_DISTINCT_COLOURS) + MAX_DISTINCT_COLOURS) % MAX_DISTINCT_COLOURS;
  const hue = (((i % HUES) * HUE_STRIDE) % HUES) * (360 / HUES) + 15;
  const lightness = LIGHTNESS[Math.floor(i / HUES)];
  return hcl(hue, CHROMA, lightness).formatHex();
}

/** Slot = rank by size (largest first, ties by lower id): consecutive ranks are ~126° of hue apart. */
export function assignThemeColours(themes: readonly { themeId: number; size: number }[]): ThemeColours {
  const ranked = [...themes].sort((a, b) => b.size - a.size || a.themeId - b.themeId);
  return Object.fromEntries(ranked.map((t, slot) => [t.themeId, slotColour(slot)]));
}

/** A theme's colour, or the neutral grey when the run has no such theme. */
export function colourOf(colours: ThemeColours, themeId: number): string {
  return colours[themeId] ?? OTHER_COLOUR;
}

/**
 * Colour of area `areaId` (0 = largest): Tableau's ten categorical colours, which stay apart from
 * each other for the 6–12 bands of the areas chart; past ten, the theme slots. Areas and themes are
 * never stacked in one chart, so their colours need not differ.
 */
export function areaColour(areaId: number): string {
  return areaId < schemeTableau10.length ? schemeTableau10[areaId] : slotColour(areaId);
}
