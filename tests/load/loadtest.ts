// `npm run loadtest`: a bounded load on loopback against the built dashboard — mixed pages and
// exports, N connections for D seconds — reporting latency percentiles, errors and server memory.
// Exits non-zero when any request failed or answered non-2xx. Not part of `npm test`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import buildDashboard from '../e2e/global-setup.js';
import { startServer } from '../e2e/harness.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/themes.duckdb' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '60' }
  }
});

const PATHS = [
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

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

buildDashboard();
const server = await startServer(values.db!);
const pid = server.process.pid!;
try {
  // Warm each path once, so the first-open cost of the database is not in the figures.
  for (const path of PATHS) {
    const r = await fetch(server.url + path);
    if (r.status !== 200) throw new Error(`warm-up ${path}: HTTP ${r.status}`);
    await r.arrayBuffer();
  }
  const before = rssMb(pid);
  const tracker = autocannon({
    url: server.url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: PATHS.map((path) => ({ method: 'GET', path }))
  });
  // autocannon's own percentiles skip p95; keep every response time to compute it exactly.
  const times: number[] = [];
  (tracker as unknown as import('node:events').EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await tracker;
  const after = rssMb(pid);
  times.sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(1);
  const failures = result.errors + result.timeouts + result.non2xx;
  console.log(`Load: ${values.connections} connections, ${values.duration} s, ${PATHS.length} paths in rotation, db ${values.db}`);
  console.log(`Requests: ${result.requests.total} (${result.requests.average.toFixed(1)}/s) · errors ${result.errors} · timeouts ${result.timeouts} · non-2xx ${result.non2xx}`);
  console.log(`Latency ms: p50 ${pct(0.5)} · p95 ${pct(0.95)} · p99 ${pct(0.99)} · max ${pct(1)}`);
  console.log(`Server RSS: ${before} MB before · ${after} MB after`);
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await server.stop();
}
