// The curation seam: registers the curated views with db.ts (every query then reads edited themes)
// and gives pages a run's curation — its themes, history and what was carried or needs review.
import { error, redirect } from '@sveltejs/kit';
import { overlayState, setOverlayBuilder } from '../db.js';
import { buildOverlay } from './overlay.js';
import { journalKey, journalPath } from './journal.js';
import type { CurationState, RunCuration } from './state.js';

setOverlayBuilder({
  key: journalKey,
  build: async (db, schema) => {
    const { installed, ...state } = await buildOverlay(db, schema, journalPath());
    return { state, installed };
  }
});

/** The run's curation, or null when it has no edits (own or carried). */
export async function loadRunCuration(runId: number): Promise<RunCuration | null> {
  const state = await overlayState<CurationState>();
  return state?.runs.get(runId) ?? null;
}

/** Where a theme a lead merged away or split went (" (merged into theme 0)"), '' for any other id: a 404 says it. */
export async function goneNote(runId: number, themeId: number): Promise<string> {
  return goneText((await loadRunCuration(runId))?.curation.gone.get(themeId));
}

type Gone = { mergedInto: number } | { splitInto: number[] };

/**
 * The themes that stand now for theme `id` of a run a lead merged or split: the theme it was merged
 * into, or the parts it was split into, each followed through later edits; null when `id` is not gone.
 */
export function successorsOf(gone: ReadonlyMap<number, Gone>, id: number): number[] | null {
  if (!gone.has(id)) return null;
  const out: number[] = [];
  const walk = (t: number, depth: number) => {
    const g = gone.get(t);
    if (g === undefined || depth > 100) {
      if (!out.includes(t)) out.push(t);
      return;
    }
    for (const next of 'mergedInto' in g ? [g.mergedInto] : g.splitInto) walk(next, depth + 1);
  };
  walk(id, 0);
  return out;
}

/**
 * A 404's links to what stands for gone theme `themeId` now (successorsOf), each at `href(id)` and named
 * as the run names it: the first as the nearest answer, the rest after it.
 */
export function successorLinks(rc: RunCuration, themeId: number, href: (id: number) => string): Pick<App.Error, 'nearest' | 'links'> {
  const [nearest, ...links] = (successorsOf(rc.curation.gone, themeId) ?? [])
    .map((id) => ({ href: href(id), text: `Theme ${id}: ${rc.curation.themes.get(id)?.label ?? ''}` }));
  return { nearest, links };
}

/**
 * A `theme=` id a lead merged away or split, in a request of run `runId` with query `params`: a
 * merged one is followed (307 to the same page with the theme it went into, as its theme page is),
 * a split one is a 404 that links the same page for each part. Returns when the id is not gone.
 * The links are the query alone ("?theme=40&run=1"), which a browser and fetch read against the
 * request's own path: one rule for /papers, the exports and any page that takes `theme=`.
 */
export async function followGoneTheme(params: URLSearchParams, runId: number, themeId: number): Promise<void> {
  const rc = await loadRunCuration(runId);
  const next = rc === null ? null : successorsOf(rc.curation.gone, themeId);
  if (next === null) return;
  const at = (id: number) => {
    const q = new URLSearchParams(params);
    q.set('theme', String(id));
    return `?${q}`;
  };
  if (next.length === 1) redirect(307, at(next[0]));
  error(404, { message: `No theme ${themeId} in run ${runId}${goneText(rc!.curation.gone.get(themeId))}: open one of its parts`,
    ...successorLinks(rc!, themeId, at) });
}

/**
 * The Overview's `themes=` with every id a lead merged away or split put as the themes that stand
 * for it now (successorsOf), for a 307 to them; null when none of the ids is gone.
 */
export function followGoneThemes(params: URLSearchParams, gone: ReadonlyMap<number, Gone>): string | null {
  const raw = params.getAll('themes').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const now = raw.map((v) => (/^\d{1,7}$/.test(v) ? successorsOf(gone, Number(v))?.map(String) ?? null : null));
  if (now.every((ids) => ids === null)) return null;
  const q = new URLSearchParams(params);
  q.set('themes', [...new Set(raw.flatMap((v, i) => now[i] ?? [v]))].join(','));
  return `?${q}`;
}

/** goneNote's words for a theme's fate (CurationSummary.gone), '' for none. */
export function goneText(gone: Gone | undefined): string {
  if (!gone) return '';
  return 'mergedInto' in gone ? ` (curation merged it into theme ${gone.mergedInto})` : ` (curation split it into themes ${gone.splitInto.join(', ')})`;
}

/** What a page needs to show curated names: per theme id, the original label and whether hidden. */
export interface CurationSummary {
  original: Record<number, string>;
  hidden: number[];
  notes: Record<number, string>;
  /** Ids merged into another theme, or split: where they went. */
  gone: Record<number, { mergedInto: number } | { splitInto: number[] }>;
  edits: number;
}

export function summarise(rc: RunCuration | null): CurationSummary {
  const out: CurationSummary = { original: {}, hidden: [], notes: {}, gone: {}, edits: 0 };
  if (!rc) return out;
  for (const t of rc.curation.themes.values()) {
    if (t.originalLabel !== null && t.originalLabel !== t.label) out.original[t.id] = t.originalLabel;
    if (t.hidden) out.hidden.push(t.id);
    if (t.note !== null) out.notes[t.id] = t.note;
  }
  for (const [id, g] of rc.curation.gone) out.gone[id] = g;
  out.edits = rc.curation.history.length;
  return out;
}
