// The complete result of one pipeline run, as handed to writeRun: everything the tables need.
import type { BurstRecord } from '../trends/bursts.js';
import type { CoverageChange } from '../trends/coverage.js';
import type { Area } from '../areas/index.js';
import type { PaperMemberships } from '../quality/index.js';
import type {
  Clustering,
  DatePrecision,
  Granularity,
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
import type { LineageLink } from '../lineage/match.js';
import type { RunModel } from '../assign/model.js';

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
  /** The area above it (RunData.areas). */
  areaId: number;
  /** Quality (quality/index.ts): nearest-centroid cosine, keyword NPMI (NaN → NULL), mixture mark. */
  separation: number;
  coherence: number;
  mixture: boolean;
  /** Best Jaccard with a theme of the other k-means restart(s); null with one restart. */
  reproducibility: number | null;
}

/**
 * The map's part of a run: what waits for the projection. The pipeline hands it to the store
 * separately (write-run.ts place), which writes the tables holding it after the others.
 */
export type Placement = Pick<RunData, 'themes' | 'layout' | 'neighbours' | 'areas' | 'similar'>;

/** The map's fields of a run before the map is placed (all empty; the themes' own x, y and area wait too). */
export function unplaced(): Omit<Placement, 'themes'> {
  return { layout: { paperXY: new Float32Array(0), themeXY: new Float64Array(0) }, neighbours: [], areas: [],
    similar: { top: 0, rows: new Int32Array(0), similarity: new Float64Array(0) } };
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
  dateMinPrecision: DatePrecision | null;
  dateMaxPrecision: DatePrecision | null;
  /** The granularity the run's dates support best (trends/dates.ts): the dashboard's default. */
  defaultGranularity: Granularity;
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
  bursts: BurstRecord[];
  /** Categories held only part of the trend windows (trends/coverage.ts); empty when none. */
  coverageChanges: CoverageChange[];
  neighbours: ThemeNeighbour[];
  kSelection: KSelectionPoint[];
  /** Areas above the themes, 0 = largest. */
  areas: Area[];
  /** Per paper row: third theme and weak-member flag (the first two are in `clustering`). */
  memberships: PaperMemberships;
  /**
   * The inverted index over titles and abstracts (paper row i = papers[i]); null until the store
   * has it when the pipeline's background thread is still building it (write-run.ts searchIndex).
   */
  search: SearchIndex | null;
  similar: SimilarPapers;
  /** Links to the previous complete run's themes: set by the store, which reads that run (store/lineage.ts). */
  lineage?: { prevRunId: number; links: LineageLink[] } | null;
  /** What `npm run assign` reads to add papers later (vocabulary, centroids, TF-IDF rows). */
  model: RunModel;
}
