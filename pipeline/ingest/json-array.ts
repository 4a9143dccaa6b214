// Owns splitting a JSON array file into its elements line by line, so each element is parsed on
// its own (a bad element is one skipped record) and keeps the line it starts on.
import { failAt } from './errors.js';

/** One array element's text and the line it starts on. */
export interface ElementText {
  line: number;
  text: string;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Feed lines in order with push(); call end() at end of file (throws if the array is cut short). */
export class JsonArraySplitter {
  private state: 'before' | 'inside' | 'after' = 'before';
  /** Nesting depth inside the current element (0 = between elements). */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private startLine = 0;
  private lastLine = 0;

  /** In an API page: depth inside the wrapper object, the last key read at depth 1, a ":" after it. */
  private wrapper = { depth: 0, key: '', colon: false, inString: false, string: '' };

  /** `page`: the array is the "results" member of a wrapping object (an OpenAlex API page), or its "items" (a Better BibTeX JSON export). */
  constructor(private readonly file: string, private readonly page = false) {}

  push(text: string, line: number): ElementText[] {
    this.lastLine = line;
    const out: ElementText[] = [];
    let segment = -1; // where the current element's text starts on this line
    if (this.parts.length > 0) segment = 0;
    for (let i = 0; i < text.length; i++) {
      if (this.page && this.state !== 'inside') {
        i = this.scanWrapper(text, i, line);
        continue;
      }
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c <= 32) continue; // whitespace (and control characters, which JSON.parse will reject)
      if (this.state !== 'inside') {
        this.expectBracket(c, line);
        continue;
      }
      if (this.depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
        const element = this.finish(segment >= 0 ? text.slice(segment, i) : '', line);
        if (element.text.trim() !== '' || c === COMMA) out.push(element); // "[]" and a trailing "," add nothing
        segment = -1;
        if (c === CLOSE_BRACKET) this.state = 'after';
        continue;
      }
      if (segment < 0) {
        segment = i;
        this.startLine = line;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth--;
    }
    if (segment >= 0) this.parts.push(text.slice(segment), '\n');
    return out;
  }

  /**
   * Reads the wrapping object up to the "[" of its depth-1 "results" (or "items") member (then state is
   * 'inside'), or past that array to the end. Returns the index of the last character read.
   */
  private scanWrapper(text: string, i: number, line: number): number {
    const w = this.wrapper;
    for (; i < text.length; i++) {
      const c = text[i];
      if (w.inString) {
        if (c === '\\') [w.string, i] = [w.string + text.slice(i, i + 2), i + 1];
        else if (c === '"') [w.inString, w.key] = [false, w.depth === 1 ? w.string : w.key];
        else w.string += c;
        continue;
      }
      if (c === '"') [w.inString, w.string, w.colon] = [true, '', false];
      else if (c === ':') w.colon = true;
      else if (c === '{' || c === '[') {
        if (c === '[' && w.depth === 1 && (w.key === 'results' || w.key === 'items') && w.colon && this.state === 'before') {
          [this.state, w.key] = ['inside', ''];
          return i;
        }
        w.depth++;
      } else if (c === '}' || c === ']') w.depth--;
      else if (w.depth === 0 && c.trim() !== '') failAt(this.file, line, '(file)', `expected a JSON object, got "${c}"`);
    }
    return i;
  }

  end(): void {
    if (this.page && this.state === 'before') {
      failAt(this.file, this.lastLine, '(file)', 'expected a "results" array (an OpenAlex API page) or an "items" array (a Better BibTeX JSON export) in the JSON object, found neither');
    }
    if (this.state === 'inside') {
      failAt(this.file, this.lastLine, '(file)', 'JSON array cut short: expected "]" before the end of the file');
    }
  }

  private expectBracket(c: number, line: number): void {
    if (this.state === 'after') failAt(this.file, line, '(file)', 'unexpected text after the closing "]" of the JSON array');
    if (c !== OPEN_BRACKET) failAt(this.file, line, '(file)', `expected a JSON array starting with "[", got "${String.fromCharCode(c)}"`);
    this.state = 'inside';
  }

  private finish(tail: string, line: number): ElementText {
    this.parts.push(tail);
    const text = this.parts.join('');
    // An empty element ("[1,,2]") is reported at the comma that ends it.
    const element = { line: text.trim() === '' ? line : this.startLine, text };
    this.parts = [];
    this.depth = 0;
    return element;
  }
}
