// Owns completing a phrase cut at the vocabulary's longest length: with --ngram-max 3 the vocabulary
// holds "multimodal large language" but not the "multimodal large language models" its papers
// write, so a label read "multimodal large language" (the 74.7k arXiv run's theme 8) and a burst
// "masked diffusion language". A phrase of that length whose papers follow it with one word in
// nearly every use is written with that word ("… models"); the term itself, its key and its
// weights, do not change. Shorter phrases are left as they are: their longer form is a term of its
// own, which the keywords and labels already weigh.
import { inflectionStem } from '../tokenise/porter-stemmer.js';
import { STOP_WORDS } from '../tokenise/stop-words.js';

/** Papers read per phrase (those of the group that hold it). */
export const COMPLETION_SAMPLE = 20;
/** Words a phrase may be continued by, one after the other. */
export const MAX_COMPLETION_WORDS = 2;
/** Uses of the phrase the next word must follow, at least … */
export const COMPLETION_MIN_USES = 4;
/** … and this share of them (a phrase used otherwise too stays as it is). */
export const COMPLETION_SHARE = 0.75;

/** A text as completePhrase reads it: lower case, each run of white space one space (done once per paper, not per phrase). */
export function phraseText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

const WORD_CHAR = /[\p{L}\p{N}-]/u;
const NEXT_WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/uy;

/**
 * `surface` followed by the word that follows it in at least COMPLETION_SHARE of its uses in
 * `texts` (phraseText of each paper's text; COMPLETION_MIN_USES uses or more), in its most written
 * form, lower-case as the vocabulary's surfaces are; null when no word does. Words are compared by
 * inflection ("model" and "models" are one), and a stop word ("for", "by") never completes a
 * phrase: "agents powered by" is no name. Words as the tokeniser reads them: a hyphen joins a word
 * ("large-language" is no "large language"). Found with indexOf, not a pattern per phrase: 40
 * themes' phrases in 20 papers each cost a third of a second with one.
 */
export function completePhrase(surface: string, texts: Iterable<string>): string | null {
  const phrase = surface.split(/\s+/).filter((w) => w !== '').join(' ') + ' ';
  if (phrase === ' ') return null;
  const byKey = new Map<string, Map<string, number>>();
  let uses = 0;
  for (const text of texts) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      if (at > 0 && WORD_CHAR.test(text[at - 1])) continue;
      uses++;
      NEXT_WORD.lastIndex = at + phrase.length;
      const found = NEXT_WORD.exec(text);
      if (found === null) continue;
      const next = found[0].replace(/['-]+$/, '');
      if (STOP_WORDS.has(next) || !/\p{L}/u.test(next)) continue;
      const key = inflectionStem(next);
      let forms = byKey.get(key);
      if (forms === undefined) byKey.set(key, (forms = new Map()));
      forms.set(next, (forms.get(next) ?? 0) + 1);
    }
  }
  if (uses < COMPLETION_MIN_USES) return null;
  for (const forms of byKey.values()) {
    let total = 0;
    let best: [string, number] = ['', 0];
    for (const [form, n] of forms) {
      total += n;
      if (n > best[1] || (n === best[1] && form < best[0])) best = [form, n];
    }
    if (total >= COMPLETION_SHARE * uses) return `${surface} ${best[0]}`;
  }
  return null;
}

/** How many words a surface has ("multi-modal large language": 3, as the tokeniser counts them). */
export function wordCount(surface: string): number {
  return surface.split(/\s+/).filter((w) => w !== '').length;
}
