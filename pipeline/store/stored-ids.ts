// Owns keeping a paper's id from run to run when its export changes. The same paper can come under
// another id next time: an arXiv listing keys it by its arXiv id, an OpenAlex export by its W-id, a
// Scopus export by its EID, and an export made before a reader's id rule changed by its DOI. Stored
// under the new id it would be a second paper in `papers`, and lineage, the run comparison and
// curation's carry-forward (all matched by paper id) would find none of it in the earlier runs.
// So a run's paper whose own id no run has stored, but which is a stored paper by the duplicate rule
// of ingest (the same DOI, arXiv id, or title and year), takes that stored paper's id: its row is
// updated in place, as for the same id.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChunks } from './append.js';
import { queryRows } from '../assign/columns.js';
import { isGenericTitle } from '../ingest/merge.js';
import { TitleYearIndex, yearOf } from './title-year.js';
import { arxivId } from '../ingest/text.js';
import type { Table } from './table-spec.js';
import type { Paper } from '../types.js';

const INPUT: Table = { name: 'stored_ids_input', columns: [{ name: 'i', type: 'INTEGER' }, { name: 'paper_id', type: 'VARCHAR' },
  { name: 'doi', type: 'VARCHAR' }, { name: 'arxiv', type: 'VARCHAR' }, { name: 'year', type: 'VARCHAR' }], key: [] };

/** A paper given the id a stored paper has, and the id it came with. */
export interface Adopted {
  paper: Paper;
  from: string;
}

/** A paper's arXiv id: from its id, else from an arXiv DOI. */
function arxivOf(paper: Paper): string | null {
  return arxivId(paper.paperId) ?? (paper.doi === null ? null : arxivId(paper.doi));
}

/**
 * Gives each of `papers` whose id is not stored the id of the stored paper it is by ingest/merge.ts's
 * duplicate rule: the same DOI (any case) or arXiv id, else the same title and year unless both have
 * DOIs and these differ (a generic title such as "Editorial" is no match by title). In place, so
 * every row made from the papers afterwards carries it; returns those papers. Of several stored
 * papers, the one in the newest run (the one lineage compares with) is taken, then the smallest id.
 * A stored id that another of `papers` already has, or that an earlier paper of `papers` took, is
 * left alone: one id, one paper. `outsideRun`: only papers that run does not hold are candidates
 * (`npm run assign` has matched the run's own already; a database of that one run costs one query).
 */
