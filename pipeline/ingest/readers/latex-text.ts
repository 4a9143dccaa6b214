// Owns turning BibTeX's LaTeX into plain text: accents ({\"o}, \'{e}, \c c) as Unicode, letters
// (\ss, \o, \ae, \textbackslash), escaped specials (\&, \%, \{, \^{}, \~{}), text commands
// (\emph{x} → x), dashes, ties and the grouping braces. Math ($…$, $$…$$, \(…\), \[…\]) is set aside
// first and left as it is, commands and braces included: the tokeniser drops it
// (tokenise/normalise-text.ts), and the words around stay.

/** Combining marks for the accent commands (the dashboard's tex-display.ts reads text accents by them too). */
export const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331'
};
/** An accent on nothing ("\^{}", "\~{}": how Themescope's export writes a bare ^ and ~) is the character itself. */
const SPACING: Record<string, string> = { '^': '^', '~': '~' };
const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', textendash: '–', textemdash: '—', ldots: '…', dots: '…',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', S: '§', P: '¶',
  copyright: '©', textregistered: '®', texttrademark: '™', euro: '€', pounds: '£', textbackslash: '\\',
  textasciitilde: '~', textasciicircum: '^', textbar: '|', textless: '<', textgreater: '>', LaTeX: 'LaTeX', TeX: 'TeX',
  LaTeXe: 'LaTeX2e', BibTeX: 'BibTeX'
};
// Set aside first, in one left-to-right pass so that "\\" (a line break, kept as written) is one token
// and the backslash after it starts nothing: "\\server" is no command \server, "\\{" no escaped brace.
// Then a brace written as a command (Themescope's BibTeX export writes a lone one so) and the escaped
// specials.
const SET_ASIDE = /\\\\|\\textbrace(left|right)(?![A-Za-z])\s*(?:\{\})?|\\([&%$#_{}])/g;
// \"o, \"{o}, {\"o}, \'\i, \c{c}, \v s: an accent command, then its letter (braced or not, or \i / \j).
const ACCENT = /\\(["'`^~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*(\\[ij]|[A-Za-z]?)\s*\}|(\\[ij]|[A-Za-z]))/g;
const LETTER = /\\([A-Za-z]+)(?![A-Za-z])\s*(?:\{\})?/g;
// Math, once escaped dollars are set aside: $$…$$, $…$, \(…\), \[…\].
const MATH = /\$\$[\s\S]*?\$\$|\$[^$]*\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g;
// Text commands keep their argument (no nesting inside it is needed: braces go last anyway).
const TEXT_COMMAND = /\\(?:emph|textbf|textit|texttt|textsc|textsf|textrm|textup|textsl|textmd|textnormal|mbox|hbox|text|uppercase|lowercase|MakeUppercase|MakeLowercase|url|href\{[^}]*\})\s*\{/g;
// Commands whose argument is not text (citations, labels): gone with it.
const DROPPED = /\\(?:cite[a-z]*|ref|eqref|label|footnote|thanks|index)\*?\s*(?:\[[^\]]*\])?\s*\{[^}]*\}/g;

/** Plain text of a BibTeX field value (its outer braces or quotes already removed). */
export function latexToText(value: string): string {
  // The fast path skips only values that no rule below changes (LaTeX's quotes `` '' included, so they
  // read as " whether or not the value also holds a command).
  if (!/[\\{~]|--|``|''/.test(value)) return value;
  const escaped: string[] = [];
  // Escaped specials are set aside first, so that their braces survive the brace removal.
  let text = value.replace(SET_ASIDE, (m, side?: string, special?: string) => {
    const kept = side !== undefined ? (side === 'left' ? '{' : '}') : special ?? m;
    return `\u0000${escaped.push(kept) - 1}\u0000`;
  });
  // Then math, untouched by the rules below (\alpha in $\alpha$ is no text command).
  const math: string[] = [];
  text = text.replace(MATH, (m) => `\u0001${math.push(m) - 1}\u0001`);
  // A control space ("et al.\ results"): a backslash after an even number of them (not the second of "\\", a line break).
  text = text.replace(/(?<!\\)((?:\\\\)*)\\ /g, '$1 ');
  // Ties and dashes before the commands, so that \textasciitilde's "~" stays a tilde.
  text = text.replace(DROPPED, '').replace(TEXT_COMMAND, '{')
    .replace(/(?<!\\)~/g, ' ').replace(/---/g, '—').replace(/--/g, '–')
    .replace(ACCENT, (_m, accent: string, braced?: string, bare?: string) => {
      const letter = (braced ?? bare ?? '').replace('\\i', 'i').replace('\\j', 'j');
      return letter === '' ? (SPACING[accent] ?? ACCENTS[accent]) : letter + ACCENTS[accent];
    })
    .replace(LETTER, (_m, name: string) => LETTERS[name] ?? '') // other commands (\LaTeX, \mathcal) go
    .replace(/``|''/g, '"')
    .replace(/[{}]/g, '');
  text = text.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => math[Number(i)]).replace(/\u0000(\d+)\u0000/g, (_m, i: string) => escaped[Number(i)]);
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Whether `\name` followed by `after` is LaTeX markup this reader reads (so a writer keeps it as a
 * command): a letter or word it knows (\ss, \LaTeX, \textbackslash), an accent command on a letter
 * (\c c, \v{s}), or any command with a braced argument (\emph{x}, \cite{k}, \underline{x}: the
 * argument is kept or the whole dropped). Anything else (C:\new, \alpha written in text, \ours) is
 * read as nothing, so a literal backslash there must be written \textbackslash{} to survive.
 */
export function readsAsCommand(name: string, after: string): boolean {
  if (Object.hasOwn(LETTERS, name)) return true;
  if (/^[uvHckrdb]$/.test(name) && /^[\s{]/.test(after)) return true;
  return /^\s*\{/.test(after);
}
