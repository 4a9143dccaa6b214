// Owns how a run's stability reads on the dashboard. A divisive run (the default start) gives the same
// themes for any seed, and its stability is the agreement with runs on seeded 90% subsamples of the
// papers; a k-means++ run (and every run before the divisive start) measured the agreement between
// seeded restarts. runs.stability holds the measured one; runs.metrics.stabilityKind says which.

export interface StabilityFacts {
  /** How much the themes depend on the seed. */
  seed: string;
  seedTitle: string;
  /** How much they depend on which papers are in: ARI with the 90% subsample runs, or not measured (with sampleNote in brackets). */
  sample: string;
  /** `sample` without its note: the figure, or "not measured". */
  sampleValue: string;
  /** How to measure it when it was not (shown small under sampleValue), else null. */
  sampleNote: string | null;
  sampleTitle: string;
}

export const NOT_MEASURED = 'not measured';
export const HOW_TO_MEASURE = 'a run with --restarts 2 measures it';

/** The sample fact as a figure and, when not measured, the note saying how it would be. */
function sampleFact(value: string, note: string | null): Pick<StabilityFacts, 'sample' | 'sampleValue' | 'sampleNote'> {
  return { sample: note === null ? value : `${value} (${note})`, sampleValue: value, sampleNote: note };
}

const SAMPLE_TITLE = 'Adjusted Rand index between the themes and those of the same clustering on seeded random 90% subsamples of the papers, on the papers both hold (--restarts N: N − 1 subsamples): 1 = identical';

/** Why a run with --restarts 2 or more has no subsample figure: every subsample was smaller than k (cluster/index.ts). */
const TOO_FEW_PAPERS = 'too few papers for k themes on a 90% subsample';

/** The restarts a run was made with, from its parameters (JSON text or object; 1 when absent). */
export function restartsOf(params: unknown): number {
  return Number(parseMetrics(params).restarts ?? 1);
}

/** Why a run of `restarts` restarts has no stability figure: it did not try (one), or could not. */
export function whyNotMeasured(restarts: number): typeof HOW_TO_MEASURE | typeof TOO_FEW_PAPERS {
  return restarts >= 2 ? TOO_FEW_PAPERS : HOW_TO_MEASURE;
}

/**
 * The facts for a run from its stability column, its metrics and its parameters (JSON text or
 * objects); the parameters' `restarts` tells a run that did not try to measure from one that could not.
 */
export function stabilityFacts(stability: number | null, metrics: unknown, params: unknown = null): StabilityFacts {
  const m = parseMetrics(metrics);
  const divisive = m.init === 'divisive' || m.stabilityKind === 'subsample';
  if (divisive) {
    return {
      seed: 'does not change them',
      seedTitle: 'The run starts k-means from top-down principal-direction cuts, with no random draw: the same papers give the same themes for any seed',
      ...(stability === null ? sampleFact(NOT_MEASURED, whyNotMeasured(restartsOf(params))) : sampleFact(stability.toFixed(2), null)),
      sampleTitle: SAMPLE_TITLE
    };
  }
  return {
    seed: stability === null ? `${NOT_MEASURED} (${HOW_TO_MEASURE})` : `ARI ${stability.toFixed(2)} between seeds`,
    seedTitle: 'k-means++ start: mean adjusted Rand index over pairs of restarts with different seeds (1 = identical)',
    ...sampleFact('not measured for a k-means++ start', null),
    sampleTitle: SAMPLE_TITLE
  };
}

function parseMetrics(metrics: unknown): Record<string, unknown> {
  if (typeof metrics === 'string') {
    try {
      const parsed: unknown = JSON.parse(metrics);
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return metrics !== null && typeof metrics === 'object' ? (metrics as Record<string, unknown>) : {};
}
