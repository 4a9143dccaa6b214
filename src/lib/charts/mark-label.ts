// Owns where a chart's mark label goes beside its vertical line: on the side with more room within
// the svg and short of the other marked lines, cut with "…" when even that is too narrow (the whole label then in a <title>).
import { fitText, textWidth } from './text-width.js';

/**
 * Label `label` of a line at plot x `x` (plot offset `left` in an svg `width` wide), in 11 px text.
 * `others`: the plot x of the chart's other marked lines. A label never reaches past another line:
 * drawn across it, it reads as that line's label (at 390 px "cs.IT from here", left of its January
 * line, spanned the August one).
 */
/** Every mark's label placed (placeLabel), each kept short of the others' lines; marks carry their plot x. */
export function placeLabels<T extends { label: string; x: number }>(marks: readonly T[], left: number, width: number):
  (T & { anchor: 'start' | 'end'; dx: number; shown: string })[] {
  return marks.map((m) => ({ ...m, ...placeLabel(m.label, m.x, left, width, marks.filter((o) => o !== m).map((o) => o.x)) }));
}

export function placeLabel(label: string, x: number, left: number, width: number, others: readonly number[] = []): { anchor: 'start' | 'end'; dx: number; shown: string } {
  let right = width - left - x - 8;
  let leftRoom = left + x - 8;
  for (const o of others) {
    if (o > x) right = Math.min(right, o - x - 8);
    else if (o < x) leftRoom = Math.min(leftRoom, x - o - 8);
  }
  const start = textWidth(label, 11) <= right || right >= leftRoom;
  return { anchor: start ? 'start' : 'end', dx: start ? 4 : -4, shown: fitText(label, Math.max(0, start ? right : leftRoom), 11) };
}
