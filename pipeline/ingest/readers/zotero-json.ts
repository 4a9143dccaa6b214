// Owns Zotero's own item shape, as Better BibTeX's JSON export ({"items": […]}) and Zotero's API
// write it: the fields normalise.ts reads by name already (title, abstractNote, date, DOI, url,
// publicationTitle) stay; creators become authors, tags keywords, and the DOI or the citation key the id.
import { withSourceNames } from '../normalise.js';

/** A Zotero item: an itemType, with creators or an abstractNote. */
export function isZoteroItem(record: Record<string, unknown>): boolean {
  return typeof record.itemType === 'string' && (Array.isArray(record.creators) || 'abstractNote' in record);
}

/**
 * The Zotero Web API's item ({key, version, library, links, meta, data: {itemType, title, …}}) as its
 * `data`, where the item's fields are; any other record as it is.
 */
export function unwrapZoteroApi(record: Record<string, unknown>): Record<string, unknown> {
  const data = record.data;
  if ('itemType' in record || typeof data !== 'object' || data === null || Array.isArray(data)) return record;
  return typeof (data as Record<string, unknown>).itemType === 'string' ? (data as Record<string, unknown>) : record;
}

export function zoteroRecord(item: Record<string, unknown>): Record<string, unknown> {
  const creators = Array.isArray(item.creators) ? item.creators.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null) : [];
  const authors = creators.filter((c) => c.creatorType === undefined || c.creatorType === 'author')
    .map((c) => (typeof c.name === 'string' ? c.name : [c.firstName, c.lastName].filter((p) => typeof p === 'string' && p !== '').join(' ')))
    .filter((name) => name !== '');
  const tags = Array.isArray(item.tags) ? item.tags.map((t) => (typeof t === 'object' && t !== null ? (t as { tag?: unknown }).tag : t))
    .filter((t): t is string => typeof t === 'string') : [];
  const { creators: _creators, tags: _tags, ...rest } = item;
  // As the BibTeX reader: the DOI, else the citation key (a DOI names the paper beyond this library).
  const doi = typeof item.DOI === 'string' && item.DOI.trim() !== '' ? item.DOI : null;
  // A conference paper's venue is its proceedingsTitle (a journal article's publicationTitle, a chapter's bookTitle).
  const venue = [item.publicationTitle, item.proceedingsTitle, item.bookTitle].find((v) => typeof v === 'string' && v.trim() !== '');
  return withSourceNames({ ...rest, id: doi ?? item.citationKey ?? item.key ?? item.itemKey, authors, keywords: tags, ...(venue === undefined ? {} : { venue }) },
    () => ({ authors: 'creators', keywords: 'tags', abstract: 'abstractNote' }));
}
