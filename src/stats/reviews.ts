// Reviews and time per study day over a window, as Anki's stats/graphs/reviews.rs: every answer
// (resets and suspensions count nowhere) by the revlog type its card's phase before the answer
// gives — learning (new cards included), review, relearning — and the table under Anki's graph:
// days studied, totals, averages over every day of the window and over the days studied.
import { byAnswerType } from './answers.ts';
import { dayIndexer } from './day-index.ts';
import { ANSWER_TYPES, logColumns } from './log-columns.ts';
import type { StudyDays } from './study-days.ts';
import type { ReviewsStats, StatsInput } from './types.ts';

/** `range`: the window in study days, today included (30, 90 or 365 on the screen). */
export function reviewsStats(input: StatsInput, days: StudyDays, range: number): ReviewsStats {
  if (!Number.isInteger(range) || range < 1) {
    throw new RangeError(`The reviews window must be a whole number of days ≥ 1, not ${range}.`);
  }
  const index = dayIndexer(days);
  const count = Array.from({ length: range }, byAnswerType);
  const timeMs = Array.from({ length: range }, byAnswerType);
  // Two comparisons keep the log before the window away from the day lookup.
  const from = days.start(1 - range);
  const to = days.start(1);
  let totalCount = 0;
  let totalTimeMs = 0;
  const { length, time, rating, type, durationMs } = logColumns(input.log);
  for (let i = 0; i < length; i++) {
    const t = time[i]!;
    if (t < from || t >= to || rating[i] === 0) continue;
    const k = index(t) + range - 1;
    const answerType = ANSWER_TYPES[type[i]!]!;
    count[k]![answerType]++;
    timeMs[k]![answerType] += durationMs[i]!;
    totalCount++;
    totalTimeMs += durationMs[i]!;
  }
  let daysStudied = 0;
  for (const c of count) if (c.learning + c.review + c.relearning > 0) daysStudied++;
  return {
    range,
    days: count.map((c, k) => ({ ...days.ref(k - range + 1), count: c, timeMs: timeMs[k]! })),
    totalCount,
    totalTimeMs,
    daysStudied,
    countPerDay: totalCount / range,
    countPerStudiedDay: daysStudied === 0 ? 0 : totalCount / daysStudied,
    timeMsPerDay: totalTimeMs / range,
    timeMsPerStudiedDay: daysStudied === 0 ? 0 : totalTimeMs / daysStudied,
  };
}
