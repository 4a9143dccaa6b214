// `npm run bench`: the pipeline at several corpus sizes and k, each measurement in its own process,
// optionally beside the scikit-learn peer on the same files in the same sitting; JSON + Markdown out.
// With --stability, the stability sitting instead (sitting.ts: seeds, a 90% subset, agreement figures);
// with --assign, the assign sitting (the corpus' last months added by `npm run assign` to a run of the rest).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inputsOf, type AssignCorpora, type Corpus } from './corpora.js';
import { assignScalingTable, assignTables, markdownTable, stageTables, type AssignMeasurement, type Measurement } from './report.js';
import { readLabels, sittingTable, summarise, type SittingRow, type SittingRun } from './sitting.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PEER = resolve(ROOT, '../shared/bench/peer_sklearn.py');
const PEER_CONFIGS: Record<string, string[]> = {
  'sklearn kmeans': [],
  'sklearn minibatch': ['--minibatch'],
  'sklearn lsa100+kmeans': ['--lsa', '100']
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' }, // defaults below: 10000,30000,all (all with --stability)
    k: { type: 'string' }, // 20,40 (40 with --stability)
    seed: { type: 'string', default: '42' },
    peer: { type: 'boolean', default: false },
    'peer-configs': { type: 'string', default: Object.keys(PEER_CONFIGS).join(',') },
    synthetic: { type: 'string', default: '' },
    'mix-real': { type: 'boolean', default: false },
    'corpus-dir': { type: 'string' },
    'keep-db': { type: 'string' },
    stability: { type: 'boolean', default: false },
    seeds: { type: 'string', default: '1,1001,2001' },
    assign: { type: 'boolean', default: false },
    months: { type: 'string', default: '2' },
    repeats: { type: 'string', default: '3' },
    scaling: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results' },
    help: { type: 'boolean', short: 'h' }
  }
});
if (values.help) {
  console.log(`Usage: npm run bench -- [--sizes 10000,30000,all] [--k 20,40] [--seed 42] [--peer]
       [--peer-configs "sklearn kmeans,sklearn minibatch,sklearn lsa100+kmeans"]
       [--synthetic 10000,100000,300000 [--mix-real]] [--corpus-dir DIR] [--keep-db DIR] [--out bench-results]
       npm run bench -- --stability [--sizes all] [--k 40] [--seeds 1,1001,2001] [--peer] [--peer-configs …] [--out …]
       npm run bench -- --assign [--months 2] [--repeats 3] [--scaling] [--k 40] [--keep-db DIR] [--out …]
Corpora: ../shared/data/arxiv-daily-cs-2025-2026.jsonl.gz subsets when present, else the shipped sample;
--synthetic adds synthetic corpora of those sizes (pipeline/bench/synthetic.ts); with --mix-real each of
them holds the whole real corpus too (N − real papers synthetic, both files given to the pipeline), e.g.
--sizes= --synthetic 1000000 --mix-real --k 40 for the million-paper run. Generated corpora go to
--corpus-dir (default: the temp dir) and are reused; --keep-db DIR keeps each run's database there
(named by corpus and k) to serve the dashboard on it. Each run also prints its stages: wall and CPU
seconds, resident memory at the stage's end and the peak so far.
--peer runs ../shared/bench/peer_sklearn.py (apt-get install -y python3-sklearn) on the same files.
--stability: the stability sitting, on the first --sizes corpus and the first --k: each config (Themescope,
then each --peer config) runs once per seed and once, with the first seed, on a seeded random 90% of the
corpus; prints ARI between seeds (mean over pairs), ARI full vs 90% on the shared papers, V-measure
against the primary category (mean over seeds), real themes (≥ 0.5% of papers) per seed, mean time,
peak RSS, and time and memory ÷ the fastest peer config.
--assign: the assign sitting. The corpus is split by published month: a run is made (k = the first --k,
default 40) of every paper before its last --months calendar months (a last month with under a quarter
of the month before's papers, none after its 10th day, goes with them without counting:
pipeline/bench/corpora.ts splitByLastMonths), then \`npm run assign\` adds those
months' papers to it, --repeats times, each into a fresh copy of the run's database, each in its own
process. Prints each batch's time, papers per second (by the batch's own time, and by the process's,
node and tsx starting included), novel papers, CPU, peak RSS, and each step's median time. With
--scaling, the batch's first quarter and first half are added too, each as often, and the line through
the three median times splits a batch's time into what it costs whatever its size and papers per
second for the papers themselves.`);
  process.exit(0);
}

function runJson(command: string, args: string[]): Record<string, unknown> | null {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    console.error(`  failed (${r.status}): ${command} ${args.join(' ')}\n${r.stderr.slice(-2000)}`);
    return null;
  }
  return JSON.parse(last);
}

/**
 * With `labelsOut`, the run also writes each paper's id and theme there (the stability sitting).
 * The run's database is kept at `keepDb` when given, else under --keep-db when that is set.
 */
