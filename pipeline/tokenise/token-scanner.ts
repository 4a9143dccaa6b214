// Owns splitting normalised text into tokens and phrase breaks, over char codes: no string or
// match object per token (a regex plus Map<string> lookups was ~40% of tokenising 75k abstracts).
//
// A token is a run of letters, marks and digits (Unicode L, M, N), joined by an inner hyphen
// ("state-of-the-art", "gpt-4", "text-to-image"), by a dot between digits ("qwen2.5", "gpt-4.5")
// or by a slash before a digit ("vit-b/16"). Any other character that is not white space is a
// phrase break. Not natural's WordTokenizer: it splits on /[^A-Za-zА-Яа-я0-9_]+/, which cuts
// hyphenated terms apart and drops accented letters, and it does not report punctuation.

// Character classes (CLASSES): a token is made of LETTER and DIGIT characters (kind >= LETTER).
export const BREAK = 1;
export const SPACE = 2;
export const LETTER = 3;
export const DIGIT = 4;

const WORD_CHAR = /[\p{L}\p{M}]/u;
const NUMBER_CHAR = /\p{N}/u;
const SPACE_CHAR = /\s/u;

function classify(code: number): number {
  const char = String.fromCharCode(code);
  // Surrogate halves: a character outside the BMP (emoji, rare scripts) is taken as a letter.
  if (code >= 0xd800 && code <= 0xdfff) return LETTER;
  return NUMBER_CHAR.test(char) ? DIGIT : WORD_CHAR.test(char) ? LETTER : SPACE_CHAR.test(char) ? SPACE : BREAK;
}

/**
 * The class of every char code (BREAK, SPACE, LETTER or DIGIT), filled when the module loads
 * (~13 ms): the scans' inner loops read it directly. Classified on first sight behind a function
 * (a check, a call V8 did not inline), scanning the 74.7k corpus's 107M characters took 0.91–1.1 s
 * instead of 0.64–0.68 s.
 */
export const CLASSES: Readonly<Uint8Array> = Uint8Array.from({ length: 65536 }, (_, code) => classify(code));

export const HYPHEN = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;

export class TokenScanner {
  private text = '';
  private position = 0;
  /** The current token is text[start, end). */
  start = 0;
  end = 0;
  /** FNV-1a hash of the current token's char codes. */
  hash = 0;
  /** Whether a phrase break (punctuation) lies between the previous token and this one. */
  brokeBefore = false;

  reset(text: string): void {
    this.text = text;
    this.position = 0;
  }

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const length = text.length;
    let i = this.position;
    let broke = false;
    while (i < length) {
      const kind = CLASSES[text.charCodeAt(i)];
      if (kind >= LETTER) break;
      if (kind === BREAK) broke = true;
      i++;
    }
    if (i >= length) return false;
    this.start = i;
    let hash = 0x811c9dc5;
    let previous = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      const kind = CLASSES[code];
      if (kind < LETTER) {
        const after = i + 1 < length ? CLASSES[text.charCodeAt(i + 1)] : BREAK;
        const joins =
          (code === HYPHEN && after >= LETTER) ||
          (code === DOT && previous === DIGIT && after === DIGIT) ||
          (code === SLASH && after === DIGIT);
        if (!joins) break;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
      previous = kind;
      i++;
    }
    this.end = i;
    this.hash = hash | 0;
    this.brokeBefore = broke;
    this.position = i;
    return true;
  }
}
