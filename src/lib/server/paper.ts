// Owns the paper page: one paper of the run with its theme and similarity, and its most similar
// papers (similar_papers: top 10 by TF-IDF cosine, precomputed by the pipeline: the map stage's neighbour lists).
// A mixture theme is named "Mixture: …" here too (theme-label.ts shownLabelSql).
import { error } from '@sveltejs/kit';
import type { PaperRow } from '../../../pipeline/types.js';
import { query } from './db.js';
import { paperHref, shortAuthors } from './paper-format.js';
import { paperNamedBy } from './papers.js';
import { shownLabelSql } from '../theme-label.js';
import { readableTex } from '../tex-display.js';

export interface PaperDetail {
  paperId: string;
  title: string;
  abstract: string;
  published: string | null;
  datePrecision: string | null;
  authors: string[];
  categories: string[];
  href: string | null;
  /** The journal, proceedings or conference, as the input gave it; the bare DOI. Null when the input had none. */
  venue: string | null;
  doi: string | null;
  themeId: number;
  themeLabel: string;
  /** Cosine of the paper to its theme's centroid, and its rank among the theme's papers (1 = most typical). */
  similarity: number;
  rankInTheme: number;
  themeSize: number;
  /** A weak member of its theme (paper_themes.weak: cosine under 0.6 × the theme's cohesion), and that cohesion. */
  weak: boolean;
  cohesion: number | null;
  /** Its next-closest themes (paper_theme_ranks 2 and 3), as every list names them, with the cosine to each centre. */
  alsoClose: { themeId: number; label: string; similarity: number }[];
  /** Set when the paper was added after clustering (npm run assign): its batch, when, and whether it is novel. */
  added: { batchId: number; finishedAt: string; novel: boolean; novelThreshold: number } | null;
}

export interface SimilarPaper {
  rank: number;
  paperId: string;
  title: string;
  published: string | null;
  authors: string;
  themeId: number;
  themeLabel: string;
  /** Cosine of the two papers' TF-IDF rows. */
  similarity: number;
}

/** Paper ids as the pipeline stores them: printable, no slash tricks; at most 200 characters. */
export function readPaperId(raw: string): string {
  if (raw.length === 0 || raw.length > 200 || /\p{Cc}/u.test(raw)) error(400, 'paper id: expected at most 200 printable characters');
  return raw;
}

type DetailRow = Pick<PaperRow, 'paper_id' | 'title' | 'abstract' | 'published' | 'date_precision' | 'authors' | 'categories' | 'url'> & {
  venue: string | null; doi: string | null; theme_id: number; label: string; similarity: number; rank_in_theme: number; size: number;
  weak: boolean | null; cohesion: number | null;
  batch_id: number | null; finished_at: string | null; novel: boolean | null; novel_threshold: number | null;
};

/** The paper in the run; 404 when the run does not hold it. */
export async function loadPaper(runId: number, paperId: string): Promise<PaperDetail> {
  // Its next-closest themes are read beside the paper (the same id: nothing waits for the first answer).
  const [rows, alsoClose] = await Promise.all([query<DetailRow>(
    `SELECT p.paper_id, p.title, p.abstract, p.published::VARCHAR AS published, p.date_precision, p.authors, p.categories, p.url,
       p.venue, p.doi, pt.theme_id, ${shownLabelSql('t')} AS label, pt.similarity, pt.rank_in_theme, t.size, pt.weak, t.cohesion,
       ap.batch_id, strftime(b.finished_at, '%Y-%m-%d %H:%M') AS finished_at, ap.novel, m.novel_threshold
     FROM paper_themes pt
     JOIN papers p ON p.paper_id = pt.paper_id
     JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id
     -- added after clustering: its assignment batch, and the run's novel threshold
     LEFT JOIN assigned_papers ap ON ap.run_id = pt.run_id AND ap.paper_id = pt.paper_id
     LEFT JOIN assign_batches b ON b.run_id = ap.run_id AND b.batch_id = ap.batch_id
     LEFT JOIN run_models m ON m.run_id = pt.run_id
     WHERE pt.run_id = $run AND pt.paper_id = $paper`,
    { run: runId, paper: paperId }
  ), query<{ themeId: number; label: string; similarity: number }>(
    `SELECT r.theme_id AS "themeId", ${shownLabelSql('t')} AS label, r.similarity FROM paper_theme_ranks r
     JOIN themes t ON t.run_id = r.run_id AND t.theme_id = r.theme_id
     WHERE r.run_id = $run AND r.paper_id = $paper AND r.rank > 1 ORDER BY r.rank`, { run: runId, paper: paperId })]);
  if (rows.length === 0) {
    // The id as it is often written ("2508.05813v2", "arXiv:2508.05813", a space pasted with it): its paper is the nearest choice.
    const named = await paperNamedBy(runId, paperId);
    error(404, {
      message: `No paper “${paperId}” in run ${runId}`,
      ...(named === null ? {} : { nearest: { href: `/papers/${encodeURIComponent(named.paperId)}?run=${runId}`, text: `Open ${named.paperId}: ${named.title}` } })
    });
  }
  const r = rows[0];
  return {
    paperId: r.paper_id, title: readableTex(r.title), abstract: readableTex(r.abstract), published: r.published, datePrecision: r.date_precision,
    authors: r.authors, categories: r.categories, href: paperHref(r.paper_id, r.url),
    venue: r.venue === null || r.venue === '' ? null : readableTex(r.venue), doi: r.doi === '' ? null : r.doi, themeId: r.theme_id, themeLabel: r.label,
    similarity: r.similarity, rankInTheme: r.rank_in_theme, themeSize: r.size, weak: r.weak === true, cohesion: r.cohesion, alsoClose,
    added: r.batch_id === null ? null : { batchId: r.batch_id, finishedAt: r.finished_at ?? '', novel: r.novel === true, novelThreshold: r.novel_threshold ?? 0 }
  };
}

/** The paper's most similar papers in the run, most similar first (empty for a run stored before similar_papers). */
export async function loadSimilarPapers(runId: number, paperId: string): Promise<SimilarPaper[]> {
  const rows = await query<Pick<PaperRow, 'paper_id' | 'title' | 'published' | 'authors'> & { rank: number; theme_id: number; label: string; similarity: number }>(
    `SELECT s.rank, p.paper_id, p.title, p.published::VARCHAR AS published, p.authors, pt.theme_id,
       ${shownLabelSql('t')} AS label, s.similarity
     FROM paper_rows me
     JOIN similar_papers s ON s.run_id = me.run_id AND s.paper_row = me.paper_row
     JOIN paper_rows other ON other.run_id = s.run_id AND other.paper_row = s.similar_row
     JOIN papers p ON p.paper_id = other.paper_id
     JOIN paper_themes pt ON pt.run_id = s.run_id AND pt.paper_id = other.paper_id
     JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id
     WHERE me.run_id = $run AND me.paper_id = $paper
     ORDER BY s.rank`,
    { run: runId, paper: paperId }
  );
  return rows.map((r) => ({
    rank: r.rank, paperId: r.paper_id, title: readableTex(r.title), published: r.published, authors: shortAuthors(r.authors),
    themeId: r.theme_id, themeLabel: r.label, similarity: r.similarity
  }));
}
