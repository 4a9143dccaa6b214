// Owns what undo means in the append-only edits journal: an undo takes back an edit in effect made
// before it in the run; taking back an undo puts what it undid back in effect (a redo), and so on down
// the chain of undos, so the history is never rewritten and every step can itself be taken back.
import type { Edit } from './edits.js';

export interface UndoOutcome {
  /** Edit id → the undo that takes it back now (absent: in effect). */
  undoneBy: Map<string, string>;
  /** Undo id → why it does not apply (no such earlier edit, or its target was not in effect). */
  refused: Map<string, string>;
}

/**
 * The chain an undo of `target` toggles: the target, what it undid, what that undid, … down to an
 * edit that is not an undo (the root). Empty when `target` is no earlier edit of the run.
 */
export function undoChain(target: string, earlier: Map<string, Edit>): Edit[] {
  const chain: Edit[] = [];
  for (let e = earlier.get(target); e !== undefined; e = e.kind === 'undo' ? earlier.get(e.target) : undefined) chain.push(e);
  return chain;
}

/**
 * Settles the run's undos in journal order. An undo U of T toggles T's chain: T and every second link
 * below it (T₀, T₂, …) are taken back, the links between (T₁, T₃, …: the edits T's undos had taken
 * back) come back into effect. It applies only if every link it takes back is in effect now: an undo
 * of an edit already undone, or a redo of an edit undone again since by another undo, is refused.
 */
export function settleUndos(edits: Edit[]): UndoOutcome {
  const earlier = new Map<string, Edit>();
  const undoneBy = new Map<string, string>();
  const refused = new Map<string, string>();
  const inEffect = (id: string) => !undoneBy.has(id) && !refused.has(id);
  for (const e of edits) {
    if (e.kind === 'undo') {
      const chain = undoChain(e.target, earlier);
      const blocked = chain.find((link, i) => i % 2 === 0 && !inEffect(link.id));
      if (chain.length === 0) refused.set(e.id, `no edit ${e.target} of this run before it`);
      else if (blocked === chain[0]) refused.set(e.id, refused.has(blocked.id) ? `edit ${blocked.id} did not apply` : `edit ${blocked.id} is already undone (by edit ${undoneBy.get(blocked.id)})`);
      else if (blocked) refused.set(e.id, `edit ${blocked.id} was undone again since (by edit ${undoneBy.get(blocked.id)})`);
      else chain.forEach((link, i) => (i % 2 === 0 ? undoneBy.set(link.id, i === 0 ? e.id : chain[i - 1].id) : undoneBy.delete(link.id)));
    }
    earlier.set(e.id, e);
  }
  return { undoneBy, refused };
}

/** What an undo does to the edit at the end of its chain: 'undo' takes it back, 'redo' puts it back. */
export function undoEffect(e: Extract<Edit, { kind: 'undo' }>, earlier: Map<string, Edit>): { root: Edit; effect: 'undo' | 'redo'; via: Edit[] } | null {
  const chain = undoChain(e.target, earlier);
  const root = chain.at(-1);
  if (root === undefined || root.kind === 'undo') return null;
  return { root, effect: chain.length % 2 === 1 ? 'undo' : 'redo', via: chain.slice(0, -1) };
}

/** One line for an undo: what it did to which edit, through which undo, and that edit's own line. */
export function describeUndo(e: Extract<Edit, { kind: 'undo' }>, earlier: Map<string, Edit>, textOf: (id: string) => string | undefined): string {
  const fx = undoEffect(e, earlier);
  if (fx === null) return `Undid edit ${e.target}`;
  const again = fx.effect === 'undo' && fx.via.length > 0 ? ' again' : '';
  const verb = fx.effect === 'undo' ? `Undid edit ${fx.root.id}${again}` : `Redid edit ${fx.root.id}`;
  const through = fx.via.length > 0 ? ` (taking back edit ${fx.via[0].id})` : '';
  const what = textOf(fx.root.id);
  return `${verb}${through}${what ? `: ${what}` : ''}`;
}
