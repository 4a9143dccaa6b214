// Owns noticing papers that are not in English. The tokeniser, the stop list, the stemmer and the
// labels are English-only: a French or Chinese abstract becomes terms no English paper shares, so
// such papers gather in themes of their own, labelled with their function words, or in none. A run
// says so instead of leaving it to be found in the themes. The test is cheap and coarse: an English
// abstract's words are ~20–30 % of the few words below; a paper is "not English" when they are
// under 4 % of its words, or when most of its letters are not Latin ones.

const COMMON = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'for', 'that', 'we', 'on', 'with', 'this', 'are', 'by',
  'as', 'an', 'be', 'from', 'our', 'which', 'it', 'can', 'these', 'at', 'or', 'not', 'its', 'has', 'have', 'than', 'such']);
const NOT_LETTERS = /[^\p{L}]+/u;

/** Whether `text` (an abstract) looks like something other than English; too short a text is given the benefit of the doubt. */
export function looksNonEnglish(text: string): boolean {
  let words = 0;
  let common = 0;
  let letters = 0;
  let latin = 0;
  for (const word of text.split(NOT_LETTERS)) {
    if (word === '') continue;
    words++;
    if (word.length <= 5 && COMMON.has(word.toLowerCase())) common++;
    letters += word.length;
    if (word.charCodeAt(0) < 0x250) latin += word.length; // Basic Latin to Latin Extended-B
  }
  if (letters >= 40 && latin < letters / 2) return true;
  return words >= 25 && common < 0.04 * words;
}

/** Papers looked at: every one up to this many, else this many spread evenly over the input. */
const SAMPLE = 2_000;

/**
 * A warning when at least 1 % (and 3) of the papers look non-English, with the share and an
 * example; null otherwise. Reads at most SAMPLE abstracts (~10 ms).
 */
export function nonEnglishWarning(papers: readonly { title: string; abstract: string }[]): string | null {
  const n = Math.min(papers.length, SAMPLE);
  let found = 0;
  let first: string | null = null;
  for (let j = 0; j < n; j++) {
    const p = papers[Math.floor((j * papers.length) / n)];
    if (!looksNonEnglish(p.abstract)) continue;
    found++;
    first ??= p.title;
  }
  if (found < 3 || found < 0.01 * n) return null;
  const share = n === papers.length ? `${found} of the ${n} papers` : `about ${((100 * found) / n).toFixed(1)} % of the papers (${found} of ${n} looked at)`;
  const example = first!.length > 80 ? `${first!.slice(0, 77)}…` : first!;
  return `${share} do not look English (e.g. "${example}"): Themescope's words, stems and labels are English-only, ` +
    'so such papers gather in themes of their own or in none; a run per language themes each better';
}
