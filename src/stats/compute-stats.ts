// Every figure of the Stats screen in one call. PLACEHOLDER: until the figure modules land, this
// returns empty figures of the right shape (the integration replaces the body with real calls).
import { studyDays } from './study-days.ts';
import type { ButtonCounts, Histogram, RetentionCell, StatsFigures, StatsInput } from './types.ts';

const zeroButtons = (): ButtonCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });
const emptyHistogram = (): Histogram => ({ bins: [], total: 0, median: null, mean: null });
const emptyCell = (): RetentionCell => ({ passed: 0, failed: 0, rate: null });

export function computeStats(input: StatsInput): StatsFigures {
  const days = studyDays(input.now, input.dayStartHour, input.timeZone);
  const window = (n: number) => Array.from({ length: n }, (_, k) => days.ref(k - n + 1));
  const byType = () => ({ learning: 0, review: 0, relearning: 0 });
  return {
    today: {
      answers: 0,
      cards: 0,
      newIntroduced: 0,
      again: 0,
      againRate: null,
      timeMs: 0,
      byType: byType(),
      mature: { answers: 0, passed: 0 },
      stillDue: 0,
    },
    calendar: {
      days: window(365).map((d) => ({ ...d, count: 0, timeMs: 0 })),
      currentStreak: 0,
      longestStreak: 0,
      daysStudied: 0,
    },
    reviews: [30, 90, 365].map((range) => ({
      range,
      days: window(range).map((d) => ({ ...d, count: byType(), timeMs: byType() })),
      totalCount: 0,
      totalTimeMs: 0,
      daysStudied: 0,
      countPerDay: 0,
      countPerStudiedDay: 0,
      timeMsPerDay: 0,
      timeMsPerStudiedDay: 0,
    })),
    futureDue: {
      backlog: 0,
      days: Array.from({ length: 90 }, (_, k) => ({ ...days.ref(k), count: 0 })),
      total: 0,
      dueTomorrow: 0,
      dailyLoad: 0,
    },
    retention: {
      rows: (['today', 'yesterday', 'week', 'month', 'year', 'all'] as const).map((period) => ({
        period,
        young: emptyCell(),
        mature: emptyCell(),
        total: emptyCell(),
      })),
      target: input.desiredRetention,
      byDeck: [],
    },
    counts: {
      new: input.cards.length,
      learning: 0,
      relearning: 0,
      young: 0,
      mature: 0,
      suspended: 0,
      orphans: 0,
      total: input.cards.length,
    },
    distributions: {
      stability: emptyHistogram(),
      difficulty: emptyHistogram(),
      retrievability: emptyHistogram(),
      knownNow: 0,
      buttons: [30, 90, 365, null].map((range) => ({
        range,
        learning: zeroButtons(),
        young: zeroButtons(),
        mature: zeroButtons(),
      })),
      mostLapses: [],
      lowestRetrievability: [],
    },
  };
}
