// Owns turning one theme's c-TF-IDF weights into keywords and a short readable label.

export interface Keyword {
  /** Index into the vocabulary. */
  term: number;
  weight: number;
}

/** A longer term absorbs a shorter one inside it when it keeps at least this share of its weight. */
export const ABSORB_SHARE = 0.5;
/** Phrases this far below the top keyword are not preferred over single words in a label. */
export const PHRASE_MIN_SHARE = 0.2;
/**
 * Keywords a label is chosen from. Five, not six: at k = 40 on 74,728 arXiv cs papers the sixth was
 * sometimes a narrow phrase that the phrase preference put first ("linear codes, antenna" for a
 * wireless theme whose top five are antenna, wireless, mimo, beamforming, isac).
 */
export const LABEL_POOL = 5;

const wordsOf = (key: string): number => key.split(' ').length;
const contains = (longer: string, shorter: string): boolean => ` ${longer} `.includes(` ${shorter} `);

/**
 * The top `count` terms by weight (ties to the lower term index), without redundant ones: a term is
 * dropped when a longer term among the candidates contains its words in sequence and has at least
 * ABSORB_SHARE of its weight — most of its uses are inside that phrase ("splatting" inside
 * "gaussian splatting"), so it adds nothing to the list.
 */
export function pickKeywords(weights: Float64Array, keys: string[], count: number): Keyword[] {
  const pool: Keyword[] = [];
  const size = count * 3 + 10;
  for (let t = 0; t < weights.length; t++) {
    if (weights[t] > 0) insertRanked(pool, { term: t, weight: weights[t] }, size);
  }
  const kept = pool.filter(({ term, weight }) => !pool.some((other) =>
    wordsOf(keys[other.term]) > wordsOf(keys[term]) && contains(keys[other.term], keys[term]) && other.weight >= ABSORB_SHARE * weight));
  return kept.slice(0, count);
}

/** Keeps `pool` sorted by weight desc (ties: lower term first) and at most `size` long. */
function insertRanked(pool: Keyword[], item: Keyword, size: number): void {
  if (pool.length === size && item.weight <= pool[size - 1].weight) return;
  let at = pool.length;
  while (at > 0 && pool[at - 1].weight < item.weight) at--;
  pool.splice(at, 0, item);
  if (pool.length > size) pool.pop();
}

/**
 * Label parts: among the first LABEL_POOL keywords, up to two phrases (several words, or a
 * hyphenated compound) weighing at least PHRASE_MIN_SHARE of the top keyword, best first, then
 * single words to make two parts. Never a part that repeats one already taken (one contains the
 * other), nor an acronym whose expansion is among the keywords ("vlms" beside "vision-language
 * models"). "gaussian splatting, 3d reconstruction" reads as a research theme; "model, learning"
 * would not.
 */
export function pickLabelParts(keywords: Keyword[], keys: string[], surfaces: string[]): number[] {
  const pool = keywords.slice(0, LABEL_POOL).filter((kw) =>
    !keywords.some((other) => isAcronymOf(surfaces[kw.term], surfaces[other.term])));
  const top = keywords[0]?.weight ?? 0;
  const isPhrase = (kw: Keyword) => /[\s-]/.test(surfaces[kw.term]);
  const phrases = pool.filter((kw) => isPhrase(kw) && kw.weight >= PHRASE_MIN_SHARE * top);
  const parts: number[] = [];
  for (const kw of [...phrases.slice(0, 2), ...pool.filter((kw) => !isPhrase(kw))]) {
    if (parts.length < 2 && !parts.some((p) => repeats(keys[p], keys[kw.term]))) parts.push(kw.term);
  }
  return parts;
}

/**
 * Whether two label parts (keys) say the same thing: one contains the other's words in sequence, a
 * word of one abbreviates the other ("ai systems" and "artificial intelligence", "rag systems" and
 * "retrieval-augmented generation"), or they share more than half of the shorter one's words
 * ("multimodal large language" and "large language models"; but "image editing" and "video
 * editing" are two parts). A hyphen counts as a space ("vision-language models" and "vision language
 * models"), and a stem of five letters or more is the same word as one that extends it ("anomal" of
 * anomalous and "anomali" of anomaly, which Porter leaves apart).
 */
export function repeats(keyA: string, keyB: string): boolean {
  const [a, b] = [keyA.replaceAll('-', ' '), keyB.replaceAll('-', ' ')];
  if (contains(a, b) || contains(b, a) || abbreviates(keyA, keyB) || abbreviates(keyB, keyA)) return true;
  const wordsA = [...new Set(a.split(' '))];
  const wordsB = b.split(' ');
  const shared = wordsB.filter((w) => wordsA.some((v) => sameWord(v, w))).length;
  return shared * 2 > Math.min(wordsA.length, wordsB.length);
}

const sameWord = (v: string, w: string): boolean =>
  v === w || (Math.min(v.length, w.length) >= 5 && (v.startsWith(w) || w.startsWith(v)));

const abbreviates = (part: string, other: string): boolean => part.split(' ').some((word) => isAcronymOf(word, other));

/**
 * Whether `word` abbreviates `phrase`: as is or with a plural "s" dropped, it starts with the
 * phrase's initials and has at most one more letter (phrases are cut at three words, so "mllm" abbreviates
 * "multimodal large language"). A word's initial is its first letter, or its leading digits and
 * the letter after them ("3dgs" → "3d gaussian splatting").
 */
export function isAcronymOf(word: string, phrase: string): boolean {
  const words = phrase.split(/[\s-]+/).filter(Boolean);
  if (words.length < 2 || /[\s-]/.test(word)) return false;
  const initials = words.map((w) => /^\d*./.exec(w)?.[0] ?? '').join('');
  const forms = word.endsWith('s') ? [word, word.slice(0, -1)] : [word];
  return forms.some((form) => form.startsWith(initials) && form.length - initials.length <= 1);
}
