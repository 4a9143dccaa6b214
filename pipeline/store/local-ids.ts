// Owns keeping a local id (a citation key, a spreadsheet's row number) from taking over a paper an
// earlier run stored under the same id. `papers` is shared by runs, so storing "12" again would
// rewrite that run's paper 12 with this one's title and abstract. A paper whose local id names a
// stored paper of another title (ingest/merge.ts isLocalClash) is stored under its own id instead
// (localIdOf: the id, "~", and 8 hex of its title's hash), as ingest does for a clash within one
// input. A global id (arXiv, DOI, Scopus EID, …) names one paper wherever it comes from: its row is
// updated in place, which is how a corrected title or a new abstract version reaches every run.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChunks } from './append.js';
import { queryRows } from '../assign/columns.js';
import { isGlobalId, isLocalClash, localIdOf } from '../ingest/merge.js';
import type { Table } from './table-spec.js';
import type { Paper } from '../types.js';

const LOCAL_IDS: Table = { name: 'local_ids', columns: [{ name: 'i', type: 'INTEGER' }, { name: 'paper_id', type: 'VARCHAR' }], key: [] };

/** A paper given an id of its own, and the id it came with. */
export interface KeptApart {
  paper: Paper;
  from: string;
}

/**
 * Gives each of `papers` whose local id names a stored paper of another title the id localIdOf
 * makes, in place (so every row made from the papers afterwards carries it); returns those papers.
 * One query, and none when every id is global (an arXiv or OpenAlex export).
 */
export async function keepLocalIdsApart(connection: DuckDBConnection, papers: readonly Paper[]): Promise<KeptApart[]> {
  const local: number[] = [];
  for (let i = 0; i < papers.length; i++) if (!isGlobalId(papers[i].paperId)) local.push(i);
  if (local.length === 0) return [];
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${LOCAL_IDS.name} (i INTEGER, paper_id VARCHAR)`);
  await appendChunks(connection, LOCAL_IDS, local.length, [(j) => local[j], (j) => papers[local[j]].paperId]);
  const stored = await queryRows<{ i: number; title: string; doi: string | null; abstract: string }>(connection,
    `SELECT l.i, p.title, p.doi, p.abstract[1:300] AS abstract FROM ${LOCAL_IDS.name} l JOIN papers p USING (paper_id) ORDER BY l.i`);
  await connection.run(`DROP TABLE ${LOCAL_IDS.name}`);
  const kept: KeptApart[] = [];
  for (const { i, title, doi, abstract } of stored) {
    const paper = papers[i];
    if (!isLocalClash({ title, doi, abstract }, paper)) continue;
    kept.push({ paper, from: paper.paperId });
    paper.paperId = localIdOf(paper);
  }
  return kept;
}

/** The warning for papers given ids of their own (here, or by assign against its run), naming the first. */
export function keptApartWarning(kept: readonly KeptApart[], whose: string, done = 'stored'): string {
  const [{ paper, from }] = kept;
  const one = kept.length === 1;
  return `${kept.length} paper${one ? '' : 's'} had the id of ${whose} with another title (a citation key or row number used twice) ` +
    `and ${one ? 'was' : 'were'} ${done} under an id of ${one ? 'its' : 'their'} own: "${from}" is ${paper.paperId}`;
}
