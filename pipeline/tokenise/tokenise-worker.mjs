// Owns starting a tokenise worker thread. Node 20 does not hand the parent's tsx loader to worker
// threads (neither under tsx nor under vitest), so the worker registers tsx, then loads its body.
import { register } from 'tsx/esm/api';

register();
await import('./chunk-worker.ts');
