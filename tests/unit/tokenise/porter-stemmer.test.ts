import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../pipeline/tokenise/porter-stemmer.js';
import { createRandom } from '../../../pipeline/prng.js';

// The port must give natural's stem for every word, its quirks included: it replaced natural's in
// word-table.ts for speed, and a stored run's vocabulary was made with natural's stems.
function mismatches(words: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const word of words) if (porterStem(word) !== PorterStemmer.stem(word)) bad.push(`${word}: ${PorterStemmer.stem(word)} ≠ ${porterStem(word)}`);
  return bad;
}

describe('porterStem', () => {
  it('stems as natural does the textbook cases and its quirks', () => {
    const cases = ['caresses', 'ponies', 'ties', 'caress', 'cats', 'feed', 'agreed', 'plastered', 'bled', 'motoring', 'sing', 'conflated',
      'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'filing', 'happy', 'sky', 'relational',
      'conditional', 'rational', 'valenci', 'hesitanci', 'digitizer', 'conformabli', 'radicalli', 'differentli', 'vileli', 'analogousli',
      'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness', 'callousness', 'formaliti', 'sensitiviti',
      'sensibiliti', 'triplicate', 'formative', 'formalize', 'electriciti', 'electrical', 'hopeful', 'goodness', 'revival', 'allowance',
      'inference', 'airliner', 'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption',
      'homologou', 'communism', 'activate', 'angulariti', 'homologous', 'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll',
      'roll', 'syzygy', 'xya', 'yes', 'ayy', 'eed', 'ing', 'ied', 'qwen2.5', 'gpt4o', 'naïve', 'élan', 'transformers', 'llms', 'agentic',
      'reasoning', 'diffusion', 'multimodal', 'embeddings', 'yyy', 'by', 'sses', 'ss', 'a', 'is', 'ion', 'tion', 'sion', 'ation'];
    expect(mismatches(cases)).toEqual([]);
    expect(porterStem('relational')).toBe('relat');
    expect(porterStem('agreed')).toBe('agre');
  });

  it('stems every word of the sample corpus as natural does', () => {
    const text = gunzipSync(readFileSync('data/sample-arxiv.jsonl.gz')).toString('utf8').toLowerCase();
    const words = new Set(text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}.\/]*/gu));
    expect(words.size).toBeGreaterThan(10_000);
    expect(mismatches(words)).toEqual([]);
  });

  it('stems random strings over vowels, y, consonants, digits and accents as natural does', () => {
    const random = createRandom(2026);
    const alphabet = 'aeiouyybcdlnrstwxzgmkpsyeaié1';
    const words = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      let word = '';
      const n = 1 + Math.floor(random() * 12);
      for (let j = 0; j < n; j++) word += alphabet[Math.floor(random() * alphabet.length)];
      words.add(word);
    }
    expect(mismatches(words)).toEqual([]);
  });
});
