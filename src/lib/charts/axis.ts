// Owns how values print on axes and read-outs: shares as percentages, paper counts as integers.
import { format } from 'd3-format';
import type { Measure } from './stack-layout.js';

const percent = format('.0%');
const percentFine = format('.1%');
const count = format(',d');

export function formatAxisValue(value: number, measure: Measure): string {
  return measure === 'share' ? percent(value) : count(value);
}

export function formatReadout(value: number, measure: Measure): string {
  return measure === 'share' ? percentFine(value) : count(value);
}

/** Shortens a label to at most `max` characters, ending in "…" when cut. */
export function truncate(label: string, max: number): string {
  return label.length <= max ? label : label.slice(0, Math.max(1, max - 1)).trimEnd() + '…';
}
