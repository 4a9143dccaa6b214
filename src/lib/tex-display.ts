// Owns how LaTeX in a paper's title or abstract is shown: math ($…$, $$…$$, \(…\)) as Unicode text
// ("DS$^2$Net" → "DS²Net", "$\mathcal{O}(n^2)$" → "𝒪(n²)", "$7 \times 6$" → "7 × 6") and the text
// commands around it (\textbf{x} → x, \% → %, \"u → ü). arXiv titles and abstracts are LaTeX source:
// 0.6% of the 74.7k corpus's titles and 7% of its abstracts hold math. Only what the pages show changes:
// the stored text, the search index and the exports keep what the input said. A command this does not
// know (an author's own macro) is shown as written, backslash and all.
import { ACCENTS as TEXT_ACCENTS } from '../../pipeline/ingest/readers/latex-text.js';

/** Math's letters and symbols, by command name. */
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ',
  varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ',
  Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  times: '×', div: '÷', pm: '±', mp: '∓', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', vdots: '⋮', ddots: '⋱', ast: '∗', star: '⋆',
  bigstar: '★', circ: '∘', bullet: '•', dagger: '†', ddagger: '‡', oplus: '⊕', ominus: '⊖', otimes: '⊗', oslash: '⊘', odot: '⊙',
  sim: '∼', simeq: '≃', approx: '≈', cong: '≅', equiv: '≡', propto: '∝', neq: '≠', ne: '≠', le: '≤', leq: '≤', ge: '≥', geq: '≥',
  ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳', prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰', in: '∈', notin: '∉', ni: '∋',
  subset: '⊂', supset: '⊃', subseteq: '⊆', supseteq: '⊇', cup: '∪', cap: '∩', setminus: '∖', emptyset: '∅', varnothing: '∅',
  forall: '∀', exists: '∃', neg: '¬', lnot: '¬', land: '∧', wedge: '∧', lor: '∨', vee: '∨', top: '⊤', bot: '⊥', perp: '⊥',
  mid: '|', vert: '|', Vert: '‖', parallel: '∥', infty: '∞', partial: '∂', nabla: '∇', ell: 'ℓ', hbar: 'ℏ', Re: 'ℜ', Im: 'ℑ',
  aleph: 'ℵ', wp: '℘', sum: '∑', prod: '∏', coprod: '∐', int: '∫', oint: '∮', bigcup: '⋃', bigcap: '⋂', bigoplus: '⨁', bigotimes: '⨂',
  to: '→', rightarrow: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐', Leftrightarrow: '⇔',
  implies: '⟹', iff: '⟺', longrightarrow: '⟶', longleftarrow: '⟵', mapsto: '↦', uparrow: '↑', downarrow: '↓', nrightarrow: '↛',
  hookrightarrow: '↪', rightleftharpoons: '⇌', langle: '⟨', rangle: '⟩', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋',
  prime: '′', angle: '∠', triangle: '△', square: '□', checkmark: '✓', circledR: '®', surd: '√', lbrace: '{', rbrace: '}',
  leqslant: '⩽', geqslant: '⩾', nleq: '≰', ngeq: '≱', lessapprox: '⪅', gtrapprox: '⪆', asymp: '≍', doteq: '≐', triangleq: '≜',
  coloneqq: '≔', models: '⊨', vdash: '⊢', dashv: '⊣', textregistered: '®', texttrademark: '™', copyright: '©', textdegree: '°',
  textperthousand: '‰', textpertenthousand: '‱', textbullet: '•', textasciitilde: '~', textbackslash: '\\', dag: '†', ddag: '‡',
  colon: ':', backslash: '\\', '%': '%', $: '$', '&': '&', _: '_', '#': '#', '{': '{', '}': '}', '|': '‖'
};

/** Named operators, shown as their names. */
const OPERATORS = new Set(['log', 'ln', 'lg', 'exp', 'max', 'min', 'sup', 'inf', 'lim', 'limsup', 'liminf', 'arg', 'argmax', 'argmin',
  'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'cot', 'sec', 'csc', 'arcsin', 'arccos', 'arctan', 'deg', 'det', 'dim', 'gcd',
  'lcm', 'ker', 'hom', 'Pr', 'mod', 'bmod', 'poly', 'polylog', 'rank', 'tr', 'Tr', 'diag', 'sgn', 'softmax']);

