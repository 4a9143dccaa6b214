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
