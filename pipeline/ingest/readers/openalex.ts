// Owns OpenAlex works (the API's `results`, or JSON Lines of works): which object is one, and a work
// as the record normalise.ts reads, with the abstract rebuilt from abstract_inverted_index (and
// Crossref's markup taken out of it and the title, markup.ts).

import { withSourceNames } from '../normalise.js';
import { cleanDoi } from '../text.js';
import { stripMarkup } from './markup.js';

type Work = Record<string, unknown>;

/** Concepts at least this relevant to the work become categories (OpenAlex scores 0..1). */
const MIN_CONCEPT_SCORE = 0.3;

/** A work has an abstract_inverted_index or authorships, or an id on openalex.org. */
export function isOpenAlexWork(work: Work): boolean {
  return 'abstract_inverted_index' in work || 'authorships' in work || (typeof work.id === 'string' && work.id.startsWith('https://openalex.org/'));
}

export function openAlexRecord(work: Work): Work {
  const location = work.primary_location as { source?: { display_name?: unknown }; landing_page_url?: unknown } | null | undefined;
  return withSourceNames({
    // The DOI names the work outside OpenAlex too; else its short W-id.
    id: (typeof work.doi === 'string' ? cleanDoi(work.doi) : null) ?? shortId(work.id), doi: work.doi, title: stripMarkup(work.title ?? work.display_name), abstract: stripMarkup(rebuildAbstract(work.abstract_inverted_index)),
    published: work.publication_date ?? work.publication_year, authors: authorNames(work.authorships),
    categories: topics(work), venue: location?.source?.display_name, url: location?.landing_page_url
  }, () => ({ title: work.title == null ? 'display_name' : 'title', abstract: 'abstract_inverted_index',
    published: work.publication_date == null ? 'publication_year' : 'publication_date', authors: 'authorships', categories: 'primary_topic',
    venue: 'primary_location.source.display_name', url: 'primary_location.landing_page_url' }));
}

/** "https://openalex.org/W2741809807" → "W2741809807". */
function shortId(id: unknown): unknown {
  return typeof id === 'string' ? id.replace(/^https:\/\/openalex\.org\//, '') : id;
}

/** {"word": [positions…]} → the words in position order; anything else is passed on to be rejected. */
export function rebuildAbstract(index: unknown): unknown {
  if (typeof index !== 'object' || index === null || Array.isArray(index)) return index;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index as Record<string, unknown>)) {
    if (!Array.isArray(positions)) return index;
    for (const p of positions) if (Number.isInteger(p) && p >= 0 && p < 1e6) words[p] = word;
  }
  return words.filter((w) => w !== undefined).join(' ');
}

function authorNames(authorships: unknown): unknown {
  if (!Array.isArray(authorships)) return authorships;
  return authorships.map((a) => (a as { author?: { display_name?: unknown } } | null)?.author?.display_name ?? a?.raw_author_name ?? a);
}

/** The primary topic, then the concepts scored at least MIN_CONCEPT_SCORE, in the order given. */
function topics(work: Work): string[] {
  const names: string[] = [];
  const topic = (work.primary_topic as { display_name?: unknown } | null | undefined)?.display_name;
  if (typeof topic === 'string') names.push(topic);
  if (Array.isArray(work.concepts)) {
    for (const c of work.concepts as { display_name?: unknown; score?: unknown }[]) {
      if (typeof c?.display_name === 'string' && (typeof c.score !== 'number' || c.score >= MIN_CONCEPT_SCORE)) names.push(c.display_name);
    }
  }
  return [...new Set(names)];
}
