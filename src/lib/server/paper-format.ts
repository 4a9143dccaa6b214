// Owns how a paper is shown in lists: a safe link to its source, a short author line and an
// abstract excerpt with the search words marked. Plain text only — the page renders no HTML.
import { highlightPattern } from './text-search.js';

export interface ExcerptPart {
  text: string;
  hit: boolean;
}

const ARXIV_NEW = /^\d{4}\.\d{4,5}(v\d+)?$/;
const ARXIV_OLD = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

/**
 * `published` as precise as it is known (1998, 1998-05 or 1998-05-17), for lists: SQL over the
 * papers table aliased `p`.
 */
export const PUBLISHED_SQL = `CASE p.date_precision WHEN 'year' THEN strftime(p.published, '%Y')
  WHEN 'month' THEN strftime(p.published, '%Y-%m') ELSE p.published::VARCHAR END`;

/** The paper's own URL when it is http(s); else the arXiv abstract page when the id is an arXiv id. */
export function paperHref(paperId: string, url: string | null): string | null {
  if (url !== null) {
    try {
      // Only http(s): a `javascript:` URL from an input file must never become a link.
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
    } catch {
      // not a URL: fall through to the id
    }
  }
  const id = paperId.replace(/^arxiv:/i, '');
  return ARXIV_NEW.test(id) || ARXIV_OLD.test(id) ? `https://arxiv.org/abs/${id}` : null;
}

/** "A, B, C et al." for more than three authors; all of them otherwise. */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length <= 3) return authors.join(', ');
  return `${authors.slice(0, 3).join(', ')} et al.`;
}

/**
 * About `maxChars` of the abstract cut at word boundaries: around the first match of a search word
 * when there is one, else the opening. Whole words that start with a search word (as the search
 * matches them, text-search.ts) come back as `hit` parts.
 */
export function excerpt(abstract: string, words: readonly string[], maxChars = 280): ExcerptPart[] {
  const text = abstract.replace(/\s+/g, ' ').trim();
  const pattern = highlightPattern(words);
  const first = pattern ? text.search(pattern) : -1;
  let start = first > maxChars / 3 ? text.lastIndexOf(' ', first - Math.floor(maxChars / 3)) + 1 : 0;
  if (start < 0) start = 0;
  let end = start + maxChars >= text.length ? text.length : text.lastIndexOf(' ', start + maxChars);
  if (end <= start) end = Math.min(text.length, start + maxChars);
  const window = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return splitHits(window, pattern);
}

function splitHits(text: string, pattern: RegExp | null): ExcerptPart[] {
  if (!pattern) return [{ text, hit: false }];
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), hit: false });
    parts.push({ text: match[0], hit: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
