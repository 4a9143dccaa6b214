// Owns the time side of the curated views: which split part holds each paper of a split theme, the
// curated themes' counts per period (stored rows summed; split parts counted by the trends stage's own
// computePeriods) and their emerging/fading scores (the trends stage's scoreTrends).
import { INTEGER, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { computePeriods, paperDates, primaryCategories, scoreTrends, type TrendCoverage } from '../../../../pipeline/trends/index.js';
import { measureCoverage, primaryCategorySql, scoreWithinCategories, withCoveredTrends } from '../../../../pipeline/trends/coverage.js';
import type { DatePrecision, Granularity, PeriodRow, PeriodTotal } from '../../../../pipeline/types.js';
import type { Curation } from './fold.js';
import { bind, UNIT_MAP } from './overlay-sql.js';
import type { Writer } from './overlay.js';

/** Where the papers of split themes go: each paper → its live unit; a next-closest theme that was split → the part it stands for. */
export interface SplitPlacement {
  /** Each paper of a split stored theme → the split part (a live unit) that holds it. */
  papers: Map<string, number>;
  /** A paper whose rank-2 or rank-3 theme (paper_theme_ranks) was split → the part that row names now. */
  ranks: { paperId: string; theme: number; unit: number }[];
}

/**
 * Each paper of a split theme → the split part (a live unit) that holds it: the part that lists it,
 * or, for a paper added to the split theme after the split (npm run assign updates a run in place),
 * the part holding most of its similar papers (similar_papers, weighed by cosine) — the part nearest
 * to it by the run's own neighbours, so a week's papers are not all put in the largest part, which
 * made it "emerging" and the others "growing slower". Likewise a paper's next-closest theme that was
 * split names the part its similar papers are in. With no similar paper in any part (or a run stored
 * before similar_papers), the largest part.
 */
export async function splitPapers(db: Writer, c: Curation, live: Set<number>): Promise<SplitPlacement> {
  const listed = new Map<string, number>();
  const largest = new Map<number, number>();
  const partsOf = new Map<number, number[]>();
  for (const h of c.history) {
    if (h.status !== 'applied' || h.edit.kind !== 'split') continue;
    for (const p of h.edit.parts) for (const id of p.paperIds) listed.set(id, p.id);
    for (const u of h.edit.units) {
      largest.set(u, h.edit.parts.reduce((a, b) => (b.paperIds.length > a.paperIds.length ? b : a)).id);
      partsOf.set(u, h.edit.parts.map((p) => p.id));
    }
  }
  const resolve = (unit: number) => {
    let u = unit;
    for (let i = 0; i < 100 && !live.has(u) && largest.has(u); i++) u = largest.get(u)!;
    return u;
  };
  // The live units a split unit's papers can be in now (its parts, and theirs when split again).
  const descendants = (unit: number, depth = 0): number[] =>
    live.has(unit) ? [unit] : depth > 100 ? [] : (partsOf.get(unit) ?? []).flatMap((p) => descendants(p, depth + 1));
  // Stored themes that a split emptied (part ids are above every stored id, and paper_themes holds only stored ids).
  const emptied = [...largest.keys()].filter((u) => !live.has(u) && u < Math.min(...largest.values()));
  const out = new Map<string, number>();
  if (emptied.length === 0) return { papers: out, ranks: [] };
  const list = bind({ emptied: [emptied, INTEGER] }, { run: c.runId });
  const args = Object.values(list) as [Record<string, DuckDBValue>, Record<string, DuckDBType>];
  const rows = await db.query<{ paper_id: string; theme_id: number }>(
    `SELECT paper_id, theme_id FROM src.main.paper_themes WHERE run_id = $run AND list_contains($emptied, theme_id)`, ...args);
  const unlisted: { paperId: string; theme: number }[] = [];
  for (const r of rows) {
    const part = listed.get(r.paper_id);
    if (part === undefined) unlisted.push({ paperId: r.paper_id, theme: r.theme_id });
    else out.set(r.paper_id, resolve(part));
  }
  const nextClosest = (await db.query<{ paper_id: string; theme_id: number }>(
    `SELECT paper_id, theme_id FROM src.main.paper_theme_ranks WHERE run_id = $run AND rank > 1 AND list_contains($emptied, theme_id)`, ...args))
    .map((r) => ({ paperId: r.paper_id, theme: r.theme_id }));
  const votes = await neighbourVotes(db, c.runId, [...new Set([...unlisted, ...nextClosest].map((p) => p.paperId))], out);
  const place = ({ paperId, theme }: { paperId: string; theme: number }) => {
    const allowed = new Set(descendants(theme));
    let best: number | null = null;
    let weight = 0;
    for (const [unit, w] of votes.get(paperId) ?? []) if (allowed.has(unit) && w > weight) [best, weight] = [unit, w];
    return best ?? resolve(theme);
  };
  for (const p of unlisted) out.set(p.paperId, place(p));
  return { papers: out, ranks: nextClosest.map((p) => ({ ...p, unit: place(p) })) };
}

/** Each paper of `paperIds` → (live unit → summed cosine of its similar papers that `placed` puts there). */
async function neighbourVotes(db: Writer, runId: number, paperIds: string[], placed: Map<string, number>): Promise<Map<string, Map<number, number>>> {
  const votes = new Map<string, Map<number, number>>();
  if (paperIds.length === 0) return votes;
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'src' AND table_name = 'similar_papers'`);
  if (n === 0) return votes;
  const b = bind({ ids: [paperIds, VARCHAR] }, { run: runId });
  const rows = await db.query<{ paper_id: string; neighbour: string; similarity: number }>(
    `WITH wanted AS (SELECT DISTINCT unnest($ids) AS paper_id)
     SELECT pr.paper_id, nr.paper_id AS neighbour, sp.similarity FROM wanted
       JOIN src.main.paper_rows pr ON pr.run_id = $run AND pr.paper_id = wanted.paper_id
       JOIN src.main.similar_papers sp ON sp.run_id = pr.run_id AND sp.paper_row = pr.paper_row
       JOIN src.main.paper_rows nr ON nr.run_id = sp.run_id AND nr.paper_row = sp.similar_row`, ...Object.values(b) as [Record<string, DuckDBValue>, Record<string, DuckDBType>]);
  for (const r of rows) {
    const unit = placed.get(r.neighbour);
    if (unit === undefined) continue;
    let v = votes.get(r.paper_id);
    if (!v) votes.set(r.paper_id, (v = new Map()));
    v.set(unit, (v.get(unit) ?? 0) + r.similarity);
  }
  return votes;
}

/**
 * Periods of curated themes: a stored theme's rows as written (a merge sums them), split parts'
 * rows counted by the trends stage's own computePeriods over the parts' papers; share = papers over
 * the stored period total, as the pipeline computes it.
 */
export async function installPeriods(db: Writer, s: string, c: Curation, override: Map<string, number>, map: ReturnType<typeof bind>): Promise<void> {
  const parts = [...new Set(override.values())];
  const rows: PeriodRow[] = [];
  if (parts.length > 0) {
    const papers = await db.query<{ paper_id: string; published: string | null; precision: DatePrecision | null }>(
      `SELECT paper_id, published::VARCHAR AS published, date_precision AS precision FROM src.main.papers WHERE list_contains($ids, paper_id)`,
      ...Object.values(bind({ ids: [[...override.keys()], VARCHAR] })) as [Record<string, DuckDBValue>, Record<string, DuckDBType>]);
    const index = new Map(parts.map((p, i) => [p, i]));
    const assignments = Int32Array.from(papers, (p) => index.get(override.get(p.paper_id)!)!);
    const dated = papers.map((p) => ({ published: p.published, datePrecision: p.precision }));
    for (const r of computePeriods(dated, assignments, parts.length).periods) rows.push({ ...r, themeId: parts[r.themeId] });
  }
  const q = bind({ qunit: [rows.map((r) => r.themeId), INTEGER], qgran: [rows.map((r) => r.granularity), VARCHAR],
    qperiod: [rows.map((r) => r.period), VARCHAR], qpapers: [rows.map((r) => r.papers), INTEGER] });
  await db.exec(
    `INSERT INTO ${s}._theme_periods BY NAME WITH ${UNIT_MAP},
       parts AS (SELECT unnest($qunit) AS unit, unnest($qgran) AS granularity, unnest($qperiod)::DATE AS period, unnest($qpapers) AS papers),
       r AS (SELECT um.cur AS theme_id, tp.granularity, tp.period, tp.papers FROM src.main.theme_periods tp JOIN um ON um.unit = tp.theme_id WHERE tp.run_id = $run
             UNION ALL SELECT um.cur, p.granularity, p.period, p.papers FROM parts p JOIN um ON um.unit = p.unit)
     SELECT $run AS run_id, r.theme_id, r.granularity, r.period, sum(r.papers)::INTEGER AS papers, sum(r.papers) / t.papers AS share, t.partial
     FROM r JOIN src.main.period_totals t ON t.run_id = $run AND t.granularity = r.granularity AND t.period = r.period
     GROUP BY r.theme_id, r.granularity, r.period, t.papers, t.partial`,
    { ...map.params, ...q.params }, { ...map.types, ...q.types });
}

export type Trend = ReturnType<typeof scoreTrends>[number];

/** Emerging/fading of every curated theme, by the trends stage's scoreTrends at the run's window. */
export async function curatedTrends(db: Writer, s: string, c: Curation): Promise<Map<number, Trend>> {
  const w = await db.query<{ g: Granularity | null; w: number }>(
    `SELECT any_value(window_granularity) AS g, any_value(window_months) AS w FROM src.main.themes WHERE run_id = $run`, { run: c.runId });
  const granularity = w[0]?.g ?? 'month';
  const window = Math.max(1, w[0]?.w ?? 1);
  const ids = [...c.themes.keys()];
  const dense = new Map(ids.map((id, i) => [id, i]));
  const periods = (await db.query<PeriodRow>(
    `SELECT theme_id AS "themeId", period::VARCHAR AS period, granularity, papers, share, partial FROM ${s}._theme_periods
     WHERE run_id = $run AND granularity = $g`, { run: c.runId, g: granularity })).map((r) => ({ ...r, themeId: dense.get(r.themeId)! }));
  const totals = await db.query<PeriodTotal>(
    `SELECT period::VARCHAR AS period, granularity, papers, partial FROM src.main.period_totals WHERE run_id = $run AND granularity = $g`,
    { run: c.runId, g: granularity });
  let scored = scoreTrends(periods, totals, ids.length, { granularity, window });
  const coverage = await coverageOf(db, s, c, dense, totals, granularity, window);
  if (coverage !== null) scored = withCoveredTrends(scored, scoreWithinCategories(coverage.windows, window, granularity));
  return new Map(scored.map((t, i) => [ids[i], t]));
}

/**
 * The run's coverage changes found again over its curated themes' papers (the trends stage's own
 * measureCoverage: the same papers, dates and categories give the same changes), so that a merged or
 * split theme is scored over the categories held throughout as the stored ones were. Null when the
 * run recorded none (or was stored before coverage_changes).
 */
async function coverageOf(db: Writer, s: string, c: Curation, dense: Map<number, number>, totals: PeriodTotal[], granularity: Granularity,
  window: number): Promise<TrendCoverage | null> {
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'src' AND table_name = 'coverage_changes'`);
  if (n === 0) return null;
  const [{ changes }] = await db.query<{ changes: number }>(
    'SELECT count(*)::INTEGER AS changes FROM src.main.coverage_changes WHERE run_id = $run', { run: c.runId });
  if (changes === 0) return null;
  const rows = await db.query<{ themeId: number; published: string | null; precision: DatePrecision | null; category: string }>(
    `SELECT pt.theme_id AS "themeId", p.published::VARCHAR AS published, p.date_precision AS precision,
       ${primaryCategorySql('p')} AS category
     FROM ${s}._paper_themes pt JOIN src.main.papers p USING (paper_id) WHERE pt.run_id = $run`, { run: c.runId });
  const papers = rows.map((r) => ({ published: r.published, datePrecision: r.precision }));
  const assignments = Int32Array.from(rows, (r) => dense.get(r.themeId)!);
  const strata = primaryCategories(rows.map((r) => [r.category]));
  return measureCoverage(papers, assignments, dense.size, strata, paperDates(papers), totals, granularity, window);
}
