// `npm run bench`: the pipeline at several corpus sizes and k, each measurement in its own process,
// optionally beside the scikit-learn peer on the same files in the same sitting; JSON + Markdown out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareCorpora, type Corpus } from './corpora.js';
import { markdownTable, type Measurement } from './report.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PEER = resolve(ROOT, '../shared/bench/peer_sklearn.py');
const PEER_CONFIGS: Record<string, string[]> = {
  'sklearn kmeans': [],
  'sklearn minibatch': ['--minibatch'],
  'sklearn lsa100+kmeans': ['--lsa', '100']
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,30000,all' },
    k: { type: 'string', default: '20,40' },
    seed: { type: 'string', default: '42' },
    peer: { type: 'boolean', default: false },
    'peer-configs': { type: 'string', default: Object.keys(PEER_CONFIGS).join(',') },
    synthetic: { type: 'string', default: '' },
    out: { type: 'string', default: 'bench-results' },
    help: { type: 'boolean', short: 'h' }
  }
});
if (values.help) {
  console.log(`Usage: npm run bench -- [--sizes 10000,30000,all] [--k 20,40] [--seed 42] [--peer]
       [--peer-configs "sklearn kmeans,sklearn minibatch,sklearn lsa100+kmeans"]
       [--synthetic 10000,100000,300000] [--out bench-results]
Corpora: ../shared/data/arxiv-daily-cs-2025-2026.jsonl.gz subsets when present, else the shipped sample;
--synthetic adds synthetic corpora of those sizes (pipeline/bench/synthetic.ts).
--peer runs ../shared/bench/peer_sklearn.py (apt-get install -y python3-sklearn) on the same files.`);
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

function measureOurs(corpus: Corpus, k: number): Measurement | null {
  const json = runJson(process.execPath, ['--import', 'tsx', 'pipeline/bench/bench-one.ts', corpus.path, String(k), values.seed!]);
  return json && { config: 'themescope', corpus: corpus.name, load: loadavg()[0], ...json } as Measurement;
}

function measurePeer(corpus: Corpus, k: number, config: string): Measurement | null {
  const args = [PEER, corpus.path, '--k', String(k), '--seed', values.seed!, '--quiet', '--no-silhouette', ...PEER_CONFIGS[config]];
  const json = runJson('/usr/bin/python3', args);
  return json && { config, corpus: corpus.name, load: loadavg()[0], ...json } as Measurement;
}

const sizes = values.sizes!.split(',').filter(Boolean).map((s) => (s === 'all' ? 'all' : Number(s)));
const ks = values.k!.split(',').map(Number);
const peerConfigs = values.peer ? values['peer-configs']!.split(',').filter((c) => c in PEER_CONFIGS) : [];
if (values.peer && !existsSync(PEER)) {
  console.error(`npm run bench: --peer needs ${PEER} (the shared scikit-learn peer); run without --peer to measure Themescope alone`);
  process.exit(2);
}
const corpora = await prepareCorpora(ROOT, sizes, values.synthetic ? values.synthetic.split(',').map(Number) : []);

const results: Measurement[] = [];
for (const corpus of corpora) {
  for (const k of ks) {
    if (k >= corpus.docs) continue;
    console.error(`▸ ${corpus.name} (${corpus.docs} papers), k=${k}: themescope`);
    const ours = measureOurs(corpus, k);
    if (ours) results.push(ours);
    for (const config of peerConfigs) {
      console.error(`▸ ${corpus.name}, k=${k}: ${config}`);
      const peer = measurePeer(corpus, k, config);
      if (peer) results.push(peer);
    }
  }
}

mkdirSync(join(ROOT, values.out!), { recursive: true });
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const jsonPath = join(ROOT, values.out!, `bench-${stamp}.json`);
const mdPath = join(ROOT, values.out!, `bench-${stamp}.md`);
writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), machine: machineLine(), results }, null, 2));
const table = markdownTable(results);
writeFileSync(mdPath, `# Themescope benchmark ${stamp}\n\n${machineLine()}\n\n${table}\n`);
console.log(table);
console.log(`\nJSON: ${jsonPath}\nMarkdown: ${mdPath}`);

function machineLine(): string {
  const cpus = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  return `Machine: ${cpus} cores, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')} at end`;
}
