// Owns carrying a run's curation to the next complete run. A theme of the new run continues an old
// one when they share papers (by paper id) with Jaccard |A∩B| / |A∪B| ≥ CONTINUE_JACCARD and each is
// the other's best match; a theme_lineage table ('continued' rows), when the database has one, is
// preferred for the stored themes. Renames, hides and notes follow their theme; a merge holds when
// every member continues as a distinct theme; splits are not re-run. What cannot carry is reported.
import { formatCount } from '../../charts/periods.js';
import { shownName, type Curation, type CuratedTheme } from './fold.js';
import type { Edit, EditBody } from './edits.js';

/**
 * Jaccard at or above which two themes of consecutive runs are the same theme. Re-running the same
 * input gives 1.0; a new month added to ~10 months of papers keeps a continuing theme near 0.8–0.9;
 * 0.3 still follows a theme that lost or gained a third of its papers, and mutual best match stops one
 * old theme from continuing into two.
 */
export const CONTINUE_JACCARD = 0.3;

/**
 * An old theme whose best match is not at least this many times its second best continues into
 * neither: a theme split into two near-equal halves (Jaccard 0.379 and 0.370 on the 74.7k corpus,
 * one of them an unrelated mixture) would otherwise hand its name to whichever half is a hair
 * larger. Its edits go to review.
 */
export const CLEAR_MARGIN = 1.25;

export interface Match {
  themeId: number;
  shared: number;
  jaccard: number;
  /** Set when theme_lineage calls the link "continued, but its keywords changed": its keyword cosine. */
  keywordsChanged?: number;
}

