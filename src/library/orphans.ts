// Progress of a deck's cards that no longer appear in it (orphans), offered for linking to a card
// from the deck browser (issue 13): a question edited outside the change report, or unticked in
// it, keeps its history under the old id until the person links it.
import type { CardId, CardState, DeckId } from '../shared/types.ts';

export interface OrphanChoice {
  id: CardId;
  /** The question it had, when the change that removed it was recorded; null otherwise. */
  question: string | null;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

/** The deck's orphans, most recently reviewed first. */
export function deckOrphans(
  deckId: DeckId,
  states: ReadonlyMap<CardId, CardState>,
  known: ReadonlySet<CardId>,
  questions: ReadonlyMap<CardId, string>,
): OrphanChoice[] {
  const prefix = `${deckId}:`;
  const out: OrphanChoice[] = [];
  for (const [id, state] of states) {
    if (!id.startsWith(prefix) || known.has(id)) continue;
    out.push({
      id,
      question: questions.get(id) ?? null,
      reps: state.sched.reps,
      lapses: state.sched.lapses,
      lastReview: state.sched.lastReview,
    });
  }
  return out.sort((a, b) => (b.lastReview ?? 0) - (a.lastReview ?? 0) || (a.id < b.id ? -1 : 1));
}
