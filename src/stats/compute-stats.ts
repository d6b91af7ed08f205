// Every figure of the Stats screen in one call, from one StudyDays shared by all of them.
import { calendarStats } from './calendar.ts';
import { cardCounts } from './card-counts.ts';
import { distributionStats } from './distributions.ts';
import { futureDue } from './future-due.ts';
import { retentionStats } from './retention.ts';
import { reviewsStats } from './reviews.ts';
import { studyDays } from './study-days.ts';
import { todayStats } from './today.ts';
import type { StatsFigures, StatsInput } from './types.ts';

/** The windows of the reviews chart, in study days: 1, 3 and 12 months. */
export const REVIEW_RANGES = [30, 90, 365] as const;

export function computeStats(input: StatsInput): StatsFigures {
  const days = studyDays(input.now, input.dayStartHour, input.timeZone);
  return {
    today: todayStats(input, days),
    calendar: calendarStats(input, days),
    reviews: REVIEW_RANGES.map((range) => reviewsStats(input, days, range)),
    futureDue: futureDue(input, days),
    retention: retentionStats(input, days),
    counts: cardCounts(input),
    distributions: distributionStats(input, days),
  };
}
