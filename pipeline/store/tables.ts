// The DuckDB contract between the pipeline (the only writer) and the dashboard (read-only): every
// table once, in schema order (the store writes them in its own order, write-run.ts WRITE_ORDER). schema.sql, the
// appends and the dashboard's row types all come from here.
import { GRANULARITIES } from '../types.js';
import { createTableSql, defineTable, type Row } from './table-spec.js';

const RUN_ID = { name: 'run_id', type: 'INTEGER' } as const;
const THEME_ID = { name: 'theme_id', type: 'INTEGER' } as const;

export const RUNS = defineTable({
  name: 'runs',
  key: ['run_id'],
  columns: [
    RUN_ID,
    { name: 'created_at', type: 'TIMESTAMP' },
    { name: 'status', type: 'VARCHAR', values: ['running', 'complete', 'failed'], comment: "'complete' only once every other row of the run is written" },
    { name: 'input_sha256', type: 'VARCHAR', comment: "sha256 over the input files' sha256s, in order" },
    { name: 'input_files', type: 'JSON', comment: '[{path, format, sha256, records}]' },
    { name: 'n_papers', type: 'INTEGER', comment: 'papers clustered (after skips and duplicate merge), plus those npm run assign added' },
    { name: 'n_skipped', type: 'INTEGER' },
    { name: 'n_duplicates', type: 'INTEGER' },
    { name: 'n_terms', type: 'INTEGER', comment: 'vocabulary kept after min/max df pruning' },
    { name: 'k', type: 'INTEGER' },
    { name: 'seed', type: 'INTEGER' },
    { name: 'stability', type: 'DOUBLE', nullable: true, comment: 'divisive start (metrics.stabilityKind subsample): mean ARI with runs on seeded 90% subsamples of the papers, on shared papers; --init kmeans++ (restarts): mean ARI over pairs of restarts; NULL with --restarts 1' },
    { name: 'date_min', type: 'DATE', nullable: true },
    { name: 'date_max', type: 'DATE', nullable: true },
    { name: 'params', type: 'JSON', comment: 'every resolved option' },
    { name: 'tool_version', type: 'VARCHAR' },
    { name: 'durations', type: 'JSON', comment: '{stage: seconds}' },
    { name: 'metrics', type: 'JSON', comment: '{inertia, iterations, ..., datePrecision, coarseDates, peakRssMb, coverageChecked, searchStem, warnings: [{code, message, batch?}]}' },
    { name: 'default_granularity', type: 'VARCHAR', nullable: true, values: GRANULARITIES, comment: "the finest granularity most dated papers have (NULL before it: 'month')" },
    { name: 'date_min_precision', type: 'VARCHAR', nullable: true, values: ['day', 'month', 'year'] },
    { name: 'date_max_precision', type: 'VARCHAR', nullable: true, values: ['day', 'month', 'year'] }
  ]
});

export const PAPERS = defineTable({
  name: 'papers',
  comment: ['Papers are shared by runs (upserted by paper_id); runs reach them through paper_themes. A local id',
    "(citation key, row number) that names another run's paper of another title is stored as",
    "'<id>~<8 hex of its title's hash>' instead (store/local-ids.ts), so no run rewrites another's papers."],
  key: ['paper_id'],
  columns: [
    { name: 'paper_id', type: 'VARCHAR' },
    { name: 'title', type: 'VARCHAR' },
    { name: 'abstract', type: 'VARCHAR' },
    { name: 'published', type: 'DATE', nullable: true, comment: 'first day of the month/year for coarser precision' },
    { name: 'date_precision', type: 'VARCHAR', nullable: true, values: ['day', 'month', 'year'] },
    { name: 'authors', type: 'VARCHAR[]' },
    { name: 'categories', type: 'VARCHAR[]' },
    { name: 'url', type: 'VARCHAR', nullable: true },
    { name: 'source', type: 'VARCHAR' },
    { name: 'doi', type: 'VARCHAR', nullable: true, comment: 'bare DOI (10.…), NULL in rows written before it' },
    { name: 'venue', type: 'VARCHAR', nullable: true, comment: 'journal, proceedings or conference' },
    { name: 'keywords_only', type: 'BOOLEAN', nullable: true, comment: 'categories holds only the record\'s keywords (no category field): no primary category (trends/coverage.ts); NULL before it' }
  ]
});

