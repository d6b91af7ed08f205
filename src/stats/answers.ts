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
 * The interval before the answer in days, Anki's `lastIvl`.
 * - review phase: the scheduled interval, `before.scheduledDays`.
 * - learning / relearning phase: the step the card was waiting out, (due − last review) in
 *   fractional days. Anki writes that step as negative seconds; ts-fsrs moves a card whose step
 *   is a day or longer to the review phase (with scheduledDays set), so here it is always < 1 day
 *   and such an answer is young and, for true retention, not eligible — as in Anki, where only a
 *   step of ≥ 1 day (lastIvl ≤ −86,400) makes a learning answer eligible.
 * - new: 0.
 */
export function lastIntervalDays(entry: ReviewLogEntry): number {
  const b = entry.before;
  switch (b.phase) {
    case 'review':
      return b.scheduledDays;
    case 'learning':
    case 'relearning':
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
