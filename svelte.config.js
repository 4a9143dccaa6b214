// SvelteKit configuration: adapter-node, so `node build` serves the dashboard (PORT/HOST as adapter-node reads them).
// SvelteKit's form-origin check is handed to hooks.server.ts (origin-check.ts), which also accepts the
// server's port under another loopback name (localhost for 127.0.0.1).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: { adapter: adapter(), csrf: { trustedOrigins: ['*'] } }
};

export default config;