/** A trend's twin over the categories held throughout the windows (trends/coverage.ts), for themes and areas. */
function coveredTrendColumns(whose: string) {
  return [
    { name: 'covered_share', type: 'DOUBLE', nullable: true, comment: `share of ${whose} in the trend windows that are in categories the corpus holds throughout them; NULL when it holds every category throughout (coverage_changes; trends/coverage.ts)` },
    { name: 'covered_score', type: 'DOUBLE', nullable: true, comment: 'emerging_score over the papers of those categories only; NULL as covered_share' },
    { name: 'covered_direction', type: 'VARCHAR', nullable: true, values: ['emerging', 'fading', 'steady'], comment: 'direction over those papers only; NULL as covered_share' },
    { name: 'covered_z', type: 'DOUBLE', nullable: true, comment: 'z_score over those papers only; NULL as covered_share' },
    { name: 'covered_share_before', type: 'DOUBLE', nullable: true, comment: 'share_before over those papers only: of the papers of those categories with papers in both windows; NULL as covered_share, and in runs before it' },
    { name: 'covered_share_after', type: 'DOUBLE', nullable: true, comment: 'share_after over those papers only, at the before window\'s mix of categories (direct standardisation); NULL as covered_share_before' },
    { name: 'covered_papers_before', type: 'INTEGER', nullable: true, comment: 'papers_before of those categories only; NULL as covered_share_before' },
    { name: 'covered_papers_after', type: 'INTEGER', nullable: true, comment: 'papers_after of those categories only; NULL as covered_share_before' }
  ] as const;
}

export const THEMES = defineTable({
  name: 'themes',
  key: ['run_id', 'theme_id'],
  columns: [
    RUN_ID,
    THEME_ID,
    { name: 'label', type: 'VARCHAR', comment: 'unique within the run' },
    { name: 'size', type: 'INTEGER' },
    { name: 'share', type: 'DOUBLE', comment: 'size / n_papers' },
    { name: 'keywords', type: 'VARCHAR[]', comment: 'top terms, surface form, best first' },
    { name: 'x', type: 'DOUBLE', comment: 'topic-map position' },
    { name: 'y', type: 'DOUBLE' },
    { name: 'growth', type: 'DOUBLE', comment: 'relative change of share, recent window vs before' },
    { name: 'emerging_score', type: 'DOUBLE', comment: '> 0 rising, < 0 fading (trends/emerging.ts)' },
    { name: 'direction', type: 'VARCHAR', values: ['emerging', 'fading', 'steady'] },
    { name: 'window_months', type: 'INTEGER', comment: 'periods in the recent window, of window_granularity' },
    { name: 'share_before', type: 'DOUBLE' },
    { name: 'share_after', type: 'DOUBLE' },
    { name: 'papers_before', type: 'INTEGER' },
    { name: 'papers_after', type: 'INTEGER' },
    { name: 'z_score', type: 'DOUBLE' },
    { name: 'cohesion', type: 'DOUBLE', nullable: true, comment: 'mean cosine of its papers to the centroid (NULL in runs before it)' },
    { name: 'window_granularity', type: 'VARCHAR', nullable: true, values: GRANULARITIES, comment: "unit of window_months and of the trend (NULL before it: 'month')" },
    { name: 'area_id', type: 'INTEGER', nullable: true, comment: 'the area above it (areas); NULL in runs before areas' },
    { name: 'separation', type: 'DOUBLE', nullable: true, comment: 'cosine to the nearest other theme centroid: lower = better separated' },
    { name: 'coherence', type: 'DOUBLE', nullable: true, comment: 'mean NPMI over pairs of its top 10 keywords, -1..1 (quality/npmi.ts)' },
    { name: 'mixture', type: 'BOOLEAN', nullable: true, comment: 'marked as a mixture of topics (rule: quality/mixture.ts)' },
    { name: 'reproducibility', type: 'DOUBLE', nullable: true, comment: 'best Jaccard of its papers with a theme of the check clustering (the 90% subsample run, or with --init kmeans++ the other restart), on shared papers (cluster/reproducibility.ts); NULL with --restarts 1 and before it' },
    ...coveredTrendColumns('its papers')
  ]
});

