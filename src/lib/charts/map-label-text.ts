// Owns what the topic map's labels say and how big they are drawn: the fonts, each label's forms
// (the whole name on one line, then on two, then its first phrase — the words before the first
// comma — on one line, then on two; never a name cut with "…" where a whole phrase fits), their
// widths (text-width.ts, so the server, the browser and the tests measure alike) and hover titles.
import { formatCount } from './periods.js';
import { fitText, textWidth } from './text-width.js';

export const THEME_FONT = { size: 12, weight: 600, halo: 3.5 } as const;
export const AREA_FONT = { size: 13, narrowSize: 11, weight: 700, halo: 4, spacing: 0.04 } as const;
/** Line step of a theme label on two lines, in px. */
export const THEME_LINE_STEP = 14;
/**
 * Widest line of a theme label, in px: a longer name goes on two lines. About the width of the 30
 * characters labels used to be cut to, so a whole name takes no wider a box than the cut one did.
 */
export const THEME_LINE_MAX = 240;
/** Views narrower than this (the map on a phone) draw area labels smaller and theme labels by their first phrase. */
export const NARROW_VIEW = 560;

type Measure = (line: string) => number;

/** Forms in order, each once (a one-phrase name's first phrase is the name itself). */
function distinct(forms: string[][]): string[][] {
  const seen = new Set<string>();
  return forms.filter((f) => !seen.has(f.join('\n')) && seen.add(f.join('\n')));
}

/** `words` (joined by `sep`) cut into two lines of the most even widths; one line for a single word. */
function twoLines(words: string[], sep: string, trail: string, measure: Measure): string[] {
  if (words.length < 2) return [words.join(sep)];
  let best: string[] = [];
  let widest = Infinity;
  for (let j = 1; j < words.length; j++) {
    const lines = [words.slice(0, j).join(sep) + trail, words.slice(j).join(sep)];
    const w = Math.max(...lines.map(measure));
    if (w < widest) [best, widest] = [lines, w];
  }
  return best;
}

/** `text` on two lines: cut after a comma when it has one, else between words. */
function broken(text: string, measure: Measure): string[] {
  const phrases = text.split(', ');
  return phrases.length > 1 ? twoLines(phrases, ', ', ',', measure) : twoLines(text.split(' '), ' ', '', measure);
}

/** Drawn width of one line of a theme label (semi-bold: DejaVu Sans Bold on Debian, so the bold widths). */
export function themeLineWidth(line: string): number {
  return textWidth(line, THEME_FONT.size, true);
}

/**
 * The forms a theme label may take in a view this wide, most complete first, each line at most
 * THEME_LINE_MAX wide: its name on one line, on two, then its first phrase (on two lines only when
 * one is too narrow for it: "human / motion" reads worse than no label, which zooming in brings). On
 * a phone only the first phrase, so more themes find room (the legend and the tooltip give the
 * name). A first phrase wider than two lines allow (one long word) is cut to fit, the one "…" left.
 */
export function themeLabelForms(label: string, viewWidth = Infinity): string[][] {
  const first = label.split(', ')[0];
  const short = themeLineWidth(first) <= THEME_LINE_MAX ? [[first]] : [broken(first, themeLineWidth)];
  const forms = distinct(viewWidth < NARROW_VIEW ? short : [[label], broken(label, themeLineWidth), ...short]);
  const fitting = forms.filter((f) => f.every((line) => themeLineWidth(line) <= THEME_LINE_MAX));
  return fitting.length > 0 ? fitting : [[fitText(first, THEME_LINE_MAX, THEME_FONT.size, true)]];
}

/**
 * Whether a theme form names the theme in full as a view this wide does: its whole name (on one line
 * or two) — on a phone, where a theme is named by its first phrase, any of its forms. Zoomed out, the
 * map names the areas unless every theme is named so.
 */
export function namesInFull(form: string[], label: string, viewWidth: number): boolean {
  return viewWidth < NARROW_VIEW || form.join(' ') === label;
}

/**
 * An area's name in capitals, as the map writes areas — but a word the corpus writes with capitals
 * of its own ("VLMs", "CoT", "3D") stays as written: "COT" would read as another word.
 */
export function areaLabelText(label: string): string {
  return label.replace(/[^\s,]+/g, (word) => (word === word.toLowerCase() ? word.toUpperCase() : word));
}

/** Drawn width of one line of an area label (already in capitals) at `size` px, letter-spacing included. */
export function areaLineWidth(text: string, size: number = AREA_FONT.size): number {
  return textWidth(text, size, true) + [...text].length * AREA_FONT.spacing * size;
}

/** Drawn width of an area label on one line, letter-spacing included. */
export function areaLabelWidth(label: string): number {
  return areaLineWidth(areaLabelText(label));
}

/**
 * The forms an area label may take, most complete first: its name on one line; on two lines, cut
 * after a comma (else between words); its first phrase (the text before the first comma) on one
 * line, then on two. The link's title always gives the whole name.
 */
export function areaLabelForms(label: string): string[][] {
  const text = areaLabelText(label);
  const first = text.split(', ')[0];
  const measure = (line: string) => areaLineWidth(line);
  return distinct([[text], broken(text, measure), [first], twoLines(first.split(' '), ' ', '', measure)]);
}

/**
 * The forms tried in a view this wide: all of areaLabelForms in order, except on a phone, where the
 * first phrase comes first — a whole name there would cover much of the small map (the legend below
 * it gives the names whole) — and the whole name only when the phrase finds no room.
 */
export function areaFormsFor(label: string, viewWidth: number): string[][] {
  const forms = areaLabelForms(label);
  if (viewWidth >= NARROW_VIEW) return forms;
  const isWhole = (f: string[]) => f.join(' ') === areaLabelText(label);
  return [...forms.filter((f) => !isWhole(f)), ...forms.filter(isWhole)];
}

/** Area label font size in a view this wide: smaller on phones, where the map is a few hundred px. */
export function areaFontSize(viewWidth: number): number {
  return viewWidth < NARROW_VIEW ? AREA_FONT.narrowSize : AREA_FONT.size;
}

/** A theme label's hover title: its whole name (the drawn one may be its first phrase) and its papers. */
export function themeLabelTitle(theme: { label: string; size: number }): string {
  return `${theme.label} — ${formatCount(theme.size)} papers`;
}

/** An area label's hover title: its name, its papers, and that its themes are named zoomed in. */
export function areaLabelTitle(area: { label: string; size: number }): string {
  return `Area: ${area.label} — ${formatCount(area.size)} papers (zoom in for its themes)`;
}
