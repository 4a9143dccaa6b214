// Owns turning a paper into the plain lower-case text that tokenising reads: title and abstract
// joined, Unicode NFKC, LaTeX math and commands and URLs replaced by a phrase break.

/** Replaces removed spans: any non-word, non-space character ends a phrase (see token-scanner.ts). */
const BREAK = ' | ';

// `$$...$$` and `$...$` (bounded, so a lone dollar sign cannot swallow the abstract), `\(...\)`, `\[...\]`.
const LATEX_MATH = /\$\$[^$]*\$\$|\$[^$\n]{1,300}?\$|\\\([^]*?\\\)|\\\[[^]*?\\\]/g;
// `\emph`, `\times`, `\%`: the command goes, its argument stays without its braces, so that
// `\emph{Gaussian} splatting` still reads as the phrase "gaussian splatting".
const LATEX_COMMAND = /\\(?:[a-zA-Z]+\*?|.)|[{}]/g;
// Full URLs, www. hosts, and bare host/path links such as github.com/org/repo (a dotted name
// directly followed by a slash; anchored at word starts so the regex does not retry every char).
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}\/\S*/gi;
// Unicode hyphen and non-breaking hyphen (NFKC keeps them) spelt as the ASCII hyphen-minus.
const UNICODE_HYPHENS = /[\u2010\u2011]/g;

/** The text of one paper, ready for tokenising: `title + ". " + abstract`, cleaned, lower-cased. */
export function normaliseText(title: string, abstract: string): string {
  let text = `${title}. ${abstract}`.normalize('NFKC');
  // The checks skip regexes that cannot match: most abstracts have no URL and no LaTeX.
  if (text.includes('/') || text.includes('www.')) text = text.replace(URL, BREAK);
  if (text.includes('$') || text.includes('\\')) text = text.replace(LATEX_MATH, BREAK).replace(LATEX_COMMAND, ' ');
  return text.replace(UNICODE_HYPHENS, '-').toLowerCase();
}
