// Owns the text `npm run assign` prints at the end: what was added, what is novel, what it took,
// and how the themes' sizes and trends moved.
import { readFileSync } from 'node:fs';
import { escapeControls } from '../errors.js';
import type { AssignSummary } from './index.js';
import type { WhereAdded } from './where-added.js';
import { count, pct } from '../summary-trends.js';

/** "+0.53", "-0.66", and "+0.00" for a score that rounds to nothing either way (not "-0.00"). */
const signed = (x: number) => {
  const text = Math.abs(x).toFixed(2);
  return (x < 0 && Number(text) !== 0 ? '-' : '+') + text;
};

/** Papers a batch needs before the summary gives its papers per second ("9 papers/s" said nothing of 49 papers in 5 s). */
export const RATE_FROM = 1000;

export function formatAssignSummary(s: AssignSummary, db: string, time: { wall: number; cpu: number }): string {
  const lines: string[] = [];
  const records = s.ingest.files.reduce((n, f) => n + f.records, 0);
  lines.push(s.batchId === null
    ? `Nothing added to run ${s.runId} of ${db}: all ${count(s.alreadyInRun)} papers of the input are already in it (database unchanged).`
    : `Batch ${s.batchId} added ${count(s.added)} papers to run ${s.runId} → ${db}`);
  lines.push(`Input: ${count(records)} records in ${s.ingest.files.length} file${s.ingest.files.length === 1 ? '' : 's'}, ` +
    `${count(s.ingest.skipped.length)} skipped, ${count(s.ingest.duplicates)} duplicate${s.ingest.duplicates === 1 ? '' : 's'} merged, ${count(s.alreadyInRun)} already in the run`);
  for (const issue of s.ingest.skipped.slice(0, 10)) lines.push(`  skipped ${issue.file} line ${issue.line}: field "${issue.field}": ${issue.reason}`);
  if (s.ingest.skipped.length > 10) lines.push(`  … and ${count(s.ingest.skipped.length - 10)} more skipped (table skipped_records)`);
  for (const w of s.ingest.warnings) lines.push(`  warning: ${w}`);
  if (s.runWarningsUnchanged > 0) {
    lines.push(`  (${s.runWarningsUnchanged === 1 ? 'a warning of the run is' : `${s.runWarningsUnchanged} warnings of the run are`} as before this batch, ` +
      'not repeated here: /runs lists them)');
  }
  const curated = curatedEdits(db, s.runId);
  if (s.batchId !== null && curated > 0) {
    lines.push(`Themes are named below as the run stored them: ${count(curated)} edit${curated === 1 ? '' : 's'} in ${db}.edits.jsonl rename, merge, split, ` +
      `hide or annotate run ${s.runId}'s themes on the dashboard, whose pages and exports show the papers added here under the curated themes (/curate?run=${s.runId})`);
  }
  if (s.batchId !== null) {
    lines.push(`Novel (cosine to the nearest centroid < ${s.novelThreshold.toFixed(3)}, the run's 5th percentile): ${count(s.novel.length)} ` +
      `of ${count(s.added)} (${pct(s.novel.length / s.added)})`);
    for (const p of leastFitting(s.novel, 5)) lines.push(`  ${p.paperId}  ${p.similarity.toFixed(3)}  ${p.title.slice(0, 80)}`);
    if (s.whereAdded !== null) lines.push(whereAddedLine(s.whereAdded, s.added));
    const moved = movedMost(s.themes, 5);
    if (moved.length === 0) lines.push('Themes whose trend moved: none (papers, emerging scores, shares of the recent window and directions as before)');
    else if (!moved.some(trendMoved)) lines.push('No theme\'s trend moved (emerging scores, shares of the recent window and directions as before); the largest gains in papers:');
    else lines.push('Themes whose trend moved most (papers, emerging score, share of the recent window):');
    for (const t of moved) {
      lines.push(`  ${t.label}: ${count(t.before.size)} → ${count(t.after.size)} papers, score ${signed(t.before.emergingScore)} → ${signed(t.after.emergingScore)}, ` +
        `${shareMove(t)} (${directionMove(t)})`);
    }
  }
  const steps = Object.entries(s.seconds).map(([k, v]) => `${k} ${v.toFixed(2)} s${k in s.cpuSeconds ? ` (CPU ${s.cpuSeconds[k].toFixed(2)})` : ''}`).join(' · ');
  // A rate only where the papers, not the batch's fixed cost (reading the run: ~2 s), make the time.
  const rate = s.added >= RATE_FROM ? `, ${count(Math.round(s.added / time.wall))} papers/s` : '';
  lines.push(`Time: ${time.wall.toFixed(2)} s (CPU ${time.cpu.toFixed(2)} s)${rate} · ${steps}`);
  // Skipped records' reasons quote what the file held: its control characters are escaped.
  return escapeControls(lines.join('\n')) + '\n';
}

/**
 * How many edits the dashboard's journal beside the database (`<db>.edits.jsonl`, src/lib/server/curation/
 * journal.ts) holds for run `runId`; 0 when there is none or it cannot be read (it is the dashboard's to check).
 */
