// Current retrievability as Anki's retrievability.rs computes it: the FSRS forgetting curve at the
// FRACTIONAL days since the last review (ts-fsrs's get_retrievability counts whole days, and
// building an engine per card is too slow for 10,000 cards). One curve per set of weights.
import { forgetting_curve, migrateParameters } from 'ts-fsrs';
import type { SchedulingState } from '../shared/types.ts';

const DAY_MS = 86_400_000;

/** R(elapsed days, stability) with the person's weights (null: ts-fsrs's defaults). */
export type ForgettingCurve = (elapsedDays: number, stability: number) => number;

export function forgettingCurve(weights: readonly number[] | null): ForgettingCurve {
  // Older 17- or 19-number parameter sets get FSRS-5's decay, as the scheduler's engine does.
  const w = migrateParameters(weights ?? undefined);
  return (elapsedDays, stability) => forgetting_curve(w, elapsedDays, stability);
}

/**
 * The chance of recalling the card at `now`, or null for a card with no memory state (new, reset,
 * never answered). A last review after `now` counts as just now.
 */
export function currentRetrievability(
  sched: SchedulingState,
  now: number,
  curve: ForgettingCurve,
): number | null {
  if (!hasMemoryState(sched)) return null;
  const elapsed = Math.max(0, (now - sched.lastReview!) / DAY_MS);
  return curve(elapsed, sched.stability);
}

export function hasMemoryState(sched: SchedulingState): boolean {
  return sched.phase !== 'new' && sched.lastReview !== null && sched.stability > 0;
}
