-- Generated from pipeline/store/tables.ts by `npx tsx pipeline/store/write-schema.ts`; edit the spec, not this file.
-- The DuckDB contract between the pipeline (the only writer) and the dashboard (read-only).
-- Every run-scoped table is keyed by run_id; a run is shown only once runs.status = 'complete'.

CREATE TABLE IF NOT EXISTS runs (
  run_id               INTEGER PRIMARY KEY,
  created_at           TIMESTAMP NOT NULL,
  status               VARCHAR NOT NULL,   -- 'complete' only once every other row of the run is written
  input_sha256         VARCHAR NOT NULL,   -- sha256 over the input files' sha256s, in order
  input_files          JSON NOT NULL,      -- [{path, format, sha256, records}]
  n_papers             INTEGER NOT NULL,   -- papers clustered (after skips and duplicate merge), plus those npm run assign added
  n_skipped            INTEGER NOT NULL,
  n_duplicates         INTEGER NOT NULL,
  n_terms              INTEGER NOT NULL,   -- vocabulary kept after min/max df pruning
  k                    INTEGER NOT NULL,
  seed                 INTEGER NOT NULL,
  stability            DOUBLE,             -- divisive start (metrics.stabilityKind subsample): mean ARI with runs on seeded 90% subsamples of the papers, on shared papers; --init kmeans++ (restarts): mean ARI over pairs of restarts; NULL with --restarts 1
  date_min             DATE,
  date_max             DATE,
  params               JSON NOT NULL,      -- every resolved option
  tool_version         VARCHAR NOT NULL,
  durations            JSON NOT NULL,      -- {stage: seconds}
  metrics              JSON NOT NULL,      -- {inertia, iterations, ..., datePrecision, coarseDates, peakRssMb, coverageChecked, searchStem, warnings: [{code, message, batch?}]}
  default_granularity  VARCHAR,            -- the finest granularity most dated papers have (NULL before it: 'month')
  date_min_precision   VARCHAR,            -- 'day' | 'month' | 'year' | NULL
  date_max_precision   VARCHAR             -- 'day' | 'month' | 'year' | NULL
);

-- Papers are shared by runs (upserted by paper_id); runs reach them through paper_themes. A local id
-- (citation key, row number) that names another run's paper of another title is stored as
-- '<id>~<8 hex of its title's hash>' instead (store/local-ids.ts), so no run rewrites another's papers.
CREATE TABLE IF NOT EXISTS papers (
  paper_id        VARCHAR PRIMARY KEY,
  title           VARCHAR NOT NULL,
  abstract        VARCHAR NOT NULL,
  published       DATE,                    -- first day of the month/year for coarser precision
  date_precision  VARCHAR,                 -- 'day' | 'month' | 'year' | NULL
  authors         VARCHAR[] NOT NULL,
  categories      VARCHAR[] NOT NULL,
  url             VARCHAR,
  source          VARCHAR NOT NULL,
  doi             VARCHAR,                 -- bare DOI (10.…), NULL in rows written before it
  venue           VARCHAR,                 -- journal, proceedings or conference
  keywords_only   BOOLEAN                  -- categories holds only the record's keywords (no category field): no primary category (trends/coverage.ts); NULL before it
);

