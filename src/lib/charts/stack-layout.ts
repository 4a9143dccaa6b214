// Owns the stacked-area layout of themes (or areas) over time: which series are stacked (the picked
// ones, then "Other" = everything not picked, unless the view has no Other), their values per
// period, and the d3 stack bands [y0, y1].
import { stack, stackOrderNone, stackOffsetNone } from 'd3-shape';
import { OTHER_COLOUR } from './palette.js';

export type Measure = 'share' | 'papers';

export interface PeriodTotalInput {
  period: string;
  papers: number;
  partial: boolean;
}

export interface ThemePeriodInput {
  themeId: number;
  period: string;
  papers: number;
  share: number;
}

/** A series to stack: a theme, or an area (then `themeId` holds the area id, as in its period rows). */
export interface StackThemeInput {
  themeId: number;
  label: string;
  colour: string;
}

export interface StackSeries {
  key: string;
  /** null for the "Other" series. */
  themeId: number | null;
  label: string;
  colour: string;
  /** The measure per period (share in 0..1, or papers). */
  values: number[];
  /** Lower and upper edge of the band per period. */
  bands: [number, number][];
}

export interface StackLayout {
  periods: string[];
  partial: boolean[];
  totals: number[];
  /** Bottom series first. */
  series: StackSeries[];
  /** Top of the highest band over all periods (1 for share when any period has papers). */
  max: number;
}

/** A remainder below this (float rounding of shares that add up to 1) is no "Other" band. */
const OTHER_EPSILON = 1e-9;

/**
 * Stacks the picked themes (in the given order, bottom first) and an "Other" series on top.
 * Other per period: share → 1 − Σ picked shares; papers → total − Σ picked papers (floored at 0;
 * a period with no papers is 0 for every series). Periods come from `totals`, in their order.
 * `other` null: no Other band (a view of every area, or of one area's themes alone); `kind` names
 * the series' keys (`theme-3`, `area-3`).
 */
export function layoutStack(
  totals: PeriodTotalInput[],
  rows: ThemePeriodInput[],
  picked: StackThemeInput[],
  measure: Measure,
  { other: otherLabel = 'Other themes', kind = 'theme' }: { other?: string | null; kind?: 'theme' | 'area' } = {}
): StackLayout {
  const periodIndex = new Map(totals.map((t, i) => [t.period, i]));
  const pickedIds = new Set(picked.map((t) => t.themeId));
  const values = new Map(picked.map((t) => [t.themeId, new Array<number>(totals.length).fill(0)]));
  for (const row of rows) {
    const i = periodIndex.get(row.period);
    const series = values.get(row.themeId);
    if (i === undefined || !series || !pickedIds.has(row.themeId)) continue;
    series[i] = measure === 'share' ? row.share : row.papers;
  }
  const other = totals.map((t, i) => {
    if (t.papers === 0) return 0;
    let sum = 0;
    for (const s of values.values()) sum += s[i];
    const rest = (measure === 'share' ? 1 : t.papers) - sum;
    return rest > OTHER_EPSILON ? rest : 0;
  });
  const hasOther = otherLabel !== null && (other.some((v) => v > 0) || picked.length === 0);
  const keys = [...picked.map((t) => `${kind}-${t.themeId}`), ...(hasOther ? ['other'] : [])];
  const table = totals.map((_, i) => {
    const row: Record<string, number> = {};
    for (const t of picked) row[`${kind}-${t.themeId}`] = values.get(t.themeId)![i];
    if (hasOther) row.other = other[i];
    return row;
  });
  const stacked = stack<Record<string, number>>().keys(keys).order(stackOrderNone).offset(stackOffsetNone)(table);
  const series: StackSeries[] = stacked.map((layer, j) => {
    const theme = picked[j];
    return {
      key: layer.key,
      themeId: theme ? theme.themeId : null,
      label: theme ? theme.label : (otherLabel ?? ''),
      colour: theme ? theme.colour : OTHER_COLOUR,
      values: theme ? values.get(theme.themeId)! : other,
      bands: layer.map((p) => [p[0], p[1]] as [number, number])
    };
  });
  const top = series.length ? series[series.length - 1].bands.map((b) => b[1]) : [];
  return {
    periods: totals.map((t) => t.period),
    partial: totals.map((t) => t.partial),
    totals: totals.map((t) => t.papers),
    series,
    max: Math.max(0, ...top)
  };
}
