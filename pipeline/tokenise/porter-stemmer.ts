// Owns the Porter stem of a word: natural's PorterStemmer.stem (natural/lib/natural/stemmers/
// porter_stemmer.js), step for step and quirk for quirk, with its regular expressions replaced by
// character tests. natural builds a few strings and regexes per suffix it tries (~5 µs a word,
// most of tokenising a new corpus's words); this is several times faster and gives the same stem
// for every word (tests/unit/tokenise/porter-stemmer.test.ts compares them on every word of the
// shipped sample and of WordNet). Words with characters outside printable ASCII go to natural's
// own function, so the exotic cases (line terminators, which its `.` does not match, and
// case mappings beyond ASCII) stay exactly natural's.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117; // a e i o u
const Y = 121;

// natural's categorizeGroups: /[^aeiouy]+y/g → "CV", then /[aeiou]+/g → "V", then /[^V]+/g → "C".
// A maximal run of characters other than a, e, i, o, u, y directly followed by "y" becomes "CV"; a
// run of vowels becomes "V" (an inserted "V" and a vowel run after it stay two); runs of anything
// else (an inserted "C" included) become one "C". Only what the steps ask of that string is kept,
// in these variables, so no string is built: its length, first and last symbol, and its V count.
let groupLength = 0;
let groupFirstC = false;
let groupLastV = false;
let groupVs = 0;

function emitV(): void {
  if (groupLength === 0) groupFirstC = false;
  groupLength++;
  groupVs++;
  groupLastV = true;
}

function emitC(): void {
  if (groupLength > 0 && !groupLastV) return; // joins the C before it
  if (groupLength === 0) groupFirstC = true;
  groupLength++;
  groupLastV = false;
}

/** The groups of token[0, n). */
function categorizeGroups(token: string, n: number): void {
  groupLength = groupVs = 0;
  groupFirstC = groupLastV = false;
  let i = 0;
  while (i < n) {
    const c = token.charCodeAt(i);
    if (isVowel(c)) {
      while (i < n && isVowel(token.charCodeAt(i))) i++;
      emitV();
      continue;
    }
    if (c === Y) { // a "y" that closes no run
      emitC();
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isVowel(token.charCodeAt(j)) && token.charCodeAt(j) !== Y) j++;
    emitC();
    if (j < n) {
      if (token.charCodeAt(j) === Y) {
        emitV();
        j++;
      }
    }
    i = j;
  }
}

/** natural's categorizeChars at position i: V for a vowel or for a "y" right after a character other than a, e, i, o, u, y. */
function charIsV(token: string, i: number): boolean {
  const c = token.charCodeAt(i);
  if (isVowel(c)) return true;
  if (c !== Y || i === 0) return false;
  const previous = token.charCodeAt(i - 1);
  return !isVowel(previous) && previous !== Y;
}

/** categorizeChars(token[0, n)).substr(from, 3) === 'CVC' (from ≥ 0, three characters there). */
function cvcAt(token: string, n: number, from: number): boolean {
  return from >= 0 && from + 3 <= n && !charIsV(token, from) && charIsV(token, from + 1) && !charIsV(token, from + 2);
}

/** natural's measure of token[0, n): -1 for an empty token, else the VC pairs of its groups (which can be a half). */
function measureOf(token: string, n: number): number {
  if (n === 0) return -1;
  categorizeGroups(token, n);
  let length = groupLength;
  if (groupFirstC) length--; // replace(/^C/, '')
  if (length > 0 && groupLastV) length--; // replace(/V$/, '')
  return length / 2;
}

function measure(token: string | null): number {
  return token === null ? -1 : measureOf(token, token.length);
}

/** /([^aeiou])\1$/: the last two characters are the same non-vowel. */
function endsWithDoubleConsonant(token: string): boolean {
  const n = token.length;
  return n >= 2 && token.charCodeAt(n - 1) === token.charCodeAt(n - 2) && !isVowel(token.charCodeAt(n - 1));
}

/** natural's attemptReplace with a string pattern: the suffix replaced, or null when the token does not end with it. */
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  return token.endsWith(suffix) ? token.slice(0, token.length - suffix.length) + replacement : null;
}

/**
 * natural's attemptReplacePatterns: each pattern whose removal from the token leaves a measure
 * above the threshold (any, for null) is applied to the result so far.
 */