/** Mutual best matches (Jaccard ≥ CONTINUE_JACCARD, CLEAR_MARGIN over the old theme's second best) of old paper sets against the new run's themes. */
export function matchThemes(old: Map<number, Iterable<string>>, next: Map<string, number>): Map<number, Match> {
  const nextSizes = new Map<number, number>();
  for (const t of next.values()) nextSizes.set(t, (nextSizes.get(t) ?? 0) + 1);
  const pairs: { a: number; b: number; shared: number; jaccard: number }[] = [];
  for (const [a, papers] of old) {
    const shared = new Map<number, number>();
    let size = 0;
    for (const p of papers) {
      size++;
      const b = next.get(p);
      if (b !== undefined) shared.set(b, (shared.get(b) ?? 0) + 1);
    }
    for (const [b, s] of shared) pairs.push({ a, b, shared: s, jaccard: s / (size + nextSizes.get(b)! - s) });
  }
  const better = (x: (typeof pairs)[0], y: (typeof pairs)[0] | undefined) => !y || x.jaccard > y.jaccard || (x.jaccard === y.jaccard && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  const bestOfA = new Map<number, (typeof pairs)[0]>();
  const secondOfA = new Map<number, number>(); // the old theme's second-best Jaccard
  const bestOfB = new Map<number, (typeof pairs)[0]>();
  for (const p of pairs) {
    const best = bestOfA.get(p.a);
    if (better(p, best)) {
      if (best) secondOfA.set(p.a, best.jaccard);
      bestOfA.set(p.a, p);
    } else secondOfA.set(p.a, Math.max(secondOfA.get(p.a) ?? 0, p.jaccard));
    if (better(p, bestOfB.get(p.b))) bestOfB.set(p.b, p);
  }
  const out = new Map<number, Match>();
  for (const [a, p] of bestOfA) {
    const clear = p.jaccard >= CLEAR_MARGIN * (secondOfA.get(a) ?? 0);
    if (p.jaccard >= CONTINUE_JACCARD && clear && bestOfB.get(p.b) === p) out.set(a, { themeId: p.b, shared: p.shared, jaccard: p.jaccard });
  }
  return out;
}

export interface ReviewItem {
  fromRun: number;
  text: string;
  /** 'carried': it applies to the new run as said; 'review': it could not carry, the lead decides. */
  status: 'carried' | 'review';
  /** What to look at to decide (an item to review): the old theme's page, where its papers went. */
  links?: { href: string; text: string }[];
}

export interface Carried {
  edits: Edit[];
  review: ReviewItem[];
}

/**
 * The edits of the new run that carry `prev` forward. `byStored`: old stored theme → new theme (for
 * merges); `byTheme`: old curated theme → new theme (renames, hides, notes).
 */
export function carryForward(prev: Curation, runId: number, byStored: Map<number, Match>, byTheme: Map<number, Match>): Carried {
  const edits: Edit[] = [];
  const review: ReviewItem[] = [];
  const from = prev.runId;
  // A carried edit's id names what it carries — the old theme and the kind — not its place in the list: an
  // undo in the new run names it by id, and a list place moved as soon as the lead edited the old run again
  // (a theme earlier in the list renamed or hidden), so the undo took back another theme's edit.
  const add = (body: EditBody, source: Edit, oldTheme: number) =>
    edits.push({ ...body, id: carriedId(from, oldTheme, body.kind), runId, at: source.at, by: source.by, carriedFrom: { runId: from, id: source.id } } as Edit);
  const lastEdit = (t: CuratedTheme, kinds: string[]) =>
    [...prev.history].reverse().find((h) => h.status === 'applied' && kinds.includes(h.edit.kind) && touches(h.edit, t))?.edit ?? prev.history[0].edit;
  const successor = new Map<number, number>();
  for (const t of prev.themes.values()) {
    const merged = t.units.length > 1 && t.split === null;
    if (merged) {
      const next = t.units.map((u) => byStored.get(u)?.themeId);
      const source = lastEdit(t, ['merge']);
      if (next.every((n) => n !== undefined) && new Set(next).size === next.length) {
        const into = byStored.get(t.base)?.themeId ?? next[0]!;
        add({ kind: 'merge', themeIds: next as number[], into, name: null }, source, t.id);
        successor.set(t.id, into);
        const j = t.units.map((u) => byStored.get(u)!.jaccard.toFixed(2)).join(', ');
        review.push({ fromRun: from, status: 'carried', text: `Merge “${shownName(t)}” holds: its themes continue as ${next.join(' + ')} in run ${runId} (Jaccard ${j})` });
      } else if (byTheme.has(t.id)) {
        successor.set(t.id, byTheme.get(t.id)!.themeId);
        review.push({ fromRun: from, status: 'carried', text: `Merge “${shownName(t)}”: run ${runId} already has it as one theme (${byTheme.get(t.id)!.themeId})` });
      } else {
        review.push({ fromRun: from, status: 'review', text: `Merge “${shownName(t)}” (${t.originalLabel}) not carried: not every merged theme continues in run ${runId}` });
      }
    } else {
      // a stored theme follows the stored-theme matching (theme_lineage when there is one); a split part its own
      const next = t.split === null ? byStored.get(t.units[0]) : byTheme.get(t.id);
      if (next?.keywordsChanged !== undefined && (t.named || t.hidden || t.note !== null)) {
        // mostly the same papers, described by other words: the lead's name, hide or note may not fit it
        review.push({ fromRun: from, status: 'review', text: `“${shownName(t)}” (${t.id}) continues as theme ${next.themeId} in run ${runId}, ` +
          `but its keywords changed (keyword cosine ${next.keywordsChanged.toFixed(2)}): its edits are not carried; rename, hide or annotate it there if it fits`,
        links: [{ href: `/themes/${t.id}?run=${from}`, text: `the theme in run ${from}` }, { href: `/themes/${next.themeId}?run=${runId}`, text: `theme ${next.themeId} in run ${runId}` }] });
        continue;
      }
      if (next) successor.set(t.id, next.themeId);
      if (next && (t.named || t.hidden || t.note !== null)) {
        review.push({ fromRun: from, status: 'carried', text: `“${shownName(t)}” (${t.id}) continues as theme ${next.themeId} in run ${runId}: ` +
          `${formatCount(next.shared)} papers shared, Jaccard ${next.jaccard.toFixed(2)}` });
      }
    }
    carryTheme(t, successor.get(t.id), runId, review, from, (body, kinds) => add(body, lastEdit(t, kinds), t.id));
  }
  for (const h of prev.history) {
    if (h.edit.kind === 'split' && h.status === 'applied') {
      const parts = h.edit.parts.map((p) => byTheme.get(p.id)?.themeId);
      // named as it was when split (the edit keeps the labels), with the parts in the old run and where their papers went
      const then = h.edit.labels?.[String(h.edit.themeId)];
      const name = then === undefined ? `theme ${h.edit.themeId}` : `“${then}” (${h.edit.themeId})`;
      const links = [...h.edit.parts.map((p) => ({ href: `/themes/${p.id}?run=${from}`, text: `“${p.label}” in run ${from}` })),
        { href: `/runs/compare?a=${from}&b=${runId}`, text: `where its papers went in run ${runId}` }];
      review.push(parts.every((p) => p !== undefined)
        ? { fromRun: from, status: 'carried', text: `Split of ${name}: its parts continue as themes ${parts.join(', ')} in run ${runId}` }
        : { fromRun: from, status: 'review', text: `Split of ${name} into ${h.edit.parts.length} parts not re-applied: run ${runId} clusters afresh; split again there if needed`, links });
    }
  }
  return { edits, review };
}

/**
 * The id of the edit carrying `kind` of old theme `oldTheme` from run `from`: `r<from>.<oldTheme>-<kind>`
 * (theme 31's rename from run 1: `r1.31-rename`), the same whatever else the old run's edits do. The
 * kind's suffix keeps it apart from the ids carried edits had before (`r1.3`: the third carried), so an
 * undo written then names no edit now (listed as not applied) rather than another one.
 */
export function carriedId(from: number, oldTheme: number, kind: Edit['kind']): string {
  return `r${from}.${oldTheme}-${kind}`;
}

function touches(e: Edit, t: CuratedTheme): boolean {
  if (e.kind === 'merge') return e.into === t.id;
  return 'themeId' in e && e.themeId === t.id;
}

/** The rename, hide and note of one old theme, onto its successor or into the review list. */
function carryTheme(
  t: CuratedTheme, next: number | undefined, runId: number, review: ReviewItem[], from: number,
  add: (body: EditBody, kinds: string[]) => void
): void {
  const what = [t.named ? `the name “${t.label}”` : null, t.hidden ? 'hidden' : null, t.note !== null ? 'a note' : null].filter((w) => w !== null);
  if (what.length === 0) return;
  if (next === undefined) {
    review.push({ fromRun: from, status: 'review', text: `Theme “${shownName(t)}” (${t.id}: ${what.join(', ')}) has no continuing theme in run ${runId}`,
      // Where its papers went is the comparison's (a split's parts, a merge's theme): the lead renames or hides there what fits.
      links: [{ href: `/themes/${t.id}?run=${from}`, text: `the theme in run ${from}` },
        { href: `/runs/compare?a=${from}&b=${runId}`, text: `where its papers went in run ${runId}` }] });
    return;
  }
  if (t.named) add({ kind: 'rename', themeId: next, name: t.label }, ['rename', 'merge']);
  if (t.hidden) add({ kind: 'hide', themeId: next }, ['hide']);
  if (t.note !== null) add({ kind: 'note', themeId: next, text: t.note }, ['note']);
}
