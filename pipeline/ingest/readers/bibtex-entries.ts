// Owns finding BibTeX entries in a stream of lines: from an "@" outside any entry to the brace (or
// parenthesis) that closes it, escaped braces (\{ \}) not counted. One entry at a time is held.
import type { RawLine } from '../read-lines.js';

/** The text of one entry and the line it starts on; `unclosed` when the file or the next entry cut it. */
export interface EntryText {
  line: number;
  text: string;
  unclosed?: 'next-entry' | 'end-of-file';
  valid: boolean;
}

const ENTRY_START = /@\s*[A-Za-z]+\s*[{(]/g;

export async function* bibtexEntries(lines: AsyncIterable<RawLine>): AsyncGenerator<EntryText> {
  let parts: string[] = [];
  let start = 0;
  let depth = 0;
  let close = ''; // the entry's closing delimiter once its opening one is seen
  let valid = true;
  for await (const raw of lines) {
    let text = raw.text;
    // A line opening with "@" inside an unclosed entry: that entry lost a brace; start anew here.
    if (parts.length > 0 && /^\s*@\s*[A-Za-z]+\s*[{(]/.test(text)) {
      yield { line: start, text: parts.join('\n'), unclosed: 'next-entry', valid };
      parts = [];
    }
    let from = 0;
    while (from < text.length) {
      if (parts.length === 0) {
        ENTRY_START.lastIndex = from;
        const at = ENTRY_START.exec(text)?.index ?? -1;
        if (at < 0) break; // text between entries is a comment in BibTeX (an e-mail's "@" too)
        [start, depth, close, valid, from] = [raw.line, 0, '', true, at];
        text = text.slice(at);
        from = 0;
        parts.push('');
      }
      const end = scan(text, from);
      if (end < 0) {
        parts[parts.length - 1] += text.slice(from);
        break;
      }
      parts[parts.length - 1] += text.slice(from, end + 1);
      valid &&= raw.valid;
      yield { line: start, text: parts.join('\n'), valid };
      parts = [];
      text = text.slice(end + 1);
      from = 0;
    }
    if (parts.length > 0) {
      valid &&= raw.valid;
      parts.push('');
    }
  }
  if (parts.length > 0 && parts.join('').trim() !== '') yield { line: start, text: parts.join('\n'), unclosed: 'end-of-file', valid };

  /** Index of the character closing the entry in text[from..], or -1 if it goes on. */
  function scan(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++; // \{ \} \" are characters, not delimiters
      else if (close === '') {
        if (c === '{' || c === '(') [close, depth] = [c === '{' ? '}' : ')', 1];
      } else if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0 && close === '}') return i;
      } else if (c === ')' && close === ')' && depth === 1) return i;
    }
    return -1;
  }
}