function measureOurs(corpus: Corpus, k: number, seed = values.seed!, labelsOut?: string,
  keepDb = values['keep-db'] ? join(resolve(values['keep-db']), `${corpus.name}-k${k}-seed${seed}.duckdb`) : undefined): Measurement | null {
  if (keepDb) mkdirSync(dirname(keepDb), { recursive: true });
  const json = runJson(process.execPath, ['--import', 'tsx', 'pipeline/bench/bench-one.ts',
    JSON.stringify({ inputs: inputsOf(corpus), k: String(k), seed, labelsOut, keepDb })]);
  // The corpus by name (bench-one prints its input files).
  return json && { ...json, config: 'themescope', corpus: corpus.name, load: loadavg()[0], ...(keepDb ? { db: keepDb } : {}) } as Measurement;
}

/** With `labelsOut`, the peer runs under peer_labels.py, which writes its partition there after its JSON line. */
function measurePeer(corpus: Corpus, k: number, config: string, seed = values.seed!, labelsOut?: string): Measurement | null {
  const args = [PEER, corpus.path, '--k', String(k), '--seed', seed, '--quiet', '--no-silhouette', ...PEER_CONFIGS[config]];
  const json = runJson('/usr/bin/python3', labelsOut ? [resolve(import.meta.dirname, 'peer_labels.py'), labelsOut, ...args] : args);
  // The peer's JSON names its corpus by the file's path: the bench's name goes over it, or no ratio
  // row finds the peer beside our run of the same corpus (markdownTable matches them by name).
  return json && { ...json, config, corpus: corpus.name, load: loadavg()[0] } as Measurement;
}

/** One config of the stability sitting: a run per seed on the corpus, then one on the subset with the first seed. */
function sitConfig(config: string, corpus: Corpus, subset: Corpus, k: number, seeds: string[]): SittingRow | null {
  const measure = (c: Corpus, seed: string, tag: string): SittingRun | null => {
    const labelsOut = join(tmpdir(), `themescope-sitting-${process.pid}-${config.replace(/\W+/g, '-')}-${tag}.tsv`);
    console.error(`▸ ${c.name} (${c.docs} papers), k=${k}, seed ${seed}: ${config}`);
    const m = config === 'themescope' ? measureOurs(c, k, seed, labelsOut) : measurePeer(c, k, config, seed, labelsOut);
    if (m) results.push(m);
    if (!m || !existsSync(labelsOut)) return null;
    const labels = readLabels(labelsOut);
    rmSync(labelsOut);
    return { measurement: m, labels };
  };
  const runs = seeds.map((seed) => measure(corpus, seed, `s${seed}`));
  if (runs.some((r) => r === null)) return null;
  return summarise(config, seeds.map(Number), runs as SittingRun[], measure(subset, seeds[0], 'subset'));
}

const sizes = (values.sizes ?? (values.stability ? 'all' : '10000,30000,all')).split(',').filter(Boolean)
  .map((s) => (s === 'all' ? 'all' : Number(s)));
const ks = (values.k ?? (values.stability || values.assign ? '40' : '20,40')).split(',').map(Number);
const peerConfigs = values.peer ? values['peer-configs']!.split(',').filter((c) => c in PEER_CONFIGS) : [];
if (values.peer && !existsSync(PEER)) {
  console.error(`npm run bench: --peer needs ${PEER} (the shared scikit-learn peer); run without --peer to measure Themescope alone`);
  process.exit(2);
}
const seeds = values.seeds!.split(',').filter(Boolean);
if (values.stability && (seeds.length < 2 || seeds.some((s) => !/^\d+$/.test(s)))) {
  console.error(`npm run bench: --seeds expects two or more whole numbers separated by commas (got "${values.seeds}")`);
  process.exit(2);
}
const [months, repeats] = [Number(values.months), Number(values.repeats)];
if (values.assign && (!Number.isInteger(months) || months < 1 || !Number.isInteger(repeats) || repeats < 1)) {
  console.error(`npm run bench: --months and --repeats expect whole numbers ≥ 1 (got "${values.months}", "${values.repeats}")`);
  process.exit(2);
}
const prepared = runJson(process.execPath, ['--import', 'tsx', 'pipeline/bench/prepare.ts', JSON.stringify({
  root: ROOT, sizes, synthetic: values.synthetic ? values.synthetic.split(',').map(Number) : [],
  subset: values.stability ? { share: 0.9, seed: Number(seeds[0]) } : null, mixReal: values['mix-real'], dir: values['corpus-dir'] ?? null,
  ...(values.assign ? { assignMonths: months, scaling: values.scaling } : {})
})]) as { corpora: Corpus[]; subset: Corpus | null; assign?: AssignCorpora } | null;
if (!prepared) process.exit(1);
const corpora = prepared.corpora;

