// Owns duplicates across records, files and formats: two papers are one when they share an id, a
// DOI (case-insensitive), an arXiv id, or the same normalised title and year (unless both have DOIs
// and these differ), or the same title and abstract in any year (sameWork: a preprint and its journal
// version); the more complete record is kept and filled in from the other. A generic or
// very short title ("Introduction", "Editorial") names many papers, so there the title and year
// match only with the same abstract too. A local id (a BibTeX key, a spreadsheet's row number) that
// names a paper of another title is no match: that record keeps an id of its own (localIdOf).
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
  /** Titles with LaTeX command names left out, whatever the year (plainTitleKey): a match there is one paper when the abstracts agree too. */
  private readonly byPlainTitle = new Map<string, number>();

  /** Records whose local id named a paper of another title, and the id each was kept under. */
  readonly renamed: { paperId: string; keptAs: string; source: string }[] = [];

  /**
   * Records whose global id (an arXiv id, a DOI, …) named a paper of another title and another
   * abstract: a mistyped id, or a list that reused one. Merged by the id as the rule says, so one of
   * the two texts is gone; listed so that the summary says which (ingest/index.ts).
   */
  readonly clashes: { paperId: string; kept: string; dropped: string; source: string }[] = [];

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
    const title = titleYearKey(paper);
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
    const plain = plainTitleKey(paper.title);
    if (index === undefined) {
      // The same title and abstract in another year, or with LaTeX in one title only: a preprint and its journal version.
      const sameText = this.byPlainTitle.get(plain);
      if (sameText !== undefined && sameWork(this.papers[sameText], paper)) index = sameText;
    }
    if (index === undefined) {
      const at = this.papers.length;
      this.byId.set(paper.paperId, at);
      if (doi !== null) this.byDoi.set(doi, at);
      if (arxiv !== null) this.byId.set(arxiv, at);
      setNew(this.byTitle, title, at);
      setNew(this.byPlainTitle, plain, at);
      this.papers.push(paper);
      return;
    }
    this.duplicates++;
    const kept = this.papers[index];
    // The record kept in place is the more complete one (ties: the first), filled in from the other.
    const [best, other] = completeness(paper) > completeness(kept) ? [paper, kept] : [kept, paper];
    if (kept.paperId === paper.paperId && isGlobalId(paper.paperId) && titleKey(kept.title) !== titleKey(paper.title)
      && abstractKey(kept.abstract) !== abstractKey(paper.abstract)) {
      this.clashes.push({ paperId: paper.paperId, kept: best.title, dropped: other.title, source: paper.source });
    }
    const merged = fillIn(best, other);
    this.papers[index] = merged;
    // Keys the merged paper has and no paper had yet now name it too; so does the id of the record
    // merged in when the other one's id was kept (a later record under that key is this paper).
    setNew(this.byId, merged.paperId, index);
    setNew(this.byId, paper.paperId, index);
    if (merged.doi !== null) {
      setNew(this.byDoi, merged.doi.toLowerCase(), index);
      const mergedArxiv = arxivId(merged.doi);
      if (mergedArxiv !== null) setNew(this.byId, mergedArxiv, index);
    }
    setNew(this.byTitle, titleYearKey(merged), index);
    setNew(this.byPlainTitle, plainTitleKey(merged.title), index);
  }
}

/** Letters and digits an abstract must have to say two records are one work: "See the paper." names no paper. */
const SAME_WORK_LETTERS = 100;

/** titleKey with LaTeX command names left out: "$\\mathcal{O}(1)$" and "O(1)" are one title. */
export function plainTitleKey(title: string): string {
  return titleKey(title.includes('\\') ? title.replace(/\\[A-Za-z]+/g, ' ') : title);
}

/**
 * Whether two records of one plain title (plainTitleKey) are one work whatever their years: the same
 * abstract (its first 200 letters and digits, LaTeX command names left out, at least
 * SAME_WORK_LETTERS of them), and not two published versions with different DOIs. An arXiv preprint
 * and its journal version in the next year's Scopus export were two papers, each counted in its theme
 * (inputs audit of 2026-12-05). The abstracts are keyed only for records whose titles meet.
 */
export function sameWork(a: Pick<Paper, 'abstract' | 'doi'>, b: Pick<Paper, 'abstract' | 'doi'>): boolean {
  if (twoPublishedDois(a.doi, b.doi)) return false;
  const key = (abstract: string) => plainTitleKey(abstract.slice(0, 300)).slice(0, 200);
  const ka = key(a.abstract);
  return ka.replace(/ /g, '').length >= SAME_WORK_LETTERS && ka === key(b.abstract);
}

/** Two DOIs of published versions that differ (an arXiv DOI is the preprint's: it names the same work as the journal's). */
function twoPublishedDois(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && arxivId(a) === null && arxivId(b) === null && a.toLowerCase() !== b.toLowerCase();
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
  if (isGlobalId(paper.paperId)) return false;
  const abstracts = kept.abstract !== undefined && paper.abstract !== undefined;
  if (abstracts && abstractKey(kept.abstract!) === abstractKey(paper.abstract!)) return false;
  // Two "Introduction"s under one key are one paper only if their abstracts (when known) agree.
  if (titleKey(kept.title) === titleKey(paper.title) && !(abstracts && isGenericTitle(paper.title))) return false;
  return !(kept.doi !== null && paper.doi !== null && kept.doi.toLowerCase() === paper.doi.toLowerCase());
}

/** An abstract's first 200 letters and digits, as titleKey spells them: a corrected typo further on is the same abstract. */
export function abstractKey(abstract: string): string {
  return titleKey(abstract.slice(0, 300)).slice(0, 200);
}

