// True retention as Anki's `calculate_true_retention` in rslib/src/stats/graphs/retention.rs counts
// it: eligible answers, pass = Hard/Good/Easy, young/mature by the interval before the answer.
import { describe, expect, it } from 'vitest';
import { retentionStats } from './retention.ts';
import { makeInput } from './state-builders.ts';
import { studyDays } from './study-days.ts';
import { inStep, makeEntry, makeReset, NEW_BEFORE } from './test-builders.ts';
import type { RetentionPeriod, RetentionStats, StatsInput } from './types.ts';

// Instants written in UTC so the test does not depend on the process's own zone.
const utc = (s: string) => Date.parse(s + 'Z');
const DAY_MS = 86_400_000;

const retention = (input: StatsInput) =>
  retentionStats(input, studyDays(input.now, input.dayStartHour, input.timeZone));

const row = (stats: RetentionStats, period: RetentionPeriod) =>
  stats.rows.find((r) => r.period === period)!;
/** Passed/failed of every period's total, in RetentionPeriod order. */
const totals = (stats: RetentionStats) =>
  Object.fromEntries(stats.rows.map((r) => [r.period, [r.total.passed, r.total.failed]]));

const NOW = utc('2025-06-15T12:00:00'); // UTC, day start 04:00: today is 06-15
const noonOn = (day: number) => NOW + day * DAY_MS;
const empty = { passed: 0, failed: 0, rate: null };