const results: Measurement[] = [];
if (values.assign) {
  const ignored = [values.sizes !== undefined && '--sizes', values.peer && '--peer', values.synthetic && '--synthetic', ks.length > 1 && `--k beyond ${ks[0]}`]
    .filter(Boolean);
  if (ignored.length > 0) console.error(`▸ the assign sitting takes the corpus' last --months and the first --k only: ${ignored.join(', ')} ignored`);
  sitAssign(prepared.assign!, ks[0] ?? 40);
  process.exit(process.exitCode ?? 0);
}
if (values.stability) {
  const [corpus, k] = [corpora[0], ks[0]];
  if (!corpus || !(k > 1 && k < corpus.docs)) {
    console.error(`npm run bench: --stability needs a corpus (--sizes) and a k between 2 and its papers − 1 (got ${corpus?.docs ?? 'no'} papers, k ${k})`);
    process.exit(2);
  }
  if (corpora.length > 1 || ks.length > 1) console.error(`▸ the stability sitting uses the first corpus and k only: ${corpus.name}, k=${k}`);
  const rows = ['themescope', ...peerConfigs].map((config) => sitConfig(config, corpus, prepared.subset!, k, seeds));
  writeOutputs(sittingTable(rows.filter((r) => r !== null), `${corpus.name} (${corpus.docs} papers)`, k) +
    '\n\nRuns (in the order above: each seed, then the 90% subset with the first seed):\n\n' +
    markdownTable(results.map((m) => ({ ...m, config: `${m.config}, seed ${m.seed}` })), { ratios: false }));
  process.exit(0);
}
for (const corpus of corpora) {
  for (const k of ks) {
    if (k >= corpus.docs) continue;
    console.error(`▸ ${corpus.name} (${corpus.docs} papers), k=${k}: themescope`);
    const ours = measureOurs(corpus, k);
    if (ours) results.push(ours);
    for (const config of peerConfigs) {
      if (corpus.with) {
        console.error(`▸ ${corpus.name}: no peer run (the peer reads one file)`);
        break;
      }
      console.error(`▸ ${corpus.name}, k=${k}: ${config}`);
      const peer = measurePeer(corpus, k, config);
      if (peer) results.push(peer);
    }
  }
}

writeOutputs(markdownTable(results) + stageTables(results));

/**
 * The assign sitting: the base run (measured as any run, its database kept), then each batch added
 * by bench-assign.ts `repeats` times, each into a fresh copy of that database. The tables give the
 * child's own figures; the JSON also keeps `command_s`, the whole child process as this parent timed
 * it (spawning included).
 */
function sitAssign({ base, added, from, parts }: AssignCorpora, k: number): void {
  const keep = values['keep-db'] ? resolve(values['keep-db']) : null;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'themescope-bench-assign-'));
  const baseDb = join(dir, `assign-base-k${k}.duckdb`);
  const db = join(dir, `assign-batch-k${k}.duckdb`);
  try {
    rmSync(baseDb, { force: true });
    console.error(`▸ ${base.name} (${base.docs} papers), k=${k}: the run to add to`);
    const made = measureOurs(base, k, values.seed, undefined, baseDb);
    if (!made) {
      process.exitCode = 1;
      return; // the finally below still removes the temp databases
    }
    results.push(made);
    const batches = [...parts, added].map((batch) => {
      const runs: (AssignMeasurement & { command_s: number })[] = [];
      for (let r = 1; r <= repeats; r++) {
        for (const path of [db, `${db}.wal`]) rmSync(path, { force: true });
        copyFileSync(baseDb, db);
        console.error(`▸ ${batch.name} (${batch.docs} records) into it: npm run assign, repeat ${r} of ${repeats}`);
        const t0 = performance.now();
        const json = runJson(process.execPath, ['--import', 'tsx', 'pipeline/bench/bench-assign.ts', JSON.stringify({ inputs: [batch.path], db })]);
        if (!json) throw new Error(`npm run assign failed on ${batch.name} (its output above)`);
        runs.push({ ...(json as unknown as AssignMeasurement), load: loadavg()[0], command_s: (performance.now() - t0) / 1000 });
      }
      return { name: batch.name, runs };
    });
    const into = `a run of ${base.name} (${made.n_docs} papers, k = ${k}, made in ${made.timings_s.total.toFixed(1)} s)`;
    const tables = batches.map(({ name, runs }) =>
      assignTables(`Assign sitting: ${name} (${runs[0].added + runs[0].already_in_run} papers read, published ${from} on) added to ${into}`, runs));
    const scaling = batches.length > 1 ? `\n\nTime against batch size (the same run, each batch's median):\n\n${assignScalingTable(batches)}` : '';
    writeOutputs(tables.join('\n\n') + scaling + (keep ? `\n\nDatabases kept at ${baseDb} (the run) and ${db} (the last batch added).` : ''),
      { base: results[0], batches });
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the results as JSON and `table` as Markdown under --out, and prints the table. */
function writeOutputs(table: string, json: object = { results }): void {
  const outDir = resolve(ROOT, values.out!); // an absolute --out is taken as it is
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const jsonPath = join(outDir, `bench-${stamp}.json`);
  const mdPath = join(outDir, `bench-${stamp}.md`);
  writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), machine: machineLine(), ...json }, null, 2));
  writeFileSync(mdPath, `# Themescope benchmark ${stamp}\n\n${machineLine()}\n\n${table}\n`);
  console.log(table);
  console.log(`\nJSON: ${jsonPath}\nMarkdown: ${mdPath}`);
}

function machineLine(): string {
  const cpus = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  return `Machine: ${cpus} cores, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')} at end`;
}
