// Card counts by state, as Anki's card_counts.rs with "separate suspended" on: each card lands in
// exactly one slice. Young and mature split review cards by their current interval.
import { cardIdsOf } from './card-scope.ts';
import type { CardCounts, StatsInput } from './types.ts';

/** Anki's mature threshold: an interval of 21 days or more. */
export const MATURE_DAYS = 21;

export function cardCounts(input: StatsInput): CardCounts {
  const counts: CardCounts = {
    new: 0,
    learning: 0,
    relearning: 0,
    young: 0,
    mature: 0,
    suspended: 0,
    orphans: 0,
    total: 0,
  };
  for (const card of input.cards) {
    const state = input.states.get(card.id);
    if (state?.suspended) counts.suspended++;
    else if (!state) counts.new++;
    else {
      const { phase, scheduledDays } = state.sched;
      if (phase === 'review') {
        if (scheduledDays < MATURE_DAYS) counts.young++;
        else counts.mature++;
      } else counts[phase]++;
    }
  }
  const ids = cardIdsOf(input.cards);
  for (const state of input.states.values()) if (!ids.has(state.cardId)) counts.orphans++;
  counts.total = input.cards.length + counts.orphans;
  return counts;
}