function replacePatterns(token: string, replacements: readonly (readonly [string, string])[], measureThreshold: number | null): string {
  let replacement = token;
  const last = token.charCodeAt(token.length - 1);
  for (let r = 0; r < replacements.length; r++) {
    const [suffix, by] = replacements[r];
    if (measureThreshold !== null) {
      // The last character first: most patterns fail there, before endsWith.
      if (suffix.charCodeAt(suffix.length - 1) !== last || !token.endsWith(suffix)) continue;
      if (!(measureOf(token, token.length - suffix.length) > measureThreshold)) continue;
    }
    replacement = replaceSuffix(replacement, suffix, by) || replacement;
  }
  return replacement || token;
}

function step1a(token: string): string {
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (token.endsWith('ies')) return token.slice(0, -2);
  const n = token.length;
  if (token.charCodeAt(n - 1) === 115 && token.substr(-2, 1) !== 's' && n > 2) return token.slice(0, -1);
  return token;
}

const STEP1B: readonly (readonly [string, string])[] = [['at', 'ate'], ['bl', 'ble'], ['iz', 'ize']];

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    if (measure(token.slice(0, token.length - 3)) > 0) return token.slice(0, -1);
    return token;
  }
  const stripped = token.endsWith('ed') ? token.slice(0, -2) : token.endsWith('ing') ? token.slice(0, -3) : null;
  // natural calls its callback only for a non-empty result.
  if (!stripped) return token;
  categorizeGroups(stripped, stripped.length);
  if (groupVs === 0) return token;
  const result = replacePatterns(stripped, STEP1B, null);
  if (result !== stripped) return result;
  const last = stripped.charCodeAt(stripped.length - 1);
  if (endsWithDoubleConsonant(stripped) && last !== 108 && last !== 115 && last !== 122) return stripped.slice(0, -1); // not l, s, z
  if (measure(stripped) === 1 && cvcAt(stripped, stripped.length, stripped.length - 3) && last !== 119 && last !== 120 && last !== Y) {
    return stripped + 'e';
  }
  return stripped;
}

function step1c(token: string): string {
  if (!token.endsWith('y')) return token;
  categorizeGroups(token, token.length);
  // A V among the groups but the last.
  if (groupVs - (groupLastV ? 1 : 0) > 0) return token.slice(0, -1) + 'i';
  return token;
}

const STEP2: readonly (readonly [string, string])[] = [['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'],
  ['izer', 'ize'], ['abli', 'able'], ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'],
  ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'],
  ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log']];

const STEP3: readonly (readonly [string, string])[] = [['icate', 'ic'], ['ative', ''], ['alize', 'al'],
  ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];

/** Step 4's first pattern's endings; the lazy /^(.+?)(…)$/ strips the longest one that leaves a character. */
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize']
  .sort((a, b) => b.length - a.length);

function step4(token: string): string {
  let first = '';
  const last = token.charCodeAt(token.length - 1);
  for (let e = 0; e < STEP4.length; e++) {
    const ending = STEP4[e];
    if (ending.charCodeAt(ending.length - 1) === last && token.length > ending.length && token.endsWith(ending)) {
      first = token.slice(0, token.length - ending.length);
      break;
    }
  }
  if (first !== '' && measureOf(first, first.length) > 1) return first;
  // /^(.+?)(s|t)(ion)$/ keeps parts 1 and 2: the token without "ion".
  const second = token.length > 4 && (token.endsWith('sion') || token.endsWith('tion')) ? token.slice(0, -3) : '';
  if (second !== '' && measureOf(second, second.length) > 1) return second;
  return token;
}

function step5a(token: string): string {
  const e = token.endsWith('e');
  const m = measureOf(token, e ? token.length - 1 : token.length);
  // /[^wxy].$/: the character before the last is not w, x or y.
  const beforeLast = token.length >= 2 ? token.charCodeAt(token.length - 2) : -1;
  const cvc = cvcAt(token, token.length, Math.max(0, token.length - 4)) && beforeLast >= 0 && beforeLast !== 119 && beforeLast !== 120 && beforeLast !== Y;
  if ((m > 1 || (m === 1 && !cvc)) && e) return token.slice(0, -1);
  return token;
}

function step5b(token: string): string {
  if (measure(token) > 1 && token.endsWith('ll')) return token.slice(0, -1);
  return token;
}

/** Printable ASCII without upper case: the characters this file's tests are exact for. */
function plainAscii(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** The Porter stem of `token`, exactly as natural's PorterStemmer.stem gives it. */
export function porterStem(token: string): string {
  if (!plainAscii(token)) return PorterStemmer.stem(token);
  if (token.length < 3) return token;
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1c(step1b(step1a(token))), STEP2, 0), STEP3, 0))));
}
