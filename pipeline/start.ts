// `npm start`: builds the sample database if it is missing, builds the dashboard, serves it and
// prints the URL. THEMESCOPE_DB, PORT and HOST are honoured as by the server itself. After
// `npm ci --omit=dev` the build tools (vite, svelte: devDependencies) are absent, so an existing
// build/ is served as it is.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const db = resolve(process.env.THEMESCOPE_DB ?? 'data/themes.duckdb');
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';

function step(what: string, command: string, args: string[]): void {
  console.log(`▸ ${what}`);
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm start: ${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

if (!existsSync(db)) {
  step(`building the sample database ${db} (first start only)`, process.execPath, [
    '--import', 'tsx', 'pipeline/cli.ts', '--db', db
  ]);
}
const vite = 'node_modules/vite/bin/vite.js';
/** Written into build/ after a build that succeeded: what the sources are compared with. */
const STAMP = 'build/.themescope-built';
/** What the dashboard is built from: its own sources, the pipeline code it imports, and the config and lock files. */
const SOURCES = ['src', 'static', 'pipeline', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The newest modification time (ms) under `path` (0 for none). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), stat.mtimeMs);
}

// A build newer than every source is served as it is: a second `npm start` in the same checkout (another
// database on another port) no longer rebuilds build/ under the first one, whose pages then asked for
// files the rebuild had removed (the numbers audit of 2026-12-05).
const upToDate = existsSync(STAMP) && existsSync('build/index.js') && statSync(STAMP).mtimeMs > Math.max(...SOURCES.map(newest));
if (existsSync(vite) && upToDate) {
  console.log('▸ the dashboard in build/ is newer than its sources: served as it is');
} else if (existsSync(vite)) {
  step('building the dashboard', process.execPath, [vite, 'build', '--logLevel', 'warn']);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
} else if (existsSync('build/index.js')) {
  console.log('▸ serving the existing build/ (the build tools are not installed: npm ci --omit=dev)');
} else {
  console.error('npm start: no build/ and no build tools: run `npm ci && npm run build` once (vite and svelte are devDependencies)');
  process.exit(2);
}
const server = spawn(process.execPath, ['build/index.js'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  // Edit forms (THEMESCOPE_EDIT=1) are accepted from this origin only; adapter-node assumes https without ORIGIN.
  env: { ORIGIN: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`, ...process.env, THEMESCOPE_DB: db, PORT: port, HOST: host }
});
console.log(`\nThemescope is serving ${db}\n  → http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n(Ctrl-C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
