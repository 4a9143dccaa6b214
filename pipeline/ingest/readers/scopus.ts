// Owns Scopus's CSV export: which header is one, and a row as the record normalise.ts reads
// (Title, Abstract, Year, Author full names/Authors, Author Keywords, DOI, Source title, Link, EID).
import { firstLast, initialsFirst, splitAuthors } from '../text.js';
import { withSourceNames } from '../normalise.js';
import { columnOf, rowFields, semicolonList } from './row-fields.js';

/** Scopus writes this instead of leaving the cell empty. */
const NO_ABSTRACT = /^\[no abstract available\]$/i;
// Publishers' notices Scopus appends to abstracts ("© 2023 Elsevier B.V. All rights reserved."):
// cut from a © or "Copyright" followed by a year, when it is near the end (the last 300 characters).
const COPYRIGHT = /\s*(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}|the author)[^]*$/i;
/** What Scopus writes in Authors and Author full names for a paper with no author (an editorial, a front matter). */
const NO_AUTHOR = /^\[no author name available\]$/i;
/** "Smith, John (57195000000)": the Scopus author id in brackets. */
const AUTHOR_ID = /\s*\(\d+\)\s*$/;

/** A Scopus header: an EID column beside a Title column. */
export function isScopusHeader(names: string[]): boolean {
  const keys = new Set(names.map((name) => name.trim().toLowerCase()));
  return keys.has('eid') && keys.has('title');
}

export function scopusRecord(row: Record<string, unknown>): Record<string, unknown> {
  const get = rowFields(row);
  // Without `Author full names`, `Authors` is read as splitAuthors reads a list: newer exports part it
  // with ";" ("Li J.; Deng Q."), older ones with "," ("Chaduvula S., Ho J."), some "Smith, J., Doe, A."
  // ("Smith, J." pairs flipped); a split on ";" alone made a comma list one author. Its "Surname
  // Initials" names are turned about ("Li J." → "J. Li"), else RIS and BibTeX wrote "J." as the surname.
  const fullNames = semicolonList(get('authorfullnames')).filter((name) => !NO_AUTHOR.test(name)).map((name) => firstLast(name.replace(AUTHOR_ID, '')));
  const authors = NO_AUTHOR.test(get('authors')) ? '' : get('authors');
  return withSourceNames({
    id: get('eid'), title: get('title'), abstract: scopusAbstract(get('abstract')), published: get('year'),
    authors: fullNames.length > 0 ? fullNames : splitAuthors(authors).map(initialsFirst), keywords: semicolonList(get('authorkeywords')),
    doi: get('doi'), venue: get('sourcetitle'), url: get('link')
  }, () => {
    const column = (key: string) => columnOf(row, key);
    return { id: column('eid'), title: column('title'), abstract: column('abstract'), published: column('year'),
      authors: column(fullNames.length > 0 ? 'authorfullnames' : 'authors'), keywords: column('authorkeywords'), doi: column('doi'),
      venue: column('sourcetitle'), url: column('link') };
  });
}

function scopusAbstract(text: string): string | undefined {
  // "[No abstract available]" goes on as written: the skip names the placeholder, as for any format's "N/A".
  if (NO_ABSTRACT.test(text)) return text;
  if (text === '') return undefined;
  const notice = COPYRIGHT.exec(text);
  return notice !== null && notice.index > 0 && text.length - notice.index <= 300 ? text.slice(0, notice.index) : text;
}
