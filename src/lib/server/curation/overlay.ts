// Owns the curated view of the runs database. In the dashboard's in-memory DuckDB (db.ts) a schema
// `memory.ovN` holds the curated rows of each curated run and views named like the stored tables
// (themes, paper_themes, theme_periods, …) that read the stored rows of every other run and the
// curated rows of these (theme_lineage: the links of the pairs of runs they touch, matched again:
// overlay-lineage.ts); db.ts puts that schema first on each connection's search_path, so every
// query, chart and export reads curated themes without knowing about edits. Stored rows stay as written.
import { BOOLEAN, DOUBLE, INTEGER, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { isRegrouped, type Curation } from './fold.js';
import { computeCurations, type CurationState, type Reader } from './state.js';
import { readJournal } from './journal.js';
import { bind, UNIT_MAP } from './overlay-sql.js';
import { curatedTrends, installPeriods, splitPapers, type Trend } from './overlay-periods.js';
import { installLineage } from './overlay-lineage.js';

export interface Writer extends Reader {
  exec(sql: string, params?: Record<string, DuckDBValue>, types?: Record<string, DuckDBType>): Promise<void>;
}

/** Stored tables that hold theme ids, and so get curated rows. */
const CURATED_TABLES = ['themes', 'paper_themes', 'theme_periods', 'theme_terms', 'paper_theme_ranks', 'theme_neighbours', 'bursts', 'areas'] as const;

/** Builds the overlay for every curated run in `schema`; the state says what each run's curation is. */
export async function buildOverlay(db: Writer, schema: string, journalPath: string): Promise<CurationState & { installed: boolean }> {
  const state = await computeCurations(db, readJournal(journalPath));
  const curated = [...state.runs.values()].filter((r) => r.curation.changed).map((r) => r.curation);
  const tables = new Set((await db.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE database_name = 'src'`)).map((r) => r.t));
  const present = CURATED_TABLES.filter((t) => tables.has(t));
  if (curated.length === 0) return { ...state, installed: false };
  const s = `memory.${schema}`;
  await db.exec(`CREATE SCHEMA ${s}`);
  for (const t of present) await db.exec(`CREATE TABLE ${s}._${t} AS SELECT * FROM src.main.${t} LIMIT 0`);
  await db.exec(`CREATE TABLE ${s}.theme_curation AS SELECT * FROM memory.main.theme_curation LIMIT 0`);
  for (const c of curated) await installRun(db, s, c, new Set(present));
  const ids = curated.map((c) => c.runId).join(', ');
  for (const t of present) {
    await db.exec(`CREATE VIEW ${s}.${t} AS SELECT * FROM src.main.${t} WHERE run_id NOT IN (${ids}) UNION ALL SELECT * FROM ${s}._${t}`);
  }
  // The links to and from a run whose themes a merge or split changed, matched again between the curated
  // themes (overlay-lineage.ts); a rename, hide or note changes no link, and the stored ones stand.
  const regrouped = curated.filter((c) => [...c.themes.values()].some(isRegrouped));
  if (regrouped.length > 0 && tables.has('theme_lineage') && present.includes('theme_terms')) await installLineage(db, s, regrouped.map((c) => c.runId));
  return { ...state, installed: true };
}

async function installRun(db: Writer, s: string, c: Curation, present: Set<string>): Promise<void> {
  const themes = [...c.themes.values()];
  const units = themes.flatMap((t) => t.units.map((u) => [u, t.id]));
  const placement = await splitPapers(db, c, new Set(units.map((u) => u[0])));
  const override = placement.papers;
  const map = bind({ unit: [units.map((u) => u[0]), INTEGER], cur: [units.map((u) => u[1]), INTEGER] }, { run: c.runId });
  const ov = bind({ opaper: [[...override.keys()], VARCHAR], ounit: [[...override.values()], INTEGER] });
  // Merged themes and split parts (a part's one unit is its own id, its papers a part of its parent's):
  // their ranks, keywords, position and quality are their own, not a stored theme's.
  const changed = themes.filter(isRegrouped).map((t) => t.id);
  const ch = bind({ changed: [changed, INTEGER] });
  await db.exec(
    `INSERT INTO ${s}._paper_themes BY NAME
     WITH ${UNIT_MAP}, ov AS (SELECT unnest($opaper) AS paper_id, unnest($ounit) AS unit),
       pt AS (SELECT p.* REPLACE (um.cur AS theme_id) FROM src.main.paper_themes p LEFT JOIN ov USING (paper_id)
              JOIN um ON um.unit = coalesce(ov.unit, p.theme_id) WHERE p.run_id = $run)
     -- merged and split themes rank their papers by cosine to the centroid they were clustered with
     SELECT pt.* REPLACE (CASE WHEN list_contains($changed, theme_id)
       THEN row_number() OVER (PARTITION BY theme_id ORDER BY similarity DESC, paper_id)::INTEGER ELSE rank_in_theme END AS rank_in_theme)
     FROM pt`,
    { ...map.params, ...ov.params, ...ch.params }, { ...map.types, ...ov.types, ...ch.types });
  await installPeriods(db, s, c, override, map);
  const trends = await curatedTrends(db, s, c);
  await installThemes(db, s, c, trends, changed);
  if (present.has('theme_terms')) await installTerms(db, s, c, map);
  if (present.has('paper_theme_ranks')) {
    // A next-closest theme that was split names the part its similar papers are in (overlay-periods.ts);
    // one merged into the paper's own theme, or into one it already names, is dropped, and the rest are
    // numbered again, so rank 2 is the closest theme that still stands apart.
    const rp = bind({ rpaper: [placement.ranks.map((r) => r.paperId), VARCHAR], rtheme: [placement.ranks.map((r) => r.theme), INTEGER],
      runit: [placement.ranks.map((r) => r.unit), INTEGER] });
    await db.exec(
      `INSERT INTO ${s}._paper_theme_ranks BY NAME WITH ${UNIT_MAP},
         rp AS (SELECT unnest($rpaper) AS paper_id, unnest($rtheme) AS theme_id, unnest($runit) AS unit),
         r AS (SELECT r.*, CASE WHEN r.rank = 1 THEN p.theme_id ELSE um.cur END AS cur
               FROM src.main.paper_theme_ranks r JOIN ${s}._paper_themes p ON p.run_id = r.run_id AND p.paper_id = r.paper_id
                 LEFT JOIN rp ON rp.paper_id = r.paper_id AND rp.theme_id = r.theme_id
                 LEFT JOIN um ON um.unit = coalesce(rp.unit, r.theme_id)
               WHERE r.run_id = $run AND (r.rank = 1 OR (um.cur IS NOT NULL AND um.cur <> p.theme_id))),
         once AS (SELECT * FROM r QUALIFY row_number() OVER (PARTITION BY paper_id, cur ORDER BY rank) = 1)
       SELECT run_id, paper_id, row_number() OVER (PARTITION BY paper_id ORDER BY rank)::INTEGER AS rank, cur AS theme_id, similarity FROM once`,
      { ...map.params, ...rp.params }, { ...map.types, ...rp.types });
  }
  if (present.has('theme_neighbours')) {
    await db.exec(
      `INSERT INTO ${s}._theme_neighbours BY NAME WITH ${UNIT_MAP},
         m AS (SELECT a.cur AS theme_id, b.cur AS neighbour_id, max(n.similarity) AS similarity
               FROM src.main.theme_neighbours n JOIN um a ON a.unit = n.theme_id JOIN um b ON b.unit = n.neighbour_id
               WHERE n.run_id = $run AND a.cur <> b.cur GROUP BY ALL)
       SELECT $run AS run_id, theme_id, row_number() OVER (PARTITION BY theme_id ORDER BY similarity DESC, neighbour_id)::INTEGER AS rank,
         neighbour_id, similarity FROM m`, map.params, map.types);
  }
  if (present.has('bursts')) {
    await db.exec(`INSERT INTO ${s}._bursts BY NAME WITH ${UNIT_MAP}
      SELECT b.* REPLACE (um.cur AS theme_id) FROM src.main.bursts b JOIN um ON um.unit = b.theme_id WHERE b.run_id = $run`, map.params, map.types);
  }
  if (present.has('areas')) {
    // An area holds the curated themes based in it (a merged theme stays in the area of the theme kept).
    await db.exec(`INSERT INTO ${s}._areas BY NAME
      WITH t AS (SELECT area_id, sum(size)::INTEGER AS size, count(*)::INTEGER AS n FROM ${s}._themes WHERE run_id = $run GROUP BY area_id),
        n AS (SELECT count(*) AS n FROM src.main.paper_themes WHERE run_id = $run)
      SELECT a.* REPLACE (coalesce(t.size, 0) AS size, coalesce(t.size, 0) / n.n AS share, coalesce(t.n, 0) AS n_themes)
      FROM src.main.areas a LEFT JOIN t ON t.area_id = a.area_id, n WHERE a.run_id = $run`, { run: c.runId });
  }
  await db.exec(`INSERT INTO ${s}.theme_curation BY NAME
    SELECT $run AS run_id, unnest($id) AS theme_id, unnest($orig) AS original_label, unnest($hidden) AS hidden, unnest($note) AS note`,
    ...Object.values(bind({
      id: [themes.map((t) => t.id), INTEGER], orig: [themes.map((t) => t.originalLabel), VARCHAR],
      hidden: [themes.map((t) => t.hidden), BOOLEAN], note: [themes.map((t) => t.note), VARCHAR]
    }, { run: c.runId })) as [Record<string, DuckDBValue>, Record<string, DuckDBType>]);
}

async function installThemes(db: Writer, s: string, c: Curation, trends: Map<number, Trend>, changed: number[]): Promise<void> {
  const themes = [...c.themes.values()];
  const tr = (f: (t: Trend) => DuckDBValue) => themes.map((t) => f(trends.get(t.id)!));
  const b = bind({
    tid: [themes.map((t) => t.id), INTEGER], tbase: [themes.map((t) => t.base), INTEGER], tlabel: [themes.map((t) => t.label), VARCHAR],
    tkw: [themes.map((t) => t.keywords.join('\u001f')), VARCHAR], changed: [changed, INTEGER],
    growth: [tr((t) => t.growth), DOUBLE], score: [tr((t) => t.emergingScore), DOUBLE], dir: [tr((t) => t.direction), VARCHAR],
    sb: [tr((t) => t.shareBefore), DOUBLE], sa: [tr((t) => t.shareAfter), DOUBLE], pb: [tr((t) => t.papersBefore), INTEGER],
    pa: [tr((t) => t.papersAfter), INTEGER], z: [tr((t) => t.zScore), DOUBLE],
    cshare: [tr((t) => t.covered?.share ?? null), DOUBLE], cscore: [tr((t) => t.covered?.emergingScore ?? null), DOUBLE],
    cdir: [tr((t) => t.covered?.direction ?? null), VARCHAR], cz: [tr((t) => t.covered?.zScore ?? null), DOUBLE],
    csb: [tr((t) => t.covered?.shareBefore ?? null), DOUBLE], csa: [tr((t) => t.covered?.shareAfter ?? null), DOUBLE],
    cpb: [tr((t) => t.covered?.papersBefore ?? null), INTEGER], cpa: [tr((t) => t.covered?.papersAfter ?? null), INTEGER]
  }, { run: c.runId });
  await db.exec(
    `INSERT INTO ${s}._themes BY NAME
     WITH ct AS (SELECT unnest($tid) AS theme_id, unnest($tbase) AS base, unnest($tlabel) AS label, unnest($tkw) AS kw, unnest($growth) AS growth,
         unnest($score) AS score, unnest($dir) AS dir, unnest($sb) AS sb, unnest($sa) AS sa, unnest($pb) AS pb, unnest($pa) AS pa, unnest($z) AS z,
         unnest($cshare) AS cshare, unnest($cscore) AS cscore, unnest($cdir) AS cdir, unnest($cz) AS cz, unnest($csb) AS csb,
         unnest($csa) AS csa, unnest($cpb) AS cpb, unnest($cpa) AS cpa),
       sz AS (SELECT theme_id, count(*)::INTEGER AS size, avg(x) AS x, avg(y) AS y FROM ${s}._paper_themes WHERE run_id = $run GROUP BY theme_id),
       n AS (SELECT count(*) AS n FROM src.main.paper_themes WHERE run_id = $run)
     -- a merged or split theme sits at the mean of its papers and has no quality figures of its own yet
     SELECT b.* REPLACE (ct.theme_id AS theme_id, ct.label AS label, sz.size AS size, sz.size / n.n AS share,
       CASE WHEN list_contains($changed, ct.theme_id) THEN string_split(ct.kw, chr(31)) ELSE b.keywords END AS keywords,
       CASE WHEN list_contains($changed, ct.theme_id) THEN sz.x ELSE b.x END AS x,
       CASE WHEN list_contains($changed, ct.theme_id) THEN sz.y ELSE b.y END AS y,
       ct.growth AS growth, ct.score AS emerging_score, ct.dir AS direction, ct.sb AS share_before, ct.sa AS share_after,
       ct.pb AS papers_before, ct.pa AS papers_after, ct.z AS z_score,
       CASE WHEN list_contains($changed, ct.theme_id) THEN NULL ELSE b.cohesion END AS cohesion,
       CASE WHEN list_contains($changed, ct.theme_id) THEN NULL ELSE b.separation END AS separation,
       CASE WHEN list_contains($changed, ct.theme_id) THEN NULL ELSE b.coherence END AS coherence,
       CASE WHEN list_contains($changed, ct.theme_id) THEN NULL ELSE b.mixture END AS mixture,
       CASE WHEN list_contains($changed, ct.theme_id) THEN NULL ELSE b.reproducibility END AS reproducibility,
       -- the trend over the categories held throughout, scored again as the trend is (overlay-periods.ts)
       ct.cshare AS covered_share, ct.cscore AS covered_score, ct.cdir AS covered_direction, ct.cz AS covered_z,
       ct.csb AS covered_share_before, ct.csa AS covered_share_after, ct.cpb AS covered_papers_before, ct.cpa AS covered_papers_after)
     FROM ct JOIN src.main.themes b ON b.run_id = $run AND b.theme_id = ct.base JOIN sz ON sz.theme_id = ct.theme_id, n`,
    b.params, b.types);
}

/** Keywords: a merged theme's are its members' stored terms by weight; a split part's come from its split. */
async function installTerms(db: Writer, s: string, c: Curation, map: ReturnType<typeof bind>): Promise<void> {
  // Parts split again later are dropped by the join on live units.
  const kw = c.history.flatMap((h) => (h.status === 'applied' && h.edit.kind === 'split' ? h.edit.parts : []))
    .flatMap((p) => p.keywords.map((k) => [p.id, k.term, k.weight] as const));
  const k = bind({ kunit: [kw.map((x) => x[0]), INTEGER], kterm: [kw.map((x) => x[1]), VARCHAR], kweight: [kw.map((x) => x[2]), DOUBLE] });
  await db.exec(
    `INSERT INTO ${s}._theme_terms BY NAME WITH ${UNIT_MAP},
       parts AS (SELECT unnest($kunit) AS unit, unnest($kterm) AS term, unnest($kweight) AS weight),
       t AS (SELECT um.cur AS theme_id, tt.term, tt.weight FROM src.main.theme_terms tt JOIN um ON um.unit = tt.theme_id WHERE tt.run_id = $run
             UNION ALL SELECT um.cur, p.term, p.weight FROM parts p JOIN um ON um.unit = p.unit),
       best AS (SELECT theme_id, term, max(weight) AS weight FROM t GROUP BY theme_id, term)
     SELECT $run AS run_id, theme_id, row_number() OVER (PARTITION BY theme_id ORDER BY weight DESC, term)::INTEGER AS rank, term, weight
     FROM best QUALIFY rank <= 20`,
    { ...map.params, ...k.params }, { ...map.types, ...k.types });
}
