// At load, progress stored under a card's previous id moves to its current id (a change of the
// card-id rule, see scheduler/relink.ts), so nobody loses a card's history to a changed id.
import { progressMoves, relinkedRecords } from '../scheduler/relink.ts';
import type { Card, CardId, CardState } from '../shared/types.ts';
import { CARD, LOG } from '../storage/keys.ts';
import type { Repository } from '../storage/repository.ts';

/**
 * Rewrites the moved cards' log entries and states; resolves to how many cards' progress moved.
 * Nothing is lost if it fails: the old records stay, and the next load tries again.
 */
export async function carryOverProgress(
  repo: Pick<Repository, 'readFullLog' | 'putMany'>,
  cards: Iterable<Card>,
  states: ReadonlyMap<CardId, CardState>,
): Promise<number> {
  const moves = progressMoves(cards, states);
  if (moves.length === 0) return 0;
  try {
    const moved = relinkedRecords(moves, states, await repo.readFullLog());
    // The log first: if the states' write fails, the next load finds the same moves to finish.
    await repo.putMany([
      ...moved.log.map((e): [string, unknown] => [`${LOG}${e.id}`, e]),
      ...moved.states.map((s): [string, unknown] => [`${CARD}${s.cardId}`, s]),
    ]);
    return moves.length;
  } catch {
    return 0;
  }
}
