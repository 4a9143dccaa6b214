// Owns what the theme page shows of curation: the original label, hidden mark, note, the other
// themes it can merge with (named as every list names them, "Mixture: …" included), whether edits
// are allowed; and where a merged-away or split theme went.
import { error, redirect } from '@sveltejs/kit';
import { shownLabelSql } from '../../theme-label.js';
import { query } from '../db.js';
import { editingEnabled, tokenRequired } from './actions.js';
import { loadRunCuration, successorLinks } from './index.js';

export async function curationOfTheme(runId: number, themeId: number) {
  const rc = await loadRunCuration(runId);
  const gone = rc?.curation.gone.get(themeId);
  if (gone && 'mergedInto' in gone) redirect(307, `/themes/${gone.mergedInto}?run=${runId}`);
  if (gone) {
    // the parts, each followed through later edits, linked: an old link to the theme leads on to them
    const { nearest, links = [] } = successorLinks(rc!, themeId, (id) => `/themes/${id}?run=${runId}`);
    error(404, { message: `Theme ${themeId} was split into themes ${gone.splitInto.join(', ')}: open one of its parts, or see the run's edits at /curate?run=${runId}`,
      nearest, links: [...links, { href: `/curate?run=${runId}`, text: 'The run’s edits (/curate)' }] });
  }
  const t = rc?.curation.themes.get(themeId);
  const others = await query<{ themeId: number; label: string }>(
    `SELECT theme_id AS "themeId", ${shownLabelSql('t')} AS label FROM themes t WHERE run_id = $run AND theme_id <> $theme ORDER BY t.label`,
    { run: runId, theme: themeId });
  return {
    original: t?.originalLabel ?? null, hidden: t?.hidden ?? false, note: t?.note ?? null, others,
    editing: editingEnabled(), tokenRequired: tokenRequired()
  };
}
