// Owns the command line: arguments, progress per stage, the closing summary, and exit codes
// (0 done · 1 internal error · 2 bad input or usage · 3 database busy or unwritable).
import { HELP, UsageError, resolveConfig } from './config.js';
import { IngestError } from './ingest/index.js';
import { LockError } from './store/lock.js';
import { createReporter } from './progress.js';
import { PipelineInputError, runPipeline, type RunSummary } from './run.js';

/**
 * THEMESCOPE_TEST_HANG_AT=<stage or store step> makes the process announce itself on stderr and
 * block there, so the crash tests can SIGKILL it at a known point (tests/integration/crash.test.ts).
 */
function hangIfAsked(point: string): void {
  if (process.env.THEMESCOPE_TEST_HANG_AT !== point) return;
  process.stderr.write(`hanging at ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function printSummary({ runId, run, peakRssMb }: RunSummary, db: string): void {
  const out: string[] = [];
  out.push('', `Run ${runId} complete → ${db}`);
  out.push(
    `Papers: ${run.papers.length} read into themes, ${run.skipped.length} skipped, ${run.duplicates} duplicates merged` +
      (run.dateMin ? ` · dates ${run.dateMin} .. ${run.dateMax}` : '')
  );
  out.push(`Vocabulary: ${run.nTerms} terms · k = ${run.k} · seed ${run.seed} · stability (ARI between seeds) ${run.stability === null ? 'n/a (--restarts 1)' : run.stability.toFixed(3)}`);
  for (const s of run.skipped.slice(0, 5)) out.push(`  skipped ${s.file} line ${s.line}: field "${s.field}": ${s.reason}`);
  if (run.skipped.length > 5) out.push(`  … and ${run.skipped.length - 5} more skipped (table skipped_records)`);
  out.push('', '  id   size  share   label');
  for (const t of [...run.themes].sort((a, b) => b.size - a.size)) {
    out.push(`  ${String(t.themeId).padStart(3)} ${String(t.size).padStart(6)} ${pct(t.share).padStart(6)}   ${t.label}`);
  }
  const byScore = [...run.themes].sort((a, b) => b.trend.emergingScore - a.trend.emergingScore);
  const fmt = (t: (typeof run.themes)[number]) =>
    `  ${t.label} — share ${pct(t.trend.shareBefore)} → ${pct(t.trend.shareAfter)}, z ${t.trend.zScore.toFixed(1)}, score ${t.trend.emergingScore.toFixed(2)}`;
  out.push('', `Top emerging (last ${run.themes[0]?.trend.windowMonths ?? 0} complete months vs before):`);
  out.push(...byScore.filter((t) => t.trend.direction === 'emerging').slice(0, 5).map(fmt));
  if (!byScore.some((t) => t.trend.direction === 'emerging')) out.push('  (none significant)');
  out.push('Top fading:');
  const fading = byScore.filter((t) => t.trend.direction === 'fading').reverse().slice(0, 5);
  out.push(...(fading.length ? fading.map(fmt) : ['  (none significant)']));
  out.push('', 'Time per stage: ' + Object.entries(run.durations).map(([s, v]) => `${s} ${v.toFixed(2)} s`).join(' · '));
  out.push(`Peak memory: ${peakRssMb} MB`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = resolveConfig(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`themescope: ${e.message}\nTry --help.\n`);
      return 2;
    }
    throw e;
  }
  if (config === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  try {
    const reporter = createReporter({ quiet: config.quiet, tty: process.stderr.isTTY === true, onPoint: hangIfAsked });
    const summary = await runPipeline(config, reporter);
    printSummary(summary, config.db);
    return 0;
  } catch (e) {
    if (e instanceof IngestError || e instanceof PipelineInputError) {
      process.stderr.write(`themescope: ${e.message}\n`);
      return 2;
    }
    if (e instanceof LockError) {
      process.stderr.write(`themescope: ${e.message}\n`);
      return 3;
    }
    process.stderr.write(`themescope: internal error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
