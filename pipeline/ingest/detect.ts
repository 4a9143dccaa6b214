// Owns which format a file is read as: `--format` if given, else the extension, else (for .txt,
// .tsv and .tab) the first non-blank line. Within a family the content decides later: a .json file
// may be JSON Lines, an array or an API page; a .csv file may be Scopus or Web of Science.
import { IngestError } from '../errors.js';
import type { InputFormat } from '../types.js';
import { isWosTextStart } from './readers/wos-text.js';

/** How a file will be read: a reader family, and the exact format when it is already known. */
export type Declared = InputFormat | 'sniff';

const EXTENSIONS: [string, Declared][] = [
  ['.jsonl', 'jsonl'], ['.ndjson', 'jsonl'], ['.json', 'json'], ['.csv', 'csv'], ['.tsv', 'csv'], ['.tab', 'csv'],
  ['.bib', 'bibtex'], ['.bibtex', 'bibtex'], ['.ris', 'ris'], ['.ciw', 'wos'], ['.txt', 'sniff']
];
export const KNOWN_EXTENSIONS = EXTENSIONS.map(([ext]) => ext);

/** The format a file name declares (or 'sniff'); throws if none and `forced` is null. */
export function declaredFormat(path: string, forced: InputFormat | null = null): Declared {
  if (forced !== null) return forced;
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const match = EXTENSIONS.find(([ext]) => name.endsWith(ext));
  if (match !== undefined) return match[1];
  throw new IngestError(`${path}: unknown format: expected ${KNOWN_EXTENSIONS.join(', ')} (each optionally .gz), or name it with --format`);
}

/** The reader family a line of a .txt file points to; 'csv' when it says nothing. */
export function sniffFormat(line: string): InputFormat {
  const text = line.replace(/^\uFEFF/, '').trimStart();
  if (/^@\s*[A-Za-z]+\s*[{(]/.test(text)) return 'bibtex';
  if (/^[A-Z][A-Z0-9]  -/.test(text)) return 'ris';
  if (isWosTextStart(text)) return 'wos';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  return 'csv';
}
