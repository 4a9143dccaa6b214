// Owns the closing summary the CLI prints after a complete run: counts, warnings, skipped records,
// areas with their themes by size (mixtures marked), top emerging and fading themes, time per stage
// and peak memory.
import { escapeControls } from './errors.js';
import { readTrend } from './trends/coverage.js';
import { shownLabel } from './quality/shown-label.js';
import type { RunSummary } from './run.js';
import type { DatePrecision } from './types.js';
import { countKinds, LINEAGE_KINDS } from './lineage/match.js';

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** A date as precise as it is known: 1998, 1998-05 or 1998-05-17. */
function shortDate(iso: string | null, precision: DatePrecision | null): string {
  if (iso === null) return '?';
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/** "3 complete months", "1 complete year". */
function periodsText(n: number, unit: string): string {
  return `${n} complete ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * "Lineage to run 3, 48 links: 31 continued, 4 split, …" (links by kind: theme_lineage, /runs/compare).
 * Links, not themes: a theme split in three is three split links, so the counts may add up to more
 * than either run's themes.
 */
function lineageLine({ prevRunId, links }: NonNullable<RunSummary['run']['lineage']>): string {
  const counts = countKinds(links);
  return `Lineage to run ${prevRunId}, ${links.length} link${links.length === 1 ? '' : 's'}: ` +
    LINEAGE_KINDS.map((k) => `${counts[k]} ${k}`).join(', ') + ' (theme_lineage, /runs/compare)';
}

/** " · 43 of 49 undated (in no trend)" when papers have no date; trends count only dated papers. */
function undatedNote(precision: { undated?: number } | undefined, n: number): string {
  const undated = precision?.undated ?? 0;
  return undated === 0 ? '' : ` · ${undated.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} undated (in no trend)`;
}

/**
 * Why no theme can be emerging or fading, when none can: no dated paper in the recent window or none
 * before it (two years of year-dated papers, no date column). Null when both sides have papers, so
 * "(none significant)" is then a finding, not a lack of history.
 */
export function unmeasuredTrends(trends: readonly { window: number; papersBefore: number; papersAfter: number }[], window: string,
  dated = 0): string | null {
  const before = trends.reduce((s, t) => s + t.papersBefore, 0);
  const after = trends.reduce((s, t) => s + t.papersAfter, 0);
  if (trends.length > 0 && trends[0].window > 0 && before > 0 && after > 0) return null;
  if (before === 0 && after === 0) {
    // Dated papers that all fall in partial periods (nine days of one month) are no undated ones.
    return dated > 0 ? `the ${dated.toLocaleString('en-US')} dated papers fall in no complete period the trends compare (a period the data ` +
      'covers only part of is left out, and a date coarser than the periods is not counted: see the warnings and README "Dates")'
      : 'no paper has a date the trends can count (undated, or too coarse: see the warnings and README "Dates")';
  }
  return after === 0 ? `no dated paper in the last ${window}, the recent window` :
    `no dated paper before the last ${window}: a trend needs a baseline (a shorter --emerging-window, or older papers)`;
}

/** " (chosen by --k auto from k:stability 10:0.22 15:0.25 20:0.25)" when k was chosen; "" for a fixed k. */
function chosenBy(selection: readonly { k: number; stability: number | null }[]): string {
  if (selection.length < 2) return '';
  return ` (chosen by --k auto from k:stability ${selection.map((p) => `${p.k}:${p.stability === null ? 'n/a' : p.stability.toFixed(2)}`).join(' ')})`;
}

/** The closing summary of a complete run, as printed on stdout. */
export function formatSummary({ runId, run, peakRssMb, warnings }: RunSummary, db: string): string {
  const out: string[] = [];
  out.push('', `Run ${runId} complete → ${db}`);
  out.push(
    `Papers: ${run.papers.length} read into themes, ${run.skipped.length} skipped, ${run.duplicates} duplicates merged` +
      (run.dateMin ? ` · dates ${shortDate(run.dateMin, run.dateMinPrecision)} .. ${shortDate(run.dateMax, run.dateMaxPrecision)}` : '') +
      undatedNote(run.metrics.datePrecision as { undated?: number } | undefined, run.papers.length) +
      ` · trends per ${run.defaultGranularity}`
  );
  for (const f of run.inputFiles.slice(0, 20)) out.push(`  read ${f.path}: ${f.format}, ${f.records} record${f.records === 1 ? '' : 's'}`);
  if (run.inputFiles.length > 20) out.push(`  … and ${run.inputFiles.length - 20} more files (runs.input_files)`);
  const stability = run.stability === null ? 'n/a (--restarts 1)' : run.stability.toFixed(3);
  out.push(`Vocabulary: ${run.nTerms} terms · k = ${run.k}${chosenBy(run.kSelection)} · seed ${run.seed} · ` + (run.metrics.stabilityKind === 'subsample'
    ? `divisive start (same themes for any seed) · stability (ARI with the themes of a 90% subsample) ${stability}`
    : `stability (mean ARI over pairs of restarts) ${stability}`));
  if (run.lineage) out.push(lineageLine(run.lineage));
  for (const w of warnings) out.push(`  warning: ${w.message}`);
  for (const s of run.skipped.slice(0, 5)) out.push(`  skipped ${s.file} line ${s.line}: field "${s.field}": ${s.reason}`);
  if (run.skipped.length > 5) out.push(`  … and ${run.skipped.length - 5} more skipped (table skipped_records)`);
  out.push('', '  id   size  share  cohesion  NPMI   label');
  for (const area of run.areas) {
    out.push(`  area ${area.areaId}: ${area.label} — ${area.size} papers (${pct(area.share)}), ${area.themes.length} theme${area.themes.length === 1 ? '' : 's'}`);
    for (const t of run.themes.filter((x) => x.areaId === area.areaId).sort((a, b) => b.size - a.size)) {
      out.push(`  ${String(t.themeId).padStart(3)} ${String(t.size).padStart(6)} ${pct(t.share).padStart(6)}  ` +
        `${t.cohesion.toFixed(2).padStart(8)} ${(Number.isNaN(t.coherence) ? 'n/a' : t.coherence.toFixed(2)).padStart(5)}   ` +
        shownLabel(t));
    }
  }
  // Each trend as it is read (trends/coverage.ts readTrend): over the categories held throughout
  // where the corpus's coverage changed and they hold half the theme's papers or more.
  const read = run.themes.map((t) => ({ t, r: readTrend(t.trend) })).sort((a, b) => b.r.emergingScore - a.r.emergingScore);
  // Share, z and score as read; where that is over the categories held throughout, all papers' beside them.
  const fmt = ({ t, r }: (typeof read)[number]) => {
    const c = r.basis === 'covered' ? t.trend.covered! : null;
    const [before, after] = c ? [c.shareBefore, c.shareAfter] : [t.trend.shareBefore, t.trend.shareAfter];
    const line = `  ${shownLabel(t)} — share ${pct(before)} → ${pct(after)}, z ${r.zScore.toFixed(1)}, ` +
      `score ${r.emergingScore.toFixed(2)}`;
    if (r.basis === 'all') return line;
    // Read there: the shares above are those categories' and all papers' follow; else (moves with coverage) their direction.
    const covered = t.trend.covered!;
    return `${line} (within the categories held throughout: ${pct(covered.share)} of its papers${c ? '' : `, ${covered.direction}`}; ` +
      `all papers: ${t.trend.direction}${c ? `, share ${pct(t.trend.shareBefore)} → ${pct(t.trend.shareAfter)}` : ''}, ` +
      `z ${t.trend.zScore.toFixed(1)}, score ${t.trend.emergingScore.toFixed(2)})`;
  };
  const trend = run.themes[0]?.trend;
  const window = trend ? periodsText(trend.window, trend.windowGranularity) : '0 complete periods';
  const undated = (run.metrics.datePrecision as { undated?: number } | undefined)?.undated ?? 0;
  const unmeasured = unmeasuredTrends(run.themes.map((t) => t.trend), window, run.papers.length - undated);
  if (unmeasured !== null) {
    out.push('', `Emerging and fading: not measured — ${unmeasured}`);
  } else {
    out.push('', `Top emerging (last ${window} vs before):`);
    // A trend that moves only with the corpus's coverage is listed apart.
    out.push(...read.filter((x) => x.r.direction === 'emerging' && x.r.basis !== 'coverage').slice(0, 5).map(fmt));
    if (!read.some((x) => x.r.direction === 'emerging' && x.r.basis !== 'coverage')) out.push('  (none significant)');
    out.push('Top fading:');
    const fading = read.filter((x) => x.r.direction === 'fading' && x.r.basis !== 'coverage').reverse().slice(0, 5);
    out.push(...(fading.length ? fading.map(fmt) : ['  (none significant)']));
    const bound = read.filter((x) => x.r.basis === 'coverage');
    if (bound.length > 0) {
      out.push('Moving only with the corpus\'s coverage (too few papers in the categories held throughout to read a trend; see the coverage warning):');
      out.push(...bound.slice(0, 5).map(fmt));
    }
  }
  out.push('', 'Time per stage: ' + Object.entries(run.durations).map(([s, v]) => `${s} ${v.toFixed(2)} s`).join(' · '));
  out.push(`Peak memory: ${peakRssMb} MB`);
  // Skipped records' reasons quote what the file held: its control characters are escaped.
  return escapeControls(out.join('\n')) + '\n';
}
