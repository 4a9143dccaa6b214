// Owns the title-and-year part of ingest's duplicate rule (ingest/merge.ts) against stored papers:
// a paper is a stored one of the same title (merge.ts titleKey) and year, unless both have DOIs and
// these differ. Used by `npm run assign` (which papers a run holds) and by a new run (stored-ids.ts).
import { titleKey } from '../ingest/merge.js';
import type { Paper } from '../types.js';

export interface TitleYearHolder {
  /** Lower-cased, or null. */
  doi: string | null;
  paperId: string;
}

/** A paper's year as the rule compares it: four digits, '' when undated. */
export const yearOf = (p: Pick<Paper, 'published'>): string => p.published?.slice(0, 4) ?? '';

export class TitleYearIndex {
  private readonly byKey = new Map<string, TitleYearHolder[]>();

  /** A stored paper (`year` as four digits, '' when undated); matches keep the order of adding. */
  add(title: string, year: string, doi: string | null, paperId: string): void {
    const key = `${titleKey(title)}|${year}`;
    const holders = this.byKey.get(key);
    if (holders) holders.push({ doi, paperId });
    else this.byKey.set(key, [{ doi, paperId }]);
  }

  /** The stored papers `paper` is by title and year (none for a title with no letters or digits). */
  matches(paper: Pick<Paper, 'title' | 'doi' | 'published'>): TitleYearHolder[] {
    const key = titleKey(paper.title);
    if (key === '') return [];
    const doi = paper.doi?.toLowerCase() ?? null;
    return (this.byKey.get(`${key}|${yearOf(paper)}`) ?? []).filter((h) => h.doi === null || doi === null || h.doi === doi);
  }
}
