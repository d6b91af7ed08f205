import { describe, expect, it } from 'vitest';
import { calendarStats } from './calendar.ts';
import { makeInput } from './state-builders.ts';
import { studyDays } from './study-days.ts';
import { makeEntry, makeReset } from './test-builders.ts';
import type { StatsInput } from './types.ts';

// Instants written in UTC so the test does not depend on the process's own zone.
const utc = (s: string) => Date.parse(s + 'Z');
const DAY_MS = 86_400_000;

const calendar = (input: StatsInput) =>
  calendarStats(input, studyDays(input.now, input.dayStartHour, input.timeZone));

/** The studied days of a calendar as { date: count }. */
const busy = (stats: ReturnType<typeof calendarStats>) =>
  Object.fromEntries(stats.days.filter((d) => d.count > 0).map((d) => [d.date, d.count]));

const NOW = utc('2025-06-15T12:00:00'); // UTC, day start 04:00: today is 06-15
/** One answer at noon on study day `day` (0 today, -1 yesterday) of NOW. */
const answerOn = (day: number) => makeEntry({ time: NOW + day * DAY_MS });

describe('calendarStats', () => {
  it('shows 365 empty days, today last, and no streak for an empty log', () => {
    const stats = calendar(makeInput({ now: NOW }));
    expect(stats.days).toHaveLength(365);
    expect(stats.days[364]).toEqual({ index: 0, date: '2025-06-15', count: 0, timeMs: 0 });
    // 2025-06-15 − 364 days = 2024-06-16 (2025 has no Feb 29 in between)
    expect(stats.days[0]).toEqual({ index: -364, date: '2024-06-16', count: 0, timeMs: 0 });
    expect(stats).toMatchObject({ currentStreak: 0, longestStreak: 0, daysStudied: 0 });
  });

  it('puts a 01:00 answer on the day before with a 04:00 start, on its own date with a 00:00 start', () => {
    const log = [
      makeEntry({ time: utc('2025-06-14T10:00:00'), durationMs: 1_000 }),
      makeEntry({ time: utc('2025-06-15T01:00:00'), durationMs: 2_000 }),
      makeEntry({ time: utc('2025-06-15T05:00:00'), durationMs: 4_000 }),
      // actions count nowhere
      makeReset({ time: utc('2025-06-13T10:00:00') }),
      makeEntry({ time: utc('2025-06-12T10:00:00'), kind: 'suspend', rating: null }),
    ];
    const four = calendar(makeInput({ now: NOW, log, dayStartHour: 4 }));
    expect(busy(four)).toEqual({ '2025-06-14': 2, '2025-06-15': 1 });
    expect(four.days[363]!.timeMs).toBe(1_000 + 2_000);
    expect(four.daysStudied).toBe(2);
    const midnight = calendar(makeInput({ now: NOW, log, dayStartHour: 0 }));
    expect(busy(midnight)).toEqual({ '2025-06-14': 1, '2025-06-15': 2 });
    expect(midnight.days[364]!.timeMs).toBe(2_000 + 4_000);
  });

  it('dates answers on the study day around both Berlin DST changes', () => {
    const log = [
      makeEntry({ time: utc('2025-03-30T01:30:00') }), // 03:30 CEST 03-30 → day of 03-29
      makeEntry({ time: utc('2025-03-30T02:00:00') }), // 04:00 CEST 03-30 → 03-30
      makeEntry({ time: utc('2025-10-26T02:30:00') }), // 03:30 CET 10-26 → day of 10-25
      makeEntry({ time: utc('2025-10-26T03:00:00') }), // 04:00 CET 10-26 → 10-26
    ];
    const stats = calendar(
      makeInput({
        now: utc('2025-11-01T12:00:00'),
        timeZone: 'Europe/Berlin',
        dayStartHour: 4,
        log,
      }),
    );
    expect(busy(stats)).toEqual({
      '2025-03-29': 1,
      '2025-03-30': 1,
      '2025-10-25': 1,
      '2025-10-26': 1,
    });
    // 03-29 and 03-30 in a row, across the 23-hour day; so are 10-25 and 10-26.
    expect(stats.longestStreak).toBe(2);
  });

  it('counts the current streak to today, the longest over the whole log, days studied in the year', () => {
    // Studied: today, −1, −2 | gap at −3 | −4 … −8 (5 days) | −400 … −406 (7 days, before the year)
    const days = [0, -1, -2, -4, -5, -6, -7, -8, -400, -401, -402, -403, -404, -405, -406];
    const stats = calendar(makeInput({ now: NOW, log: days.map(answerOn) }));
    expect(stats.currentStreak).toBe(3);
    expect(stats.longestStreak).toBe(7);
    expect(stats.daysStudied).toBe(8); // 3 + 5 inside the last 365 days
  });

  it('keeps the streak through yesterday while today has no answer yet, and breaks it after a missed day', () => {
    const yesterday = calendar(makeInput({ now: NOW, log: [-1, -2].map(answerOn) }));
    expect(yesterday.currentStreak).toBe(2);
    const missed = calendar(makeInput({ now: NOW, log: [-2, -3].map(answerOn) }));
    expect(missed.currentStreak).toBe(0);
    expect(missed.longestStreak).toBe(2);
  });

  it("counts a reset or suspended card's earlier answers, and no action makes a study day", () => {
    const log = [
      makeEntry({ cardId: 'r', time: NOW - DAY_MS }),
      makeReset({ cardId: 'r', time: NOW }),
      makeEntry({ cardId: 's', time: NOW - 2 * DAY_MS }),
      makeEntry({ cardId: 's', time: NOW, kind: 'suspend', rating: null }),
    ];
    const stats = calendar(makeInput({ now: NOW, log }));
    expect(busy(stats)).toEqual({ '2025-06-13': 1, '2025-06-14': 1 });
    expect(stats.currentStreak).toBe(2); // yesterday and the day before; today has only actions
  });
});