export const THEME_TERMS = defineTable({
  name: 'theme_terms',
  key: ['run_id', 'theme_id', 'rank'],
  columns: [
    RUN_ID,
    THEME_ID,
    { name: 'rank', type: 'INTEGER', comment: '1 = best' },
    { name: 'term', type: 'VARCHAR', comment: 'surface form' },
    { name: 'weight', type: 'DOUBLE', comment: 'c-TF-IDF weight' }
  ]
});

export const PAPER_THEMES = defineTable({
  name: 'paper_themes',
  key: ['run_id', 'paper_id'],
  columns: [
    RUN_ID,
    { name: 'paper_id', type: 'VARCHAR' },
    THEME_ID,
    { name: 'similarity', type: 'DOUBLE', comment: 'cosine to the theme centroid' },
    { name: 'rank_in_theme', type: 'INTEGER', comment: '1 = most typical' },
    { name: 'x', type: 'DOUBLE' },
    { name: 'y', type: 'DOUBLE' },
    { name: 'weak', type: 'BOOLEAN', nullable: true, comment: 'weak member: similarity < 0.6 × the theme cohesion (quality/top-themes.ts)' }
  ]
});

export const THEME_PERIODS = defineTable({
  name: 'theme_periods',
  comment: ['Papers per theme and period. Papers whose date is coarser than the granularity are not counted.'],
  key: ['run_id', 'theme_id', 'granularity', 'period'],
  columns: [
    RUN_ID,
    THEME_ID,
    { name: 'granularity', type: 'VARCHAR', values: GRANULARITIES },
    { name: 'period', type: 'DATE', comment: 'first day of the period' },
    { name: 'papers', type: 'INTEGER' },
    { name: 'share', type: 'DOUBLE', comment: 'papers / all papers of the run in that period' },
    { name: 'partial', type: 'BOOLEAN', comment: 'the data covers only part of the period' }
  ]
});

export const PERIOD_TOTALS = defineTable({
  name: 'period_totals',
  key: ['run_id', 'granularity', 'period'],
  columns: [
    RUN_ID,
    { name: 'granularity', type: 'VARCHAR', values: GRANULARITIES },
    { name: 'period', type: 'DATE' },
    { name: 'papers', type: 'INTEGER' },
    { name: 'partial', type: 'BOOLEAN' }
  ]
});

export const THEME_NEIGHBOURS = defineTable({
  name: 'theme_neighbours',
  key: ['run_id', 'theme_id', 'rank'],
  columns: [
    RUN_ID,
    THEME_ID,
    { name: 'rank', type: 'INTEGER', comment: '1 = nearest' },
    { name: 'neighbour_id', type: 'INTEGER' },
    { name: 'similarity', type: 'DOUBLE', comment: 'cosine between centroids' }
  ]
});

export const K_SELECTION = defineTable({
  name: 'k_selection',
  comment: ['The evidence behind --k auto: one row per candidate k (a fixed-k run stores its own k only).'],
  key: ['run_id', 'k'],
  columns: [
    RUN_ID,
    { name: 'k', type: 'INTEGER' },
    { name: 'stability', type: 'DOUBLE', nullable: true, comment: 'divisive start: ARI of the labellings by two disjoint halves of a 15,000-paper sample (mean of 2 cuts); --init kmeans++: mean pairwise ARI of 3 seeded runs; for a fixed k, the run stability' },
    { name: 'inertia', type: 'DOUBLE', comment: 'sum of (1 - cosine) to own centroid' },
    { name: 'chosen', type: 'BOOLEAN' }
  ]
});

