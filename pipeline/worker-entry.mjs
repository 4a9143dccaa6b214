// Owns starting a worker thread on the module named by its last argument. Node 20 does not hand the
// parent's tsx loader to worker threads (neither under tsx nor under vitest), so a .ts module gets
// tsx registered first; a plain .mjs one starts without it, ~0.25 s sooner.
const module = process.argv.at(-1);
if (module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(module);
