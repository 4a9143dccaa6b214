// `npm run singleuser -- --db FILE`: what one user waits for on a (large) database — every page, a few
// searches and every export, each asked once on a fresh server once it has warmed the run's caches
// (src/lib/server/warm-up.ts; no page answered yet) and once more (from the response cache), with the
// server's CPU per request; exports with their time to first byte, size and the server's peak RSS
// while they stream; then the map in headless Chromium, timed from navigation until every point is
// drawn. Not part of `npm test`; prints Markdown tables.
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import buildDashboard from '../e2e/global-setup.js';
import { launchBrowser, newPage, startServer, type Server } from '../e2e/harness.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/themes.duckdb' },
    /** Searches to time (each a /papers?q= page), separated by commas. */
    searches: { type: 'string', default: 'language model,graph neural network,"large language model" agent,diffus' },
    /** Leave out the exports (a full papers export of 1M papers is ~1 GB). */
    'no-exports': { type: 'boolean', default: false },
    /** Map loads to time in Chromium (the first on a server that has not computed the points yet). */
    'map-loads': { type: 'string', default: '2' }
  }
});

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Server CPU seconds (user + system, all threads) from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

function rssMb(pid: number): number {
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
}

interface Timing {
  status: number;
  /** Milliseconds to the first body byte and to the last. */
  firstByte: number;
  total: number;
  bytes: number;
  cache: string;
  cpu: number;
  peakRss: number;
}

/** GET `url`, reading (and dropping) the whole body, with the server's CPU and peak RSS meanwhile. */
function timeGet(server: Server, url: string): Promise<Timing> {
  const pid = server.process.pid!;
  const cpu0 = cpuSeconds(pid);
  let peakRss = rssMb(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 50);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let firstByte = NaN;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByte = performance.now() - t0;
        bytes += chunk.length;
      });
      res.on('end', () => {
        clearInterval(sampler);
        const total = performance.now() - t0;
        resolve({ status: res.statusCode ?? 0, firstByte: Number.isNaN(firstByte) ? total : firstByte, total, bytes,
          cache: String(res.headers['x-cache'] ?? '–'), cpu: cpuSeconds(pid) - cpu0, peakRss: Math.max(peakRss, rssMb(pid)) });
      });
      res.on('error', reject);
    }).on('error', (e) => {
      clearInterval(sampler);
      reject(e);
    });
  });
}

/** A theme id and a paper id of the newest run, read from its pages. */
async function ids(base: string): Promise<{ theme: string; paper: string; run: string }> {
  const papers = await (await fetch(`${base}/papers`)).text();
  const paper = /href="\/papers\/([^"?]+)/.exec(papers)?.[1];
  const theme = /href="\/themes\/(\d+)/.exec(papers)?.[1];
  const runs = await (await fetch(`${base}/runs`)).text();
  const run = /run=(\d+)/.exec(runs)?.[1] ?? '1';
  if (!paper || !theme) throw new Error('no paper or theme link on /papers');
  return { theme, paper, run };
}

/** A fresh server on the database, once it has warmed the newest run (its log says so); with the seconds that took. */
async function warmServer(db: string): Promise<{ server: Server; warmSeconds: number }> {
  const t0 = performance.now();
  const server = await startServer(db);
  const deadline = Date.now() + 600_000;
  while (!/warmed run/.test(server.output())) {
    if (Date.now() > deadline) throw new Error(`no warm-up within 10 minutes:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, warmSeconds: (performance.now() - t0) / 1000 };
}

const ms = (x: number) => x.toFixed(0);
const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

if (process.env.THEMESCOPE_SKIP_BUILD !== '1') buildDashboard();
const loadAt = [loadavg()[0]];
let server = await startServer(values.db!);
try {
  const { theme, paper } = await ids(server.url);
  // A fresh server for the page timings: ids() above filled the cache with /papers and /runs.
  await server.stop();
  const warm = await warmServer(values.db!);
  server = warm.server;
  const searches = values.searches!.split(',').filter(Boolean).map((q) => `/papers?q=${encodeURIComponent(q)}`);
  const pages = ['/runs', '/', `/themes/${theme}`, '/papers', ...searches, `/papers?theme=${theme}&q=model`,
    `/papers/${encodeURIComponent(paper)}`, '/map', '/map/points', '/map/points/search?q=model', '/runs/compare', '/curate'];
  console.log(`Database ${values.db}, server pid ${server.process.pid}: start and warm-up ${warm.warmSeconds.toFixed(1)} s ` +
    `(${/warmed run.*/.exec(server.output())?.[0]}), RSS then ${rssMb(server.process.pid!)} MB\n`);
  console.log('| path | status | first (uncached) ms | server CPU ms | again (cached) ms | size |\n|---|---|---|---|---|---|');
  for (const path of pages) {
    const first = await timeGet(server, server.url + path);
    const again = await timeGet(server, server.url + path);
    console.log(`| \`${path}\` | ${first.status} | ${ms(first.total)} | ${ms(1000 * first.cpu)} | ${ms(again.total)} (${again.cache}) | ${mb(first.bytes)} |`);
  }
  loadAt.push(loadavg()[0]);
  if (!values['no-exports']) {
    const exports = ['themes.csv', 'themes.json', 'trends.csv', 'areas.csv', 'bursts.csv', 'theme-lineage.csv',
      `theme-papers.csv?theme=${theme}`, 'papers.csv', 'papers.parquet', 'papers.json', `papers.csv?q=model`];
    console.log(`\n| export | status | first byte ms | total ms | size | server CPU s | server peak RSS MB |\n|---|---|---|---|---|---|---|`);
    for (const name of exports) {
      const t = await timeGet(server, `${server.url}/export/${name}`);
      console.log(`| \`${name}\` | ${t.status} | ${ms(t.firstByte)} | ${ms(t.total)} | ${mb(t.bytes)} | ${t.cpu.toFixed(2)} | ${t.peakRss} |`);
    }
    loadAt.push(loadavg()[0]);
  }
  // The map: a fresh, warmed server again, as a first visitor finds it.
  await server.stop();
  server = (await warmServer(values.db!)).server;
  const browser = await launchBrowser();
  try {
    console.log('\n| map load | points | navigation → every point drawn ms | /map/points bytes (gzip) |\n|---|---|---|---|');
    for (let i = 0; i < Number(values['map-loads']); i++) {
      const page = await newPage(browser);
      let pointBytes = 0;
      page.on('response', async (r) => {
        if (/\/map\/points(\?|$)/.test(r.url())) pointBytes = Number((await r.headerValue('content-length')) ?? 0) || (await r.body()).length;
      });
      const t0 = performance.now();
      await page.goto(`${server.url}/map`);
      const status = page.locator('#map-search-status', { hasText: /papers/ });
      await status.waitFor({ timeout: 120_000 });
      // Two animation frames: the points drawn, not only decoded.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const elapsed = performance.now() - t0;
      const text = (await status.textContent())?.trim() ?? '';
      console.log(`| ${i === 0 ? 'first visit' : 'again'} | ${text} | ${ms(elapsed)} | ${pointBytes ? mb(pointBytes) : '–'} |`);
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
  loadAt.push(loadavg()[0]);
  console.log(`\nServer RSS at end ${rssMb(server.process.pid!)} MB; load average ${Math.min(...loadAt).toFixed(2)}–${Math.max(...loadAt).toFixed(2)}`);
} finally {
  agent.destroy();
  await server.stop();
}
