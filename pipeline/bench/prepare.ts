// Prepares the bench's corpora in a process of its own and prints them as one JSON line: a child
// process starts with its parent's resident memory counted in its peak RSS (Linux fork + exec), so the
// bench itself must never hold a corpus while it spawns the measured runs.
import { resolve } from 'node:path';
import { assignCorpora, DEFAULT_CORPUS_DIR, prepareCorpora, randomSubset } from './corpora.js';

const { root, sizes, synthetic, subset, mixReal, dir, assignMonths, scaling } = JSON.parse(process.argv[2]) as {
  root: string; sizes: (number | 'all')[]; synthetic: number[]; subset: { share: number; seed: number } | null;
  mixReal: boolean; dir: string | null; assignMonths?: number; scaling?: boolean;
};
const corpusDir = dir === null ? DEFAULT_CORPUS_DIR : resolve(dir);
// The assign sitting: the corpus split at its last months, nothing else.
if (assignMonths !== undefined) {
  try {
    console.log(JSON.stringify({ corpora: [], subset: null, assign: assignCorpora(resolve(root), assignMonths, corpusDir, scaling === true) }));
  } catch (e) {
    // The corpus cannot be split (no dates, or every paper in the batch): said in a line, not a stack.
    if (!(e instanceof RangeError)) throw e;
    console.error(`npm run bench --assign: ${e.message}`);
    process.exit(2);
  }
  process.exit(0);
}
const corpora = await prepareCorpora(resolve(root), sizes, synthetic, { mixReal, dir: corpusDir });
// The stability sitting's subset is drawn from the first corpus.
const first = corpora[0];
console.log(JSON.stringify({ corpora, subset: subset && first ? randomSubset(first, subset.share, subset.seed, corpusDir) : null }));