export const SKIPPED_RECORDS = defineTable({
  name: 'skipped_records',
  comment: ['Input records the run skipped, with where and why, and those each npm run assign batch skipped.'],
  key: [],
  columns: [
    RUN_ID,
    { name: 'file', type: 'VARCHAR' },
    { name: 'line', type: 'INTEGER' },
    { name: 'field', type: 'VARCHAR' },
    { name: 'reason', type: 'VARCHAR' },
    { name: 'batch_id', type: 'INTEGER', nullable: true, comment: "the assign batch (assign_batches) that skipped it; NULL: the run's own input" }
  ]
});

export const BURSTS = defineTable({
  name: 'bursts',
  comment: [
    "Kleinberg bursts (trends/kleinberg.ts): periods in which a theme's share of all papers, or a phrase's",
    "share of its theme's papers, ran at twice its usual rate or more; term NULL = the theme's own burst."
  ],
  key: [],
  columns: [
    RUN_ID,
    THEME_ID,
    { name: 'term', type: 'VARCHAR', nullable: true, comment: 'bursting phrase (surface form), NULL for the theme' },
    { name: 'granularity', type: 'VARCHAR', values: GRANULARITIES },
    { name: 'start_period', type: 'DATE', comment: 'first day of the first period in the burst' },
    { name: 'end_period', type: 'DATE', comment: 'first day of the last period in the burst' },
    { name: 'weight', type: 'DOUBLE', comment: 'how much better the burst rate explains it (nats)' },
    { name: 'papers', type: 'INTEGER', comment: 'papers of the theme (or with the phrase) in the burst' }
  ]
});

export const AREAS = defineTable({
  name: 'areas',
  comment: ['Areas above the themes (themes.area_id): Ward\'s tree over the theme centroids, cut into about 6-12 (pipeline/areas/).',
    'Trends per area are the sums of its themes\' theme_periods rows.'],
  key: ['run_id', 'area_id'],
  columns: [
    RUN_ID,
    { name: 'area_id', type: 'INTEGER', comment: '0 = the largest when the run was made (an assign batch changes sizes; pages list areas by size)' },
    { name: 'label', type: 'VARCHAR', comment: 'unique within the run, and unlike its themes\' labels where the keywords allow' },
    { name: 'size', type: 'INTEGER', comment: 'papers in its themes' },
    { name: 'share', type: 'DOUBLE', comment: 'size / n_papers' },
    { name: 'n_themes', type: 'INTEGER' },
    { name: 'keywords', type: 'VARCHAR[]', comment: 'c-TF-IDF over the areas, best first' },
    { name: 'x', type: 'DOUBLE', comment: 'paper-weighted mean of its themes\' map positions' },
    { name: 'y', type: 'DOUBLE' },
    { name: 'growth', type: 'DOUBLE', comment: 'as themes: the area\'s share, recent window vs before' },
    { name: 'emerging_score', type: 'DOUBLE' },
    { name: 'direction', type: 'VARCHAR', values: ['emerging', 'fading', 'steady'] },
    { name: 'share_before', type: 'DOUBLE' },
    { name: 'share_after', type: 'DOUBLE' },
    { name: 'z_score', type: 'DOUBLE' },
    ...coveredTrendColumns("its themes' papers")
  ]
});

export const COVERAGE_CHANGES = defineTable({
  name: 'coverage_changes',
  comment: [
    "Categories the corpus holds only part of the trend windows (trends/coverage.ts): nearly absent from the periods",
    "absent_from..absent_to (`observed` papers) though their share elsewhere predicts `expected` a period, next to a",
    "period where they are held. One row per such run. Trends over the other categories are themes.covered_*; no row = every category held throughout."
  ],
  key: [],
  columns: [
    RUN_ID,
    { name: 'category', type: 'VARCHAR', comment: "primary (first) category; '(none)' for papers without one" },
    { name: 'granularity', type: 'VARCHAR', values: GRANULARITIES },
    { name: 'absent_from', type: 'DATE', comment: 'first day of the first absent period' },
    { name: 'absent_to', type: 'DATE', comment: 'first day of the last absent period' },
    { name: 'expected', type: 'DOUBLE', comment: 'papers a period at its share where it is held, mean over the windows' },
    { name: 'observed', type: 'INTEGER', nullable: true, comment: 'its papers in absent_from..absent_to (fewer than a tenth of those expected)' },
    { name: 'papers', type: 'INTEGER', comment: 'its papers in the trend windows' }
  ]
});

