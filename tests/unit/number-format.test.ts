// formatFigure (src/lib/number-format.ts): the one way a metric or an inertia is written, so /runs'
// Metrics table and k table (and the Overview's k table) read the same value alike.
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/lib/number-format.js';
import { formatMetric } from '../../src/lib/server/runs.js';

describe('formatFigure', () => {
  it('groups whole numbers, writes from 1,000 up to one decimal and smaller figures to four significant digits', () => {
    expect([formatFigure(6130074), formatFigure(58574.94850823244), formatFigure(-12345.67), formatFigure(0.25638), formatFigure(12.3456), formatFigure(9)])
      .toStrictEqual(['6,130,074', '58,574.9', '-12,345.7', '0.2564', '12.35', '9']);
  });

  it('is what the Metrics table writes, so the run’s inertia reads as its chosen k’s row', () => {
    for (const x of [58574.94850823244, 47290.1234, 1.5, 0.2564, 74723]) expect(formatMetric(x)).toBe(formatFigure(x));
  });
});
