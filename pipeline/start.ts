// `npm start`: builds the sample database if it is missing, builds the dashboard, serves it and
// prints the URL. THEMESCOPE_DB, PORT and HOST are honoured as by the server itself. After
// `npm ci --omit=dev` the build tools (vite, svelte: devDependencies) are absent, so an existing
// build/ is served as it is.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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
if (existsSync(vite)) {
  step('building the dashboard', process.execPath, [vite, 'build', '--logLevel', 'warn']);
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