/** Spacing commands: a space, or nothing for the negative one. */
const SPACES: Record<string, string> = { ',': ' ', ';': ' ', ':': ' ', '>': ' ', ' ': ' ', quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', '!': '', '\\': ' ' };

/** Commands that only change size or style, and delimiters' sizes: shown as nothing. */
const IGNORED = new Set(['displaystyle', 'textstyle', 'scriptstyle', 'scriptscriptstyle', 'rm', 'bf', 'it', 'tt', 'sf', 'cal', 'sl', 'em',
  'small', 'tiny', 'scriptsize', 'footnotesize', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'boldmath', 'unboldmath',
  'limits', 'nolimits', 'left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr',
  'Biggl', 'Biggr', 'nonumber', 'notag', 'relax', 'allowbreak', 'nobreak', 'protect']);

/** Commands whose one argument is shown as it is (the letters of \mathbf are not made bold: plain reads and searches better). */
const PLAIN_ARGUMENT = new Set(['text', 'textrm', 'textbf', 'textit', 'texttt', 'textsc', 'textsf', 'textup', 'textsl', 'textnormal',
  'textmd', 'emph', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathnormal', 'boldsymbol', 'bm', 'pmb', 'mbox', 'hbox',
  'operatorname', 'underline', 'overline', 'mathring', 'url', 'ensuremath', 'mathop', 'mathbin', 'mathrel', 'mathord',
  'underbrace', 'overbrace', 'boxed', 'fbox', 'textcolor', 'color']);

/** Combining marks of the math accents, put on a one-letter argument. */
const ACCENTS: Record<string, string> = { hat: '\u0302', widehat: '\u0302', tilde: '\u0303', widetilde: '\u0303', bar: '\u0304',
  vec: '\u20d7', dot: '\u0307', ddot: '\u0308', check: '\u030c', breve: '\u0306', acute: '\u0301', grave: '\u0300' };

/** Commands that take a dimension (\mkern-3mu, \hspace{1em}) shown as nothing. */
const DIMENSIONED = new Set(['mkern', 'kern', 'mskip', 'hskip', 'hspace', 'vspace', 'phantom', 'hphantom', 'vphantom']);

const SUPERSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()niabcdefghjklmoprstuvwxyzABDEGHIJKLMNOPRTUVW']
  .map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ'][i]]));
SUPERSCRIPT['−'] = '⁻';
const SUBSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()aehijklmnoprstuvx']
  .map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i]]));
SUBSCRIPT['−'] = '₋';
/** What a whole superscript becomes when it is one symbol with a form of its own ("360$^\circ$" → 360°). */
const SUPERSCRIPT_SYMBOL: Record<string, string> = { '∘': '°', '′': '′', '′′': '″', '⊤': 'ᵀ', '†': '†', '∗': '*', '*': '*', '⋆': '*' };

