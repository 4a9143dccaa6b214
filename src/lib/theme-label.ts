// Owns how a theme's name is shown: a theme marked as a mixture (pipeline/quality/mixture.ts) is
// never shown under its label alone, but as "Mixture: …" with the figures behind the mark. Queries
// that hand a name straight to a page use shownLabelSql, the same rule in SQL.
import { formatSigned } from './charts/periods.js';

export interface QualityFacts {
  label: string;
  /** NULL in runs made before the quality stage. */
  mixture: boolean | null;
  cohesion: number | null;
  coherence: number | null;
}

/** The label, prefixed "Mixture: " when the theme is marked as one. */
export function shownLabel(theme: Pick<QualityFacts, 'label' | 'mixture'>): string {
  return theme.mixture ? `Mixture: ${theme.label}` : theme.label;
}

/** shownLabel as a SQL expression over the themes row aliased `alias` (a fixed identifier, never user input). */
export function shownLabelSql(alias: string): string {
  return `CASE WHEN ${alias}.mixture THEN 'Mixture: ' || ${alias}.label ELSE ${alias}.label END`;
}

/** One line with the figures behind the mark, for a tooltip or a note. */
export function mixtureNote(theme: QualityFacts): string {
  const fmt = (x: number | null) => (x === null ? 'n/a' : formatSigned(x, 2));
  return `Marked as a mixture of topics: its papers agree far less than the run’s typical theme ` +
    `(cohesion ${fmt(theme.cohesion)}) and its keywords rarely occur together (keyword coherence ${fmt(theme.coherence)}).`;
}
