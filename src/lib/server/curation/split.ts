// Owns splitting a theme: its papers re-clustered with the pipeline's own code — tokenised
// (tokenise/), weighed by TF-IDF over the theme's papers alone (tfidf/: within the theme, the words all
// its papers share weigh little and those that tell its parts apart weigh most), spherical k-means
// (cluster/) and named by c-TF-IDF (label/). Deterministic for a seed, so the preview is what is saved.
import { error } from '@sveltejs/kit';
import { clusterPapers } from '../../../../pipeline/cluster/index.js';
import { labelGroups } from '../../../../pipeline/label/index.js';
import { buildTfidf } from '../../../../pipeline/tfidf/index.js';
import { tokenisePapers } from '../../../../pipeline/tokenise/index.js';
import { query } from '../db.js';
import { SPLIT_PARTS, type SplitPart } from './edits.js';
import { readableTex } from '../../tex-display.js';

export interface PreviewPart extends Omit<SplitPart, 'id'> {
  size: number;
  /** The part's most typical titles. */
  examples: string[];
}

export interface SplitPreview {
  themeId: number;
  parts: PreviewPart[];
  papers: number;
  seconds: number;
}

/** Fewer papers than this per part leave nothing to cluster. */
const MIN_PAPERS_PER_PART = 5;

interface RunParams {
  seed?: number;
  ngramMax?: number;
  minDf?: number;
  maxDf?: number;
  maxTerms?: number;
  topTerms?: number;
}

/** The theme's papers split into `k` parts, largest part first; 400 when the theme is too small. */
export async function previewSplit(runId: number, themeId: number, k: number, otherLabels: string[]): Promise<SplitPreview> {
  const t0 = performance.now();
  if (!(Number.isInteger(k) && k >= SPLIT_PARTS.min && k <= SPLIT_PARTS.max)) error(400, `parts: expected ${SPLIT_PARTS.min}–${SPLIT_PARTS.max}`);
  const [run] = await query<{ params: string }>(`SELECT params::VARCHAR AS params FROM runs WHERE run_id = $run`, { run: runId });
  const params = JSON.parse(run?.params ?? '{}') as RunParams;
  const papers = await query<{ paperId: string; title: string; abstract: string }>(
    `SELECT p.paper_id AS "paperId", p.title, p.abstract FROM paper_themes pt JOIN papers p ON p.paper_id = pt.paper_id
     WHERE pt.run_id = $run AND pt.theme_id = $theme ORDER BY pt.rank_in_theme, p.paper_id`, { run: runId, theme: themeId });
  if (papers.length < k * MIN_PAPERS_PER_PART) error(400, `Theme ${themeId} has ${papers.length} papers: too few to split into ${k} parts`);
  const corpus = await tokenisePapers(papers, { ngramMax: params.ngramMax ?? 3, workers: 1 });
  // A term in 2+ of the theme's papers can tell parts apart; one in most of them cannot.
  const { matrix, vocabulary } = buildTfidf(corpus, { minDf: 2, maxDf: params.maxDf ?? 0.5, maxTerms: params.maxTerms ?? 60000 });
  const { best } = await clusterPapers(matrix, { k, seed: params.seed ?? 42, restarts: 1, maxIter: 100, tolerance: 1e-4, workers: 1 });
  // Named as the run names its themes: words written as the papers write them ("LLM agents", not "llm agents"), cut phrases completed.
  const labels = labelGroups(matrix, vocabulary, best.assignments, k, { topTerms: params.topTerms ?? 12, ngramMax: params.ngramMax ?? 3,
    textOf: (row) => `${papers[row].title}\n${papers[row].abstract}` }, new Set(otherLabels));
  const parts: PreviewPart[] = labels.map((l) => ({ label: l.label, keywords: l.keywords.map((kw) => ({ term: kw.term, weight: kw.weight })), paperIds: [], size: 0, examples: [] }));
  papers.forEach((p, i) => {
    const part = parts[best.assignments[i]];
    part.paperIds.push(p.paperId);
    // papers come most typical of the theme first
    if (part.examples.length < 3) part.examples.push(readableTex(p.title));
  });
  for (const p of parts) p.size = p.paperIds.length;
  parts.sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
  return { themeId, parts: parts.filter((p) => p.size > 0), papers: papers.length, seconds: (performance.now() - t0) / 1000 };
}
