// Which stored states still have their question: a state whose card is not among the cards in
// scope is an orphan. The set is built once per cards array and shared by every figure.
import type { Card, CardId } from '../shared/types.ts';

const idSets = new WeakMap<readonly Card[], ReadonlySet<CardId>>();

export function cardIdsOf(cards: readonly Card[]): ReadonlySet<CardId> {
  let ids = idSets.get(cards);
  if (!ids) {
    ids = new Set(cards.map((c) => c.id));
    idSets.set(cards, ids);
  }
  return ids;
}