/**
 * Titles that name a kind of item rather than a paper: journals and books give them to many papers
 * a year. As titleKey spells them, numbering left out (isGenericTitle).
 */
const GENERIC_TITLES = new Set([
  'introduction', 'editorial', 'guest editorial', 'editorial introduction', 'editors introduction', 'editor s introduction',
  'introduction to the special issue', 'introduction to this special issue', 'introduction to the special section',
  'preface', 'preface to the special issue', 'foreword', 'prologue', 'epilogue', 'afterword', 'conclusion', 'conclusions',
  'concluding remarks', 'summary', 'overview', 'index', 'author index', 'subject index', 'keyword index', 'contents',
  'table of contents', 'front matter', 'back matter', 'issue information', 'book review', 'book reviews', 'books received',
  'erratum', 'errata', 'corrigendum', 'correction', 'retraction', 'retraction notice', 'notice of retraction',
  'expression of concern', 'letter to the editor', 'letters to the editor', 'letter from the editor', 'from the editor',
  'from the editors', 'editor s note', 'editors note', 'note from the editor', 'message from the editor', 'in this issue',
  'reply', 'response', 'authors reply', 'author s reply', 'reply to the letter', 'response to the letter', 'comment', 'commentary',
  'discussion', 'correspondence', 'obituary', 'in memoriam', 'acknowledgements', 'acknowledgments', 'acknowledgement to reviewers',
  'list of reviewers', 'reviewers', 'abstracts', 'news', 'announcements', 'call for papers', 'appendix', 'glossary', 'references',
  'bibliography'
]);
/** Numbering around a title ("Chapter 3", "Part II", "Vol. 12", "1. Introduction"): not what tells papers apart. */
const NUMBERING = /\b(?:(?:chapter|part|section|volume|vol|issue|no|number) (?:[ivx]+|\d+)|\d+)\b/g;
/** Fewer words than this (numbering left out) and a title is too short to tell two papers apart by itself. */
const SPECIFIC_TITLE_WORDS = 3;

/**
 * Whether a title is too generic or too short to name one paper by itself ("Introduction",
 * "Editorial", "Book Review", "Chapter 3: Conclusion", "Deep learning"): such a title matches
 * another only with the same abstract (titleYearKey), and a paper without an id is keyed by both.
 */
export function isGenericTitle(title: string): boolean {
  const words = titleKey(title).replace(NUMBERING, ' ').split(' ').filter((word) => word !== '');
  return words.length < SPECIFIC_TITLE_WORDS || GENERIC_TITLES.has(words.join(' '));
}

/**
 * The id of a paper that came without one (a t: id, stable from run to run): its title's, and for a
 * generic title its title's and abstract's, so two "Editorial"s with different texts stay two papers.
 */
export function contentId(paper: Pick<Paper, 'title' | 'abstract'>): string {
  return isGenericTitle(paper.title) ? titleId(`${paper.title}\n${abstractKey(paper.abstract)}`) : titleId(paper.title);
}

/** The id a record whose local id clashes is kept under: the id, "~", and 8 hex of its contentId (stable from run to run). */
export function localIdOf(paper: Pick<Paper, 'paperId' | 'title' | 'abstract'>): string {
  return `${paper.paperId}~${contentId(paper).slice(2, 10)}`;
}

function setNew(map: Map<string, number>, key: string, index: number): void {
  if (!map.has(key)) map.set(key, index);
}

/**
 * The key a paper matches another by title: the normalised title and the year ("attention is all you
 * need|2017"), and for a generic title its abstractKey too ("introduction|2024|this special issue…").
 */
export function titleYearKey(paper: Pick<Paper, 'title' | 'abstract' | 'published'>): string {
  const key = `${titleKey(paper.title)}|${paper.published?.slice(0, 4) ?? ''}`;
  return isGenericTitle(paper.title) ? `${key}|${abstractKey(paper.abstract)}` : key;
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

/**
 * How far an id names a paper: 2 a global id (isGlobalId: arXiv, DOI, EID, UT, W-id), 1 a local one
 * (a citation key, a row number), 0 one made from the title (t:). Two records of one paper keep the
 * strongest, so a paper keeps its arXiv id whichever file gave the fuller record, and a run and the
 * next one (lineage, assign) know it by the same id.
 */
function idStrength(id: string): number {
  if (/^t:[0-9a-f]{16}$/.test(id)) return 0;
  return isGlobalId(id) ? 2 : 1;
}

function fillIn(best: Paper, other: Paper): Paper {
  // The categories and whether they are keywords only come from one record together.
  const classes = best.categories.length > 0 || other.categories.length === 0 ? best : other;
  const morePrecise = other.datePrecision !== null && (best.datePrecision === null || PRECISION[other.datePrecision] > PRECISION[best.datePrecision]);
  const merged: Paper = {
    ...best,
    // The id that names the paper beyond this run: an arXiv id or DOI over a citation key, a key over a title-made t: id.
    paperId: idStrength(other.paperId) > idStrength(best.paperId) ? other.paperId : best.paperId,
    published: morePrecise ? other.published : best.published,
    datePrecision: morePrecise ? other.datePrecision : best.datePrecision,
    authors: best.authors.length > 0 ? best.authors : other.authors,
    categories: classes.categories,
    url: best.url ?? other.url,
    doi: best.doi ?? other.doi,
    venue: best.venue ?? other.venue
  };
  if (classes.keywordsOnly) merged.keywordsOnly = true;
  else delete merged.keywordsOnly;
  return merged;
}
