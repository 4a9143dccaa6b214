// See https://svelte.dev/docs/kit/types#app.d.ts
import type { RunRow } from '../pipeline/types.js';

declare global {
  namespace App {
    /** What an error page shows: what was wrong and, where there is one, the nearest valid choice. */
    interface Error {
      message: string;
      /** A link to the nearest valid answer (the last page, the newest run, the query cut to length). */
      nearest?: { href: string; text: string };
      /** Other valid answers after the nearest (a split theme's other parts). */
      links?: { href: string; text: string }[];
    }
    interface Locals {
      /** The run this request looks at, resolved on first call (hooks.server.ts); read it with `readRun`. */
      run: () => Promise<RunRow>;
      /**
       * Link-header entries a page wants before SvelteKit's own (its styles and scripts), so the browser
       * asks for them first, before its six connections to the server fill with scripts (the map's points).
       */
      firstLinks: string[];
    }
  }
}
export {};
