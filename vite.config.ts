// Vite + Vitest configuration. Tests run in three projects: unit (pure functions, fast), integration
// (the CLI into a temp DuckDB) and e2e (the built dashboard in Debian's Chromium).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: { external: ['@duckdb/node-api'] },
  test: {
    env: { TZ: 'UTC' },
    projects: [
      // Unit hooks write small DuckDB files (several runs each): seconds on a loaded 2-core machine.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], hookTimeout: 60_000 } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false
        }
      }
    ]
  }
});