describe('retentionStats (Anki retention.rs calculate_true_retention)', () => {
  it('gives six empty rows in order, the target, and no decks for an empty log', () => {
    const stats = retention(makeInput({ now: NOW, desiredRetention: 0.85 }));
    expect(stats.rows.map((r) => r.period)).toEqual([
      'today',
      'yesterday',
      'week',
      'month',
      'year',
      'all',
    ]);
    for (const r of stats.rows)
      expect(r).toMatchObject({ young: empty, mature: empty, total: empty });
    expect(stats.target).toBe(0.85);
    expect(stats.byDeck).toEqual([]);
  });

  it('counts review answers (Hard passes) young below 21 days, mature from 21; not learning steps', () => {
    const at = (minute: number) => noonOn(0) + minute * 60_000;
    const log = [
      makeEntry({ time: at(0), rating: 3, before: { scheduledDays: 5 } }), // young pass
      makeEntry({ time: at(1), rating: 2, before: { scheduledDays: 5 } }), // young pass (Hard)
      makeEntry({ time: at(2), rating: 1, before: { scheduledDays: 20 } }), // young fail
      makeEntry({ time: at(3), rating: 3, before: { scheduledDays: 0 } }), // review type: eligible, young pass
      makeEntry({ time: at(4), rating: 4, before: { scheduledDays: 21 } }), // mature pass
      makeEntry({ time: at(5), rating: 1, before: { scheduledDays: 30 } }), // mature fail
      // Not eligible: intervals under a day outside review.
      makeEntry({ time: at(6), rating: 3, before: NEW_BEFORE }),
      makeEntry({ time: at(7), rating: 1, before: inStep('learning', at(7), 10) }),
      makeEntry({ time: at(8), rating: 3, before: inStep('relearning', at(8), 10) }),
      // Actions count nowhere.
      makeReset({ time: at(9) }),
      makeEntry({ time: at(10), kind: 'suspend', rating: null }),
    ];
    const today = row(retention(makeInput({ now: NOW, log })), 'today');
    // young 3 passed / 1 failed → 3/4; mature 1 / 1 → 1/2; total 4 / 2 → 4/6
    expect(today.young).toEqual({ passed: 3, failed: 1, rate: 0.75 });
    expect(today.mature).toEqual({ passed: 1, failed: 1, rate: 0.5 });
    expect(today.total.passed).toBe(4);
    expect(today.total.failed).toBe(2);
    expect(today.total.rate).toBeCloseTo(4 / 6);
  });

  it('takes a learning answer whose step reached a later day, as Anki does (lastIvl in days)', () => {
    const now = noonOn(0);
    const log = [
      // A '1d' step given at 20:00 yesterday, due at today's 04:00 start: 1 whole day before.
      makeEntry({
        time: now,
        before: {
          phase: 'learning',
          scheduledDays: 1,
          lastReview: now - 16 * 3_600_000,
          due: now - 8 * 3_600_000,
        },
      }),
      // A relearning step of a full day kept as a timestamp (older states): 1 day, eligible too.
      makeEntry({
        time: now + 60_000,
        rating: 1,
        before: inStep('relearning', now + 60_000, 1440),
      }),
    ];
    expect(row(retention(makeInput({ now: NOW, log })), 'today').young).toEqual({
      passed: 1,
      failed: 1,
      rate: 0.5,
    });
  });

  it('fills each period with its study days: today, yesterday, 7, 30, 365 days, all', () => {
    // One passed answer on each of these days; day 1 (tomorrow) is in no period.
    const onDays = [1, 0, -1, -6, -7, -29, -30, -364, -365, -800];
    const stats = retention(
      makeInput({ now: NOW, log: onDays.map((d) => makeEntry({ time: noonOn(d) })) }),
    );
    expect(totals(stats)).toEqual({
      today: [1, 0], // 0
      yesterday: [1, 0], // −1
      week: [3, 0], // 0, −1, −6
      month: [5, 0], // + −7, −29
      year: [7, 0], // + −30, −364
      all: [9, 0], // + −365, −800
    });
  });

  it('puts a 01:00 answer in yesterday with a 04:00 start, in today with a 00:00 start', () => {
    const log = [makeEntry({ time: utc('2025-06-15T01:00:00') })];
    const four = retention(makeInput({ now: NOW, log, dayStartHour: 4 }));
    expect([row(four, 'today').total.passed, row(four, 'yesterday').total.passed]).toEqual([0, 1]);
    const midnight = retention(makeInput({ now: NOW, log, dayStartHour: 0 }));
    expect([row(midnight, 'today').total.passed, row(midnight, 'yesterday').total.passed]).toEqual([
      1, 0,
    ]);
  });

  it('keeps yesterday one study day across the Berlin fall-back (25 hours)', () => {
    // now 10-26 13:00 CET; yesterday is 10-25, 04:00 CEST (02:00Z) → 10-26 04:00 CET (03:00Z).
    // Anki's fixed window, 48 h to 24 h before the next rollover (10-27 03:00Z), starts at
    // 10-25 03:00Z and would miss the 02:30Z answer.
    const log = [
      makeEntry({ time: utc('2025-10-25T01:59:00') }), // 03:59 CEST: 10-24
      makeEntry({ time: utc('2025-10-25T02:30:00') }), // 04:30 CEST: 10-25
      makeEntry({ time: utc('2025-10-26T02:30:00') }), // 03:30 CET: still 10-25
    ];
    const stats = retention(
      makeInput({ now: utc('2025-10-26T12:00:00'), timeZone: 'Europe/Berlin', log }),
    );
    expect(totals(stats)).toMatchObject({ today: [0, 0], yesterday: [2, 0], week: [3, 0] });
  });

  it("counts a reset card's earlier answers and a suspended card's answers", () => {
    const log = [
      makeEntry({ cardId: 'r', time: noonOn(-1), rating: 3 }),
      makeReset({ cardId: 'r', time: noonOn(0) }),
      makeEntry({ cardId: 'r', time: noonOn(0) + 60_000, before: NEW_BEFORE }), // new again: not eligible
      makeEntry({ cardId: 's', time: noonOn(0), rating: 1, before: { scheduledDays: 40 } }),
      makeEntry({ cardId: 's', time: noonOn(0) + 60_000, kind: 'suspend', rating: null }),
    ];
    const stats = retention(makeInput({ now: NOW, log }));
    expect(row(stats, 'yesterday').young).toEqual({ passed: 1, failed: 0, rate: 1 });
    expect(row(stats, 'today').mature).toEqual({ passed: 0, failed: 1, rate: 0 });
    expect(totals(stats).all).toEqual([1, 1]);
  });

  it('splits by deck over the last 30 days and all time, decks in name order', () => {
    const log = [
      makeEntry({ deckId: 'b.md', time: noonOn(-40), rating: 1 }),
      makeEntry({ deckId: 'b.md', time: noonOn(-2), rating: 3 }),
      makeEntry({ deckId: 'b.md', time: noonOn(-1), rating: 1 }),
      makeEntry({ deckId: 'a.md', time: noonOn(0), before: NEW_BEFORE }), // answered, none eligible
      makeEntry({ deckId: 'c.md', time: noonOn(0), kind: 'suspend', rating: null }), // no answer
    ];
    const stats = retention(makeInput({ now: NOW, log }));
    expect(stats.byDeck).toEqual([
      { deckId: 'a.md', month: empty, all: empty },
      // month: 1 passed, 1 failed → 1/2; all time: + the failure 40 days ago → 1/3
      {
        deckId: 'b.md',
        month: { passed: 1, failed: 1, rate: 0.5 },
        all: { passed: 1, failed: 2, rate: 1 / 3 },
      },
    ]);
  });
});
