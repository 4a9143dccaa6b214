// Owns how wide a label will be drawn, known before the browser lays it out (server rendering, PNG
// export): per-character advance widths of DejaVu Sans, what system-ui is on Debian and among the
// widest UI fonts, measured in Chromium — so with other fonts a reserved width is never too small;
// and, from those widths, how a label is cut to fit (fitText) or broken into lines (wrapText).

/** Advance widths in em of the printable ASCII characters 32 (space) … 126 (~). */
const ASCII_EM = [
  0.32, 0.4, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.5, 0.84, 0.32, 0.36, 0.32, 0.34, // space … /
  0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.53, // 0 … ?
  1.0, 0.68, 0.69, 0.7, 0.77, 0.63, 0.58, 0.78, 0.75, 0.3, 0.3, 0.66, 0.56, 0.86, 0.75, 0.79, // @ … O
  0.6, 0.79, 0.69, 0.63, 0.61, 0.73, 0.68, 0.99, 0.69, 0.61, 0.69, 0.39, 0.34, 0.39, 0.84, 0.5, // P … _
  0.5, 0.61, 0.63, 0.55, 0.63, 0.62, 0.35, 0.63, 0.63, 0.28, 0.28, 0.58, 0.28, 0.97, 0.63, 0.61, // ` … o
  0.63, 0.63, 0.41, 0.52, 0.39, 0.63, 0.59, 0.82, 0.59, 0.59, 0.53, 0.64, 0.34, 0.64, 0.84 // p … ~
];

/** Other characters: CJK and other wide scripts a full em, the rest (accented letters, dashes) 0.8 em. */
function charEm(code: number): number {
  if (code >= 32 && code <= 126) return ASCII_EM[code - 32];
  return code >= 0x2e80 ? 1 : 0.8;
}

/** Bold DejaVu Sans draws 1.11–1.12x as wide as the regular widths below (measured on chart titles). */
const BOLD = 1.13;

/** Estimated width in px of `text` drawn at `fontSize` px (sum of advances, no kerning). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0)!);
  return em * fontSize * (bold ? BOLD : 1);
}

/** `text` as is when it fits in `maxWidth` px, else its longest start that fits with "…" after it. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (bold) fontSize *= BOLD;
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let width = textWidth('…', fontSize);
  let n = 0;
  while (n < chars.length && width + charEm(chars[n].codePointAt(0)!) * fontSize <= maxWidth) {
    width += charEm(chars[n].codePointAt(0)!) * fontSize;
    n++;
  }
  return chars.slice(0, Math.max(1, n)).join('').trimEnd() + '…';
}

/**
 * `text` broken at spaces into lines no wider than `maxWidth` px (SVG text does not wrap by itself);
 * a single word wider than that is cut with "…" (fitText) rather than drawn past the edge.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => fitText(l, maxWidth, fontSize));
}

/**
 * `text` on one line, or on two where it does not fit in `maxWidth` px (broken at a space; the
 * second line cut with "…" only when two lines cannot hold it). The first of two lines keeps its
 * closing space, so the lines' text together is `text` (a reader or a test reading the element's
 * text gets the whole name).
 */
export function twoLines(text: string, maxWidth: number, fontSize: number): string[] {
  const lines = wrapText(text, maxWidth, fontSize);
  if (lines.length <= 1) return lines;
  return [`${lines[0]} `, fitText(lines.slice(1).join(' '), maxWidth, fontSize)];
}

/**
 * A chart's bold title on as many lines as it takes, up to `maxLines` (the last cut with "…" if it
 * must be): a phone's width cut a theme's name out of "Keywords of “llm agents, agentic syst…".
 */
export function titleLines(title: string, maxWidth: number, fontSize = 15, maxLines = 3): string[] {
  const lines = wrapText(title, maxWidth, fontSize * BOLD);
  return lines.length <= maxLines ? lines : [...lines.slice(0, maxLines - 1), fitText(lines.slice(maxLines - 1).join(' '), maxWidth, fontSize, true)];
}

/**
 * A theme's name in `room` px: whole, else its first phrase and ", …" (a cut between phrases), else
 * as many whole words as fit and "…" ("medical image …", not "medical image segmentatio…"), else
 * (its first word too long) cut with "…" (fitText).
 */
export function fitThemeName(label: string, room: number, fontSize: number): string {
  if (textWidth(label, fontSize) <= room) return label;
  const comma = label.indexOf(',');
  const phrase = comma > 0 ? `${label.slice(0, comma)}, …` : null;
  if (phrase !== null && textWidth(phrase, fontSize) <= room) return phrase;
  const words = label.split(' ');
  for (let n = words.length - 1; n >= 1; n--) {
    const cut = `${words.slice(0, n).join(' ').replace(/,$/, '')} …`;
    if (textWidth(cut, fontSize) <= room) return cut;
  }
  return fitText(label, room, fontSize);
}