export async function adoptStoredIds(connection: DuckDBConnection, papers: Paper[], outsideRun?: number): Promise<Adopted[]> {
  if (papers.length === 0) return [];
  const outside = outsideRun === undefined ? '' : 'AND NOT EXISTS (SELECT 1 FROM paper_rows pr WHERE pr.run_id = $run AND pr.paper_id = p.paper_id)';
  const run: Record<string, number> = outsideRun === undefined ? {} : { run: outsideRun };
  // Every paper a run holds is stored, so papers outside the run exist when there are more papers than its rows (two counts: ~1 ms, an anti-join ~50 ms).
  const [{ stored }] = await queryRows<{ stored: boolean }>(connection, outsideRun === undefined ? 'SELECT EXISTS (SELECT 1 FROM papers) AS stored'
    : 'SELECT (SELECT count(*) FROM papers) > (SELECT count(*) FROM paper_rows WHERE run_id = $run) AS stored', run);
  if (!stored) return []; // a new database (or only that run's papers): nothing to keep
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${INPUT.name} (i INTEGER, paper_id VARCHAR, doi VARCHAR, arxiv VARCHAR, year VARCHAR)`);
  await appendChunks(connection, INPUT, papers.length, [(i) => i, (i) => papers[i].paperId, (i) => papers[i].doi?.toLowerCase() ?? null,
    (i) => arxivOf(papers[i]), (i) => yearOf(papers[i])]);
  try {
    // The input's papers under an id no run stored: most runs have none (the same export as last time).
    await connection.run(`CREATE OR REPLACE TEMP TABLE stored_ids_new AS SELECT * FROM ${INPUT.name} a
      WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.paper_id = a.paper_id)`);
    const unstored = (await queryRows<{ i: number }>(connection, 'SELECT i FROM stored_ids_new ORDER BY i')).map((r) => r.i);
    if (unstored.length === 0) return [];
    const LAST_RUN = '(SELECT paper_id, max(run_id) AS last_run FROM paper_rows GROUP BY paper_id)';
    const byKey = await queryRows<{ i: number; paper_id: string }>(connection, `
      WITH s AS MATERIALIZED (SELECT paper_id, lower(doi) AS doi, nullif(regexp_extract(doi, '^10\\.48550/(?i:arxiv)\\.(.+)$', 1), '') AS arxiv
        FROM papers p WHERE doi IS NOT NULL ${outside}),
      c AS (SELECT a.i, p.paper_id FROM stored_ids_new a JOIN papers p ON p.paper_id = a.arxiv WHERE true ${outside}
        UNION SELECT a.i, s.paper_id FROM stored_ids_new a JOIN s ON s.doi = a.doi
        UNION SELECT a.i, s.paper_id FROM stored_ids_new a JOIN s ON s.arxiv = a.arxiv)
      SELECT c.i, c.paper_id FROM c LEFT JOIN ${LAST_RUN} r USING (paper_id) ORDER BY c.i, r.last_run DESC NULLS LAST, c.paper_id`, run);
    const taken = new Set(papers.map((p) => p.paperId));
    const adopted: Adopted[] = [];
    const adopt = (i: number, id: string) => {
      adopted.push({ paper: papers[i], from: papers[i].paperId });
      taken.add(id);
      papers[i].paperId = id;
    };
    const done = new Set<number>();
    for (const { i, paper_id: id } of byKey) {
      if (done.has(i) || taken.has(id)) continue; // this paper has its id; that id is another paper's
      done.add(i);
      adopt(i, id);
    }
    if (done.size === unstored.length) return adopted;
    // The same title and year: the stored papers of the unmatched papers' years, keyed by merge.ts's titleKey.
    const candidates = await queryRows<{ title: string; doi: string | null; y: string; paper_id: string }>(connection, `
      SELECT p.title, lower(p.doi) AS doi, coalesce(strftime(p.published, '%Y'), '') AS y, p.paper_id FROM papers p
      LEFT JOIN ${LAST_RUN} r USING (paper_id)
      WHERE coalesce(strftime(p.published, '%Y'), '') IN (SELECT DISTINCT year FROM stored_ids_new) ${outside}
      ORDER BY r.last_run DESC NULLS LAST, p.paper_id`, run);
    if (candidates.length === 0) return adopted;
    const byTitle = new TitleYearIndex(); // newest run's holders first
    for (const { title, doi, y, paper_id: paperId } of candidates) byTitle.add(title, y, doi, paperId);
    for (const i of unstored) {
      if (done.has(i)) continue;
      const same = byTitle.matches(papers[i]).find((h) => !taken.has(h.paperId));
      if (same && !isGenericTitle(papers[i].title)) adopt(i, same.paperId);
    }
    return adopted;
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${INPUT.name}; DROP TABLE IF EXISTS stored_ids_new`);
  }
}

/** The warning for papers given their stored ids, naming the first. */
export function adoptedWarning(adopted: readonly Adopted[]): string {
  const [{ paper, from }] = adopted;
  const one = adopted.length === 1;
  return one ? `1 paper came under an id no run had stored but is a paper an earlier run stored (same DOI, arXiv id, or title and year); ` +
    `it keeps its stored id so runs can be compared: "${from}" is ${paper.paperId}`
    : `${adopted.length} papers came under ids no run had stored but are papers an earlier run stored (same DOI, arXiv id, or title and year); ` +
    `they keep their stored ids so runs can be compared: "${from}" is ${paper.paperId}`;
}
