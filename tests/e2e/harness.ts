// Shared end-to-end harness: serves the built dashboard (tests/e2e/global-setup.ts) with `node build` on a free port
// against a given database, and drives Debian's Chromium through playwright-core (no downloads).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** The build made by tests/e2e/global-setup.ts (once per test run). */
function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'build', 'index.js'))) throw new Error('no build/: run `npx vite build` first');
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

export interface Server {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Serves the built dashboard against `dbPath`; resolves once it answers HTTP. */
export async function startServer(dbPath: string, env: Record<string, string> = {}): Promise<Server> {
  assertBuilt();
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [join(ROOT, 'build', 'index.js')], {
    cwd: ROOT,
    // Edit forms post back to this origin: adapter-node assumes https unless ORIGIN says otherwise.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', THEMESCOPE_DB: resolve(dbPath), ...(env.THEMESCOPE_EDIT ? { ORIGIN: `http://127.0.0.1:${port}` } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      await fetch(url + '/favicon.svg');
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    process: child,
    output: () => log,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      })
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs and a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  // playwright's launch() always starts Chromium on a fresh temporary profile (--user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Opens `url` and waits until the app has hydrated (the root layout marks <html data-hydrated>). */
export async function gotoHydrated(page: Page, url: string) {
  const response = await page.goto(url);
  if (response && response.status() < 400) await page.waitForSelector('html[data-hydrated]', { timeout: 30_000 });
  return response;
}

/** Saves a full-page PNG under test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A fresh database holding the hand-made run (tests/fixtures/hand-made-run.ts). */
export function handMadeDb(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'themescope-e2e-')), 'themes.duckdb');
  const r = spawnSync('npx', ['tsx', 'tests/fixtures/write-hand-made-db.ts', path], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !statSync(path).isFile()) throw new Error(`fixture db failed:\n${r.stderr}`);
  return path;
}
