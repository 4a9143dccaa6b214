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

  constructor(private readonly file: string) {}

  push(text: string, line: number): ElementText[] {
    this.lastLine = line;
    const out: ElementText[] = [];
    let segment = -1; // where the current element's text starts on this line
    if (this.parts.length > 0) segment = 0;
    for (let i = 0; i < text.length; i++) {
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

  end(): void {
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
