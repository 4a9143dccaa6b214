// Owns how a label's words are written: the vocabulary is lower-cased (tokenise/), so labels read
// "reward, cot", "diffusion models, fid", "vlms". A word that its papers write as an acronym or with a
// capital inside ("CoT", "FID", "VLMs", "LoRA", "3D") is written so, from the words of a few of the
// group's papers that hold each keyword (label/index.ts). A word its papers only capitalise ("Diffusion" at a sentence's start, "Gaussian")
// stays lower-case: a capital first letter says nothing about the word.

/** Papers read per keyword of a group (those that hold it): enough for its usual form, cheap for 40 themes of 12 keywords. */
export const CASING_SAMPLE = 12;

/**
 * Per lower-case word of `texts` (of `words` only, when given), its written form where one form with a
 * capital after its first character ("CoT", "LLMs", "FID", "3D") is at least half of the word's
 * occurrences and seen twice.
 */
export function wordCasing(texts: Iterable<string>, words?: ReadonlySet<string>): Map<string, string> {
  const forms = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const [word] of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const lower = word.toLowerCase();
      // Only the words asked about (a label's keywords' words) are counted.
      if (words !== undefined && !words.has(lower)) continue;
      let counts = forms.get(lower);
      if (counts === undefined) forms.set(lower, (counts = new Map()));
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const [lower, counts] of forms) {
    let total = 0;
    let best: [string, number] = ['', 0];
    for (const [form, n] of counts) {
      total += n;
      if (n > best[1] || (n === best[1] && form < best[0])) best = [form, n];
    }
    const [form, n] = best;
    if (form !== lower && n >= 2 && 2 * n >= total && /\p{Lu}/u.test(form.slice(1))) out.set(lower, form);
  }
  return out;
}

/** `surface` ("llm agents", "vision-language models") with each word in its written form from `casing`. */
export function applyCasing(surface: string, casing: ReadonlyMap<string, string>): string {
  if (casing.size === 0) return surface;
  return surface.replace(/[\p{L}\p{N}]+/gu, (word) => casing.get(word) ?? word);
}

/** The lower-case words of `surfaces` ("llm agents", "vision-language models"): what wordCasing need count. */
export function surfaceWords(surfaces: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const surface of surfaces) for (const [word] of surface.matchAll(/[\p{L}\p{N}]+/gu)) out.add(word.toLowerCase());
  return out;
}
