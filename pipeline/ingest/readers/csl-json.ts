// Owns CSL-JSON items (Zotero's "CSL JSON" and Better BibTeX's "Better CSL JSON"): which object is
// one, and an item as the record normalise.ts reads (title, abstract, issued, author, DOI, URL, keyword);
// Crossref's JATS and HTML markup taken out of title and abstract (markup.ts).
import { withSourceNames } from '../normalise.js';
import { splitKeywords } from '../text.js';
import { stripMarkup } from './markup.js';

type Item = Record<string, unknown>;

/** A CSL item: it has `issued`, `container-title` or `citation-key`, or `author` as name objects. */
export function isCslItem(item: Item): boolean {
  if ('issued' in item || 'container-title' in item || 'citation-key' in item) return true;
  const author = item.author;
  return Array.isArray(author) && typeof author[0] === 'object' && author[0] !== null && ('family' in author[0] || 'literal' in author[0]);
}

export function cslRecord(item: Item): Item {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const keyword = item.keyword;
  return withSourceNames({
    id: text(item.DOI) ?? item.id, title: stripMarkup(item.title), abstract: stripMarkup(item.abstract), published: cslDate(item.issued),
    authors: Array.isArray(item.author) ? item.author.map(cslName) : item.author,
    keywords: typeof keyword === 'string' ? splitKeywords(keyword) : keyword, doi: item.DOI, url: item.URL,
    venue: item['container-title']
  }, () => ({ id: text(item.DOI) !== undefined ? 'DOI' : 'id', published: 'issued', authors: 'author', keywords: 'keyword', doi: 'DOI', url: 'URL',
    venue: 'container-title' }));
}

/**
 * {given, dropping-particle, non-dropping-particle, family, suffix} → "given particles family suffix"
 * ("Joost van de Weijer", "Martin Luther King Jr."); {literal} as it is; anything else is left for
 * normalise to reject.
 */
function cslName(name: unknown): unknown {
  if (typeof name !== 'object' || name === null) return name;
  const { family, given, literal, suffix, 'dropping-particle': dropping, 'non-dropping-particle': nonDropping } = name as Record<string, unknown>;
  if (typeof literal === 'string') return literal;
  const text = (part: unknown): part is string => typeof part === 'string' && part.trim() !== '';
  if (!text(given) && !text(family)) return name;
  return [given, dropping, nonDropping, family, suffix].filter(text).map((part) => part.trim()).join(' ');
}

/**
 * `issued`: {"date-parts": [[2023, 5, 12]]} (numbers or strings, 1–3 parts), {"raw": "2023-05-12"},
 * {"literal": "2023"}, or a plain string (Better CSL JSON) → "2023-05-12", "2023-05" or "2023".
 */
export function cslDate(issued: unknown): unknown {
  if (typeof issued === 'string' || typeof issued === 'number' || issued === undefined || issued === null) return issued;
  if (typeof issued !== 'object' || Array.isArray(issued)) return issued;
  const { 'date-parts': parts, raw, literal } = issued as Record<string, unknown>;
  const first = Array.isArray(parts) ? parts[0] : undefined;
  if (Array.isArray(first) && first.length > 0 && first.every((p) => typeof p === 'number' || (typeof p === 'string' && /^\d+$/.test(p)))) {
    const [y, m, d] = first.map(Number);
    return [String(y), m, d].filter((p) => p !== undefined).map((p, i) => (i === 0 ? p : String(p).padStart(2, '0'))).join('-');
  }
  return raw ?? literal ?? issued;
}
