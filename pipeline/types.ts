// Types shared by the pipeline stages, and (re-exported from store/tables.ts) the row types of the
// DuckDB contract that the dashboard reads. The dashboard imports types only, except GRANULARITIES.

/** How precise a paper's date is: a year-only date is never counted as January. */
export type DatePrecision = 'day' | 'month' | 'year';

export type Granularity = 'month' | 'quarter' | 'year';
// The one value the dashboard imports at run time: its period controls and `granularity` check.
export const GRANULARITIES: readonly Granularity[] = ['month', 'quarter', 'year'];

/** One paper after ingest: validated, normalised, deduplicated by `paperId`. */
export interface Paper {
  paperId: string;
  title: string;
  abstract: string;
  /** ISO date `YYYY-MM-DD`; for month/year precision the first day of that month/year. */
  published: string | null;
  datePrecision: DatePrecision | null;
  /** Set when the record declared its precision (a `date_precision` or `year` field): detection leaves it be. */
  datePrecisionDeclared?: true;
  authors: string[];
  categories: string[];
  /**
   * Set when `categories` holds only the record's keywords (it had no category field): such a paper
   * has no primary category (trends/coverage.ts), as a keyword is no class.
   */
  keywordsOnly?: true;
  url: string | null;
  /** Input file (basename) the paper came from. */
  source: string;
  /** DOI without resolver prefix ("10.1145/3442188.3445922"), as given. */
  doi: string | null;
  /** Journal, proceedings or conference the paper appeared in. */
  venue: string | null;
}

/** A record that ingest rejected (skipped), or, with `--strict`, the reason the run stopped. */
export interface IngestIssue {
  file: string;
  /** 1-based line of the record's start (CSV: physical line where the record begins). */
  line: number;
  field: string;
  reason: string;
}

export interface InputFileInfo {
  path: string;
  format: InputFormat;
  sha256: string;
  records: number;
}