CREATE TABLE IF NOT EXISTS themes (
  run_id                 INTEGER NOT NULL,
  theme_id               INTEGER NOT NULL,
  label                  VARCHAR NOT NULL, -- unique within the run
  size                   INTEGER NOT NULL,
  share                  DOUBLE NOT NULL,  -- size / n_papers
  keywords               VARCHAR[] NOT NULL, -- top terms, surface form, best first
  x                      DOUBLE NOT NULL,  -- topic-map position
  y                      DOUBLE NOT NULL,
  growth                 DOUBLE NOT NULL,  -- relative change of share, recent window vs before
  emerging_score         DOUBLE NOT NULL,  -- > 0 rising, < 0 fading (trends/emerging.ts)
  direction              VARCHAR NOT NULL, -- 'emerging' | 'fading' | 'steady'
  window_months          INTEGER NOT NULL, -- periods in the recent window, of window_granularity
  share_before           DOUBLE NOT NULL,
  share_after            DOUBLE NOT NULL,
  papers_before          INTEGER NOT NULL,
  papers_after           INTEGER NOT NULL,
  z_score                DOUBLE NOT NULL,
  cohesion               DOUBLE,           -- mean cosine of its papers to the centroid (NULL in runs before it)
  window_granularity     VARCHAR,          -- unit of window_months and of the trend (NULL before it: 'month')
  area_id                INTEGER,          -- the area above it (areas); NULL in runs before areas
  separation             DOUBLE,           -- cosine to the nearest other theme centroid: lower = better separated
  coherence              DOUBLE,           -- mean NPMI over pairs of its top 10 keywords, -1..1 (quality/npmi.ts)
  mixture                BOOLEAN,          -- marked as a mixture of topics (rule: quality/mixture.ts)
  reproducibility        DOUBLE,           -- best Jaccard of its papers with a theme of the check clustering (the 90% subsample run, or with --init kmeans++ the other restart), on shared papers (cluster/reproducibility.ts); NULL with --restarts 1 and before it
  covered_share          DOUBLE,           -- share of its papers in the trend windows that are in categories the corpus holds throughout them; NULL when it holds every category throughout (coverage_changes; trends/coverage.ts)
  covered_score          DOUBLE,           -- emerging_score over the papers of those categories only; NULL as covered_share
  covered_direction      VARCHAR,          -- direction over those papers only; NULL as covered_share
  covered_z              DOUBLE,           -- z_score over those papers only; NULL as covered_share
  covered_share_before   DOUBLE,           -- share_before over those papers only: of the papers of those categories with papers in both windows; NULL as covered_share, and in runs before it
  covered_share_after    DOUBLE,           -- share_after over those papers only, at the before window's mix of categories (direct standardisation); NULL as covered_share_before
  covered_papers_before  INTEGER,          -- papers_before of those categories only; NULL as covered_share_before
  covered_papers_after   INTEGER,          -- papers_after of those categories only; NULL as covered_share_before
  PRIMARY KEY (run_id, theme_id)
);

CREATE TABLE IF NOT EXISTS theme_terms (
  run_id    INTEGER NOT NULL,
  theme_id  INTEGER NOT NULL,
  rank      INTEGER NOT NULL,              -- 1 = best
  term      VARCHAR NOT NULL,              -- surface form
  weight    DOUBLE NOT NULL,               -- c-TF-IDF weight
  PRIMARY KEY (run_id, theme_id, rank)
);

CREATE TABLE IF NOT EXISTS paper_themes (
  run_id         INTEGER NOT NULL,
  paper_id       VARCHAR NOT NULL,
  theme_id       INTEGER NOT NULL,
  similarity     DOUBLE NOT NULL,          -- cosine to the theme centroid
  rank_in_theme  INTEGER NOT NULL,         -- 1 = most typical
  x              DOUBLE NOT NULL,
  y              DOUBLE NOT NULL,
  weak           BOOLEAN,                  -- weak member: similarity < 0.6 × the theme cohesion (quality/top-themes.ts)
  PRIMARY KEY (run_id, paper_id)
);

-- Papers per theme and period. Papers whose date is coarser than the granularity are not counted.
CREATE TABLE IF NOT EXISTS theme_periods (
  run_id       INTEGER NOT NULL,
  theme_id     INTEGER NOT NULL,
  granularity  VARCHAR NOT NULL,           -- 'month' | 'quarter' | 'year'
  period       DATE NOT NULL,              -- first day of the period
  papers       INTEGER NOT NULL,
  share        DOUBLE NOT NULL,            -- papers / all papers of the run in that period
  partial      BOOLEAN NOT NULL,           -- the data covers only part of the period
  PRIMARY KEY (run_id, theme_id, granularity, period)
);

CREATE TABLE IF NOT EXISTS period_totals (
  run_id       INTEGER NOT NULL,
  granularity  VARCHAR NOT NULL,           -- 'month' | 'quarter' | 'year'
  period       DATE NOT NULL,
  papers       INTEGER NOT NULL,
  partial      BOOLEAN NOT NULL,
  PRIMARY KEY (run_id, granularity, period)
);

CREATE TABLE IF NOT EXISTS theme_neighbours (
  run_id        INTEGER NOT NULL,
  theme_id      INTEGER NOT NULL,
  rank          INTEGER NOT NULL,          -- 1 = nearest
  neighbour_id  INTEGER NOT NULL,
  similarity    DOUBLE NOT NULL,           -- cosine between centroids
  PRIMARY KEY (run_id, theme_id, rank)
);

