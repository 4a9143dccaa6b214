// Owns the bibliographic downloads of a paper list (papers.bib / .ris, theme-papers, map-region): one
// BibTeX entry or RIS record per paper, in the list's order, for a reference manager (Zotero, EndNote,
// Mendeley) or a LaTeX bibliography. The pipeline's own BibTeX and RIS readers read them back to the
// same ids, titles, authors and dates (tested), so a theme's papers can also seed another run.
import { readsAsCommand } from '../../../pipeline/ingest/readers/latex-text.js';
import { isGroupName, lastFirst } from '../../../pipeline/ingest/text.js';

export type BibFormat = 'bib' | 'ris';
export const BIB_FORMATS: readonly BibFormat[] = ['bib', 'ris'];

/** The columns a record needs, read through the export's FROM (papers aliased `p`). */
export const BIB_COLUMNS = `p.paper_id, p.title, p.abstract, p.published::VARCHAR AS published, p.date_precision,
  p.authors, p.categories, p.doi, p.venue, p.url, ap.batch_id AS added_batch, ap.novel`;

export interface BibPaper {
  paper_id: string;
  title: string;
  abstract: string | null;
  published: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  authors: string[] | null;
  categories: string[] | null;
  doi: string | null;
  venue: string | null;
  url: string | null;
  /** The `npm run assign` batch that added it after clustering (`ap`, assigned_papers), and whether it is novel; null for the run's own papers. */
  added_batch?: number | null;
  novel?: boolean | null;
}

/**
 * What the lists' badges say, for the record's annotation: "Added after clustering (npm run assign,
 * batch 2); novel: fits no theme well"; null for the run's own papers. BibTeX's `annote`, which the
 * standard styles never print (a `note` went into the reference list), and RIS's N1 (a reference
 * manager's note). The pipeline's readers skip both.
 */
