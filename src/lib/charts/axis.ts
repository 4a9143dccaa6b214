// Owns how values print on axes and read-outs: shares as percentages, paper counts as integers,
// other values (weights) as decimals — tick labels with as many decimals as their step needs.
import { format, precisionFixed } from 'd3-format';
import type { Measure } from './stack-layout.js';

export type TickKind = Measure | 'number';

const count = format(',d');

/**
 * Labels for ascending tick values. Decimals: d3's precisionFixed(step), less 2 for percentages
 * (0.005 → "0.5%"); more decimals while two labels would read the same, so a 0–3.2% axis never
 * prints "1%" twice. Counts are integers, comma-grouped.
 */
export function labelTicks(values: readonly number[], kind: TickKind): string[] {
  if (kind === 'papers') return values.map((v) => count(v));
  // The smallest gap, rounded to 12 digits: 0.03 − 0.02 is 0.009999999999999998 in floating point.
  let step = Infinity;
  for (let i = 1; i < values.length; i++) step = Math.min(step, Number((values[i] - values[i - 1]).toPrecision(12)));
  const base = Number.isFinite(step) && step > 0 ? precisionFixed(step) : 0;
  let digits = Math.max(0, kind === 'share' ? base - 2 : base);
  for (;;) {
    const fmt = format(kind === 'share' ? `.${digits}%` : `.${digits}f`);
    const labels = values.map((v) => fmt(v));
    if (new Set(labels).size === labels.length || digits >= 12) return labels;
    digits++;
  }
}

/** A hover read-out: counts; shares with one decimal, or two significant digits below 1% (0.043%, not 0.0%). */
export function formatReadout(value: number, measure: Measure): string {
  if (measure === 'papers') return count(value);
  return format(value > 0 && value < 0.01 ? '.2~p' : '.1%')(value);
}

/** Shortens a label to at most `max` characters, ending in "…" when cut. */
export function truncate(label: string, max: number): string {
  return label.length <= max ? label : label.slice(0, Math.max(1, max - 1)).trimEnd() + '…';
}
