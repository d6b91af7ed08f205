// How the figures read one log entry, the way Anki reads a revlog row (rslib/src/revlog/mod.rs).
// Only `review` entries with a rating are answers; reset, suspend and unsuspend are actions and
// count nowhere, as Anki's Manual rows (button 0) count nowhere.
import type { ReviewLogEntry } from '../shared/types.ts';
import type { AnswerType } from './types.ts';

const DAY_MS = 86_400_000;
/** Anki's line between young and mature: an interval of 21 days or more. */
export const MATURE_DAYS = 21;

/** An answer: a `review` entry with a rating. */
export function isAnswer(entry: ReviewLogEntry): boolean {
  return entry.kind === 'review' && entry.rating !== null;
}

/**
 * The revlog type Anki would give the answer, from the card's phase before it: a new card's first
 * answer is Learning, as in Anki.
 */
export function answerType(entry: ReviewLogEntry): AnswerType {
  switch (entry.before.phase) {
    case 'new':
    case 'learning':
      return 'learning';
    case 'review':
      return 'review';
    case 'relearning':
      return 'relearning';
  }
}

/**
 * The interval before the answer in days, Anki's `lastIvl` (which Anki takes from the card's
 * state before the answer: answering/revlog.rs, RevlogEntryPartial).
 * - review phase: the scheduled interval, `before.scheduledDays`.
 * - learning / relearning phase, a step that reached a later study day (the scheduler keeps such
 *   a card in learning with `scheduledDays` whole days, due at that day's start, as Anki's
 *   interday learning does): those days. Anki writes these steps as days too, or as ≤ −86,400 s
 *   for a step of a day or more, so the answer is young and eligible for true retention.
 * - learning / relearning phase, a step within the day: (due − last review) in fractional days,
 *   under 1 — Anki's negative seconds — so young and not eligible. (Anki also turns such a step
 *   into 1 day when the answer comes within one step of the rollover; that quirk is not copied.)
 * - new: 0.
 */
export function lastIntervalDays(entry: ReviewLogEntry): number {
  const b = entry.before;
  switch (b.phase) {
    case 'review':
      return b.scheduledDays;
    case 'learning':
    case 'relearning':
      if (b.scheduledDays >= 1) return b.scheduledDays;
      return b.lastReview === null ? 0 : Math.max(0, b.due - b.lastReview) / DAY_MS;
    case 'new':
      return 0;
  }
}

/** The card was mature before the answer: lastIvl ≥ 21 days. */
export function isMatureBefore(entry: ReviewLogEntry): boolean {
  return lastIntervalDays(entry) >= MATURE_DAYS;
}

/** Hard, Good or Easy: Anki's "correct" (button > 1). */
export function passed(entry: ReviewLogEntry): boolean {
  return entry.rating !== null && entry.rating > 1;
}

/** Counters per answer type, all 0. */
export function byAnswerType(): Record<AnswerType, number> {
  return { learning: 0, review: 0, relearning: 0 };
}
