// Owns duplicates across records, files and formats: two papers are one when they share an id, a
// DOI (case-insensitive), an arXiv id, or the same normalised title and year (unless both have DOIs
// and these differ); the more complete record is kept and filled in from the other. A local id (a
// BibTeX key, a spreadsheet's row number) that names a paper of another title is no match: that
// record keeps an id of its own (localIdOf).
import type { DatePrecision, Paper } from '../types.js';
import { arxivId, titleId } from './text.js';

const PRECISION: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };

/**
 * Papers so far, in first-seen order, and their keys, one map per kind of key: ids (a
 * paper's id and its DOI's arXiv id, "i|"), lower-cased DOIs ("d|"), titles with the year ("t|").
 */
export class PaperSet {
  readonly papers: Paper[] = [];
  duplicates = 0;
  private readonly byId = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  private readonly byTitle = new Map<string, number>();

  /** Records whose local id named a paper of another title, and the id each was kept under. */
  readonly renamed: { paperId: string; keptAs: string; source: string }[] = [];

  add(paper: Paper): void {
    const known = this.byId.get(paper.paperId);
    if (known !== undefined && isLocalClash(this.papers[known], paper)) {
      const keptAs = localIdOf(paper);
      this.renamed.push({ paperId: paper.paperId, keptAs, source: paper.source });
      paper = { ...paper, paperId: keptAs };
    }
    // The keys in this order (id, DOI, the DOI's arXiv id, title + year), the first one known naming the paper this one duplicates.
    const doi = paper.doi === null ? null : paper.doi.toLowerCase();
    const arxiv = paper.doi === null ? null : arxivId(paper.doi);
    const title = titleYear(paper);
    let index = this.byId.get(paper.paperId);
    if (index === undefined && doi !== null) index = this.byDoi.get(doi);
    if (index === undefined && arxiv !== null) index = this.byId.get(arxiv);
    if (index === undefined) {
      const sameTitle = this.byTitle.get(title);
      // The same title and year but two different DOIs are two papers ("Editorial", "Introduction").
      if (sameTitle !== undefined && !(doi !== null && this.papers[sameTitle].doi !== null && this.papers[sameTitle].doi!.toLowerCase() !== doi)) {
        index = sameTitle;
      }
    }
    if (index === undefined) {
      const at = this.papers.length;
      this.byId.set(paper.paperId, at);
      if (doi !== null) this.byDoi.set(doi, at);
      if (arxiv !== null) this.byId.set(arxiv, at);
      setNew(this.byTitle, title, at);
      this.papers.push(paper);
      return;
    }
    this.duplicates++;
    const kept = this.papers[index];
    // The record kept in place is the more complete one (ties: the first), filled in from the other.
    const [best, other] = completeness(paper) > completeness(kept) ? [paper, kept] : [kept, paper];
    const merged = fillIn(best, other);
    this.papers[index] = merged;
    // Keys the merged paper has and no paper had yet now name it too.
    setNew(this.byId, merged.paperId, index);
    if (merged.doi !== null) {
      setNew(this.byDoi, merged.doi.toLowerCase(), index);
      const mergedArxiv = arxivId(merged.doi);
      if (mergedArxiv !== null) setNew(this.byId, mergedArxiv, index);
    }
    setNew(this.byTitle, titleYear(merged), index);
  }
}

/**
 * Ids that name a paper beyond one file: arXiv ids, DOIs, Scopus EIDs, Web of Science UTs, OpenAlex
 * W-ids and the title-made t: ids. Any other id (a citation key, a row number) is local to its list.
 */
export function isGlobalId(id: string): boolean {
  return arxivId(id) !== null || /^10\.\d{4,9}\//.test(id) || /^2-s2\.0-/.test(id) || /^wos:/i.test(id) || /^W\d+$/.test(id) || /^t:[0-9a-f]{16}$/.test(id);
}

/**
 * Whether `paper` only seems to be `kept` because both carry one local id: their titles differ and
 * neither a DOI nor the abstract says they are one (two libraries' "smith2023", two spreadsheets'
 * row 12). The same key with the same abstract is one paper whose title was corrected (next week's
 * export of the same library), when both abstracts are known.
 */
export function isLocalClash(kept: Pick<Paper, 'title' | 'doi'> & { abstract?: string },
  paper: Pick<Paper, 'paperId' | 'title' | 'doi'> & { abstract?: string }): boolean {
  if (isGlobalId(paper.paperId) || titleKey(kept.title) === titleKey(paper.title)) return false;
  if (kept.abstract !== undefined && paper.abstract !== undefined && abstractKey(kept.abstract) === abstractKey(paper.abstract)) return false;
  return !(kept.doi !== null && paper.doi !== null && kept.doi.toLowerCase() === paper.doi.toLowerCase());
}

/** An abstract's first 200 letters and digits, as titleKey spells them: a corrected typo further on is the same abstract. */
function abstractKey(abstract: string): string {
  return titleKey(abstract.slice(0, 300)).slice(0, 200);
}

/** The id a record whose local id clashes is kept under: the id, "~", and 8 hex of its title's t: id (stable from run to run). */
export function localIdOf(paper: Pick<Paper, 'paperId' | 'title'>): string {
  return `${paper.paperId}~${titleId(paper.title).slice(2, 10)}`;
}

function setNew(map: Map<string, number>, key: string, index: number): void {
  if (!map.has(key)) map.set(key, index);
}

/** The normalised title and the year: "attention is all you need|2017". */
function titleYear(paper: Paper): string {
  return `${titleKey(paper.title)}|${paper.published?.slice(0, 4) ?? ''}`;
}

/** Lower-case letters and digits of a title, accents and punctuation gone. */
export function titleKey(title: string): string {
  return asciiTitleKey(title) ?? title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

let keyBytes = Buffer.alloc(256);

/**
 * titleKey of an ASCII title in one pass over its characters (null for any other title): ASCII
 * has nothing to decompose and no marks, and its letters and digits are A-Z, a-z and 0-9.
 */
function asciiTitleKey(title: string): string | null {
  if (keyBytes.length < title.length) keyBytes = Buffer.alloc(2 * title.length);
  const bytes = keyBytes;
  let n = 0;
  let gap = false;
  for (let i = 0; i < title.length; i++) {
    let c = title.charCodeAt(i);
    if (c >= 0x80) return null;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      // A run of anything else between two kept characters is one space; at either end, none.
      if (gap && n > 0) bytes[n++] = 0x20;
      gap = false;
      bytes[n++] = c;
    } else {
      gap = true;
    }
  }
  return bytes.toString('latin1', 0, n);
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
