// `npm run loadtest`: a bounded load on loopback against the built dashboard — mixed pages, searches
// and exports, N keep-alive connections for D seconds — reporting latency percentiles overall and
// per path, errors, server memory and the load average. Exits non-zero when any request failed or
// answered non-2xx. Not part of `npm test`.
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import buildDashboard from '../e2e/global-setup.js';
import { startServer } from '../e2e/harness.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/themes.duckdb' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '60' },
    /**
     * `all`: pages, searches, paper pages and exports in rotation; `old`: only the paths that existed
     * before the search index (for a before/after comparison); `search`: ranked searches alone, each
     * a different two-word query (so none is answered from the response cache).
     */
    mix: { type: 'string', default: 'all' }
  }
});

const OLD_PATHS = [
  '/',
  '/?granularity=quarter&measure=papers',
  '/map',
  '/themes/0',
  '/themes/1?q=model',
  '/papers?q=language',
  '/papers?page=3',
  '/runs',
  '/export/themes.csv',
  '/export/trends.csv?granularity=month&measure=share',
  '/export/papers.csv?theme=2',
  '/export/themes.json'
];
/** Ranked searches (a phrase, a prefix, filters, date order) and paper pages, added with the index. */
const NEW_PATHS = [
  '/papers?q=graph+neural',
  '/papers?q=%22large+language+model%22+agent',
  '/papers?q=diffus&theme=3',
  '/papers?q=reinforcement+learning&sort=date',
  '/map/points/search?q=robot',
  '/papers/PAPER'
];
const SEARCH_WORDS = ('graph neural network language model agent robot vision image video diffusion learning reinforcement ' +
  'policy attention transformer retrieval generation reasoning benchmark dataset privacy federated quantum speech audio ' +
  'medical segmentation detection tracking planning control optimization sparse efficient compression adversarial ' +
  'attack defense fairness bias code program verification').split(' ');
/** Every ordered pair of distinct words, as /papers?q=…: 2,070 queries. */
const SEARCH_PATHS = SEARCH_WORDS.flatMap((a) => SEARCH_WORDS.filter((b) => b !== a).map((b) => `/papers?q=${a}+${b}`));
const PATHS = values.mix === 'old' ? OLD_PATHS : values.mix === 'search' ? SEARCH_PATHS : [...OLD_PATHS, ...NEW_PATHS];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

const agent = new Agent({ keepAlive: true, maxSockets: Number(values.connections) });

/** GET `url`, reading the whole body; resolves to the status code. */
function fetchStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** A paper id of the run, for the paper-page path (the newest paper on /papers). */
async function aPaperId(base: string): Promise<string> {
  const html = await (await fetch(`${base}/papers`)).text();
  const match = /href="\/papers\/([^"?]+)/.exec(html);
  if (!match) throw new Error('no paper link on /papers');
  return match[1];
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

buildDashboard();
const server = await startServer(values.db!);
const pid = server.process.pid!;
try {
  const paperId = values.mix === 'all' ? await aPaperId(server.url) : '';
  const paths = PATHS.map((p) => p.replace('PAPER', paperId));
  // Warm each path once, so the first-open cost of the database is not in the figures (searches: one, to load the dictionary).
  for (const path of values.mix === 'search' ? paths.slice(0, 1) : paths) {
    const status = await fetchStatus(server.url + path);
    if (status !== 200) throw new Error(`warm-up ${path}: HTTP ${status}`);
  }
  const before = rssMb(pid);
  const times = new Map<string, number[]>(paths.map((p) => [p, []]));
  let failures = 0;
  let next = 0;
  const end = Date.now() + Number(values.duration) * 1000;
  const load = [loadavg()[0]];
  const sampler = setInterval(() => load.push(loadavg()[0]), 5000);
  let peakRss = before;
  const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 1000);
  await Promise.all(Array.from({ length: Number(values.connections) }, async () => {
    while (Date.now() < end) {
      const path = paths[next++ % paths.length];
      const t0 = performance.now();
      const status = await fetchStatus(server.url + path).catch(() => 0);
      times.get(path)!.push(performance.now() - t0);
      if (status < 200 || status >= 300) failures++;
    }
  }));
  clearInterval(sampler);
  clearInterval(rssSampler);
  const after = rssMb(pid);
  const all = [...times.values()].flat().sort((a, b) => a - b);
  const f = (ms: number) => ms.toFixed(1);
  console.log(`Load: ${values.connections} connections, ${values.duration} s, ${paths.length} paths in rotation, db ${values.db}`);
  console.log(`Requests: ${all.length} (${(all.length / Number(values.duration)).toFixed(1)}/s) · failed or non-2xx ${failures}`);
  console.log(`Latency ms: p50 ${f(percentile(all, 0.5))} · p95 ${f(percentile(all, 0.95))} · p99 ${f(percentile(all, 0.99))} · max ${f(percentile(all, 1))}`);
  console.log(`Server RSS: ${before} MB before · ${peakRss} MB peak · ${after} MB after · load average ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)}`);
  if (values.mix === 'search') {
    process.exitCode = failures === 0 ? 0 : 1;
  }
  console.log('\n| path | requests | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|');
  for (const [path, list] of values.mix === 'search' ? [] : times) {
    list.sort((a, b) => a - b);
    console.log(`| \`${path}\` | ${list.length} | ${f(percentile(list, 0.5))} | ${f(percentile(list, 0.95))} | ${f(percentile(list, 0.99))} |`);
  }
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  agent.destroy();
  await server.stop();
}
