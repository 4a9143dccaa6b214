// Owns how a theme's name is shown, by the CLIs and the dashboard alike: a theme marked as a
// mixture (mixture.ts) is never named by its label alone but as "Mixture: …", so the summary of a
// run or of an assign batch, its warnings and every page name a theme the same way.

/** The label, prefixed "Mixture: " when the theme is marked as one (mixture NULL: a run made before the mark). */
export function shownLabel(theme: { label: string; mixture: boolean | null }): string {
  return theme.mixture ? `Mixture: ${theme.label}` : theme.label;
}

/** shownLabel as a SQL expression over the themes row aliased `alias` (a fixed identifier, never user input). */
export function shownLabelSql(alias: string): string {
  return `CASE WHEN ${alias}.mixture THEN 'Mixture: ' || ${alias}.label ELSE ${alias}.label END`;
}
