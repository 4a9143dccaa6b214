// Owns reading a run's external check out of runs.metrics (written by pipeline/run.ts from
// pipeline/quality/external.ts): its themes against the papers' primary categories. Anything
// malformed reads as absent rather than breaking a page.

export type ExternalFacts =
  | { status: 'done'; vMeasure: number; nmi: number; ari: number; homogeneity: number; completeness: number; labelledPapers: number; classes: number }
  | { status: 'skipped'; labelledPapers: number; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const numbers = (o: Record<string, unknown>, keys: string[]) => keys.every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]));

export function readExternal(metrics: Record<string, unknown>): ExternalFacts | null {
  const e = metrics.externalCheck;
  if (!isObject(e)) return null;
  if (e.status === 'skipped' && typeof e.reason === 'string' && typeof e.labelledPapers === 'number') {
    return { status: 'skipped', labelledPapers: e.labelledPapers, reason: e.reason };
  }
  const keys = ['vMeasure', 'nmi', 'ari', 'homogeneity', 'completeness', 'labelledPapers', 'classes'];
  if (e.status !== 'done' || !numbers(e, keys)) return null;
  const [vMeasure, nmi, ari, homogeneity, completeness, labelledPapers, classes] = keys.map((k) => e[k] as number);
  return { status: 'done', vMeasure, nmi, ari, homogeneity, completeness, labelledPapers, classes };
}
