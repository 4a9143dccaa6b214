// Owns what becomes of a paper whose id a stored paper already holds, for a new run (write-run.ts)
// and for assign (assign/index.ts newPapers) alike: one rule, readTakenIds. `papers` is shared by
// runs, so storing "12" again would rewrite an earlier run's paper 12 with this one's title and
// abstract. A paper whose local id (a citation key, a spreadsheet's row number) names a stored paper
// of another title (ingest/merge.ts isLocalClash) is stored under its own id instead (localIdOf: the
// id, "~", and 8 hex of its title's hash), as ingest does for a clash within one input. A global id
// (arXiv, DOI, Scopus EID, …) names one paper wherever it comes from: its row is updated in place,
// which is how a corrected title or a new abstract version reaches every run.
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

/** An input paper whose id a stored paper already holds, judged by the one rule below. */
export interface TakenId {
  /** The paper's index in the input. */
  i: number;
  /** Its local id names a stored paper of another title: it is another paper, to be stored under localIdOf. */
  clash: boolean;
  /** The run being added to holds that stored paper (assign); false when no run is asked about. */
  inRun: boolean;
}

/**
 * The one rule for an input paper whose id a stored paper holds, for a new run and for assign alike:
 * it is that paper unless its id is a local one and their titles differ with neither a DOI nor the
 * abstract saying they are one (ingest/merge.ts isLocalClash, the rule ingest applies within one
 * input; the stored paper read by its title, DOI and the abstract's first 300 characters, all that
 * abstractKey reads). `input` is a temp table (i INTEGER, paper_id VARCHAR) of indices into
 * `papers`; with `runId`, each answer also says whether that run holds the stored paper. One query.
 */
export async function readTakenIds(connection: DuckDBConnection, input: string, papers: readonly Paper[], runId: number | null): Promise<TakenId[]> {
  // The ids a stored paper holds are found on the narrow paper_id column first, and only those
  // papers' texts are read: joined to papers at once, the scan read every stored title and abstract
  // (80 ms of CPU instead of 10 for a 14k-paper batch against 60k papers, none of them shared).
  const rows = await queryRows<{ i: number; title: string; doi: string | null; abstract: string; in_run: boolean }>(connection,
    `WITH taken AS MATERIALIZED (SELECT a.i, a.paper_id FROM ${input} a SEMI JOIN papers p ON p.paper_id = a.paper_id)
     SELECT t.i, p.title, p.doi, p.abstract[1:300] AS abstract, ${runId === null ? 'false' : 'pr.paper_id IS NOT NULL'} AS in_run
     FROM taken t JOIN papers p ON p.paper_id = t.paper_id
     ${runId === null ? '' : 'LEFT JOIN paper_rows pr ON pr.run_id = $run AND pr.paper_id = t.paper_id'}
     ORDER BY t.i`, runId === null ? {} : { run: runId });
  return rows.map(({ i, title, doi, abstract, in_run: inRun }) => ({ i, clash: isLocalClash({ title, doi, abstract }, papers[i]), inRun }));
}

/** Gives `paper` the id localIdOf makes, in place (so every row made from it afterwards carries it). */
export function keepApart(paper: Paper): KeptApart {
  const from = paper.paperId;
  paper.paperId = localIdOf(paper);
  return { paper, from };
}

/**
 * Gives each of `papers` whose local id names a stored paper of another title (readTakenIds) the id
 * localIdOf makes, in place; returns those papers. One query, and none when every id is global (an
 * arXiv or OpenAlex export).
 */
export async function keepLocalIdsApart(connection: DuckDBConnection, papers: readonly Paper[]): Promise<KeptApart[]> {
  const local: number[] = [];
  for (let i = 0; i < papers.length; i++) if (!isGlobalId(papers[i].paperId)) local.push(i);
  if (local.length === 0) return [];
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${LOCAL_IDS.name} (i INTEGER, paper_id VARCHAR)`);
  await appendChunks(connection, LOCAL_IDS, local.length, [(j) => local[j], (j) => papers[local[j]].paperId]);
  const taken = await readTakenIds(connection, LOCAL_IDS.name, papers, null);
  await connection.run(`DROP TABLE ${LOCAL_IDS.name}`);
  return taken.filter((t) => t.clash).map((t) => keepApart(papers[t.i]));
}

/** The warning for papers given ids of their own (here, or by assign against its run), naming the first. */
export function keptApartWarning(kept: readonly KeptApart[], whose: string, done = 'stored'): string {
  const [{ paper, from }] = kept;
  const one = kept.length === 1;
  return `${kept.length} paper${one ? '' : 's'} had the id of ${whose} with another title (a citation key or row number used twice) ` +
    `and ${one ? 'was' : 'were'} ${done} under an id of ${one ? 'its' : 'their'} own: "${from}" is ${paper.paperId}`;
}
