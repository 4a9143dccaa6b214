// The complete result of one pipeline run, as handed to writeRun: everything the tables need.
import type {
  Clustering,
  IngestIssue,
  InputFileInfo,
  KSelectionPoint,
  MapLayout,
  Paper,
  PeriodRow,
  PeriodTotal,
  ThemeNeighbour,
  ThemeTrend
} from '../types.js';
import type { SearchIndex } from '../search/index.js';
import type { SimilarPapers } from '../similar/index.js';

export interface ThemeRecord {
  themeId: number;
  label: string;
  size: number;
  share: number;
  /** Top terms (surface form), best first, and their c-TF-IDF weights. */
  keywords: string[];
  weights: number[];
  x: number;
  y: number;
  /** Mean cosine of the theme's papers to its centroid: how tightly its papers agree. */
  cohesion: number;
  trend: ThemeTrend;
}

export interface RunData {
  createdAt: Date;
  inputSha256: string;
  inputFiles: InputFileInfo[];
  papers: Paper[];
  skipped: IngestIssue[];
  duplicates: number;
  nTerms: number;
  k: number;
  seed: number;
  stability: number | null;
  dateMin: string | null;
  dateMax: string | null;
  params: Record<string, unknown>;
  toolVersion: string;
  durations: Record<string, number>;
  metrics: Record<string, unknown>;
  themes: ThemeRecord[];
  /** Assignments, similarities, sizes and ranks in theme (1 = most typical), per paper row. */
  clustering: Clustering;
  layout: MapLayout;
  periods: PeriodRow[];
  totals: PeriodTotal[];
  neighbours: ThemeNeighbour[];
  kSelection: KSelectionPoint[];
  /** The inverted index over titles and abstracts (paper row i = papers[i]). */
  search: SearchIndex;
  similar: SimilarPapers;
}