export const PAPER_THEME_RANKS = defineTable({
  name: 'paper_theme_ranks',
  comment: ['Each paper\'s closest themes: rank 1 is its own theme (paper_themes), 2 and 3 the next most similar.'],
  key: ['run_id', 'paper_id', 'rank'],
  columns: [
    RUN_ID,
    { name: 'paper_id', type: 'VARCHAR' },
    { name: 'rank', type: 'INTEGER', comment: '1..3 (fewer when k < 3)' },
    THEME_ID,
    { name: 'similarity', type: 'DOUBLE', comment: 'cosine to the theme centroid' }
  ]
});

/** Every table, in the order a run writes them (also the store's progress steps). */
export const PAPER_ROWS = defineTable({
  name: 'paper_rows',
  comment: ['The run\'s papers numbered 0..n-1 (input order), for the search index and similar papers.'],
  key: ['run_id', 'paper_row'],
  columns: [
    RUN_ID,
    { name: 'paper_row', type: 'INTEGER' },
    { name: 'paper_id', type: 'VARCHAR' },
    { name: 'title_words', type: 'INTEGER', comment: 'searchable words in the title (BM25 length)' },
    { name: 'abstract_words', type: 'INTEGER', comment: 'searchable words in the abstract' }
  ]
});

export const SEARCH_TERMS = defineTable({
  name: 'search_terms',
  comment: ['Search keys of the run (pipeline/tokenise/search-tokens.ts: inflection stem keys, full Porter in runs before runs.metrics.searchStem), sorted, so term_id order is key order.'],
  key: ['run_id', 'term_id'],
  columns: [
    RUN_ID,
    { name: 'term_id', type: 'INTEGER' },
    { name: 'term', type: 'VARCHAR' },
    { name: 'df', type: 'INTEGER', comment: 'papers of the run whose title or abstract holds it' }
  ]
});

export const SEARCH_POSTINGS = defineTable({
  name: 'search_postings',
  comment: ['The inverted index, written sorted by term_id then paper_row (so a term\'s postings sit together).',
    'Unique on (run_id, term_id, paper_row); no PRIMARY KEY: an index over millions of postings would double the write.'],
  key: [],
  columns: [
    RUN_ID,
    { name: 'term_id', type: 'INTEGER' },
    { name: 'paper_row', type: 'INTEGER' },
    { name: 'tf', type: 'DOUBLE', comment: 'BM25F pseudo term frequency: title ×3 and abstract, each length-normalised (pipeline/search/bm25.ts)' }
  ]
});

export const SIMILAR_PAPERS = defineTable({
  name: 'similar_papers',
  comment: ['Unique on (run_id, paper_row, rank); no PRIMARY KEY index, as for search_postings.'],
  key: [],
  columns: [
    RUN_ID,
    { name: 'paper_row', type: 'INTEGER' },
    { name: 'rank', type: 'INTEGER', comment: '1 = most similar' },
    { name: 'similar_row', type: 'INTEGER' },
    { name: 'similarity', type: 'DOUBLE', comment: 'cosine of the TF-IDF rows' }
  ]
});