export function curatedEdits(db: string, runId: number): number {
  let text: string;
  try {
    text = readFileSync(`${db}.edits.jsonl`, 'utf8');
  } catch {
    return 0;
  }
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      if ((JSON.parse(line) as { runId?: unknown }).runId === runId) n++;
    } catch {
      // a line being written, or damaged: the dashboard reports it
    }
  }
  return n;
}

/**
 * Where the batch's papers fall against the trend windows: "1,381 … outside both windows (1,381 in
 * 2026-06, a partial month the trends leave out): no emerging or fading score reflects them yet."
 */
export function whereAddedLine(w: WhereAdded, added: number): string {
  const unit = w.granularity;
  const range = (r: [string, string] | null) => (r === null ? 'none' : r[0] === r[1] ? periodText(r[0], unit) : `${periodText(r[0], unit)} … ${periodText(r[1], unit)}`);
  const outside = w.outside.reduce((sum, o) => sum + o.papers, 0);
  const parts = [`${count(w.inAfter)} in the recent window (${range(w.after)})`, `${count(w.inBefore)} in the window before it (${range(w.before)})`];
  if (outside > 0) {
    const shown = w.outside.slice(-3).map((o) => `${count(o.papers)} in ${periodText(o.period, unit)}${o.partial ? `, a partial ${unit}` : ''}`);
    parts.push(`${count(outside)} outside both (${w.outside.length > 3 ? '…, ' : ''}${shown.join('; ')})`);
  }
  if (w.unplaced > 0) parts.push(`${count(w.unplaced)} with no ${unit} date`);
  const note = w.inAfter + w.inBefore === 0 ? ': no emerging or fading score reflects them yet (the trends compare complete ' +
    `${unit}s only; a later run or batch that completes the ${unit} will)` : '';
  return `Where the ${count(added)} added papers fall against the trend windows: ${parts.join(', ')}${note}`;
}

/** A period's start (ISO) as the summary names it: 2026-06, 2026-Q2, 2026. */
function periodText(start: string, granularity: WhereAdded['granularity']): string {
  if (granularity === 'year') return start.slice(0, 4);
  if (granularity === 'quarter') return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
  return start.slice(0, 7);
}

const HELD = ' (categories held throughout)';

/** "emerging → steady, categories held throughout": the basis said once where both sides read the trend there. */
export function directionMove(t: ThemeMove): string {
  const [b, a] = [t.before.direction, t.after.direction];
  return b.endsWith(HELD) && a.endsWith(HELD) ? `${b.slice(0, -HELD.length)} → ${a.slice(0, -HELD.length)}, categories held throughout` : `${b} → ${a}`;
}

/** Whether a theme's trend (score, share or direction as printed) moved, not only its size. */
function trendMoved(t: ThemeMove): boolean {
  return signed(t.before.emergingScore) !== signed(t.after.emergingScore) || pct(t.before.shareAfter) !== pct(t.after.shareAfter) ||
    t.before.shareOf !== t.after.shareOf || t.before.direction !== t.after.direction;
}

/** The `n` novel papers that fit least (lowest similarity first): the ones worth a look, whatever the input's order. */
export function leastFitting<P extends { similarity: number }>(novel: readonly P[], n: number): P[] {
  return [...novel].sort((a, b) => a.similarity - b.similarity).slice(0, n);
}

type ThemeMove = AssignSummary['themes'][number];

const SHARE_OF = { covered: 'within the categories held throughout', all: 'of all papers' } as const;

/** "share 3.1% → 3.4% within the categories held throughout": each side's population named where the two differ. */
export function shareMove(t: ThemeMove): string {
  const [b, a] = [t.before, t.after];
  if (b.shareOf === a.shareOf) return `share ${pct(b.shareAfter)} → ${pct(a.shareAfter)}${b.shareOf === 'covered' ? ` ${SHARE_OF.covered}` : ''}`;
  return `share ${pct(b.shareAfter)} ${SHARE_OF[b.shareOf]} → ${pct(a.shareAfter)} ${SHARE_OF[a.shareOf]}`;
}

/**
 * The `n` themes whose emerging score moved most (then their size), leaving out those whose printed
 * figures did not move at all: "62 → 62 papers, score +0.00 → +0.00" says nothing.
 */
export function movedMost(themes: readonly ThemeMove[], n: number): ThemeMove[] {
  const scoreMove = (t: ThemeMove) => Math.abs(t.after.emergingScore - t.before.emergingScore);
  const sizeMove = (t: ThemeMove) => Math.abs(t.after.size - t.before.size);
  return themes.filter(moved).sort((a, b) => scoreMove(b) - scoreMove(a) || sizeMove(b) - sizeMove(a)).slice(0, n);
}

/** Whether any figure the summary prints for the theme differs before and after (as printed, so float noise is no move). */
function moved(t: ThemeMove): boolean {
  return t.before.size !== t.after.size || signed(t.before.emergingScore) !== signed(t.after.emergingScore) ||
    pct(t.before.shareAfter) !== pct(t.after.shareAfter) || t.before.shareOf !== t.after.shareOf || t.before.direction !== t.after.direction;
}
