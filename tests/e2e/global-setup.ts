// Builds the dashboard once before any browser test (each test file runs in its own worker, so a
// per-file build would repeat and race). THEMESCOPE_SKIP_BUILD=1 reuses an existing build/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.THEMESCOPE_SKIP_BUILD === '1' && existsSync(join(root, 'build', 'index.js'))) return;
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8'
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}
