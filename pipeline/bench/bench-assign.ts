// One measurement of the assign sitting in its own process (so peak memory is this batch's alone):
// `npm run assign` as the CLI runs it (assignPapers, the CLI's own defaults), the batch's input into a
// database the bench copied from the base run; prints one JSON line with the batch's time per step,
// CPU, peak RSS, and how long the process had lived (node and tsx starting, the modules loading).
import { resolveAssignConfig } from '../assign/main.js';
import { assignPapers } from '../assign/index.js';

const { inputs, db } = JSON.parse(process.argv[2]) as { inputs: string[]; db: string };
const config = resolveAssignConfig([...inputs.flatMap((input) => ['--input', input]), '--db', db, '--quiet']);
if (config === 'help') throw new Error('unreachable: no --help given');
const started = performance.now();
const cpu0 = process.cpuUsage();
const summary = await assignPapers(config, () => {});
const total = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({
  tool: 'themescope assign',
  run_id: summary.runId,
  batch_id: summary.batchId,
  added: summary.added,
  already_in_run: summary.alreadyInRun,
  novel: summary.novel.length,
  total_s: round(total),
  cpu_s: round((cpu.user + cpu.system) / 1e6),
  // Since the process started (performance.now() counts from then): the time a user waits, less npm's own start.
  process_s: round(performance.now() / 1000),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  seconds: summary.seconds,
  cpu_seconds: summary.cpuSeconds,
  themes: summary.themes.map((t) => ({ label: t.label, before: t.before.size, after: t.after.size }))
}));
