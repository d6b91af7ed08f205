// The due forecast, as Anki's future_due.rs: every card that will come up for study, by the study
// day it falls due. New and suspended cards are not due; orphans have no question to show.
// Days follow the local clock (study-days.ts), so a learning card due any time today — even an
// hour ago — is today's work, and only cards due before today start form the backlog (a learning
// card left since yesterday too, as in Anki, where its negative day lands there).
import { cardIdsOf } from './card-scope.ts';
import type { StudyDays } from './study-days.ts';
import type { FutureDueStats, StatsInput } from './types.ts';

export const FUTURE_DUE_DAYS = 90;

export function futureDue(input: StatsInput, days: StudyDays): FutureDueStats {
  const counts = new Array<number>(FUTURE_DUE_DAYS).fill(0);
  const ids = cardIdsOf(input.cards);
  // The day boundaries as instants, so each card costs a few comparisons, not a time-zone lookup.
  const starts = Array.from({ length: FUTURE_DUE_DAYS + 1 }, (_, i) => days.start(i));
  let backlog = 0;
  let dailyLoad = 0;
  for (const state of input.states.values()) {
    const { sched } = state;
    if (sched.phase === 'new' || state.suspended || !ids.has(state.cardId)) continue;
    if (sched.phase === 'review') dailyLoad += 1 / Math.max(sched.scheduledDays, 1);
    const day = dayOf(sched.due, starts);
    if (day < 0) backlog++;
    else if (day < FUTURE_DUE_DAYS) counts[day]!++;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    backlog,
    days: counts.map((count, i) => ({ ...days.ref(i), count })),
    total,
    dueTomorrow: counts[1] ?? 0,
    dailyLoad,
  };
}

/** Index of the day holding `t` among ascending day starts: -1 before the first, length-1 after. */
function dayOf(t: number, starts: readonly number[]): number {
  if (t < starts[0]!) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  if (t >= starts[hi]!) return hi;
  // starts[lo] <= t < starts[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t >= starts[mid]!) lo = mid;
    else hi = mid;
  }
  return lo;
}
