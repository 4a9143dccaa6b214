// Owns the small text rules of ingest: Unicode/whitespace cleaning, abstract truncation, arXiv ids
// and the stable id derived from a title.
import { createHash } from 'node:crypto';

/** Abstracts longer than this are cut (a 1 MB "abstract" is a broken export, not a paper). */
export const MAX_ABSTRACT_CHARS = 20_000;

/**
 * Runs of whitespace that are not already one space: collapsing every run of \s into one space
 * is the same as replacing these, and leaves the single spaces between words alone (no match each).
 */
const WHITESPACE = /\s{2,}|[^\S ]/g;
/** Anything but printable ASCII: only text with it (or with double spaces) needs NFC and collapsing. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
/**
 * A UTF-16 surrogate without its partner ("\ud835" in a JSON string): no character. As UTF-8 — in
 * DuckDB, in the packed texts the tokenise workers read — it becomes U+FFFD, so it becomes that here,
 * and every reader of a paper's text sees the same characters.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Control characters that are no whitespace (NUL, BEL, ESC, DEL, C1): debris of an export, dropped. */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;
const HAS_CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/;
/** Any surrogate: text without one has no lone one (a test is 4x cheaper than LONE_SURROGATE's scan). */
const SURROGATE = /[\ud800-\udfff]/;
// New-style ids (2407.02880, 2407.02880v2) and old-style ones (cs/0112017, math.GT/0309136v1),
// optionally written "arXiv:…" or as an abs/pdf link (https://arxiv.org/abs/2407.02880v3,
// http://arxiv.org/pdf/2407.02880.pdf); group 1 is the id without its version suffix.
const NEW_ARXIV = /^(?:arxiv:|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?$/i;
const OLD_ARXIV = /^(?:arxiv:|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?([a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?\/?$/i;
/** arXiv's own DOIs (10.48550/arXiv.2402.00001) name the same paper as the id. */
const ARXIV_DOI = /^10\.48550\/arxiv\./i;

/** NFC-normalises, replaces lone surrogates by U+FFFD, drops control characters and collapses every run of whitespace (newlines, tabs, NBSP) into one space. */
export function cleanText(text: string): string {
  // The fast path matters: most abstracts are already clean ASCII, and a regex test plus includes()
  // is ~4x cheaper than normalize + replace over 128 MB of abstracts.
  if (!NOT_PRINTABLE_ASCII.test(text) && !text.includes('  ')) return text.trim();
  const whole = SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
  const printable = HAS_CONTROL.test(whole) ? whole.replace(CONTROL, '') : whole;
  return printable.normalize('NFC').replace(WHITESPACE, ' ').trim();
}

/** cleanText of text known to be printable ASCII (RawLine.printable): only double spaces need more than a trim. */
export function cleanPrintable(text: string): string {
  return text.includes('  ') ? cleanText(text) : text.trim();
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return text.slice(0, end).trimEnd();
}

/** The arXiv id without version or "arXiv:" prefix, or null when `id` is not an arXiv id. */
export function arxivId(id: string): string | null {
  if (ARXIV_DOI.test(id)) return arxivId(id.slice('10.48550/arXiv.'.length));
  const match = NEW_ARXIV.exec(id) ?? OLD_ARXIV.exec(id);
  return match ? match[1] : null;
}

/** Stable id for a paper without one: `t:` + first 16 hex of sha1(lower-cased title). */
export function titleId(title: string): string {
  return `t:${createHash('sha1').update(title.toLowerCase()).digest('hex').slice(0, 16)}`;
}

/**
 * "A; B", "A, B and C", "A & B" → names, "Last, First" ones as "First Last" (firstLast, as the
 * BibTeX, RIS and CSL readers give them, so one person is one name whatever the export); `;` wins so
 * "Last, First; Last, First" stays two names. Without one, commas that only part surnames from given
 * names stay in the name: "Smith, Jane" is one author, "Smith, J., Doe, A. R." two (a one-word part,
 * then a given name or initials, in turn).
 */
export function splitAuthors(text: string): string[] {
  if (text.includes(';')) return cleanList(text.split(';')).map(firstLast);
  const parts = cleanList(text.split(/\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/));
  return isLastFirstPairs(parts) ? parts.flatMap((part, i) => (i % 2 === 0 ? [`${parts[i + 1]} ${part}`] : [])) : parts;
}

const INITIALS = /^(?:\p{Lu}\.?[\s-]?)+$/u;
/** A surname: one word, after any lower-case particles ("van der Berg", "de la Cruz", "al-Khwarizmi"). */
const SURNAME = /^(?:(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ter|ten|bin|ibn|al|el)\s+)*[^\s,]*\p{L}[^\s,]*$/u;

/** Surname, given name(s) in turn: two parts, the first a surname ("Smith, Jane"), or more with initials for every given name. */
function isLastFirstPairs(parts: readonly string[]): boolean {
  if (parts.length === 0 || parts.length % 2 === 1) return false;
  for (let i = 0; i < parts.length; i += 2) {
    if (!SURNAME.test(parts[i])) return false;
    if (parts.length > 2 && !INITIALS.test(parts[i + 1])) return false;
  }
  return true;
}

/**
 * Names in "Last, First" form (Zotero's Author column, BibTeX's author): split on ";" or " and ",
 * never on the comma inside a name, and given as "First Last".
 */
export function splitLastFirstAuthors(text: string): string[] {
  // Zotero parts names with "; ", BibTeX with " and ": a group's name keeps its " and " ("Bill and Melinda Gates Foundation").
  return cleanList(text.split(';').flatMap((part) => (isGroupName(part) ? [part] : part.split(/\s+and\s+/)))).map(firstLast);
}

/** Initials as Scopus writes them after a surname: "W.", "E.M.", "J.-P.", "Yu.A.", "Th.". */
const TRAILING_INITIALS = /^(?:\p{Lu}\p{Ll}?\.)+(?:-\p{Lu}\p{Ll}?\.)*$/u;

/**
 * A name written "Surname Initials" (Scopus's Authors column: "Nie W.", "Chen E.M.", "van der Berg
 * J.-P.") as "Initials Surname", so it is stored as people are ("W. Nie") and RIS and BibTeX write its
 * surname first ("Nie, W."). Any other name is left as it is.
 */
export function initialsFirst(name: string): string {
  const words = name.trim().split(/\s+/);
  let k = words.length;
  while (k > 1 && TRAILING_INITIALS.test(words[k - 1])) k--;
  return k === words.length || k === 0 ? name.trim() : [...words.slice(k), ...words.slice(0, k)].join(' ');
}

/** An arXiv-style category code ("cs.CL", "q-bio.NC", "I.2.10", "hep-th"): a list of them may be parted by spaces. */
const CATEGORY_CODE = /^(?:[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+|hep-th|hep-ph|hep-ex|hep-lat|gr-qc|quant-ph|math-ph|nucl-th|nucl-ex|astro-ph|cond-mat|nlin)$/;

/**
 * "cs.CL cs.AI" or "cs.CL; cs.AI" → categories. In a ";" list (as Themescope's own CSV and JSON exports
 * write categories) a part is split further only when it is codes ("cs.CL cs.AI", "cs.LG, stat.ML"), so
 * "mixture of experts" or Web of Science's "Computer Science, Artificial Intelligence" stays one category.
 */
export function splitCategories(text: string): string[] {
  if (!text.includes(';')) return cleanList(text.split(/[\s,]+/));
  return cleanList(text.split(';').flatMap((part) => {
    const words = part.split(/[\s,]+/).filter((word) => word !== '');
    return words.every((word) => CATEGORY_CODE.test(word)) ? words : [part];
  }));
}

/** Cleans each string and drops the empty ones; `printable`: the strings are known to be printable ASCII (cleanPrintable). */
export function cleanList(items: string[], printable = false): string[] {
  const out: string[] = [];
  for (const item of items) {
    const clean = printable ? cleanPrintable(item) : cleanText(item);
    if (clean !== '') out.push(clean);
  }
  return out;
}

/** Keywords as reference managers write them: "a; b" (`;` wins, keywords may hold commas), else "a, b". */
export function splitKeywords(text: string): string[] {
  return cleanList(text.split(text.includes(';') ? ';' : ','));
}

/** What follows a comma in a name that is no given name: a company's or a generation's suffix. */
// Only words that are no one's initials: "S.A." or "K.K." after a comma are as often a person's
// given names ("Smith, S.A.") as a company's form, and a person's name is the commoner case.
const NAME_SUFFIX = /^(?:inc|ltd|limited|llc|llp|plc|pbc|corp|corporation|company|gmbh|spa|srl|pty\.? ltd|jr|sr|ii|iii|iv)\.?$/i;

/**
 * One name of a list that gives names one by one (a JSON array): "Smith, Jane" → "Jane Smith" when
 * it reads as surname, given name(s) (one surname word, particles allowed); "Barnes and Noble, Inc."
 * and names without a comma as they are, so names a reader already gave as "First Last" stay.
 */
export function arrayName(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length !== 2 || parts[1] === '' || !SURNAME.test(parts[0]) || NAME_SUFFIX.test(parts[1])) return name;
  return `${parts[1]} ${parts[0]}`;
}

/**
 * "Lovelace, Ada" → "Ada Lovelace"; "Stark, Jr., Tony" (BibTeX's order) and "Stark, Tony, Jr." (RIS's)
 * → "Tony Stark Jr."; other names as they are.
 */
export function firstLast(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  // "Barnes and Noble, Inc." is a name with its suffix, not a surname before a given name.
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') return NAME_SUFFIX.test(parts[1]) ? name.trim() : `${parts[1]} ${parts[0]}`;
  if (parts.length === 3 && parts.every((part) => part !== '')) {
    const [last, a, b] = parts;
    return JUNIOR.test(b) && !JUNIOR.test(a) ? `${a} ${last} ${b}` : `${b} ${last} ${a}`;
  }
  return name.trim();
}

/** A generational suffix: what follows the surname in "First Last Jr.". */
const JUNIOR = /^(?:jr|sr|ii|iii|iv|2nd|3rd)\.?$/i;

/** The lower-case words BibTeX counts as part of the surname ("van", "de la"). */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ter|ten|bin|ibn|al|el|y|zu|vom|op)$/;

/** A name that is a group's, not a person's: written as it is, never turned about. */
// Words bounded by letters of any script: with \b, "Inc" in "D'Incà" was a word (JS's \b counts "à" as no letter).
const GROUP = /(?<![\p{L}\p{N}])(?:collaboration|consortium|team|project|initiative|society|association|institute|university|laboratory|committee|council|foundation|inc|ltd|llc|gmbh|corp)(?![\p{L}\p{N}])\.?/iu;

/** Whether a name is a group's ("The CMS Collaboration", "Barnes and Noble, Inc."), which no tool should turn about. */
export function isGroupName(name: string): boolean {
  return GROUP.test(name);
}

/**
 * A stored "First Last" name as RIS and library tools want it: "Last, First", "Last, First, Jr."; a
 * particle stays with the surname ("van Beethoven, Ludwig"). firstLast reads each back as it was. A name
 * of one word, holding a comma already, or naming a group ("The CMS Collaboration") is left as it is.
 */
export function lastFirst(name: string): string {
  const trimmed = name.trim();
  // "Bo Li, Jr." (a name stored with its suffix after a comma): "Li, Bo, Jr.".
  const [person, suffix0, ...more] = trimmed.split(',').map((part) => part.trim());
  if (suffix0 !== undefined && more.length === 0 && JUNIOR.test(suffix0) && person.includes(' ')) {
    const turned = lastFirst(person);
    return turned === person ? trimmed : `${turned}, ${suffix0}`;
  }
  if (trimmed.includes(',') || isGroupName(trimmed)) return trimmed;
  const words = trimmed.split(/\s+/);
  if (words.length === 2 && JUNIOR.test(words[1])) return trimmed;
  const suffix = words.length > 2 && JUNIOR.test(words[words.length - 1]) ? words.pop()! : null;
  if (words.length < 2) return trimmed;
  let start = words.length - 1;
  while (start > 1 && PARTICLE.test(words[start - 1])) start--;
  const [first, last] = [words.slice(0, start).join(' '), words.slice(start).join(' ')];
  return suffix === null ? `${last}, ${first}` : `${last}, ${first}, ${suffix}`;
}

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** The bare DOI ("10.1145/…") of a DOI, a doi.org link or "doi:…", or null when it is none. */
export function cleanDoi(value: string): string | null {
  const doi = value.trim().replace(DOI_PREFIX, '');
  return DOI.test(doi) ? doi : null;
}
