// Owns the rows of the run's model tables (run_models, run_terms, theme_vectors, paper_vectors;
// pipeline/assign/model.ts) and the empty assignment tables of a new run.
import { BLOCK_ROWS, bytesOf, packBlock, packCentroid } from '../assign/model.js';
import type { RunData } from './run-data.js';
import type { RunRows } from './table-rows.js';

type ModelTables = 'run_models' | 'run_terms' | 'theme_vectors' | 'paper_vectors' | 'assign_batches' | 'assigned_papers';

export function modelRows({ model }: RunData, runId: number): Pick<RunRows, ModelTables> {
  const { vocabulary: v, matrix } = model;
  return {
    run_models: { n: 1, row: () => ({ run_id: runId, ngram_max: model.ngramMax, n_docs: model.nDocs, n_terms: v.terms.length,
      novel_threshold: model.novelThreshold }) },
    run_terms: { n: v.terms.length, row: (i) => ({ run_id: runId, term_id: i, term: v.terms[i], surface: v.surfaces[i], df: v.df[i], idf: v.idf[i] }) },
    theme_vectors: {
      n: model.k,
      row: (t) => {
        const { terms, weights } = packCentroid(model, t);
        return { run_id: runId, theme_id: t, terms: bytesOf(terms), weights: bytesOf(weights), burst_terms: bytesOf(Int32Array.from(model.burstTerms[t])) };
      }
    },
    paper_vectors: {
      n: Math.ceil(matrix.nRows / BLOCK_ROWS),
      row: (b) => {
        const first = b * BLOCK_ROWS;
        const n = Math.min(BLOCK_ROWS, matrix.nRows - first);
        return { run_id: runId, first_row: first, n_rows: n, ...packBlock(matrix, first, n) };
      }
    },
    assign_batches: { n: 0, row: () => { throw new Error('a run has no assignment batches'); } },
    assigned_papers: { n: 0, row: () => { throw new Error('a run has no assigned papers'); } }
  };
}
