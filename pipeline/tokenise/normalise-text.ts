// Owns turning a paper into the plain lower-case text that tokenising reads: title and abstract
// joined, Unicode NFKC, and the debris of PDF extraction and markup removed — (cid:N) codes, soft
// hyphens, words broken across lines, e-mail addresses, URLs, LaTeX math and commands.
import { isEnglishWord } from './english-words.js';

/** Replaces removed spans: any non-word, non-space character ends a phrase (see token-scanner.ts). */
const BREAK = ' | ';

// PDF text extraction writes glyphs it cannot map as "(cid:173)" (173 is the soft hyphen); a soft
// hyphen (U+00AD) marks where a word may break. Both go without a trace, joining the word's parts.
const CID = /\(cid:\d+\)|\u00ad/g;
// Addresses, also the grouped ones of author lists: "{alice,bob}@uni.edu".
const EMAIL = /(?:\{[^{}@]{0,200}\}|[\w.+-]+)?@[\w-]+(?:\.[\w-]+)+/g;
// `$$...$$` and `$...$` (bounded, so a lone dollar sign cannot swallow the abstract), `\(...\)`, `\[...\]`.
const LATEX_MATH = /\$\$[^$]*\$\$|\$[^$\n]{1,300}?\$|\\\([^]*?\\\)|\\\[[^]*?\\\]/g;
// Commands whose argument is no text (citations, references, labels, links): gone with it.
const LATEX_DROPPED = /\\(?:cite[a-z]*|[a-z]*ref|label|url|href|footnote|includegraphics)\*?\s*(?:\[[^\]]*\]\s*)?\{[^}]*\}/g;
// `\emph`, `\times`, `\%`: the command goes, its argument stays without its braces, so that
// `\emph{Gaussian} splatting` still reads as the phrase "gaussian splatting".
const LATEX_COMMAND = /\\(?:[a-zA-Z]+\*?|.)|[{}]/g;
// Full URLs, www. hosts, and bare host/path links such as github.com/org/repo (a dotted name
// directly followed by a slash; anchored at word starts so the regex does not retry every char).
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}\/\S*/gi;
// A word broken at a line end: letters, a hyphen, white space, then lower-case letters.
const BROKEN_WORD = /(\p{L}+)-\s+(\p{Ll}+)/gu;
/** "pre- and post-training", "low- to high-resolution": a suspended hyphen, not a broken word. */
const SUSPENDED = new Set(['and', 'or', 'nor', 'to', 'vs', 'versus', 'as', 'than', 'but']);
// Unicode hyphen and non-breaking hyphen (NFKC keeps them) spelt as the ASCII hyphen-minus.
const UNICODE_HYPHENS = /[\u2010\u2011]/g;

// Plain ASCII has no compatibility or canonical decomposition: NFKC leaves it as it is (most abstracts).
const NOT_ASCII = /[^\x00-\x7f]/;

/** The text of one paper, ready for tokenising: `title + ". " + abstract`, cleaned, lower-cased. */
export function normaliseText(title: string, abstract: string): string {
  return normaliseFields(title, abstract).text;
}

/**
 * normaliseText, and whether cleaning left the ASCII text as it was (`plain`): then the text is
 * the lower-cased fields joined, title at [0, title.length) and abstract from title.length + 2,
 * so a reader of the fields' words (the search index) can take them from it.
 */
export function normaliseFields(title: string, abstract: string): { text: string; plain: boolean } {
  const joined = `${title}. ${abstract}`;
  let text = joined;
  const ascii = !NOT_ASCII.test(text);
  if (!ascii) text = text.normalize('NFKC');
  // includes() (a memchr-like scan) skips each regex that cannot match: most abstracts need none.
  if (text.includes('(cid:') || text.includes('\u00ad')) text = text.replace(CID, '');
  if (text.includes('@')) text = text.replace(EMAIL, BREAK);
  if (mayHaveUrl(text)) text = text.replace(URL, BREAK);
  if (text.includes('$') || text.includes('\\')) {
    text = text.replace(LATEX_MATH, BREAK).replace(LATEX_DROPPED, BREAK).replace(LATEX_COMMAND, ' ');
  }
  if (text.includes('\u2010') || text.includes('\u2011')) text = text.replace(UNICODE_HYPHENS, '-');
  if (text.includes('- ') && mayHaveBrokenWord(text)) text = text.replace(BROKEN_WORD, joinBrokenWord);
  // A replace that matched nothing returns its string, so this is mostly a pointer comparison.
  return { text: text.toLowerCase(), plain: ascii && text === joined };
}

/**
 * Whether URL can match `text`, so that most texts with a slash ("and/or", "w/o") skip the regex:
 * its branches need "://", "www." (any case), or a dot, 2 to 12 ASCII letters and a slash.
 */
function mayHaveUrl(text: string): boolean {
  // The old test, then what the regex (case-insensitive) needs.
  if (text.includes('www.')) return true;
  if (!text.includes('/')) return false;
  if (text.includes('://') || WWW.test(text)) return true;
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    let at = slash - 1;
    while (at >= 0 && at >= slash - 13 && isAsciiLetter(text.charCodeAt(at))) at--;
    const letters = slash - 1 - at;
    if (letters >= 2 && letters <= 12 && text.charCodeAt(at) === 0x2e) return true;
  }
  return false;
}

const WWW = /www\./i;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

// BROKEN_WORD's shape at one place: a letter, a hyphen, white space, a lower-case letter.
const BROKEN_AT = /\p{L}-\s+\p{Ll}/uy;

/** Whether BROKEN_WORD can match `text`: it needs a letter right before some hyphen (skips most texts with "pre- and"). */
function mayHaveBrokenWord(text: string): boolean {
  for (let hyphen = text.indexOf('-', 1); hyphen >= 0; hyphen = text.indexOf('-', hyphen + 1)) {
    // The letter before the hyphen is one code unit, or a surrogate pair.
    for (const from of [hyphen - 1, hyphen - 2]) {
      if (from < 0) continue;
      BROKEN_AT.lastIndex = from;
      if (BROKEN_AT.test(text)) return true;
    }
  }
  return false;
}

/**
 * "computa- tion" → "computation"; "self- supervised" → "self-supervised"; "pre- and" stays.
 * The rule: after a suspended-hyphen word (and, or, to, …) nothing changes; when both parts are
 * English words (WordNet, inflections included) the hyphen was a real one that fell at the line
 * end, so they are joined with it; otherwise the parts are one word broken in two.
 */
function joinBrokenWord(match: string, left: string, right: string): string {
  if (SUSPENDED.has(right)) return match;
  return isEnglishWord(left.toLowerCase()) && isEnglishWord(right) ? `${left}-${right}` : left + right;
}
