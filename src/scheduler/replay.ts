// A card's state is a cache of its log: replaying the entries through FSRS rebuilds it. Fuzz in
// ts-fsrs is seeded from the review time and the card's fields, so replay is deterministic with
// the same settings (a property test in replay.test.ts holds it to that).
import type { CardId, CardState, ReviewLogEntry, Settings } from '../shared/types.ts';
import { answer, newSchedulingState } from './fsrs.ts';

const byId = (a: ReviewLogEntry, b: ReviewLogEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One card's state from its log entries (any order); null for no entries. */
export function replayCard(
  entries: readonly ReviewLogEntry[],
  settings: Settings,
): CardState | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort(byId);
  const first = sorted[0]!;
  let sched = newSchedulingState(first.time);
  let suspended = false;
  for (const e of sorted) {
    switch (e.kind) {
      case 'review':
        sched = e.rating === null ? sched : answer(sched, e.rating, e.time, settings);
        break;
      case 'reset':
        sched = newSchedulingState(e.time);
        break;
      case 'suspend':
        suspended = true;
        break;
      case 'unsuspend':
        suspended = false;
        break;
    }
  }
  const last = sorted[sorted.length - 1]!;
  return {
    cardId: first.cardId,
    deckId: last.deckId,
    sched,
    suspended,
    lastLogId: last.id,
    updatedAt: last.time,
  };
}

/** Every card's state from the whole log, in one grouping pass. */
export function replayAll(
  entries: readonly ReviewLogEntry[],
  settings: Settings,
): Map<CardId, CardState> {
  const groups = new Map<CardId, ReviewLogEntry[]>();
  for (const e of entries) {
    const g = groups.get(e.cardId);
    if (g) g.push(e);
    else groups.set(e.cardId, [e]);
  }
  const out = new Map<CardId, CardState>();
  for (const [cardId, group] of groups) {
    const state = replayCard(group, settings);
    if (state) out.set(cardId, state);
  }
  return out;
}
