// Owns how a paper is shown in lists: a safe link to its source, a short author line and an
// abstract excerpt with the search words marked. Plain text only — the page renders no HTML.
import { SEARCH_STEM, searchTokens, type SearchStem } from '../../../pipeline/tokenise/search-tokens.js';

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

/** [start, end) spans of `text` whose search key (by the run's `stem`) is one of `keys` (hyphenated words merged into one span). */
export function hitSpans(text: string, keys: ReadonlySet<string>, stem: SearchStem = SEARCH_STEM): [number, number][] {
  const spans: [number, number][] = [];
  if (keys.size === 0) return spans;
  for (const t of searchTokens(text, stem)) {
    if (!keys.has(t.key)) continue;
    const last = spans[spans.length - 1];
    if (last && t.start < last[1]) last[1] = Math.max(last[1], t.end);
    else spans.push([t.start, t.end]);
  }
  return spans;
}

/** `text` cut into plain and hit parts by `spans` (sorted, disjoint). */
export function splitHits(text: string, spans: readonly [number, number][]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/** The title with the words that matched the search (their keys in `keys`) as hit parts. */
export function highlight(text: string, keys: ReadonlySet<string>, stem: SearchStem = SEARCH_STEM): ExcerptPart[] {
  return splitHits(text, hitSpans(text, keys, stem));
}

/**
 * About `maxChars` of the abstract cut at word boundaries: around the first hit when there is one,
 * else the opening. Words whose search key (pipeline/tokenise/search-tokens.ts, as the index has
 * them) is in `keys` come back as `hit` parts: the words that made the paper match.
 */
export function excerpt(abstract: string, keys: ReadonlySet<string>, maxChars = 280, stem: SearchStem = SEARCH_STEM): ExcerptPart[] {
  const text = abstract.replace(/\s+/g, ' ').trim();
  const spans = hitSpans(text, keys, stem);
  const first = spans.length > 0 ? spans[0][0] : -1;
  let start = first > maxChars / 3 ? text.lastIndexOf(' ', first - Math.floor(maxChars / 3)) + 1 : 0;
  if (start < 0) start = 0;
  let end = start + maxChars >= text.length ? text.length : text.lastIndexOf(' ', start + maxChars);
  if (end <= start) end = Math.min(text.length, start + maxChars);
  const prefix = start > 0 ? '…' : '';
  const shift = prefix.length - start;
  const inWindow = spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s + shift, e + shift]);
  return splitHits(`${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`, inWindow);
}
