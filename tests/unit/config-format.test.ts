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
