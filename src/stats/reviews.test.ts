import { describe, expect, it } from 'vitest';
import { reviewsStats } from './reviews.ts';
import { makeInput } from './state-builders.ts';
import { studyDays } from './study-days.ts';
import { inStep, makeEntry, makeReset, NEW_BEFORE } from './test-builders.ts';
import type { StatsInput } from './types.ts';

// Instants written in UTC so the test does not depend on the process's own zone.
const utc = (s: string) => Date.parse(s + 'Z');
const DAY_MS = 86_400_000;

const reviews = (input: StatsInput, range: number) =>
  reviewsStats(input, studyDays(input.now, input.dayStartHour, input.timeZone), range);

/** The studied days as { date: total count }. */
const busy = (stats: ReturnType<typeof reviewsStats>) =>
  Object.fromEntries(
    stats.days
      .map((d) => [d.date, d.count.learning + d.count.review + d.count.relearning] as const)
      .filter(([, n]) => n > 0),
  );

const NOW = utc('2025-06-15T12:00:00'); // UTC, day start 04:00: today is 06-15
const noonOn = (day: number) => NOW + day * DAY_MS;

describe('reviewsStats (Anki stats/graphs/reviews.rs)', () => {
  it('gives a window of empty days and zero averages for an empty log', () => {
    const stats = reviews(makeInput({ now: NOW }), 30);
    expect(stats.range).toBe(30);
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]).toMatchObject({ index: -29, date: '2025-05-17' });
    expect(stats.days[29]).toEqual({
      index: 0,
      date: '2025-06-15',
      count: { learning: 0, review: 0, relearning: 0 },
      timeMs: { learning: 0, review: 0, relearning: 0 },
    });
    expect(stats).toMatchObject({
      totalCount: 0,
      totalTimeMs: 0,
      daysStudied: 0,
      countPerDay: 0,
      countPerStudiedDay: 0,
      timeMsPerDay: 0,
      timeMsPerStudiedDay: 0,
    });
  });

  it('splits count and time by type per day, and averages over the window and the days studied', () => {
    const log = [
      makeEntry({ time: noonOn(-30), durationMs: 50_000 }), // before the 30-day window
      makeEntry({ time: noonOn(-29), durationMs: 6_000 }), // review, first day of the window
      makeEntry({
        time: noonOn(-1),
        rating: 3,
        before: inStep('relearning', noonOn(-1), 10),
        durationMs: 4_000,
      }),
      makeEntry({ time: noonOn(0), before: NEW_BEFORE, durationMs: 1_000 }), // learning
      makeEntry({
        time: noonOn(0) + 60_000,
        before: inStep('learning', noonOn(0) + 60_000, 1),
        durationMs: 2_000,
      }),
      makeEntry({ time: noonOn(0) + 120_000, durationMs: 3_000 }), // review
      makeReset({ time: noonOn(0) + 180_000 }),
      makeEntry({ time: noonOn(-2), kind: 'suspend', rating: null }),
    ];
    const stats = reviews(makeInput({ now: NOW, log }), 30);
    expect(stats.days[29]).toMatchObject({
      count: { learning: 2, review: 1, relearning: 0 },
      timeMs: { learning: 3_000, review: 3_000, relearning: 0 },
    });
    expect(stats.days[28]).toMatchObject({ count: { learning: 0, review: 0, relearning: 1 } });
    expect(stats.days[0]).toMatchObject({ count: { learning: 0, review: 1, relearning: 0 } });
    // 5 answers in the window on 3 days; time 6,000 + 4,000 + 1,000 + 2,000 + 3,000 = 16,000 ms
    expect(stats.totalCount).toBe(5);
    expect(stats.totalTimeMs).toBe(16_000);
    expect(stats.daysStudied).toBe(3);
    expect(stats.countPerDay).toBeCloseTo(5 / 30);
    expect(stats.countPerStudiedDay).toBeCloseTo(5 / 3);
    expect(stats.timeMsPerDay).toBeCloseTo(16_000 / 30);
    expect(stats.timeMsPerStudiedDay).toBeCloseTo(16_000 / 3);
    // The 90-day window takes in the answer 30 days ago too: 6 answers, 66,000 ms, 4 days.
    const wide = reviews(makeInput({ now: NOW, log }), 90);
    expect([wide.totalCount, wide.totalTimeMs, wide.daysStudied]).toEqual([6, 66_000, 4]);
  });

  it('puts a 01:00 answer on the day before with a 04:00 start, on its own day with 00:00', () => {
    const log = [makeEntry({ time: utc('2025-06-15T01:00:00') })];
    expect(busy(reviews(makeInput({ now: NOW, log, dayStartHour: 4 }), 30))).toEqual({
      '2025-06-14': 1,
    });
    expect(busy(reviews(makeInput({ now: NOW, log, dayStartHour: 0 }), 30))).toEqual({
      '2025-06-15': 1,
    });
  });

  it('keeps the window on study days across the Berlin fall-back', () => {
    // now 10-27 13:00 CET; 7 days: 10-21 … 10-27. Day 10-21 starts 04:00 CEST = 02:00Z; the
    // 10-25 day runs 25 hours, to 10-26 04:00 CET = 03:00Z. Seven 24-hour days back from the
    // next start (10-28 03:00Z) would begin at 10-21 03:00Z and drop the 02:00Z answer.
    const log = [
      makeEntry({ time: utc('2025-10-21T01:59:00') }), // 03:59 CEST: 10-20, outside
      makeEntry({ time: utc('2025-10-21T02:00:00') }), // 04:00 CEST: 10-21
      makeEntry({ time: utc('2025-10-26T02:30:00') }), // 03:30 CET: still 10-25
      makeEntry({ time: utc('2025-10-26T03:00:00') }), // 04:00 CET: 10-26
    ];
    const stats = reviews(
      makeInput({
        now: utc('2025-10-27T12:00:00'),
        timeZone: 'Europe/Berlin',
        dayStartHour: 4,
        log,
      }),
      7,
    );
    expect(busy(stats)).toEqual({ '2025-10-21': 1, '2025-10-25': 1, '2025-10-26': 1 });
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(() => reviews(makeInput({ now: NOW }), 0)).toThrow(RangeError);
    expect(() => reviews(makeInput({ now: NOW }), 1.5)).toThrow(RangeError);
  });
});
