// Owns turning --input arguments into the files to read: a file as it is, a folder as every
// readable file directly in it, in name order (hidden files, sub-folders and unknown extensions
// left out, each named in a warning).
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IngestError } from '../errors.js';
import { KNOWN_EXTENSIONS } from './detect.js';

export interface InputList {
  files: string[];
  /** One line per folder entry left out. */
  warnings: string[];
}

export async function listInputs(paths: string[], forced: boolean): Promise<InputList> {
  const list: InputList = { files: [], warnings: [] };
  // A file named twice (or inside a folder also given) is read once: read twice, every paper of it
  // counted as a duplicate merged.
  const given = new Set<string>();
  const twice: string[] = [];
  const add = (file: string) => {
    const key = resolve(file);
    if (given.has(key)) twice.push(file);
    else (given.add(key), list.files.push(file));
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null); // a missing path fails later, with its message
    if (info === null || !info.isDirectory()) {
      add(path);
      continue;
    }
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const left: string[] = [];
    for (const entry of entries) {
      // Hidden entries (.DS_Store, .git/) are passed over without a word, as ls does: every folder a Mac touched has one.
      if (entry.name.startsWith('.')) continue;
      const known = forced || KNOWN_EXTENSIONS.some((ext) => entry.name.toLowerCase().replace(/\.gz$/, '').endsWith(ext));
      if (entry.isFile() && known) add(join(path, entry.name));
      else left.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
    }
    if (left.length > 0) list.warnings.push(`${path}: left out ${left.length} entr${left.length === 1 ? 'y' : 'ies'} that ${left.length === 1 ? 'is' : 'are'} no input file (${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''})`);
    if (!entries.some((e) => e.isFile() && given.has(resolve(path, e.name)))) {
      throw new IngestError(`${path}: no input files in this folder (expected ${KNOWN_EXTENSIONS.join(', ')} files)`);
    }
  }
  if (twice.length > 0) {
    list.warnings.push(`${twice.length} input file${twice.length === 1 ? ' was' : 's were'} given more than once and read once: ` +
      `${twice.slice(0, 5).join(', ')}${twice.length > 5 ? ', …' : ''}`);
  }
  return list;
}
