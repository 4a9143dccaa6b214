// Owns starting a worker thread on the module named by its last argument. Node 20 does not hand the
// parent's tsx loader to worker threads (neither under tsx nor under vitest), so a .ts module is
// first made JavaScript: bundled by esbuild (the compiler tsx itself uses) into one .mjs file under
// node_modules/.cache, named by a hash of its text, then imported. Registering tsx in the thread
// instead cost ~0.35 s of CPU per worker (its module hooks run on a thread of their own); the bundle
// ~0.15 s, on the worker's thread and esbuild's process, so a worker started beside the main
// thread's work takes less of the machine from it. Should bundling fail (no esbuild, a read-only
// node_modules), tsx is registered as before. A plain .mjs module is imported as it is.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const module = process.argv.at(-1);

/**
 * The .ts module at `moduleUrl` with everything it imports from this project in one ES module file
 * (packages stay imports, resolved from node_modules as before). Each file's `import.meta.url` is
 * written as that file's own URL, so paths made from it (worker modules, package data) are the
 * same as under tsx.
 */
function bundle(moduleUrl) {
  // esbuild as tsx resolves it (tsx depends on it).
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        // On the syntax tree (esbuild's define), so a string or comment that names import.meta.url is left alone.
        const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js',
          define: { 'import.meta.url': JSON.stringify(pathToFileURL(args.path).href) }, format: 'esm', target: 'node20' });
        return { contents: code, loader: 'js' };
      });
    }
  };
  // buildSync runs no plugins: the build is awaited by the caller.
  return esbuild.build({ entryPoints: [fileURLToPath(moduleUrl)], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', write: false, logLevel: 'silent', plugins: [ownUrl] });
}

/** Where the bundle of `text` lives: node_modules/.cache/themescope-workers/<name>-<hash>.mjs, written once. */
function cached(moduleUrl, text) {
  const dir = fileURLToPath(new URL('../node_modules/.cache/themescope-workers/', import.meta.url));
  const name = fileURLToPath(moduleUrl).split(/[\\/]/).pop().replace(/\.m?ts$/, '');
  const file = `${dir}${name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written beside and renamed: a thread reading it never sees half a file.
    const part = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(part, text);
    renameSync(part, file);
  }
  return pathToFileURL(file).href;
}

if (module.endsWith('.ts')) {
  let target = null;
  try {
    const built = await bundle(module);
    target = cached(module, built.outputFiles[0].text);
  } catch {
    target = null;
  }
  if (target === null) {
    const { register } = await import('tsx/esm/api');
    register();
    await import(module);
  } else {
    await import(target);
  }
} else {
  await import(module);
}
