// The same 49 seed papers written as BibTeX, RIS, CSL-JSON, an OpenAlex page, Scopus CSV, Web of
// Science tab-delimited (UTF-16) and plain text, and a semicolon CSV give the same papers and the same themes as
// the JSON Lines they came from, alone and all together in one folder (duplicates merged).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../../pipeline/config.js';
import { createReporter } from '../../pipeline/progress.js';
import { runPipeline, type RunSummary } from '../../pipeline/run.js';
import { OUTPUTS, readPapers, writeAllFormats } from '../fixtures/convert-papers.js';
import { ROOT } from '../fixtures/cli.js';

const SEEDS = join(ROOT, 'data/seed-papers.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'themescope-formats-'));
const files = writeAllFormats(readPapers(SEEDS), join(dir, 'exports'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(inputs: string[], name: string): Promise<RunSummary> {
  const config = resolveConfig(['--quiet', '--k', '6', '--seed', '42', '--min-df', '2', '--db', join(dir, `${name}.duckdb`), '--input', ...inputs]) as Config;
  return runPipeline(config, createReporter({ quiet: true, tty: false }));
}

/** What a paper is, whatever file it came from: everything but its id, source and (Scopus) day. */
const content = (s: RunSummary) => s.run.papers.map((p) => ({
  title: p.title, abstract: p.abstract, year: p.published?.slice(0, 4) ?? null, authors: p.authors, categories: p.categories, venue: p.venue
}));
/** Each theme's label, size and member titles. */
const themes = (s: RunSummary) => s.run.themes.map((t) => ({
  label: t.label, size: t.size, titles: s.run.papers.filter((_, i) => s.run.clustering.assignments[i] === t.themeId).map((p) => p.title)
}));

describe('every export format of the seed papers gives the papers and themes of the JSON Lines', async () => {
  const baseline = await run([SEEDS], 'jsonl');
  it.each(OUTPUTS.map((name, i) => [name, files[i]]))('%s', async (name, path) => {
    const summary = await run([path], name);
    expect(summary.run.papers).toHaveLength(49);
    expect(summary.run.skipped).toStrictEqual([]);
    expect(content(summary)).toStrictEqual(content(baseline));
    // arXiv ids come back from the arXiv DOIs every export carries.
    expect(summary.run.papers.map((p) => /^\d{4}\.\d{4,5}$/.test(p.paperId))).toStrictEqual(baseline.run.papers.map((p) => /^\d{4}\.\d{4,5}$/.test(p.paperId)));
    expect(themes(summary)).toStrictEqual(themes(baseline));
  }, 60_000);
  it('reads a folder of all of them, in name order, merging each paper into one', async () => {
    const summary = await run([join(dir, 'exports')], 'folder');
    expect(summary.run.inputFiles.map((f) => [f.path.slice(dir.length + 9), f.format, f.records])).toStrictEqual([
      ['excel-semicolon.csv', 'csv', 49], ['papers-csl.json', 'csl-json', 49], ['papers-openalex.json', 'openalex', 49],
      ['papers.bib', 'bibtex', 49], ['papers.ris', 'ris', 49], ['scopus.csv', 'scopus', 49], ['wos-plain.txt', 'wos', 49], ['wos.txt', 'wos', 49]
    ]);
    expect(summary.run.papers).toHaveLength(49);
    expect(summary.run.duplicates).toBe(7 * 49);
    // The most complete record is kept: the dated ones keep their day from a format that has it.
    expect(summary.run.papers.filter((p) => p.datePrecision === 'day')).toHaveLength(baseline.run.papers.filter((p) => p.datePrecision === 'day').length);
    expect(themes(summary).map((t) => t.size).sort()).toStrictEqual(themes(baseline).map((t) => t.size).sort());
  }, 60_000);
});
