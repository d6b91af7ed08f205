// Leeches (Anki rslib/src/scheduler/states/review.rs answer_again, leech_threshold_met): a review
// card forgotten for the threshold-th time (8 by default) becomes a leech, and again every half
// threshold (rounded up) more lapses. It is tagged (a flag in its scheduling state, kept through
// resets as Anki keeps the note's tag); with the Suspend action it is also suspended, by a real
// suspend entry in the log (the store writes it after the answer).
import type { Rating, SchedulingState, Settings } from '../shared/types.ts';

/** True at `threshold` lapses and every ceil(threshold / 2) lapses after that. */
export function leechThresholdMet(lapses: number, threshold: number): boolean {
  if (threshold <= 0) return false;
  const half = Math.max(1, Math.ceil(threshold / 2));
  return lapses >= threshold && (lapses - threshold) % half === 0;
}

/** Whether answering `before` with `rating`, giving `after`, was a lapse that met the threshold. */
export function isLeechLapse(
  before: SchedulingState,
  rating: Rating | null,
  after: SchedulingState,
  settings: Pick<Settings, 'leechThreshold'>,
): boolean {
  return (
    before.phase === 'review' &&
    rating === 1 &&
    after.lapses > before.lapses &&
    leechThresholdMet(after.lapses, settings.leechThreshold)
  );
}

/** `after` with the leech flag it should carry: kept from `before`, or set by this lapse. */
export function withLeech(
  before: SchedulingState,
  rating: Rating | null,
  after: SchedulingState,
  settings: Pick<Settings, 'leechThreshold'>,
): SchedulingState {
  const leech = before.leech === true || isLeechLapse(before, rating, after, settings);
  if (leech === (after.leech === true)) return after;
  if (leech) return { ...after, leech: true };
  const { leech: _dropped, ...rest } = after;
  return rest;
}