/** Formats a file can be read as; `--format` names one of them (see ingest/detect.ts). */
export const INPUT_FORMATS = ['jsonl', 'json', 'csv', 'bibtex', 'ris', 'csl-json', 'openalex', 'scopus', 'wos'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface IngestResult {
  papers: Paper[];
  skipped: IngestIssue[];
  /** Records whose id was already seen; merged into the first (missing fields filled in). */
  duplicates: number;
  files: InputFileInfo[];
  /** sha256 over the input files' sha256s, in the order given. */
  inputSha256: string;
  /** Soft problems of reading (a file decoded as Windows-1252, files in a folder left out). */
  warnings: string[];
}

/**
 * Output of tokenise: one interned dictionary of terms (stemmed unigrams and two/three-word phrases,
 * words joined by a single space) and, per document, the ids of its terms with repetition.
 */
export interface TokenisedCorpus {
  /** Matching key of each term (stems joined by ' '). */
  terms: string[];
  /** Most frequent surface form of each term, for labels ("model merging"). */
  surfaces: string[];
  /** Per document, term ids in order of occurrence (repeated ids = term frequency). */
  docs: Uint32Array[];
}

/**
 * The same dictionary with its strings made on request: the pipeline's hand-off from tokenise to
 * tfidf, which needs strings only for the terms it keeps (60k of the 2.1M terms of 75k abstracts).
 */
export interface InternedCorpus {
  nTerms: number;
  /** Per document, term ids in order of occurrence (repeated ids = term frequency). */
  docs: Uint32Array[];
  /** Number of documents each term occurs in. */
  df: Uint32Array;
  /** Matching keys of `termIds`, in their order. */
  keysOf(termIds: ArrayLike<number>): string[];
  /** Most frequent surface forms of `termIds`, in their order. */
  surfacesOf(termIds: ArrayLike<number>): string[];
}

/** Compressed sparse rows; row i is values[indptr[i]..indptr[i+1]) at columns indices[...]. */
export interface CsrMatrix {
  nRows: number;
  nCols: number;
  indptr: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

export interface Vocabulary {
  terms: string[];
  surfaces: string[];
  /** Document frequency of each kept term. */
  df: Uint32Array;
  idf: Float64Array;
}

export interface TfidfResult {
  matrix: CsrMatrix;
  vocabulary: Vocabulary;
}

/** One k-means run, with what the later stages read of it (each computed once, in cluster/describe.ts). */
export interface Clustering {
  k: number;
  /** Theme of each paper, 0..k-1. */
  assignments: Int32Array;
  /** Papers per theme. */
  sizes: Int32Array;
  /** Cosine similarity of each paper to its theme's (unit-length) centroid. */
  similarity: Float32Array;
  /** Rank of each paper within its theme by similarity: 1 = most typical; ties to the lower row. */
  rankInTheme: Int32Array;
  /** Each paper's most similar other theme (−1 when k = 1), and its cosine to that centroid (0 then). */
  secondTheme: Int32Array;
  secondSimilarity: Float32Array;
  /** The most similar theme after those two (−1 when k < 3), and its cosine (0 then; never above the second's). */
  thirdTheme: Int32Array;
  thirdSimilarity: Float32Array;
  /** Dense k × nCols unit-length centroids, row-major. */
  centroids: Float32Array;
  /** Sum over papers of (1 - cosine to own centroid). */
  inertia: number;
  iterations: number;
}

export interface ThemeLabel {
  themeId: number;
  label: string;
  /** Best first; `column` is the term's index in the vocabulary (and the matrix). */
  keywords: { term: string; weight: number; column: number }[];
  /** Vocabulary ids of the theme's most distinctive terms (up to BURST_CANDIDATES), best first: the phrases trends watches for bursts. */
  distinctiveTerms: number[];
}

export interface MapLayout {
  /** x,y per theme, interleaved. */
  themeXY: Float64Array;
  /** x,y per paper, interleaved. */
  paperXY: Float32Array;
}

export interface ThemeNeighbour {
  themeId: number;
  neighbourId: number;
  rank: number;
  similarity: number;
}

export interface PeriodRow {
  themeId: number;
  period: string; // ISO date of period start
  granularity: Granularity;
  papers: number;
  share: number;
  partial: boolean;
}

export interface PeriodTotal {
  period: string;
  granularity: Granularity;
  papers: number;
  partial: boolean;
}

export type TrendDirection = 'emerging' | 'fading' | 'steady';

export interface ThemeTrend {
  themeId: number;
  /** Positive = rising share now, negative = fading. See trends/emerging.ts for the formula. */
  emergingScore: number;
  direction: TrendDirection;
  /** Periods in the recent ("after") window, of `windowGranularity`. */
  window: number;
  windowGranularity: Granularity;
  shareBefore: number;
  shareAfter: number;
  papersBefore: number;
  papersAfter: number;
  /** Two-proportion z statistic of shareAfter vs shareBefore. */
  zScore: number;
  /** Relative growth of share, (after - before) / before. */
  growth: number;
  /**
   * The same trend over the papers of the categories the corpus holds throughout both windows, when
   * it holds some only part of the time (trends/coverage.ts); null or absent when it holds them all.
   */
  covered?: CoveredTrend | null;
}

/** A trend over the categories held throughout the windows (ThemeTrend.covered). */
export interface CoveredTrend {
  /** Of the theme's papers in the two windows, the share in categories held throughout (0 when it has none there). */
  share: number;
  emergingScore: number;
  direction: TrendDirection;
  zScore: number;
  /**
   * Its share of those categories' papers before, and after at the before window's mix of categories
   * (coverage.ts scoreWithinCategories), and its papers of those categories in each window: the
   * figures the covered direction, score and z describe.
   */
  shareBefore: number;
  shareAfter: number;
  papersBefore: number;
  papersAfter: number;
}

export interface KSelectionPoint {
  k: number;
  /** Null for a fixed k clustered once (--restarts 1): there is nothing to agree with. */
  stability: number | null;
  inertia: number;
  chosen: boolean;
}

// The DuckDB row types the dashboard reads, derived from the table spec (store/tables.ts).
export type { PaperRow, RunRow, TableRow, ThemeRow } from './store/tables.js';
export type { Camel } from './store/table-spec.js';
