// Owns duplicates across records, files and formats: two papers are one when they share an id, a
// DOI (case-insensitive), an arXiv id, or the same normalised title and year; the more complete
// record is kept and filled in from the other.
import type { DatePrecision, Paper } from '../types.js';
import { arxivId } from './text.js';

const PRECISION: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };

/** Papers so far, in first-seen order, and their keys. */
export class PaperSet {
  readonly papers: Paper[] = [];
  duplicates = 0;
  private readonly byKey = new Map<string, number>();

  add(paper: Paper): void {
    const keys = keysOf(paper);
    let index: number | undefined;
    for (const key of keys) if ((index = this.byKey.get(key)) !== undefined) break;
    if (index === undefined) {
      for (const key of keys) this.byKey.set(key, this.papers.length);
      this.papers.push(paper);
      return;
    }
    this.duplicates++;
    const kept = this.papers[index];
    // The record kept in place is the more complete one (ties: the first), filled in from the other.
    const [best, other] = completeness(paper) > completeness(kept) ? [paper, kept] : [kept, paper];
    this.papers[index] = fillIn(best, other);
    for (const key of keysOf(this.papers[index])) if (!this.byKey.has(key)) this.byKey.set(key, index);
  }
}

/** id, doi, arXiv id, and normalised title + year ("t|attention is all you need|2017"). */
export function keysOf(paper: Paper): string[] {
  const keys = [`i|${paper.paperId}`];
  if (paper.doi !== null) {
    keys.push(`d|${paper.doi.toLowerCase()}`);
    const arxiv = arxivId(paper.doi);
    if (arxiv !== null) keys.push(`i|${arxiv}`);
  }
  keys.push(`t|${titleKey(paper.title)}|${paper.published?.slice(0, 4) ?? ''}`);
  return keys;
}

/** Lower-case letters and digits of a title, accents and punctuation gone. */
export function titleKey(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** How much a record knows: one point per filled field, the date by its precision. */
function completeness(p: Paper): number {
  const filled = [p.authors.length > 0, p.categories.length > 0, p.url !== null, p.doi !== null, p.venue !== null];
  return filled.filter(Boolean).length + (p.datePrecision === null ? 0 : PRECISION[p.datePrecision]);
}

function fillIn(best: Paper, other: Paper): Paper {
  const morePrecise = other.datePrecision !== null && (best.datePrecision === null || PRECISION[other.datePrecision] > PRECISION[best.datePrecision]);
  return {
    ...best,
    published: morePrecise ? other.published : best.published,
    datePrecision: morePrecise ? other.datePrecision : best.datePrecision,
    authors: best.authors.length > 0 ? best.authors : other.authors,
    categories: best.categories.length > 0 ? best.categories : other.categories,
    url: best.url ?? other.url,
    doi: best.doi ?? other.doi,
    venue: best.venue ?? other.venue
  };
}