export const THEME_LINEAGE = defineTable({
  name: 'theme_lineage',
  comment: ['How the run\'s themes descend from the previous complete run\'s (pipeline/lineage/match.ts, README "Lineage between runs"):',
    'a row per linked pair, a \'new\' row per new theme without one, a \'gone\' row per previous theme without one.',
    'n, A, B count only papers both runs hold. No rows in the first run of a database.'],
  key: [],
  columns: [
    RUN_ID,
    { name: 'theme_id', type: 'INTEGER', nullable: true, comment: 'the new theme; NULL on a gone row' },
    { name: 'prev_run_id', type: 'INTEGER', comment: 'the previous complete run' },
    { name: 'prev_theme_id', type: 'INTEGER', nullable: true, comment: 'its theme; NULL on a new row' },
    { name: 'kind', type: 'VARCHAR', values: ['continued', 'split', 'merged', 'new', 'gone'],
      comment: "'continued' n/A > ½ and n/B > ½ | 'split' n/A < n/B | 'merged' | 'new' | 'gone'" },
    { name: 'shared_papers', type: 'INTEGER', comment: 'n: papers in both themes (0 on new/gone rows)' },
    { name: 'jaccard', type: 'DOUBLE', comment: 'n / (A + B − n) (0 on new/gone rows)' },
    { name: 'centroid_cosine', type: 'DOUBLE', nullable: true, comment: 'cosine of the two themes\' keyword weights (theme_terms)' },
    { name: 'theme_papers', type: 'INTEGER', nullable: true, comment: 'B: the new theme\'s papers that the previous run holds' },
    { name: 'prev_theme_papers', type: 'INTEGER', nullable: true, comment: 'A: the previous theme\'s papers that this run holds' }
  ]
});

// What `npm run assign` needs to add papers to a run without re-clustering (pipeline/assign/): the
// vocabulary with its IDF, the tokeniser settings, the theme centroids and every paper's TF-IDF row.
export const RUN_MODELS = defineTable({
  name: 'run_models',
  comment: ['How the run turned text into vectors, and where a paper stops fitting its theme (pipeline/assign/model.ts).'],
  key: ['run_id'],
  columns: [
    RUN_ID,
    { name: 'ngram_max', type: 'INTEGER', comment: 'longest phrase in words (the tokeniser setting)' },
    { name: 'n_docs', type: 'INTEGER', comment: 'papers the IDF was computed over (the clustered papers)' },
    { name: 'n_terms', type: 'INTEGER', comment: 'vocabulary size: columns of the TF-IDF rows' },
    { name: 'novel_threshold', type: 'DOUBLE', comment: '5th percentile of the clustered papers\' cosine to their own centroid' }
  ]
});

export const RUN_TERMS = defineTable({
  name: 'run_terms',
  comment: ['The TF-IDF vocabulary: column term_id is the term with stem key `term` (term-key order).'],
  key: ['run_id', 'term_id'],
  columns: [
    RUN_ID,
    { name: 'term_id', type: 'INTEGER', comment: 'column of the TF-IDF rows' },
    { name: 'term', type: 'VARCHAR', comment: 'stem key: Porter stems joined by one space' },
    { name: 'surface', type: 'VARCHAR', comment: 'most frequent way the corpus wrote it' },
    { name: 'df', type: 'INTEGER' },
    { name: 'idf', type: 'DOUBLE', comment: 'ln((1 + n_docs) / (1 + df)) + 1' }
  ]
});

export const THEME_VECTORS = defineTable({
  name: 'theme_vectors',
  comment: ['Each theme\'s unit-length centroid, sparse: little-endian Int32 term ids and Float32 weights.'],
  key: ['run_id', 'theme_id'],
  columns: [
    RUN_ID,
    THEME_ID,
    { name: 'terms', type: 'BLOB', comment: 'Int32 term_id of each non-zero, ascending' },
    { name: 'weights', type: 'BLOB', comment: 'Float32 weight of each non-zero' },
    { name: 'burst_terms', type: 'BLOB', comment: 'Int32 term_ids whose bursts trends watches (label distinctiveTerms)' }
  ]
});

export const PAPER_VECTORS = defineTable({
  name: 'paper_vectors',
  comment: ['TF-IDF rows (L2-normalised, sparse) of paper_rows first_row.. first_row + n_rows - 1, in blocks.'],
  key: ['run_id', 'first_row'],
  columns: [
    RUN_ID,
    { name: 'first_row', type: 'INTEGER' },
    { name: 'n_rows', type: 'INTEGER' },
    { name: 'ends', type: 'BLOB', comment: 'Uint32 end of each row in terms/weights' },
    { name: 'terms', type: 'BLOB', comment: 'Uint16 term ids when n_terms <= 65536, else Uint32' },
    { name: 'weights', type: 'BLOB', comment: 'Float32' }
  ]
});

