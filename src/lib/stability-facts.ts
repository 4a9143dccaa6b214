// Owns how a run's stability reads on the dashboard. A divisive run (the default start) gives the same
// themes for any seed, and its stability is the agreement with runs on seeded 90% subsamples of the
// papers; a k-means++ run (and every run before the divisive start) measured the agreement between
// seeded restarts. runs.stability holds the measured one; runs.metrics.stabilityKind says which.

export interface StabilityFacts {
  /** How much the themes depend on the seed. */
  seed: string;
  seedTitle: string;
  /** How much they depend on which papers are in: ARI with the 90% subsample runs, or not measured. */
  sample: string;
  sampleTitle: string;
}

const SAMPLE_TITLE = 'Adjusted Rand index between the themes and those of the same clustering on seeded random 90% subsamples of the papers, on the papers both hold (--restarts N: N − 1 subsamples): 1 = identical';

/** The facts for a run from its stability column and its metrics (JSON text or object). */
export function stabilityFacts(stability: number | null, metrics: unknown): StabilityFacts {
  const m = parseMetrics(metrics);
  const divisive = m.init === 'divisive' || m.stabilityKind === 'subsample';
  if (divisive) {
    return {
      seed: 'does not change them',
      seedTitle: 'The run starts k-means from top-down principal-direction cuts, with no random draw: the same papers give the same themes for any seed',
      sample: stability === null ? 'not measured (a run with --restarts 2 measures it)' : stability.toFixed(2),
      sampleTitle: SAMPLE_TITLE
    };
  }
  return {
    seed: stability === null ? 'not measured (a run with --restarts 2 measures it)' : `ARI ${stability.toFixed(2)} between seeds`,
    seedTitle: 'k-means++ start: mean adjusted Rand index over pairs of restarts with different seeds (1 = identical)',
    sample: 'not measured for a k-means++ start',
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
