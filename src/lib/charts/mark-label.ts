// Owns where a chart's mark label goes beside its vertical line: on the side with more room within
// the svg, cut with "…" when even that is too narrow (the whole label then in a <title>).
import { fitText, textWidth } from './text-width.js';

/** Label `label` of a line at plot x `x` (plot offset `left` in an svg `width` wide), in 11 px text. */
export function placeLabel(label: string, x: number, left: number, width: number): { anchor: 'start' | 'end'; dx: number; shown: string } {
  const right = width - left - x - 8;
  const leftRoom = left + x - 8;
  const start = textWidth(label, 11) <= right || right >= leftRoom;
  return { anchor: start ? 'start' : 'end', dx: start ? 4 : -4, shown: fitText(label, start ? right : leftRoom, 11) };
}
