// Owns noticing papers that are not in English. The tokeniser, the stop list, the stemmer and the
// labels are English-only: a French or Chinese abstract becomes terms no English paper shares, so
// such papers gather in themes of their own, labelled with their function words, or in none. A run
// says so instead of leaving it to be found in the themes. The test is cheap and coarse: it counts
// function words that are English only and function words of the other Latin-script languages
// (French, German, Spanish, Portuguese, Italian, Dutch) that English does not use. Short words both
// share ("a", "as", "in", "an", "on", "was", "die") count for neither side: counted as English, they
// made a Portuguese, Italian or German abstract look English. A text is "not English" when the
// foreign words outnumber the English ones clearly, when English ones are rare, or when most of its
// letters are not Latin ones.

/**
 * Function words of English that no language of FOREIGN writes as a word of its own. Of the 74.7k
 * arXiv abstracts' words, 22 % are these (median; 1st percentile 14 %, lowest 5.8 %).
 */
const ENGLISH = new Set(['the', 'of', 'and', 'to', 'is', 'for', 'that', 'we', 'with', 'this', 'are', 'by', 'from', 'our',
  'which', 'it', 'can', 'these', 'at', 'not', 'its', 'has', 'have', 'than', 'such', 'be', 'were', 'been', 'their', 'into',
  'while', 'how', 'when', 'where', 'also', 'both', 'between', 'through', 'they', 'what', 'using', 'however', 'them', 'there']);
/**
 * Function words of French, German, Spanish, Portuguese, Italian and Dutch that English abstracts do
 * not use as words. Left out for what they are in English text: "et" and "al" ("et al."), "per",
 * "non" ("non-linear" is two words here), "y" (a variable), "come", "die" (a chip's), "van" and "von"
 * (names), "se", "do", "a", "as", "an", "in", "on", "or", "was", "um", "so", "also".
 */
const FOREIGN = new Set([
  // French
  'de', 'la', 'le', 'les', 'des', 'du', 'une', 'est', 'dans', 'pour', 'sur', 'avec', 'qui', 'nous', 'sont', 'cette', 'ces', 'aux', 'par', 'ou', 'pas', 'leur', 'leurs',
  // German
  'und', 'der', 'das', 'ist', 'nicht', 'mit', 'ein', 'eine', 'einer', 'einen', 'dem', 'den', 'zu', 'sich', 'auf', 'für', 'wird', 'werden', 'wir', 'sind', 'im', 'auch', 'oder', 'dieser', 'diese', 'dieses', 'wurden', 'durch', 'zur', 'zum', 'bei',
  // Portuguese
  'em', 'para', 'com', 'não', 'uma', 'os', 'da', 'dos', 'das', 'ao', 'pelo', 'pela', 'que', 'foi', 'são', 'foram', 'este', 'esta', 'seu', 'sua', 'nos', 'nas', 'mais', 'é',
  // Italian
  'il', 'della', 'delle', 'dei', 'degli', 'di', 'del', 'gli', 'che', 'una', 'sono', 'nel', 'nella', 'con', 'questo', 'questa', 'anche', 'più', 'è', 'stati', 'stato',
  // Spanish
  'el', 'los', 'las', 'en', 'por', 'es', 'lo', 'como', 'más', 'son', 'sus', 'entre', 'sobre', 'también', 'fue', 'han',
  // Dutch
  'het', 'een', 'zijn', 'wordt', 'voor', 'niet', 'dat', 'deze', 'worden', 'naar', 'ook', 'bij', 'tot'
]);
const NOT_LETTERS = /[^\p{L}]+/u;
/** Fewer words than this say too little either way. */
const MIN_WORDS = 12;

/** Function-word counts of a text: how many of its words are ENGLISH ones and how many FOREIGN ones. */
export interface LanguageEvidence { words: number; english: number; foreign: number; letters: number; latin: number }

/** Counts a text's words, its English and foreign function words and its (Latin) letters. */
export function languageEvidence(text: string): LanguageEvidence {
  const evidence = { words: 0, english: 0, foreign: 0, letters: 0, latin: 0 };
  for (const word of text.split(NOT_LETTERS)) {
    if (word === '') continue;
    evidence.words++;
    if (word.length <= 8) {
      const lower = word.toLowerCase();
      if (ENGLISH.has(lower)) evidence.english++;
      // An acronym is no function word: OS, EM, DA, IL, ES in capitals are systems and methods, not Portuguese or Italian.
      else if (FOREIGN.has(lower) && (word.length < 2 || word !== word.toUpperCase())) evidence.foreign++;
    }
    evidence.letters += word.length;
    if (word.charCodeAt(0) < 0x250) evidence.latin += word.length; // Basic Latin to Latin Extended-B
  }
  return evidence;
}

/**
 * Whether `text` (an abstract) looks like something other than English: mostly non-Latin letters;
 * or, from 12 words on, foreign function words at least 3 and more than twice the English ones; or,
 * from 25 words on, English function words under 4 % of the words (a language FOREIGN does not list).
 * Too short a text is given the benefit of the doubt.
 */
export function looksNonEnglish(text: string): boolean {
  const { words, english, foreign, letters, latin } = languageEvidence(text);
  if (letters >= 40 && latin < letters / 2) return true;
  if (words < MIN_WORDS) return false;
  if (foreign >= 3 && foreign > 2 * english) return true;
  return words >= 25 && english < 0.04 * words;
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
