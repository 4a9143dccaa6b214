// The curation seam: registers the curated views with db.ts (every query then reads edited themes)
// and gives pages a run's curation — its themes, history and what was carried or needs review.
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

/** goneNote's words for a theme's fate (CurationSummary.gone), '' for none. */
export function goneText(gone: { mergedInto: number } | { splitInto: number[] } | undefined): string {
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
