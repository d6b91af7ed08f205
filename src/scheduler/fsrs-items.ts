// The review log as the FSRS optimizer's training items, built the way Anki builds them for
// "Optimize" (rslib scheduler/fsrs/params.rs, reviews_for_fsrs with training on): per card, the
// answers since its last learning run, elapsed time counted in study days (local days that start
// at the day-start hour, in the zone each answer recorded), one item per later answer holding the
// whole history up to it, and only
// items whose last answer came on a later study day than the one before (delta_t > 0).
import type { Rating, ReviewLogEntry } from '../shared/types.ts';
import { daysBetween } from './day.ts';

export interface FsrsReview {
  rating: Rating;
  /** Study days since the previous answer; 0 for the first. */
  deltaT: number;
}

/** One answer to predict, with every answer of the card before it (the last one is the target). */
export type FsrsItem = FsrsReview[];

export interface FsrsTrainingSet {
  /** Ordered by the time of their last answer, as Anki orders them by revlog id. */
  items: FsrsItem[];
  /** Answers kept after filtering (Anki's review_count, shown beside the progress). */
  reviewCount: number;
}

/**
 * Anki's fewest training items for "Optimize": compute_params leaves the parameters as they are
 * below 400 items, and the deck options say more history is needed.
 */
export const MIN_TRAINING_ITEMS = 400;

const isLearningAnswer = (e: ReviewLogEntry) =>
  e.before.phase === 'new' || e.before.phase === 'learning';

/** The answers of one card's history that Anki would train on, or null to skip the card. */
function trainingAnswers(entries: readonly ReviewLogEntry[]): ReviewLogEntry[] | null {
  // A reset starts the card over: Anki ignores what came before it once the card is answered again.
  let start = 0;
  entries.forEach((e, i) => {
    if (e.kind === 'reset') start = i + 1;
  });
  const answers = entries
    .slice(start)
    .filter(
      (e): e is ReviewLogEntry & { rating: Rating } => e.kind === 'review' && e.rating !== null,
    );
  // Start from the first answer of the last run of learning answers; without one the history is
  // incomplete (it began before the log did), and Anki skips the card when training.
  let first = -1;
  for (let i = answers.length - 1; i >= 0; i--) {
    const answer = answers[i];
    if (answer && isLearningAnswer(answer)) first = i;
    else if (first !== -1) break;
  }
  return first === -1 ? null : answers.slice(first);
}

export function logToFsrsItems(
  entries: readonly ReviewLogEntry[],
  dayStartHour: number,
): FsrsTrainingSet {
  const byCard = new Map<string, ReviewLogEntry[]>();
  for (const e of entries) {
    const list = byCard.get(e.cardId);
    if (list) list.push(e);
    else byCard.set(e.cardId, [e]);
  }
  const timed: { time: number; id: string; item: FsrsItem }[] = [];
  let reviewCount = 0;
  for (const list of byCard.values()) {
    list.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const answers = trainingAnswers(list);
    if (!answers) continue;
    reviewCount += answers.length;
    const history: FsrsReview[] = [];
    answers.forEach((e, i) => {
      const prev = answers[i - 1];
      // In the zone the answer was given in (its entry records it), so a move to another zone
      // does not change old gaps; at today's day-start hour, as Anki counts with its current
      // rollover.
      const deltaT = prev ? daysBetween(prev.time, e.time, dayStartHour, e.timeZone) : 0;
      history.push({ rating: e.rating as Rating, deltaT });
      if (i > 0 && deltaT > 0) timed.push({ time: e.time, id: e.id, item: history.slice() });
    });
  }
  timed.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: timed.map((t) => t.item), reviewCount };
}

/**
 * The items in the flat layout fsrs-browser's computeParameters reads: every item's ratings and
 * deltas one after another, and each item's length.
 */
export function flattenItems(items: readonly FsrsItem[]): {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
} {
  const total = items.reduce((n, item) => n + item.length, 0);
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(items.length);
  let k = 0;
  items.forEach((item, i) => {
    lengths[i] = item.length;
    for (const r of item) {
      ratings[k] = r.rating;
      deltaTs[k] = r.deltaT;
      k += 1;
    }
  });
  return { ratings, deltaTs, lengths };
}