-- The evidence behind --k auto: one row per candidate k (a fixed-k run stores its own k only).
CREATE TABLE IF NOT EXISTS k_selection (
  run_id     INTEGER NOT NULL,
  k          INTEGER NOT NULL,
  stability  DOUBLE,                       -- divisive start: ARI of the labellings by two disjoint halves of a 15,000-paper sample (mean of 2 cuts); --init kmeans++: mean pairwise ARI of 3 seeded runs; for a fixed k, the run stability
  inertia    DOUBLE NOT NULL,              -- sum of (1 - cosine) to own centroid
  chosen     BOOLEAN NOT NULL,
  PRIMARY KEY (run_id, k)
);

-- Input records the run skipped, with where and why, and those each npm run assign batch skipped.
CREATE TABLE IF NOT EXISTS skipped_records (
  run_id    INTEGER NOT NULL,
  file      VARCHAR NOT NULL,
  line      INTEGER NOT NULL,
  field     VARCHAR NOT NULL,
  reason    VARCHAR NOT NULL,
  batch_id  INTEGER                        -- the assign batch (assign_batches) that skipped it; NULL: the run's own input
);

-- Kleinberg bursts (trends/kleinberg.ts): periods in which a theme's share of all papers, or a phrase's
-- share of its theme's papers, ran at twice its usual rate or more; term NULL = the theme's own burst.
CREATE TABLE IF NOT EXISTS bursts (
  run_id        INTEGER NOT NULL,
  theme_id      INTEGER NOT NULL,
  term          VARCHAR,                   -- bursting phrase (surface form), NULL for the theme
  granularity   VARCHAR NOT NULL,          -- 'month' | 'quarter' | 'year'
  start_period  DATE NOT NULL,             -- first day of the first period in the burst
  end_period    DATE NOT NULL,             -- first day of the last period in the burst
  weight        DOUBLE NOT NULL,           -- how much better the burst rate explains it (nats)
  papers        INTEGER NOT NULL           -- papers of the theme (or with the phrase) in the burst
);

-- Areas above the themes (themes.area_id): Ward's tree over the theme centroids, cut into about 6-12 (pipeline/areas/).
-- Trends per area are the sums of its themes' theme_periods rows.
CREATE TABLE IF NOT EXISTS areas (
  run_id                 INTEGER NOT NULL,
  area_id                INTEGER NOT NULL, -- 0 = the largest when the run was made (an assign batch changes sizes; pages list areas by size)
  label                  VARCHAR NOT NULL, -- unique within the run, and unlike its themes' labels where the keywords allow
  size                   INTEGER NOT NULL, -- papers in its themes
  share                  DOUBLE NOT NULL,  -- size / n_papers
  n_themes               INTEGER NOT NULL,
  keywords               VARCHAR[] NOT NULL, -- c-TF-IDF over the areas, best first
  x                      DOUBLE NOT NULL,  -- paper-weighted mean of its themes' map positions
  y                      DOUBLE NOT NULL,
  growth                 DOUBLE NOT NULL,  -- as themes: the area's share, recent window vs before
  emerging_score         DOUBLE NOT NULL,
  direction              VARCHAR NOT NULL, -- 'emerging' | 'fading' | 'steady'
  share_before           DOUBLE NOT NULL,
  share_after            DOUBLE NOT NULL,
  z_score                DOUBLE NOT NULL,
  covered_share          DOUBLE,           -- share of its themes' papers in the trend windows that are in categories the corpus holds throughout them; NULL when it holds every category throughout (coverage_changes; trends/coverage.ts)
  covered_score          DOUBLE,           -- emerging_score over the papers of those categories only; NULL as covered_share
  covered_direction      VARCHAR,          -- direction over those papers only; NULL as covered_share
  covered_z              DOUBLE,           -- z_score over those papers only; NULL as covered_share
  covered_share_before   DOUBLE,           -- share_before over those papers only: of the papers of those categories with papers in both windows; NULL as covered_share, and in runs before it
  covered_share_after    DOUBLE,           -- share_after over those papers only, at the before window's mix of categories (direct standardisation); NULL as covered_share_before
  covered_papers_before  INTEGER,          -- papers_before of those categories only; NULL as covered_share_before
  covered_papers_after   INTEGER,          -- papers_after of those categories only; NULL as covered_share_before
  PRIMARY KEY (run_id, area_id)
);

