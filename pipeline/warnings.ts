// Owns the warning channel: soft problems (records skipped, themes with very few papers, a k the
// data barely supports) are collected here instead of thrown, and reach the CLI summary and
// `runs.metrics.warnings`.

export type WarningCode = 'input' | 'skipped-records' | 'small-themes' | 'k-too-large' | 'k-range-cut'
  /** A file's day-written dates read as years or months (ingest/date-precision.ts). */
  | 'coarse-dates';

export interface RunWarning {
  code: WarningCode;
  /** One line for a person: what happened and what to do about it. */
  message: string;
}

/** A theme with fewer papers than this is flagged: too few to name or to trend reliably. */
export const MIN_THEME_PAPERS = 5;
/** Below this many papers per theme on average, k is larger than the data supports well. */
export const MIN_MEAN_THEME_PAPERS = 10;

/** Collects warnings in the order stages raise them. */
export class Warnings {
  readonly list: RunWarning[] = [];
  add(code: WarningCode, message: string): void {
    this.list.push({ code, message });
  }
}

/** The warnings that follow from a finished clustering: k against the data, and themes too small to trust. */
export function warnAboutThemes(warnings: Warnings, nPapers: number, sizes: ArrayLike<number>): void {
  const k = sizes.length;
  if (nPapers < k * MIN_MEAN_THEME_PAPERS) {
    warnings.add('k-too-large',
      `k = ${k} for ${nPapers} papers leaves ${(nPapers / k).toFixed(1)} papers per theme on average ` +
        `(fewer than ${MIN_MEAN_THEME_PAPERS}); a smaller --k gives themes worth naming`);
  }
  const small: string[] = [];
  for (let t = 0; t < k; t++) if (sizes[t] < MIN_THEME_PAPERS) small.push(`${t} (${sizes[t]})`);
  if (small.length > 0) {
    warnings.add('small-themes',
      `${small.length} theme${small.length === 1 ? ' has' : 's have'} fewer than ${MIN_THEME_PAPERS} papers: ` +
        `theme ${small.join(', ')}`);
  }
}
