import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromCallerDir, joinNegativeValues, resolveConfig } from '../../pipeline/config.js';

const saved = process.env.INIT_CWD;
afterEach(() => {
  if (saved === undefined) delete process.env.INIT_CWD;
  else process.env.INIT_CWD = saved;
});

describe('paths the user typed', () => {
  it('are read from the folder npm was called from (INIT_CWD) when that is not the project folder', () => {
    process.env.INIT_CWD = join(process.cwd(), 'data');
    expect(fromCallerDir('seed-papers.jsonl')).toBe(join(process.cwd(), 'data', 'seed-papers.jsonl'));
    expect(fromCallerDir('/abs/x.jsonl')).toBe('/abs/x.jsonl');
    const config = resolveConfig(['--input', 'seed-papers.jsonl', '--db', 'mine.duckdb']);
    expect(config !== 'help' && [config.inputs, config.db]).toStrictEqual([[join(process.cwd(), 'data', 'seed-papers.jsonl')], join(process.cwd(), 'data', 'mine.duckdb')]);
    // The default database stays the project's.
    const defaults = resolveConfig([]);
    expect(defaults !== 'help' && defaults.db).toBe('data/themes.duckdb');
  });

  it('are as given when npm was called from the project folder, or not at all', () => {
    process.env.INIT_CWD = process.cwd();
    expect(fromCallerDir('data/x.jsonl')).toBe('data/x.jsonl');
    delete process.env.INIT_CWD;
    expect(fromCallerDir('data/x.jsonl')).toBe('data/x.jsonl');
  });
});

describe('joinNegativeValues', () => {
  it('joins a negative number to the string option before it, and leaves flags and other values be', () => {
    const options = { k: { type: 'string' }, quiet: { type: 'boolean' } } as const;
    expect(joinNegativeValues(['--k', '-1', '--quiet', '-2', 'a'], options)).toStrictEqual(['--k=-1', '--quiet', '-2', 'a']);
  });
});
