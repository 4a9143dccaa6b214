// Owns stemming a word: natural's Porter stemmer (natural 8.1.1, lib/natural/stemmers/porter_stemmer.js),
// step for step, with its string helpers done over char codes instead of chains of regex
// replacements. Same stems as natural's, quirks included (tests/unit/tokenise/porter-stemmer.test.ts
// compares every word of the sample corpus and a million random letter strings); ~10× faster, which
// matters where every distinct word is stemmed: the tokenise stage (hundreds of thousands of words)
// and each `npm run assign` (~90k words for 14k papers, 0.55 s with natural's).
//
// natural's code is Copyright (c) 2011, Chris Umbel, under the MIT licence:
// Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
// associated documentation files (the "Software"), to deal in the Software without restriction,
// including without limitation the rights to use, copy, modify, merge, publish, distribute,
// sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions: The above copyright notice and this
// permission notice shall be included in all copies or substantial portions of the Software.
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
// NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
// NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
// DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
// OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

const A = 0x61, E = 0x65, I = 0x69, O = 0x6f, U = 0x75, Y = 0x79;

/** [aeiou] */
function isVowel(code: number): boolean {
  return code === A || code === E || code === I || code === O || code === U;
}

/**
 * natural's categorizeGroups, summarised: the token's groups are
 *   replace(/[^aeiouy]+y/g, 'CV') → replace(/[aeiou]+/g, 'V') → replace(/[^V]+/g, 'C')
 * i.e. a run of [^aeiouy] followed by "y" is "CV" (the y taken), a run of [aeiou] is "V", and any
 * other characters between V's make one "C"; V's are never merged ("xya" is "CVV"). Reported as the
 * number of groups, how many are V, whether the first is C and whether the last is V. One shared
 * object: read it before the next call.
 */
interface Groups { length: number; vowels: number; firstC: boolean; lastV: boolean }
const groups: Groups = { length: 0, vowels: 0, firstC: false, lastV: false };

function categorizeGroups(token: string, end = token.length): Groups {
  let length = 0;
  let vowels = 0;
  let firstC = false;
  let lastV = false; // the last group so far is V (else C, or none yet)
  let i = 0;
  while (i < end) {
    const c = token.charCodeAt(i);
    if (isVowel(c)) {
      while (i < end && isVowel(token.charCodeAt(i))) i++;
      length++;
      vowels++;
      lastV = true;
      continue;
    }
    // A y no consonant run took is an ordinary non-V character; else a run of [^aeiouy].
    if (c === Y) i++;
    else while (i < end && !isVowel(token.charCodeAt(i)) && token.charCodeAt(i) !== Y) i++;
    if (length === 0) firstC = true;
    if (length === 0 || lastV) length++; // else merged into the C before it
    lastV = false;
    if (c !== Y && i < end && token.charCodeAt(i) === Y) {
      i++;
      length++;
      vowels++;
      lastV = true;
    }
  }
  groups.length = length;
  groups.vowels = vowels;
  groups.firstC = firstC;
  groups.lastV = lastV;
  return groups;
}

/**
 * natural's measure: categorizeGroups(token).replace(/^C/, '').replace(/V$/, '').length / 2, and
 * -1 for an empty or null token (a half is possible: "CVV" measures 1). `end`: of token.slice(0, end).
 */
function measure(token: string | null, end = token?.length ?? 0): number {
  if (!token || end === 0) return -1;
  const g = categorizeGroups(token, end);
  let length = g.length;
  if (g.firstC) length--;
  if (length > 0 && g.lastV) length--;
  return length / 2;
}

/**
 * natural's categorizeChars(token).substr(from, 3) === 'CVC' (from < 0: from the end): per
 * character, V for [aeiou] and for a y right after a [^aeiouy] character (such pairs taken left to
 * right without overlap), else C.
 */
function charsAreCVC(token: string, from: number): boolean {
  const n = token.length;
  const start = Math.max(0, n + from);
  if (start + 3 > n) return false;
  let vBits = 0; // bit j: character start + j is V
  const mark = (i: number) => {
    if (i >= start) vBits |= 1 << (i - start);
  };
  for (let i = 0; i < start + 3; i++) {
    const c = token.charCodeAt(i);
    if (isVowel(c)) mark(i);
    else if (c !== Y && i + 1 < n && token.charCodeAt(i + 1) === Y) mark(++i);
  }
  return (vBits & 0b111) === 0b010;
}

/** natural's endsWithDoublCons: /([^aeiou])\1$/. */
function endsWithDoubleConsonant(token: string): boolean {
  const n = token.length;
  if (n < 2) return false;
  const last = token.charCodeAt(n - 1);
  return last === token.charCodeAt(n - 2) && !isVowel(last);
}

/** A rule of natural's attemptReplacePatterns: a token ending in `suffix` gets `replace` instead. */
interface Rule { suffix: string; replace: string; last: number }
const rules = (list: [string, string][]): Rule[] => list.map(([suffix, replace]) => ({ suffix, replace, last: suffix.charCodeAt(suffix.length - 1) }));