export const ASSIGN_BATCHES = defineTable({
  name: 'assign_batches',
  comment: ['One row per `npm run assign` that added papers to a run after it was clustered.'],
  key: ['run_id', 'batch_id'],
  columns: [
    RUN_ID,
    { name: 'batch_id', type: 'INTEGER', comment: '1, 2, … per run' },
    { name: 'input_sha256', type: 'VARCHAR', comment: "sha256 over the input files' sha256s, in order" },
    { name: 'input_files', type: 'JSON', comment: '[{path, format, sha256, records}]' },
    { name: 'added', type: 'INTEGER', comment: 'papers added to the run' },
    { name: 'skipped', type: 'INTEGER', comment: 'input records skipped (bad records)' },
    { name: 'duplicates', type: 'INTEGER', comment: 'input records merged into another of the input' },
    { name: 'already_in_run', type: 'INTEGER', comment: 'papers of the input the run already had (left as they were)' },
    { name: 'novel', type: 'INTEGER', comment: 'added papers below the run\'s novel_threshold' },
    { name: 'started_at', type: 'TIMESTAMP' },
    { name: 'finished_at', type: 'TIMESTAMP' },
    { name: 'warnings', type: 'JSON', nullable: true, comment: "the batch's own warnings, [{code, message}]: its input's (as a run's input warnings), ids kept apart, dates read coarsely; the run's coverage, k, theme-size and straggler-date warnings it recomputed are in runs.metrics.warnings; NULL: a batch stored before they were kept" }
  ]
});

export const ASSIGNED_PAPERS = defineTable({
  name: 'assigned_papers',
  comment: ['Papers added to a run after clustering (npm run assign); the others of paper_themes were clustered.'],
  key: ['run_id', 'paper_id'],
  columns: [
    RUN_ID,
    { name: 'paper_id', type: 'VARCHAR' },
    { name: 'batch_id', type: 'INTEGER' },
    { name: 'novel', type: 'BOOLEAN', comment: 'cosine to its nearest centroid below run_models.novel_threshold' }
  ]
});

export const TABLES = [
  RUNS, PAPERS, THEMES, THEME_TERMS, PAPER_THEMES, THEME_PERIODS, PERIOD_TOTALS, THEME_NEIGHBOURS, K_SELECTION, SKIPPED_RECORDS,
  BURSTS, AREAS, COVERAGE_CHANGES, PAPER_THEME_RANKS, PAPER_ROWS, SEARCH_TERMS, SEARCH_POSTINGS, SIMILAR_PAPERS, THEME_LINEAGE,
  RUN_MODELS, RUN_TERMS, THEME_VECTORS, PAPER_VECTORS, ASSIGN_BATCHES, ASSIGNED_PAPERS
] as const;

export type TableSpec = (typeof TABLES)[number];
export type TableName = TableSpec['name'];
/** One row of the named table, as appended and as the dashboard reads it. */
export type TableRow<N extends TableName> = Row<Extract<TableSpec, { name: N }>>;

export type RunRow = Row<typeof RUNS>;
export type PaperRow = Row<typeof PAPERS>;
export type ThemeRow = Row<typeof THEMES>;
export type AreaRow = Row<typeof AREAS>;

const HEADER = `-- Generated from pipeline/store/tables.ts by \`npx tsx pipeline/store/write-schema.ts\`; edit the spec, not this file.
-- The DuckDB contract between the pipeline (the only writer) and the dashboard (read-only).
-- Every run-scoped table is keyed by run_id; a run is shown only once runs.status = 'complete'.
`;

/** schema.sql: every table's CREATE TABLE, in spec order. */
export function schemaSql(): string {
  return [HEADER, ...TABLES.map(createTableSql)].join('\n');
}
