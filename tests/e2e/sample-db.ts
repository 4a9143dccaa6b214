// The shipped sample (data/sample-arxiv.jsonl.gz, 4,982 arXiv papers) through the real pipeline, for
// browser tests that need real data: partial months, every trend class, many pages. Built once per
// version of the sample and of pipeline/ (keyed by their sizes and modification times) and kept in
// the temp folder, so the test files that use it share one pipeline run.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../fixtures/cli.js';

export const SAMPLE = join(ROOT, 'data/sample-arxiv.jsonl.gz');

function stamp(path: string): string {
  const s = statSync(path);
  return `${path}:${s.size}:${s.mtimeMs}`;
}

function pipelineStamps(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pipelineStamps(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [stamp(join(dir, e.name))] : []
  );
}

/** Path of a database holding one run of the sample (default options); built on first use. */
export function sampleDb(): string {
  const key = createHash('sha256').update([stamp(SAMPLE), ...pipelineStamps(join(ROOT, 'pipeline'))].join('\n')).digest('hex').slice(0, 16);
  const path = join(tmpdir(), `themescope-e2e-sample-${key}.duckdb`);
  if (existsSync(path)) return path;
  const fresh = join(mkdtempSync(join(tmpdir(), 'themescope-e2e-sample-')), 'themes.duckdb');
  const r = runCli(['--input', SAMPLE, '--db', fresh, '--quiet']);
  if (r.code !== 0) throw new Error(`pipeline on the sample failed (${r.code}):\n${r.stderr}`);
  renameSync(fresh, path);
  return path;
}