/**
 * natural's attemptReplacePatterns over string patterns (its rules [suffix, '', replace]): each rule
 * in turn, when `token` without `suffix` measures more than `threshold` (null: no test), replaces
 * `suffix` by `replace` at the end of the result so far (its attemptReplace: only at the very end,
 * and an empty result changes nothing).
 */
function replaceSuffixes(token: string, list: readonly Rule[], threshold: number | null): string {
  let replacement = token;
  const n = token.length;
  const last = token.charCodeAt(n - 1);
  for (let r = 0; r < list.length; r++) {
    const { suffix, replace } = list[r];
    if (threshold !== null) {
      // The test replaces in `token`: with another ending it is null, whose measure is -1.
      if (list[r].last !== last || !token.endsWith(suffix) || !(measure(token, n - suffix.length) > threshold)) continue;
    }
    if (replacement.endsWith(suffix)) {
      const result = replacement.slice(0, replacement.length - suffix.length) + replace;
      if (result) replacement = result;
    }
  }
  return replacement;
}

function step1a(token: string): string {
  if (token.endsWith('sses')) return token.slice(0, -2); // /(ss|i)es$/ → '$1'
  if (token.endsWith('ies')) return token.slice(0, -2);
  const n = token.length;
  if (token.charCodeAt(n - 1) === 0x73 && token.charCodeAt(n - 2) !== 0x73 && n > 2) return token.slice(0, -1);
  return token;
}

const STEP1B_ENDINGS = rules([['at', 'ate'], ['bl', 'ble'], ['iz', 'ize']]);

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    if (measure(token, token.length - 3) > 0) return token.slice(0, -1); // eed → ee
    return token;
  }
  // /(ed|ing)$/ → ''
  const cut = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0;
  if (cut === 0) return token;
  const stem = token.slice(0, token.length - cut);
  if (!stem) return token; // natural: an empty result is no replacement
  if (categorizeGroups(stem).vowels === 0) return token;
  const result = replaceSuffixes(stem, STEP1B_ENDINGS, null);
  if (result !== stem) return result;
  const last = stem.charCodeAt(stem.length - 1);
  if (endsWithDoubleConsonant(stem) && last !== 0x6c && last !== 0x73 && last !== 0x7a) return stem.slice(0, -1);
  if (measure(stem) === 1 && charsAreCVC(stem, -3) && last !== 0x77 && last !== 0x78 && last !== Y) return `${stem}e`;
  return stem;
}

function step1c(token: string): string {
  const n = token.length;
  if (token.charCodeAt(n - 1) !== Y) return token;
  // categorizeGroups(token) without its last group has a V.
  const g = categorizeGroups(token);
  return g.vowels - (g.lastV ? 1 : 0) > 0 ? `${token.slice(0, -1)}i` : token;
}

const STEP2 = rules([['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'],
  ['izer', 'ize'], ['abli', 'able'], ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'],
  ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'],
  ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log']]);

const STEP3 = rules([['icate', 'ic'], ['ative', ''], ['alize', 'al'],
  ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']]);

const STEP4_SUFFIX = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const STEP4_ION = /^(.+?)(s|t)(ion)$/;

function step4(token: string): string {
  let parts = STEP4_SUFFIX.exec(token);
  if (parts !== null && measure(parts[1]) > 1) return parts[1];
  parts = STEP4_ION.exec(token);
  if (parts !== null && measure(parts[1] + parts[2]) > 1) return parts[1] + parts[2];
  return token;
}

function step5a(token: string): string {
  const withoutE = token.charCodeAt(token.length - 1) === E ? token.slice(0, -1) : token;
  const m = measure(withoutE);
  if (m > 1 || (m === 1 && !(charsAreCVC(token, -4) && token.length >= 2 && !isWxy(token.charCodeAt(token.length - 2))))) return withoutE;
  return token;
}

function isWxy(code: number): boolean {
  return code === 0x77 || code === 0x78 || code === Y;
}

function step5b(token: string): string {
  if (measure(token) > 1 && token.endsWith('ll')) return token.slice(0, -1);
  return token;
}

/** natural's PorterStemmer.stem. */
export function porterStem(token: string): string {
  if (token.length < 3) return token;
  return step5b(step5a(step4(replaceSuffixes(replaceSuffixes(step1c(step1b(step1a(token.toLowerCase()))), STEP2, 0), STEP3, 0))));
}

/**
 * The Porter steps that undo inflection only — plural (1a), past and gerund (1b), final y (1c), a
 * final e (5a: "merge" meets "merging" at "merg") and a doubled final l (5b: "modelling" →
 * "model") — not derivation (steps 2–4), so "transformers" → "transformer", not "transform" as
 * "transformation" and "transform" are too; "generative", "generation" and "general" stay three words
 * (full Porter makes them all "gener"). Search keys (search-tokens.ts): a search for "transformers"
 * found 10,432 papers of the 74.7k run, 6,498 of them with the word.
 */
export function inflectionStem(token: string): string {
  if (token.length < 3) return token;
  return step5b(step5a(step1c(step1b(step1a(token.toLowerCase())))));
}
