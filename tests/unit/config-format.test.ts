import { describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../../pipeline/config.js';
import { UsageError } from '../../pipeline/errors.js';

describe('--format', () => {
  it('is null (detect by name and content) unless given', () => {
    expect((resolveConfig(['--input', 'a.bib']) as Config).format).toBe(null);
  });
  it('takes a format name in any case', () => {
    expect((resolveConfig(['--format', 'BibTeX', '--input', 'refs.txt']) as Config).format).toBe('bibtex');
    expect((resolveConfig(['--format', 'csl-json']) as Config).format).toBe('csl-json');
  });
  it('rejects an unknown format, naming the ones it knows', () => {
    expect(() => resolveConfig(['--format', 'endnote'])).toThrow(UsageError);
    expect(() => resolveConfig(['--format', 'endnote'])).toThrow('--format expects one of jsonl, json, csv, bibtex, ris, csl-json, openalex, scopus, wos, got "endnote"');
  });
});

describe('--k-range', () => {
  it('is a usage error without --k auto, instead of being ignored (found by the CLI review of 2026-12-02)', () => {
    expect(() => resolveConfig(['--k-range', '2..4'])).toThrow('--k-range is for --k auto: add --k auto to choose k in 2..4 (without it k is 20, the default)');
    expect(() => resolveConfig(['--k', '8', '--k-range', '2..4'])).toThrow('(without it k is 8)');
    expect((resolveConfig(['--k', 'auto', '--k-range', '2..4']) as Config).kRange).toStrictEqual({ min: 2, max: 4, step: 5 });
  });
});

describe('an option given an empty value', () => {
  // A script's `--seed "$SEED"` with SEED unset used to run seed 42 in silence (CLI review of 2026-12-04).
  it.each(['--seed', '--init', '--restarts', '--max-iter', '--tolerance', '--min-df', '--max-df', '--max-terms', '--ngram-max',
    '--top-terms', '--neighbours', '--emerging-window', '--date-precision', '--lock-wait', '--workers', '--k', '--format'])(
    '%s "" is a usage error, not the default', (option) => {
      expect(() => resolveConfig([option, ''])).toThrow(UsageError);
      expect(() => resolveConfig([option, ''])).toThrow(/got ""$/);
    });
  it('--db "" is a usage error before any work (it used to run whole and fail at the rename)', () => {
    expect(() => resolveConfig(['--db', ''])).toThrow('--db expects the path of a database file, got ""');
  });
  it('names a bound only where there is one', () => {
    expect(() => resolveConfig(['--min-df', '0'])).toThrow('--min-df expects an integer >= 1, got "0"');
    expect(() => resolveConfig(['--top-terms', '0'])).toThrow('--top-terms expects an integer between 1 and 100, got "0"');
  });
});