-- Categories the corpus holds only part of the trend windows (trends/coverage.ts): nearly absent from the periods
-- absent_from..absent_to (`observed` papers) though their share elsewhere predicts `expected` a period, next to a
-- period where they are held. One row per such run. Trends over the other categories are themes.covered_*; no row = every category held throughout.
CREATE TABLE IF NOT EXISTS coverage_changes (
  run_id       INTEGER NOT NULL,
  category     VARCHAR NOT NULL,           -- primary (first) category; '(none)' for papers without one
  granularity  VARCHAR NOT NULL,           -- 'month' | 'quarter' | 'year'
  absent_from  DATE NOT NULL,              -- first day of the first absent period
  absent_to    DATE NOT NULL,              -- first day of the last absent period
  expected     DOUBLE NOT NULL,            -- papers a period at its share where it is held, mean over the windows
  observed     INTEGER,                    -- its papers in absent_from..absent_to (fewer than a tenth of those expected)
  papers       INTEGER NOT NULL            -- its papers in the trend windows
);

-- Each paper's closest themes: rank 1 is its own theme (paper_themes), 2 and 3 the next most similar.
CREATE TABLE IF NOT EXISTS paper_theme_ranks (
  run_id      INTEGER NOT NULL,
  paper_id    VARCHAR NOT NULL,
  rank        INTEGER NOT NULL,            -- 1..3 (fewer when k < 3)
  theme_id    INTEGER NOT NULL,
  similarity  DOUBLE NOT NULL,             -- cosine to the theme centroid
  PRIMARY KEY (run_id, paper_id, rank)
);

-- The run's papers numbered 0..n-1 (input order), for the search index and similar papers.
CREATE TABLE IF NOT EXISTS paper_rows (
  run_id          INTEGER NOT NULL,
  paper_row       INTEGER NOT NULL,
  paper_id        VARCHAR NOT NULL,
  title_words     INTEGER NOT NULL,        -- searchable words in the title (BM25 length)
  abstract_words  INTEGER NOT NULL,        -- searchable words in the abstract
  PRIMARY KEY (run_id, paper_row)
);

-- Search keys of the run (pipeline/tokenise/search-tokens.ts: inflection stem keys, full Porter in runs before runs.metrics.searchStem), sorted, so term_id order is key order.
CREATE TABLE IF NOT EXISTS search_terms (
  run_id   INTEGER NOT NULL,
  term_id  INTEGER NOT NULL,
  term     VARCHAR NOT NULL,
  df       INTEGER NOT NULL,               -- papers of the run whose title or abstract holds it
  PRIMARY KEY (run_id, term_id)
);

