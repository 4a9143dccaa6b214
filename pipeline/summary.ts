// Owns the closing summary the CLI prints after a complete run: counts, warnings, skipped records,
// areas with their themes by size (mixtures marked), the themes that move (summary-trends.ts), time
// per stage and peak memory.
import { escapeControls } from './errors.js';
import { shownLabel } from './quality/shown-label.js';
import { count, formatTrends, pct } from './summary-trends.js';
import type { RunSummary } from './run.js';
import type { DatePrecision } from './types.js';
import { countKinds, LINEAGE_KINDS } from './lineage/match.js';
import { KEYWORDS_CHANGED_COSINE, keywordsChanged } from './lineage/wording.js';

/** A date as precise as it is known: 1998, 1998-05 or 1998-05-17. */
function shortDate(iso: string | null, precision: DatePrecision | null): string {
  if (iso === null) return '?';
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/**
 * "Lineage to run 3, 48 links: 31 continued, 4 split, …" (links by kind: theme_lineage, /runs/compare).
 * Links, not themes: a theme split in three is three split links, so the counts may add up to more
 * than either run's themes.
 */
function lineageLine({ prevRunId, links }: NonNullable<RunSummary['run']['lineage']>): string {
  const counts = countKinds(links);
  // A continued link whose keywords barely overlap is said apart, as the dashboard marks it (lineage/wording.ts).
  const changed = links.filter(keywordsChanged).length;
  return `Lineage to run ${prevRunId}, ${links.length} link${links.length === 1 ? '' : 's'}: ` +
    LINEAGE_KINDS.map((k) => `${counts[k]} ${k}${k === 'continued' && changed > 0 ? ` (${changed} with changed keywords: ` +
      `keyword cosine < ${KEYWORDS_CHANGED_COSINE})` : ''}`).join(', ') + ' (theme_lineage, /runs/compare)';
}

/** " · 43 of 49 undated (in no trend)" when papers have no date; trends count only dated papers. */
function undatedNote(precision: { undated?: number } | undefined, n: number): string {
  const undated = precision?.undated ?? 0;
  return undated === 0 ? '' : ` · ${count(undated)} of ${count(n)} undated (in no trend)`;
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
    `Papers: ${count(run.papers.length)} read into themes, ${count(run.skipped.length)} skipped, ${count(run.duplicates)} duplicate${run.duplicates === 1 ? '' : 's'} merged` +
      (run.dateMin ? ` · dates ${shortDate(run.dateMin, run.dateMinPrecision)} .. ${shortDate(run.dateMax, run.dateMaxPrecision)}` : '') +
      undatedNote(run.metrics.datePrecision as { undated?: number } | undefined, run.papers.length) +
      ` · trends per ${run.defaultGranularity}`
  );
  for (const f of run.inputFiles.slice(0, 20)) out.push(`  read ${f.path}: ${f.format}, ${count(f.records)} record${f.records === 1 ? '' : 's'}`);
  if (run.inputFiles.length > 20) out.push(`  … and ${run.inputFiles.length - 20} more files (runs.input_files)`);
  const stability = run.stability === null ? 'n/a (--restarts 1)' : run.stability.toFixed(3);
  out.push(`Vocabulary: ${count(run.nTerms)} terms · k = ${run.k}${chosenBy(run.kSelection)} · seed ${run.seed} · ` + (run.metrics.stabilityKind === 'subsample'
    ? `divisive start (same themes for any seed) · stability (ARI with the themes of a 90% subsample) ${stability}`
    : `stability (mean ARI over pairs of restarts) ${stability}`));
  const recall = run.metrics.mapRecall10 as number | null | undefined;
  out.push(`Map: ${count(run.papers.length)} papers placed · recall@10 ${typeof recall === 'number' ? recall.toFixed(3) : 'n/a'} ` +
    '(of each sampled paper\'s 10 nearest by TF-IDF cosine, the share among its 10 nearest on the map)');
  if (run.lineage) out.push(lineageLine(run.lineage));
  for (const w of warnings) out.push(`  warning: ${w.message}`);
  for (const s of run.skipped.slice(0, 5)) out.push(`  skipped ${s.file} line ${s.line}: field "${s.field}": ${s.reason}`);
  if (run.skipped.length > 5) out.push(`  … and ${run.skipped.length - 5} more skipped (table skipped_records)`);
  out.push('', '  id   size  share  cohesion  NPMI   label');
  for (const area of run.areas) {
    out.push(`  area ${area.areaId}: ${area.label} — ${count(area.size)} papers (${pct(area.share)}), ${area.themes.length} theme${area.themes.length === 1 ? '' : 's'}`);
    for (const t of run.themes.filter((x) => x.areaId === area.areaId).sort((a, b) => b.size - a.size)) {
      out.push(`  ${String(t.themeId).padStart(3)} ${count(t.size).padStart(6)} ${pct(t.share).padStart(6)}  ` +
        `${t.cohesion.toFixed(2).padStart(8)} ${(Number.isNaN(t.coherence) ? 'n/a' : t.coherence.toFixed(2)).padStart(5)}   ` +
        shownLabel(t));
    }
  }
  out.push(...formatTrends(run));
  out.push('', 'Time per stage: ' + Object.entries(run.durations).map(([s, v]) => `${s} ${v.toFixed(2)} s`).join(' · '));
  out.push(`Peak memory: ${peakRssMb} MB`);
  // Skipped records' reasons quote what the file held: its control characters are escaped.
  return escapeControls(out.join('\n')) + '\n';
}
