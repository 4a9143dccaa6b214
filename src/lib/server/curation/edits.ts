// Owns what an edit is: the kinds a research lead can make to a run's themes (rename, merge, split,
// hide, unhide, note, undo), their stored shape, and the checks on every user-given field.
import { formatCount } from '../../charts/periods.js';

/** Longest theme name, note and editor name, in characters. */
export const MAX_NAME = 120;
export const MAX_NOTE = 2000;
export const MAX_EDITOR = 60;
export const SPLIT_PARTS = { min: 2, max: 5 } as const;

export interface SplitPart {
  /** The new theme id the part gets (above every id the run had when it was split). */
  id: number;
  label: string;
  keywords: { term: string; weight: number }[];
  paperIds: string[];
}

export type EditBody =
  | { kind: 'rename'; themeId: number; name: string }
  | { kind: 'merge'; themeIds: number[]; into: number; name: string | null }
  | { kind: 'split'; themeId: number; units: number[]; parts: SplitPart[] }
  | { kind: 'hide'; themeId: number }
  | { kind: 'unhide'; themeId: number }
  | { kind: 'note'; themeId: number; text: string }
  | { kind: 'undo'; target: string };

/**
 * The label each theme an edit names had when the edit was made (theme id → label), kept with it so
 * the history reads as it did then whatever came after. Absent on edits made before it was recorded
 * (the history then reconstructs the names from the edits before) and on undos (they name an edit).
 */
export type LabelsThen = Record<string, string>;

export type EditKind = EditBody['kind'];

/**
 * An edit id as the journal and the carry write them: "12", a carried "r3.31-rename" (carry.ts carriedId),
 * or "r3.4" as carried edits were numbered before; what an undo form and the confirmation cookie accept.
 */
export const EDIT_ID = /^(\d{1,9}|r\d{1,9}\.\d{1,9}(?:-(?:merge|rename|hide|note))?)$/;

/** An edit as stored: `id` is its journal sequence number; carried edits have ids "r<run>.<id>". */
export type Edit = EditBody & {
  id: string;
  labels?: LabelsThen;
  runId: number;
  /** ISO time the edit was made. */
  at: string;
  /** The name the editor gave. */
  by: string;
  /** Set on an edit carried from an earlier run: that run and the edit there. */
  carriedFrom?: { runId: number; id: string };
};

/** A user's text trimmed, or the reason it is refused (one line). */
export function checkText(raw: unknown, what: string, max: number, required: boolean): { ok: string } | { error: string } {
  if (typeof raw !== 'string') return required ? { error: `${what}: required` } : { ok: '' };
  const text = raw.normalize('NFC').trim();
  if (required && text === '') return { error: `${what}: must not be empty` };
  if ([...text].length > max) return { error: `${what}: at most ${max} characters (got ${[...text].length})` };
  // Control characters (other than tab/newline in notes) would break CSV rows and page layout.
  const bad = what === 'note' ? /[\u0000-\u0008\u000b-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (bad.test(text)) return { error: `${what}: must not contain control characters` };
  // Names go into pages, legends, file names and CSV: markup in one is refused outright (it would
  // render as text anyway, never as HTML).
  if (what !== 'note' && /[<>]/.test(text)) return { error: `${what}: must not contain < or >` };
  return { ok: text };
}

/** A theme id from a form field: digits only, ≤ 7 of them. */
export function checkThemeId(raw: unknown, what = 'theme'): { ok: number } | { error: string } {
  if (typeof raw !== 'string' || !/^\d{1,7}$/.test(raw.trim())) return { error: `${what}: expected a theme id (an integer ≥ 0)` };
  return { ok: Number(raw.trim()) };
}

/** The themes an edit names (whose labels it keeps): none for an undo. */
export function themesNamed(edit: EditBody): number[] {
  switch (edit.kind) {
    case 'merge':
      return edit.themeIds;
    case 'undo':
      return [];
    default:
      return [edit.themeId];
  }
}

/** One line saying what an edit did, for the history; `labelOf` names a theme as it was then. */
export function describeEdit(edit: EditBody, labelOf: (id: number) => string): string {
  const name = (id: number) => `“${labelOf(id)}” (${id})`;
  switch (edit.kind) {
    case 'rename':
      return `Renamed ${name(edit.themeId)} to “${edit.name}”`;
    case 'merge':
      return `Merged ${edit.themeIds.map(name).join(' + ')} into ${edit.into}${edit.name ? ` as “${edit.name}”` : ''}`;
    case 'split':
      return `Split ${name(edit.themeId)} into ${edit.parts.map((p) => `“${p.label}” (${p.id}, ${formatCount(p.paperIds.length)} papers)`).join(', ')}`;
    case 'hide':
      return `Hid ${name(edit.themeId)}`;
    case 'unhide':
      return `Unhid ${name(edit.themeId)}`;
    case 'note':
      return edit.text === '' ? `Cleared the note on ${name(edit.themeId)}` : `Noted on ${name(edit.themeId)}: “${edit.text}”`;
    case 'undo':
      return `Undid edit ${edit.target}`;
  }
}
