// Progress follows a card whose id changed under a new id rule: a card lists the ids it had
// before (`Card.previousIds`), and progress stored under one of them, with none under the card's
// own id, is rewritten to the new id (its state and every log entry, so replaying the log agrees).
import type { Card, CardId, CardState, DeckId, ReviewLogEntry } from '../shared/types.ts';

export interface ProgressMove {
  from: CardId;
  to: CardId;
  deckId: DeckId;
}

/**
 * The cards whose progress is stored under a previous id and not under their own. An old id that
 * is some loaded card's own id stays with that card, and each old id moves to one card only.
 */
export function progressMoves(
  cards: Iterable<Card>,
  states: ReadonlyMap<CardId, CardState>,
): ProgressMove[] {
  const all = [...cards];
  const current = new Set(all.map((c) => c.id));
  const taken = new Set<CardId>();
  const moves: ProgressMove[] = [];
  for (const card of all) {
    if (!card.previousIds || states.has(card.id)) continue;
    const from = card.previousIds.find(
      (id) => states.has(id) && !current.has(id) && !taken.has(id),
    );
    if (from === undefined) continue;
    taken.add(from);
    moves.push({ from, to: card.id, deckId: card.deckId });
  }
  return moves;
}

/** The card states and log entries to write (same keys' records rewritten) for the moves. */
export function relinkedRecords(
  moves: readonly ProgressMove[],
  states: ReadonlyMap<CardId, CardState>,
  log: readonly ReviewLogEntry[],
): { states: CardState[]; log: ReviewLogEntry[] } {
  const byOldId = new Map(moves.map((m) => [m.from, m]));
  const movedStates: CardState[] = [];
  for (const m of moves) {
    const state = states.get(m.from);
    if (state) movedStates.push({ ...state, cardId: m.to, deckId: m.deckId });
  }
  const movedLog: ReviewLogEntry[] = [];
  for (const entry of log) {
    const m = byOldId.get(entry.cardId);
    if (m) movedLog.push({ ...entry, cardId: m.to, deckId: m.deckId });
  }
  return { states: movedStates, log: movedLog };
}