-- The inverted index, written sorted by term_id then paper_row (so a term's postings sit together).
-- Unique on (run_id, term_id, paper_row); no PRIMARY KEY: an index over millions of postings would double the write.
CREATE TABLE IF NOT EXISTS search_postings (
  run_id     INTEGER NOT NULL,
  term_id    INTEGER NOT NULL,
  paper_row  INTEGER NOT NULL,
  tf         DOUBLE NOT NULL               -- BM25F pseudo term frequency: title ×3 and abstract, each length-normalised (pipeline/search/bm25.ts)
);

-- Unique on (run_id, paper_row, rank); no PRIMARY KEY index, as for search_postings.
CREATE TABLE IF NOT EXISTS similar_papers (
  run_id       INTEGER NOT NULL,
  paper_row    INTEGER NOT NULL,
  rank         INTEGER NOT NULL,           -- 1 = most similar
  similar_row  INTEGER NOT NULL,
  similarity   DOUBLE NOT NULL             -- cosine of the TF-IDF rows
);

-- How the run's themes descend from the previous complete run's (pipeline/lineage/match.ts, README "Lineage between runs"):
-- a row per linked pair, a 'new' row per new theme without one, a 'gone' row per previous theme without one.
-- n, A, B count only papers both runs hold. No rows in the first run of a database.
CREATE TABLE IF NOT EXISTS theme_lineage (
  run_id             INTEGER NOT NULL,
  theme_id           INTEGER,              -- the new theme; NULL on a gone row
  prev_run_id        INTEGER NOT NULL,     -- the previous complete run
  prev_theme_id      INTEGER,              -- its theme; NULL on a new row
  kind               VARCHAR NOT NULL,     -- 'continued' n/A > ½ and n/B > ½ | 'split' n/A < n/B | 'merged' | 'new' | 'gone'
  shared_papers      INTEGER NOT NULL,     -- n: papers in both themes (0 on new/gone rows)
  jaccard            DOUBLE NOT NULL,      -- n / (A + B − n) (0 on new/gone rows)
  centroid_cosine    DOUBLE,               -- cosine of the two themes' keyword weights (theme_terms)
  theme_papers       INTEGER,              -- B: the new theme's papers that the previous run holds
  prev_theme_papers  INTEGER               -- A: the previous theme's papers that this run holds
);

-- How the run turned text into vectors, and where a paper stops fitting its theme (pipeline/assign/model.ts).
CREATE TABLE IF NOT EXISTS run_models (
  run_id           INTEGER PRIMARY KEY,
  ngram_max        INTEGER NOT NULL,       -- longest phrase in words (the tokeniser setting)
  n_docs           INTEGER NOT NULL,       -- papers the IDF was computed over (the clustered papers)
  n_terms          INTEGER NOT NULL,       -- vocabulary size: columns of the TF-IDF rows
  novel_threshold  DOUBLE NOT NULL         -- 5th percentile of the clustered papers' cosine to their own centroid
);

-- The TF-IDF vocabulary: column term_id is the term with stem key `term` (term-key order).
CREATE TABLE IF NOT EXISTS run_terms (
  run_id   INTEGER NOT NULL,
  term_id  INTEGER NOT NULL,               -- column of the TF-IDF rows
  term     VARCHAR NOT NULL,               -- stem key: Porter stems joined by one space
  surface  VARCHAR NOT NULL,               -- most frequent way the corpus wrote it
  df       INTEGER NOT NULL,
  idf      DOUBLE NOT NULL,                -- ln((1 + n_docs) / (1 + df)) + 1
  PRIMARY KEY (run_id, term_id)
);

-- Each theme's unit-length centroid, sparse: little-endian Int32 term ids and Float32 weights.
CREATE TABLE IF NOT EXISTS theme_vectors (
  run_id       INTEGER NOT NULL,
  theme_id     INTEGER NOT NULL,
  terms        BLOB NOT NULL,              -- Int32 term_id of each non-zero, ascending
  weights      BLOB NOT NULL,              -- Float32 weight of each non-zero
  burst_terms  BLOB NOT NULL,              -- Int32 term_ids whose bursts trends watches (label distinctiveTerms)
  PRIMARY KEY (run_id, theme_id)
);

-- TF-IDF rows (L2-normalised, sparse) of paper_rows first_row.. first_row + n_rows - 1, in blocks.
CREATE TABLE IF NOT EXISTS paper_vectors (
  run_id     INTEGER NOT NULL,
  first_row  INTEGER NOT NULL,
  n_rows     INTEGER NOT NULL,
  ends       BLOB NOT NULL,                -- Uint32 end of each row in terms/weights
  terms      BLOB NOT NULL,                -- Uint16 term ids when n_terms <= 65536, else Uint32
  weights    BLOB NOT NULL,                -- Float32
  PRIMARY KEY (run_id, first_row)
);

-- One row per `npm run assign` that added papers to a run after it was clustered.
CREATE TABLE IF NOT EXISTS assign_batches (
  run_id          INTEGER NOT NULL,
  batch_id        INTEGER NOT NULL,        -- 1, 2, … per run
  input_sha256    VARCHAR NOT NULL,        -- sha256 over the input files' sha256s, in order
  input_files     JSON NOT NULL,           -- [{path, format, sha256, records}]
  added           INTEGER NOT NULL,        -- papers added to the run
  skipped         INTEGER NOT NULL,        -- input records skipped (bad records)
  duplicates      INTEGER NOT NULL,        -- input records merged into another of the input
  already_in_run  INTEGER NOT NULL,        -- papers of the input the run already had (left as they were)
  novel           INTEGER NOT NULL,        -- added papers below the run's novel_threshold
  started_at      TIMESTAMP NOT NULL,
  finished_at     TIMESTAMP NOT NULL,
  warnings        JSON,                    -- the batch's own warnings, [{code, message}]: its input's (as a run's input warnings), ids kept apart, dates read coarsely; the run's coverage, k, theme-size and straggler-date warnings it recomputed are in runs.metrics.warnings; NULL: a batch stored before they were kept
  PRIMARY KEY (run_id, batch_id)
);

-- Papers added to a run after clustering (npm run assign); the others of paper_themes were clustered.
CREATE TABLE IF NOT EXISTS assigned_papers (
  run_id    INTEGER NOT NULL,
  paper_id  VARCHAR NOT NULL,
  batch_id  INTEGER NOT NULL,
  novel     BOOLEAN NOT NULL,              -- cosine to its nearest centroid below run_models.novel_threshold
  PRIMARY KEY (run_id, paper_id)
);