/** Mathematical alphabets: [first capital, first small, letters with a code point of their own]. */
const ALPHABETS: Record<string, [number, number, Record<string, string>]> = {
  mathbb: [0x1d538, 0x1d552, { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ', 0: '𝟘', 1: '𝟙', 2: '𝟚', 3: '𝟛', 4: '𝟜', 5: '𝟝', 6: '𝟞', 7: '𝟟', 8: '𝟠', 9: '𝟡' }],
  mathcal: [0x1d49c, 0x1d4b6, { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' }],
  mathfrak: [0x1d504, 0x1d51e, { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' }]
};
ALPHABETS.mathscr = ALPHABETS.mathcal;
ALPHABETS.Bbb = ALPHABETS.mathbb;

function inAlphabet(text: string, [capital, small, own]: [number, number, Record<string, string>]): string {
  return [...text].map((c) => own[c] ?? (c >= 'A' && c <= 'Z' ? String.fromCodePoint(capital + c.charCodeAt(0) - 65)
    : c >= 'a' && c <= 'z' ? String.fromCodePoint(small + c.charCodeAt(0) - 97) : c)).join('');
}

/** A superscript or subscript: in Unicode's small forms when every character has one, else ^x or ^(…). */
function script(text: string, up: boolean): string {
  const t = text.trim();
  if (t === '') return '';
  if (up && SUPERSCRIPT_SYMBOL[t] !== undefined) return SUPERSCRIPT_SYMBOL[t];
  const forms = up ? SUPERSCRIPT : SUBSCRIPT;
  const chars = [...t];
  if (chars.every((c) => forms[c] !== undefined)) return chars.map((c) => forms[c]).join('');
  return `${up ? '^' : '_'}${chars.length === 1 ? t : `(${t})`}`;
}

/** A fraction's part: in parentheses unless it is one number or word. */
function operand(text: string): string {
  const t = text.trim();
  return /^[\p{L}\p{N}.′]*$/u.test(t) ? t : `(${t})`;
}

/** Reads one math formula's source, left to right. */
class MathReader {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  read(): string {
    return this.sequence(false).replace(/\s+/g, ' ').trim();
  }

  /** Items up to the end, or up to the closing brace of the group being read (left for the caller). */
  private sequence(inGroup: boolean): string {
    let out = '';
    while (this.i < this.s.length) {
      if (this.s[this.i] === '}') {
        if (inGroup) return out;
        this.i++; // a stray closing brace: shown as nothing, as LaTeX would refuse it
        continue;
      }
      out += this.item();
    }
    return out;
  }

  private item(): string {
    // Groups and arguments nest by recursion: a formula nested deeper than any real one is shown as written.
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    try {
      return this.itemAt();
    } finally {
      this.depth--;
    }
  }

  private itemAt(): string {
    const c = this.s[this.i++];
    switch (c) {
      case '{': {
        const inner = this.sequence(true);
        if (this.s[this.i] === '}') this.i++;
        return inner;
      }
      case '\\':
        return this.command();
      case '^':
      case '_':
        return script(this.argument(), c === '^');
      case '~':
        return ' ';
      case "'":
        return '′';
      default:
        return c;
    }
  }

  private skipSpaces(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  /** The next argument: a braced group, a command or one character (so "x^23" raises only the 2, as LaTeX does). */
  private argument(): string {
    this.skipSpaces();
    if (this.i >= this.s.length || this.s[this.i] === '}') return '';
    return this.item();
  }

  /** A bracketed optional argument (\sqrt[3]{x}), or null. */
  private optional(): string | null {
    const m = /^\s*\[([^\]]*)\]/.exec(this.s.slice(this.i));
    if (!m) return null;
    this.i += m[0].length;
    return new MathReader(m[1]).read();
  }

  /** The raw text of a braced argument ({x1F600}, {http://…}), or of the next character. */
  private rawArgument(): string {
    const m = /^\s*\{([^{}]*)\}/.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return m[1];
    }
    return this.argument();
  }

  private command(): string {
    const m = /^[A-Za-z]+\*?/.exec(this.s.slice(this.i));
    const name = m ? m[0].replace('*', '') : this.s[this.i] ?? '';
    this.i += m ? m[0].length : 1;
    if (SPACES[name] !== undefined) return SPACES[name];
    if (SYMBOLS[name] !== undefined) {
      // A letter's name ends at the spaces after it, as in LaTeX: "$\alpha T$" is αT. Operators keep the source's spacing ("7 × 6").
      if (/^\p{L}$/u.test(SYMBOLS[name])) this.skipSpaces();
      return SYMBOLS[name];
    }
    if (OPERATORS.has(name)) return name === 'bmod' ? ' mod' : name;
    if (IGNORED.has(name)) {
      // "\left." is an empty delimiter
      if (/^(left|right|middle|[bB]igg?[lr]?)$/.test(name) && /^\s*\./.test(this.s.slice(this.i))) this.i = this.s.indexOf('.', this.i) + 1;
      return '';
    }
    if (PLAIN_ARGUMENT.has(name)) {
      if (name === 'textcolor' || name === 'color') this.rawArgument(); // the colour's name
      return this.argument();
    }
    if (ALPHABETS[name] !== undefined) return inAlphabet(this.argument(), ALPHABETS[name]);
    if (ACCENTS[name] !== undefined) {
      const arg = this.argument();
      return [...arg].length === 1 ? (arg + ACCENTS[name]).normalize('NFC') : arg;
    }
    if (DIMENSIONED.has(name)) {
      const dim = /^\s*(\{[^{}]*\}|-?[\d.]+\s*[a-z]{2})/.exec(this.s.slice(this.i));
      if (dim) this.i += dim[0].length;
      return '';
    }
    switch (name) {
      case 'frac':
      case 'tfrac':
      case 'dfrac':
      case 'cfrac': {
        const top = this.argument();
        return `${operand(top)}/${operand(this.argument())}`;
      }
      case 'binom':
      case 'tbinom':
      case 'dbinom': {
        const n = this.argument();
        return `C(${n.trim()}, ${this.argument().trim()})`;
      }
      case 'sqrt': {
        const index = this.optional();
        const root = index === '3' ? '∛' : index === '4' ? '∜' : index ? `${script(index, true)}√` : '√';
        return `${root}${operand(this.argument())}`;
      }
      case 'pmod':
        return ` (mod ${this.argument().trim()})`;
      case 'not':
        return `${this.argument()}\u0338`.normalize('NFC');
      case 'href':
        this.rawArgument();
        return this.argument();
      case 'unicode': {
        const code = this.rawArgument().trim();
        const n = /^(?:0?x|U\+)[0-9a-f]+$/i.test(code) ? parseInt(code.replace(/^(0?x|U\+)/i, ''), 16) : /^\d+$/.test(code) ? Number(code) : NaN;
        return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
      }
      case 'textsuperscript':
        return script(this.argument(), true);
      case 'textsubscript':
        return script(this.argument(), false);
      default:
        // An unknown command (an author's macro) is shown as written.
        return `\\${name}`;
    }
  }
}

/** One formula's source (without its delimiters) as Unicode text. */
export function mathText(source: string): string {
  try {
    return new MathReader(source).read();
  } catch (e) {
    if (e instanceof TooDeep) return source;
    throw e;
  }
}

/** Nesting a formula may have (groups, arguments, scripts); real ones stay under ~10. */
const MAX_DEPTH = 64;
class TooDeep extends Error {}

// Text commands outside math: the argument stays (innermost first, so nested ones come off in turn).
const TEXT_COMMAND = /\\(?:textbf|textit|textsl|textrm|textsf|texttt|textsc|textup|textmd|textnormal|emph|underline|uline|mbox|text|url)\s*\{([^{}]*)\}/g;
const TEXT_SCRIPT = /\\text(super|sub)script\s*\{([^{}]*)\}/g;
// \href{url}{text}, \hyperlink{target}{text}, \textcolor{red}{text}: the second argument.
const TEXT_HREF = /\\(?:href|hyperlink|textcolor)\s*\{[^{}]*\}\s*\{([^{}]*)\}/g;
// {\em x}, {\bf x}: the old font switches, in their group.
const TEXT_SWITCH = /\{\\(?:em|bf|it|sc|tt|sf|rm|sl|small|large)\s+([^{}]*)\}/g;
// Citations, footnotes and references are not text (the words around them stay).
const TEXT_DROPPED = /\s*\\(?:cite[a-z]*|footnote|label|ref|eqref|autoref|cref|Cref|color)\*?\s*(?:\[[^\]]*\]\s*)*\{[^{}]*\}/g;
// A math symbol written in text, bare ("0.60 \pm 0.05") or braced as arXiv writes it ("5 {\mu}m", "360{\deg}").
const TEXT_MATH_SYMBOL = /\{\\([A-Za-z]+)\}|\\([A-Za-z]+)(?![A-Za-z])/g;
const TEXT_ONLY: Record<string, string> = { deg: '°' };
const TEXT_ABBREVIATION = /\\(eg|ie|etal|wrt|etc)(?![A-Za-z])\.?/g;
const ABBREVIATIONS: Record<string, string> = { eg: 'e.g.', ie: 'i.e.', etal: 'et al.', wrt: 'w.r.t.', etc: 'etc.' };
const TEXT_ACCENT_BRACED = /\{\\(["'`^~=.])\s*\{?([A-Za-z])\}?\}/g;
const TEXT_ACCENT = /\\(["'`^~=.])\s*(?:\{([A-Za-z])\}|([A-Za-z]))/g;
const TEXT_ESCAPE = /\\([%&$#_])/g;
const TEXT_SYMBOL = /\\(textregistered|texttrademark|copyright|textdegree|textperthousand|textpertenthousand|textbullet|textasciitilde|textbackslash|dag|ddag|ldots|dots)(?![A-Za-z])\s*(?:\{\})?/g;

function textCommands(text: string): string {
  if (!text.includes('\\')) return text;
  let out = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = out.replace(TEXT_DROPPED, '').replace(TEXT_COMMAND, '$1').replace(TEXT_HREF, '$1').replace(TEXT_SWITCH, '$1')
      .replace(TEXT_SCRIPT, (_m, kind: string, arg: string) => script(arg, kind === 'super'));
    if (next === out) break;
    out = next;
  }
  return out.replace(TEXT_ACCENT_BRACED, (_m, a: string, l: string) => l + TEXT_ACCENTS[a])
    .replace(TEXT_ACCENT, (_m, a: string, braced?: string, bare?: string) => (braced ?? bare)! + TEXT_ACCENTS[a])
    .replace(TEXT_SYMBOL, (_m, name: string) => SYMBOLS[name])
    .replace(TEXT_ABBREVIATION, (_m, name: string) => ABBREVIATIONS[name])
    .replace(TEXT_MATH_SYMBOL, (m, braced?: string, bare?: string) => TEXT_ONLY[(braced ?? bare)!] ?? SYMBOLS[(braced ?? bare)!] ?? m)
    .replace(TEXT_ESCAPE, '$1')
    // A control space ("e.g.\ this"), not the second backslash of a line break "\\".
    .replace(/(?<!\\)\\ /g, ' ').normalize('NFC');
}

// A formula: $$…$$, \(…\), \[…\] or $…$ (an escaped \$ inside is no end). A single dollar opens only
// before a non-space and closes only after one and not before a digit (Pandoc's rule), so prices
// ("from $5 to $10") stay as written.
// A display formula is at most 4,000 characters and an inline one 1,000, so a text of unpaired dollars
// costs a bounded scan per dollar. formulasOf makes its own global copy (no lastIndex shared between calls).
const FORMULA = /\$\$((?:\\.|[^$\\]){1,4000}?)\$\$|\\\(([\s\S]{1,4000}?)\\\)|\\\[([\s\S]{1,4000}?)\\\]|\$((?:\\.|[^$\\]){1,1000}?)\$/;

/** `text` as the pages show it: each formula as Unicode text, text commands replaced; plain text as it is. */
export function readableTex(text: string): string {
  if (!text.includes('$') && !text.includes('\\')) return text;
  try {
    return readTex(text);
  } catch {
    return text; // whatever this reading cannot take is shown as written, never an error page
  }
}

function readTex(text: string): string {
  // The placeholders below are private-use characters: a text holding one is read formula by formula.
  if (/[\ue000\ue001]/.test(text)) {
    let out = '';
    let at = 0;
    for (const f of formulasOf(text)) {
      out += textCommands(text.slice(at, f.start)) + mathText(f.source);
      at = f.end;
    }
    return out + textCommands(text.slice(at));
  }
  // Formulas first, each left as a placeholder while the text commands around them (which may hold one:
  // "\textbf{Omni$^2$}") are read.
  const formulas: string[] = [];
  let out = '';
  let at = 0;
  for (const f of formulasOf(text)) {
    out += `${text.slice(at, f.start)}\ue000${formulas.push(mathText(f.source)) - 1}\ue001`;
    at = f.end;
  }
  return textCommands(out + text.slice(at)).replace(/\ue000(\d+)\ue001/g, (m, i: string) => formulas[Number(i)] ?? m);
}

/** The formulas of `text` in order: where each starts and ends, and its source without delimiters. */
function* formulasOf(text: string): Generator<{ start: number; end: number; source: string }> {
  const re = new RegExp(FORMULA.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const inline = m[4];
    if (text[m.index - 1] === '\\' || (inline !== undefined && notAFormula(inline, text[re.lastIndex] ?? ''))) {
      re.lastIndex = m.index + 1; // this dollar is a character
      continue;
    }
    yield { start: m.index, end: re.lastIndex, source: m[1] ?? m[2] ?? m[3] ?? inline };
  }
}

/**
 * Whether `$…$` holding `inside` is prices, not a formula: without markup, it starts or ends with a
 * space ("from $5 to $10", "from $5 (a 10\% cut) to $4"), or a digit follows its second dollar and
 * starts it ("$5-$10"). With markup (a command, ^, _, a group) it is a formula however it is spaced
 * ("$ 30\times $", "$\times$4"); "$>$3%" is one too.
 */
function notAFormula(inside: string, after: string): boolean {
  // Markup is a command, a script or a group: an escaped "\%" or "\&" between two prices is text.
  if (/\\[A-Za-z]|[\^_{]/.test(inside)) return false;
  return /^\s|\s$/.test(inside) || (/\d/.test(after) && /^\d/.test(inside));
}
