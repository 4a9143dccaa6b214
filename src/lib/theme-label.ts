// Owns how a theme's name is shown on the pages: a theme marked as a mixture (pipeline/quality/mixture.ts)
// is never shown under its label alone, but as "Mixture: …" with the figures behind the mark. The
// rule itself is the pipeline's (pipeline/quality/shown-label.ts), so the CLIs' summaries name themes
// as the pages do; queries that hand a name straight to a page use shownLabelSql, the rule in SQL.
import { formatSigned } from './charts/periods.js';

export { shownLabel, shownLabelSql } from '../../pipeline/quality/shown-label.js';

export interface QualityFacts {
  label: string;
  /** NULL in runs made before the quality stage. */
  mixture: boolean | null;
  cohesion: number | null;
  coherence: number | null;
}

/** One line with the figures behind the mark, for a tooltip or a note. */
export function mixtureNote(theme: QualityFacts): string {
  const fmt = (x: number | null) => (x === null ? 'n/a' : formatSigned(x, 2));
  return `Marked as a mixture of topics: its papers agree far less than the run’s typical theme ` +
    `(cohesion ${fmt(theme.cohesion)}) and its keywords rarely occur together (keyword coherence ${fmt(theme.coherence)}).`;
}
