// Owns keeping a paper's id from run to run when its export changes. The same paper can come under
// another id next time: an arXiv listing keys it by its arXiv id, an OpenAlex export by its W-id, a
// Scopus export by its EID, and an export made before a reader's id rule changed by its DOI. Stored
// under the new id it would be a second paper in `papers`, and lineage, the run comparison and
// curation's carry-forward (all matched by paper id) would find none of it in the earlier runs.
// So a run's paper whose own id no run has stored, but whose DOI (any case) or arXiv id is a
// stored paper's, takes that stored paper's id: its row is updated in place, as for the same id.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChunks } from './append.js';
import { queryRows } from '../assign/columns.js';
import { arxivId } from '../ingest/text.js';
import type { Table } from './table-spec.js';
import type { Paper } from '../types.js';

const INPUT: Table = { name: 'stored_ids_input', columns: [{ name: 'i', type: 'INTEGER' }, { name: 'paper_id', type: 'VARCHAR' },
  { name: 'doi', type: 'VARCHAR' }, { name: 'arxiv', type: 'VARCHAR' }], key: [] };

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
 * Gives each of `papers` whose id is not stored but whose DOI or arXiv id is a stored paper's that
 * paper's id, in place (so every row made from the papers afterwards carries it); returns those
 * papers. Of several stored papers, the one in the newest run (the one lineage compares with) is
 * taken, then the smallest id. A stored id that another of `papers` already has, or that an earlier
 * paper of `papers` took, is left alone: one id, one paper.
 */
export async function adoptStoredIds(connection: DuckDBConnection, papers: Paper[]): Promise<Adopted[]> {
  const keyed: number[] = [];
  for (let i = 0; i < papers.length; i++) if (papers[i].doi !== null || arxivOf(papers[i]) !== null) keyed.push(i);
  if (keyed.length === 0) return [];
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${INPUT.name} (i INTEGER, paper_id VARCHAR, doi VARCHAR, arxiv VARCHAR)`);
  await appendChunks(connection, INPUT, keyed.length, [(j) => keyed[j], (j) => papers[keyed[j]].paperId,
    (j) => papers[keyed[j]].doi?.toLowerCase() ?? null, (j) => arxivOf(papers[keyed[j]])]);
  const found = await queryRows<{ i: number; paper_id: string }>(connection, `
    WITH a AS MATERIALIZED (SELECT * FROM ${INPUT.name} a WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.paper_id = a.paper_id)),
    s AS MATERIALIZED (SELECT paper_id, lower(doi) AS doi, nullif(regexp_extract(doi, '^10\\.48550/(?i:arxiv)\\.(.+)$', 1), '') AS arxiv
      FROM papers WHERE doi IS NOT NULL),
    c AS (SELECT a.i, p.paper_id FROM a JOIN papers p ON p.paper_id = a.arxiv
      UNION SELECT a.i, s.paper_id FROM a JOIN s ON s.doi = a.doi
      UNION SELECT a.i, s.paper_id FROM a JOIN s ON s.arxiv = a.arxiv)
    SELECT c.i, c.paper_id FROM c LEFT JOIN (SELECT paper_id, max(run_id) AS last_run FROM paper_rows GROUP BY paper_id) r USING (paper_id)
    ORDER BY c.i, r.last_run DESC NULLS LAST, c.paper_id`);
  await connection.run(`DROP TABLE ${INPUT.name}`);
  const taken = new Set(papers.map((p) => p.paperId));
  const adopted: Adopted[] = [];
  let last = -1;
  for (const { i, paper_id: id } of found) {
    if (i === last || taken.has(id)) continue; // this paper has its id; that id is another paper's
    last = i;
    const paper = papers[i];
    adopted.push({ paper, from: paper.paperId });
    taken.add(id);
    paper.paperId = id;
  }
  return adopted;
}

/** The warning for papers given their stored ids, naming the first. */
export function adoptedWarning(adopted: readonly Adopted[]): string {
  const [{ paper, from }] = adopted;
  const one = adopted.length === 1;
  return `${adopted.length} paper${one ? '' : 's'} came under a new id but ${one ? 'has' : 'have'} the DOI or arXiv id of a paper an earlier run ` +
    `stored, and ${one ? 'keeps its' : 'keep their'} stored id${one ? '' : 's'} so runs can be compared: "${from}" is ${paper.paperId}`;
}
