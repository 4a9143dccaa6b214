// See https://svelte.dev/docs/kit/types#app.d.ts
import type { RunRow } from '../pipeline/types.js';

declare global {
  namespace App {
    interface Locals {
      /** The run this request looks at, resolved on first call (hooks.server.ts); read it with `readRun`. */
      run: () => Promise<RunRow>;
    }
  }
}
export {};