function addedNote(p: BibPaper): string | null {
  if (p.added_batch === null || p.added_batch === undefined) return null;
  return `Added after clustering (npm run assign, batch ${p.added_batch})${p.novel ? '; novel: fits no theme well' : ''}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** One line, whitespace collapsed (RIS has one value per line; BibTeX reads better so). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A BibTeX field value inside braces. arXiv titles and abstracts are written for LaTeX ($x_i$,
 * \emph{…}), so they are kept as they are, as arXiv's own BibTeX does, except what would break the
 * file or the document: a brace that pairs with none is written as a command (balanceBraces), a bare
 * % & # is escaped, and outside math so are _ ^ ~ $ and a literal backslash (escapeOutsideMath).
 */
export function bibValue(text: string): string {
  let out = oneLine(text);
  // Most texts hold none of these: a test is a scan, a replace a copy (testing first: 1.9 CPU s instead
  // of 4.4 for the 74.7k arXiv abstracts).
  if (/[{}]/.test(out)) out = balanceBraces(out);
  if (/[%&#]/.test(out)) out = out.replace(/(?<!\\)([%&#])/g, '\\$1');
  if (/[\\^~_$]/.test(out)) out = escapeOutsideMath(out);
  return out;
}

// Math ($$…$$, $…$, \(…\), \[…\]: group 1, kept as it is), else a command or control symbol (\emph,
// \%, \\, \'; group 2), else a backslash before a digit, a space or the end (group 2 empty), else a bare
// ^ ~ _ or an unpaired $.
const TEXT_SPECIAL = /(\$\$[^]*?\$\$|\$(?:\\[^]|[^$\\])+\$|\\\([^]*?\\\)|\\\[[^]*?\\\])|\\([A-Za-z]+|[^A-Za-z\d\s]|)|[\^~_$]/g;
const BARE: Record<string, string> = { '^': '\\^{}', '~': '\\~{}', _: '\\_', $: '\\$' };

/**
 * Outside math, what LaTeX would not read as the text says: ^ (an error outside math) as \^{}, ~ (a
 * tie, a space) as \~{}, _ as \_, a $ that opens no math as \$, and a literal backslash as
 * \textbackslash{}. A backslash is literal at the end of the text (it escaped the field's closing
 * brace: the entry never closed), before a digit (no LaTeX command), or standing alone between spaces
 * ("a \ b"); after a word it is a control space ("e.g.\ crop", 100 arXiv abstracts) and stays.
 * Before letters it is a command, kept, only where the reader reads one (readsAsCommand: \emph{x},
 * \LaTeX, \c c); elsewhere ("C:\new", "\alpha" written in text, an arXiv macro like "\ours") LaTeX
 * would stop at an undefined command and the reader would drop the word, so it is literal too.
 * The pipeline's BibTeX reader (latex-text.ts) reads each back to its character.
 */
function escapeOutsideMath(text: string): string {
  return text.replace(TEXT_SPECIAL, (match: string, math: string | undefined, command: string | undefined, at: number) => {
    if (math !== undefined) return match;
    if (command === undefined) return BARE[match];
    if (/^[A-Za-z]/.test(command)) {
      return readsAsCommand(command, text.slice(at + match.length, at + match.length + 40)) ? match : `\\textbackslash{}${command}`;
    }
    if (command !== '') return match;
    const next = text[at + 1];
    const literal = next === undefined || /\d/.test(next) || at === 0 || /\s/.test(text[at - 1]);
    return literal ? '\\textbackslash{}' : match;
  });
}

/**
 * A url or doi field: written as it is, not as LaTeX (biblatex reads url verbatim, so "\&" in it is
 * wrong; the pipeline's reader reads both as written). Only what would end the value early is
 * percent-encoded: a backslash (it escapes the closing brace), and braces when they do not pair.
 */
export function verbatimValue(text: string): string {
  const out = oneLine(text).replace(/\\/g, '%5C');
  return bracesPair(out) ? out : out.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D'));
}

/** Whether every "}" closes an earlier "{" and every "{" is closed. */
function bracesPair(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The text with every brace that pairs with none written \textbraceleft{} or \textbraceright{} (its
 * escaping backslash included). BibTeX counts braces whatever the backslash before them, so a lone
 * "}" or "\{" left the entry open and the file read wrong in BibTeX, biber and Zotero. Escaped braces
 * ("\{", after an odd number of backslashes) pair with escaped ones and bare braces with bare ones, so
 * LaTeX sees balanced groups too, and BibTeX's count (the two together) never drops below zero.
 */
function balanceBraces(text: string): string {
  const open: [number[], number[]] = [[], []]; // bare, escaped
  const lone = new Set<number>();
  const escapedAt = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '{' && c !== '}') continue;
    let slashes = 0;
    while (i - slashes - 1 >= 0 && text[i - slashes - 1] === '\\') slashes++;
    const escaped = slashes % 2 === 1 ? 1 : 0;
    if (escaped) escapedAt.add(i);
    if (c === '{') open[escaped].push(i);
    else if (open[escaped].length > 0) open[escaped].pop();
    else lone.add(i);
  }
  for (const i of [...open[0], ...open[1]]) lone.add(i);
  if (lone.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && lone.has(i + 1) && escapedAt.has(i + 1)) continue; // the escape goes with its brace
    out += lone.has(i) ? (text[i] === '{' ? '\\textbraceleft{}' : '\\textbraceright{}') : text[i];
  }
  return out;
}

/**
 * The entry's key: the paper id with characters BibTeX keys cannot hold made `_` ("/", the "~" of a
 * local id kept apart, mueller2024~c8672824). Such an id is also written whole in a themescope-id
 * field (bibtexEntry), which the pipeline's reader takes in place of the key.
 */
export function bibKey(paperId: string): string {
  return paperId.replace(/[^A-Za-z0-9.:_/-]/g, '_').replace(/\//g, '_');
}

/**
 * Keys handed out in one file: BibTeX compares keys ignoring case and stops at a repeated one (biber
 * drops it), and two ids can make one key ("10.1000/x.y_z" and "10.1000/x.y/z", "dup/key" and
 * "dup_key"): a later one takes the first free "_2", "_3", … (its id then goes in themescope-id).
 */
export class BibKeys {
  private readonly taken = new Set<string>();

  key(paperId: string): string {
    const base = bibKey(paperId);
    let key = base;
    for (let n = 2; this.taken.has(key.toLowerCase()); n++) key = `${base}_${n}`;
    this.taken.add(key.toLowerCase());
    return key;
  }
}

/**
 * One author for BibTeX's author field, surname first as BibTeX reads names ("von Last, Jr., First"):
 * "van Beethoven, Ludwig", "King, Jr., Martin Luther"; a group's name, or one holding " and " or a comma
 * it does not part as a person's, braced whole ("{The CMS Collaboration}", "{Barnes and Noble, Inc.}"),
 * else BibTeX reads "Collaboration" as a surname or two people. A one-word name stays as it is.
 */
function bibName(name: string): string {
  // " and " anywhere, or a name starting or ending with "and" (arXiv lists hold "and Wen Tong"): BibTeX parts at it.
  if (/(?:^|\s)and(?:\s|$)/i.test(name.trim()) || isGroupName(name)) return `{${bibValue(name)}}`;
  const turned = lastFirst(name);
  if (turned === name.trim()) return name.includes(',') ? `{${bibValue(name)}}` : bibValue(name);
  const [last, first, suffix] = turned.split(',').map((part) => part.trim());
  return bibValue(suffix === undefined ? `${last}, ${first}` : `${last}, ${suffix}, ${first}`);
}

/**
 * A title with its capitals kept: a word with a capital after its first letter ("InfiniVerse", "RLVR",
 * "3D", "LLMs", "CR-Seg") is braced, so sentence-case styles (plain, IEEEtran, ACM) do not print
 * "Infiniverse". Math, commands and what is braced already are left as they are; the reader drops
 * the braces.
 */
export function protectCapitals(value: string): string {
  let depth = 0;
  let out = '';
  // Math and braced groups are copied whole; a word is letters, digits and inner hyphens or apostrophes.
  for (const m of value.matchAll(/(\$\$[^]*?\$\$|\$(?:\\[^]|[^$\\])+\$|\\\([^]*?\\\)|\\\[[^]*?\\\])|(\\(?:[A-Za-z]+|.))|([{}])|([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)|([^])/gu)) {
    const [all, , , brace, word] = m;
    if (brace !== undefined) depth += brace === '{' ? 1 : -1;
    const afterCommand = /\\[A-Za-z]+$/.test(out);
    out += word !== undefined && depth === 0 && !afterCommand && /\p{Lu}/u.test(word.slice(1)) ? `{${word}}` : all;
  }
  return out;
}

/** Venues that are preprint servers (OpenAlex names arXiv "arXiv (Cornell University)"): such a paper is a preprint, not an article. */
const PREPRINT_VENUE = /\b(?:arxiv|biorxiv|medrxiv|chemrxiv|techrxiv|psyarxiv|socarxiv|eartharxiv|engrxiv|ssrn|research square|preprints\.org|osf preprints|zenodo)\b/i;

/** The kind of record: a journal article, a paper in proceedings, or a preprint (no venue, or a preprint server's). */
function kindOf(p: BibPaper): 'article' | 'proceedings' | 'preprint' {
  // A server's name, not its address: a URL as venue stays a journal's, as it was read ("https://www.biorxiv.org").
  if (!p.venue || (PREPRINT_VENUE.test(p.venue) && !/^https?:/i.test(p.venue.trim()))) return 'preprint';
  return isProceedings(p.venue) ? 'proceedings' : 'article';
}

/**
 * Conferences that papers name by their acronym alone ("NAACL", "NeurIPS 2024", "CHI '25", "Findings
 * of EMNLP"): computer science's, where most of the field publishes in proceedings. Matched with their
 * own capitals, at the start of the venue, so "TACL" or "Transactions of the ACL" (journals) stay articles.
 */
const CONFERENCE_ACRONYMS = ['NeurIPS', 'NIPS', 'ICML', 'ICLR', 'AAAI', 'IJCAI', 'AISTATS', 'UAI', 'COLT', 'ACL', 'EMNLP', 'NAACL', 'EACL',
  'AACL', 'COLING', 'CoNLL', 'LREC', 'IJCNLP', 'CVPR', 'ICCV', 'ECCV', 'WACV', 'BMVC', 'MICCAI', 'ISBI', 'ICASSP', 'INTERSPEECH', 'Interspeech',
  'KDD', 'SIGIR', 'SIGMOD', 'VLDB', 'ICDE', 'WWW', 'WSDM', 'CIKM', 'RecSys', 'CHI', 'UIST', 'CSCW', 'ICRA', 'IROS', 'CoRL', 'RSS', 'SIGGRAPH',
  'ICSE', 'FSE', 'ASE', 'PLDI', 'POPL', 'OSDI', 'SOSP', 'NSDI', 'CCS', 'STOC', 'FOCS', 'SODA', 'MLSys', 'ECAI', 'ECIR', 'ICDM', 'SDM'];
const ACRONYM_VENUE = new RegExp(`^(?:Findings of (?:the )?)?(?:${CONFERENCE_ACRONYMS.join('|')})(?![\\w-])`);

/**
 * Whether a venue is a conference's or workshop's proceedings ("Proc. of NeurIPS", "Proceedings of
 * the …", "… Conference on …", "Workshop", "Symposium", or a conference's acronym alone: "NAACL"):
 * such a paper is @inproceedings (booktitle) and RIS CONF, not a journal article.
 */
export function isProceedings(venue: string): boolean {
  const v = venue.trim();
  return /^(?:proc\b|proceedings\b)|\b(?:conference|workshops?|symposium|congress|colloquium)\b/i.test(v) || ACRONYM_VENUE.test(v);
}

/**
 * One BibTeX entry: @article when the paper names a journal, @inproceedings a conference's
 * proceedings, else @misc (a preprint: no venue, or a preprint server's, written as howpublished);
 * arXiv ids as eprint. `key`: the entry's key (BibKeys, unique in its file; the id's by default).
 */
export function bibtexEntry(p: BibPaper, { key = bibKey(p.paper_id) }: { key?: string } = {}): string {
  const fields: [string, string][] = [['title', protectCapitals(bibValue(p.title))]];
  // The id the key could not keep, for the round trip (bibKey); other readers ignore a field they do not know.
  if (key !== p.paper_id) fields.push(['themescope-id', verbatimValue(p.paper_id)]);
  const authors = (p.authors ?? []).map(oneLine).filter((a) => a !== '');
  if (authors.length > 0) fields.push(['author', authors.map(bibName).join(' and ')]);
  if (p.published !== null) {
    const [year, month] = [p.published.slice(0, 4), Number(p.published.slice(5, 7))];
    const precision = p.date_precision ?? 'day';
    fields.push(['date', precision === 'year' ? year : precision === 'month' ? p.published.slice(0, 7) : p.published.slice(0, 10)]);
    fields.push(['year', year]);
    if (precision !== 'year') fields.push(['month', MONTHS[month - 1]]);
  }
  const kind = kindOf(p);
  if (p.venue) fields.push([kind === 'proceedings' ? 'booktitle' : kind === 'article' ? 'journal' : 'howpublished', bibValue(p.venue)]);
  if (p.doi) fields.push(['doi', verbatimValue(p.doi)]);
  if (ARXIV_ID.test(p.paper_id)) fields.push(['eprint', p.paper_id], ['archiveprefix', 'arXiv']);
  if (p.url) fields.push(['url', verbatimValue(p.url)]);
  // Parted by ", " as biblatex and JabRef part keywords; by "; " (which the reader parts at first) when a
  // category holds a comma (arXiv's "92B20, 68T07"), a lone one then ending with ";" so that it is read whole.
  // A category holding a ";" (arXiv's ACM classes "I.2.10; I.4.6") is read back as its parts either way: parted
  // by "; " the others stay whole (by ", " the reader took "cs.CV, cs.AI, I.2.10" as the primary category).
  if (p.categories && p.categories.length > 0) {
    const commas = p.categories.some((c) => c.includes(',') || c.includes(';'));
    const joined = p.categories.join(commas ? '; ' : ', ');
    fields.push(['keywords', bibValue(commas && p.categories.length === 1 ? `${joined};` : joined)]);
  }
  if (p.abstract) fields.push(['abstract', bibValue(p.abstract)]);
  const note = addedNote(p);
  if (note !== null) fields.push(['annote', bibValue(note)]);
  // month is a macro (no braces); everything else is braced.
  const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
  return `@${kind === 'preprint' ? 'misc' : kind === 'proceedings' ? 'inproceedings' : 'article'}{${key},\n${body}\n}\n\n`;
}

/** One RIS record: JOUR when the paper names a journal, CONF a conference's proceedings, else UNPB (a preprint, as bibtexEntry tells them); DA as precise as the date. */
export function risRecord(p: BibPaper): string {
  const type = { article: 'JOUR', proceedings: 'CONF', preprint: 'UNPB' }[kindOf(p)];
  const lines: [string, string][] = [['TY', type], ['ID', p.paper_id], ['TI', p.title]];
  // RIS names are "Last, First" (what EndNote and Zotero read as surname and given names); the reader turns them back.
  for (const author of p.authors ?? []) lines.push(['AU', lastFirst(author)]);
  if (p.published !== null) {
    const [y, m, d] = [p.published.slice(0, 4), p.published.slice(5, 7), p.published.slice(8, 10)];
    const precision = p.date_precision ?? 'day';
    lines.push(['PY', y], ['DA', precision === 'year' ? `${y}///` : precision === 'month' ? `${y}/${m}//` : `${y}/${m}/${d}/`]);
  }
  if (p.venue) lines.push(['T2', p.venue]);
  if (p.doi) lines.push(['DO', p.doi]);
  if (p.url) lines.push(['UR', p.url]);
  for (const category of p.categories ?? []) lines.push(['KW', category]);
  if (p.abstract) lines.push(['AB', p.abstract]);
  const note = addedNote(p);
  if (note !== null) lines.push(['N1', note]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\r\n') + '\r\n\r\n';
}

/** The records of `rows` as they come (constant memory); the query starts on the first read. */
export function bibStream(rows: AsyncGenerator<Record<string, unknown>[]>, format: BibFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const keys = new BibKeys();
  const write = format === 'bib' ? (p: BibPaper) => bibtexEntry(p, { key: keys.key(p.paper_id) }) : risRecord;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await rows.next();
      if (done) {
        controller.close();
        return;
      }
      if (value.length > 0) controller.enqueue(encoder.encode(value.map((row) => write(row as unknown as BibPaper)).join('')));
    },
    async cancel() {
      await rows.return(undefined);
    }
  });
}
