// The date options of the pipeline: --date-precision and --emerging-window, their defaults and refusals.
import { describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../../pipeline/config.js';

const config = (...argv: string[]) => resolveConfig(argv) as Config;

describe('--date-precision and --emerging-window', () => {
  it('default to auto', () => {
    expect([config().datePrecision, config().emergingWindow]).toStrictEqual(['auto', 'auto']);
  });
  it('read the precision modes and a window in periods', () => {
    expect(['auto', 'year', 'month', 'day'].map((m) => config('--date-precision', m).datePrecision)).toStrictEqual(['auto', 'year', 'month', 'day']);
    expect([config('--emerging-window', '6').emergingWindow, config('--emerging-window', 'auto').emergingWindow]).toStrictEqual([6, 'auto']);
  });
  it('refuse anything else with a one-line usage error', () => {
    expect(() => config('--date-precision', 'weekly')).toThrow('--date-precision expects one of auto|year|month|day, got "weekly"');
    expect(() => config('--emerging-window', '0')).toThrow('--emerging-window expects an integer between 1 and 24 or auto, got "0"');
  });
});
