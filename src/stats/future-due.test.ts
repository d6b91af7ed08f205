import { describe, expect, it } from 'vitest';
import { futureDue } from './future-due.ts';
import { makeCard, makeInput, makeNewSched, makeState } from './state-builders.ts';
import { studyDays } from './study-days.ts';
import type { StatsInput } from './types.ts';

// Instants written in UTC so the test does not depend on the process's own zone.
const utc = (s: string) => Date.parse(s + 'Z');

const forecast = (input: StatsInput) =>
  futureDue(input, studyDays(input.now, input.dayStartHour, input.timeZone));

/** The non-zero days of a forecast as { day: count }. */
const busyDays = (stats: ReturnType<typeof futureDue>) =>
  Object.fromEntries(stats.days.filter((d) => d.count > 0).map((d) => [d.index, d.count]));

describe('futureDue', () => {
  it('forecasts nothing for an empty collection, over 90 days starting today', () => {
    const stats = forecast(makeInput({ now: utc('2025-06-15T12:00:00') }));
    expect(stats.backlog).toBe(0);
    expect(stats.total).toBe(0);
    expect(stats.dueTomorrow).toBe(0);
    expect(stats.dailyLoad).toBe(0);
    expect(stats.days).toHaveLength(90);
    expect(stats.days[0]).toEqual({ index: 0, date: '2025-06-15', count: 0 });
    expect(stats.days[89]).toEqual({ index: 89, date: '2025-09-12', count: 0 });
  });

  it('puts learning due earlier today on day 0, overdue reviews in the backlog, and skips new, suspended and orphans', () => {
    // UTC, day start 04:00, now 2025-06-15 12:00: today is [06-15 04:00, 06-16 04:00).
    const review = (cardId: string, due: string, scheduledDays: number) =>
      makeState({ cardId, sched: { phase: 'review', due: utc(due), scheduledDays } });
    const states = [
      // Learning card due at 05:00 today, already past: day 0, not backlog.
      makeState({
        cardId: 'learn-past',
        sched: { phase: 'learning', due: utc('2025-06-15T05:00:00') },
      }),
      makeState({
        cardId: 'learn-later',
        sched: { phase: 'learning', due: utc('2025-06-15T20:00:00') },
      }),
      // Relearning due 03:59 tomorrow is still today's study day.
      makeState({
        cardId: 'relearn',
        sched: { phase: 'relearning', due: utc('2025-06-16T03:59:00'), scheduledDays: 0 },
      }),
      // Review due 03:00 today, before today's 04:00 start: backlog. Load 1/4.
      review('overdue', '2025-06-15T03:00:00', 4),
      review('tomorrow', '2025-06-16T10:00:00', 2), // day 1, load 1/2
      review('day2', '2025-06-17T04:00:00', 0), // day 2, load 1/max(0, 1) = 1
      review('day89', '2025-09-12T05:00:00', 100), // last day shown, load 1/100
      review('day90', '2025-09-13T04:00:00', 100), // past the window, load 1/100
      review('far', '2025-12-31T12:00:00', 200), // load 1/200
      // Not forecast at all (and no load):
      makeState({
        cardId: 'suspended',
        suspended: true,
        sched: { due: utc('2025-06-16T10:00:00') },
      }),
      makeState({ cardId: 'reset', sched: makeNewSched(utc('2025-06-14T10:00:00')) }),
      review('orphan', '2025-06-16T10:00:00', 5),
    ];
    const cards = states
      .filter((s) => s.cardId !== 'orphan')
      .map((s) => makeCard({ id: s.cardId }));
    const stats = forecast(
      makeInput({ states, cards, now: utc('2025-06-15T12:00:00'), dayStartHour: 4 }),
    );
    expect(stats.backlog).toBe(1);
    expect(busyDays(stats)).toEqual({ 0: 3, 1: 1, 2: 1, 89: 1 });
    expect(stats.total).toBe(6); // 3 + 1 + 1 + 1, backlog and later days excluded
    expect(stats.dueTomorrow).toBe(1);
    // 1/4 + 1/2 + 1 + 1/100 + 1/100 + 1/200 = 1.775
    expect(stats.dailyLoad).toBeCloseTo(1.775, 10);
  });

  it('counts days by the local clock over a DST change (Berlin, 2025-10-26 03:00 CEST → 02:00 CET)', () => {
    // Now 12:00 CEST on the 25th, day start 04:00. Day 0 = [25th 02:00Z, 26th 03:00Z): 25 hours.
    // Day 1 = [26th 03:00Z, 27th 03:00Z), i.e. 04:00 CET to 04:00 CET.
    const review = (cardId: string, due: string) =>
      makeState({ cardId, sched: { phase: 'review', due: utc(due), scheduledDays: 3 } });
    const states = [
      // 03:30 CET on the 26th, before 04:00: still day 0. (Anki's fixed 86,400 s windows from
      // the 02:00Z rollover would call it day 1.)
      review('a', '2025-10-26T02:30:00'),
      // 03:30 CET on the 27th: day 1 (Anki's fixed windows: day 2).
      review('b', '2025-10-27T02:30:00'),
      review('c', '2025-10-27T03:00:00'), // 04:00 CET on the 27th: day 2
    ];
    const stats = forecast(
      makeInput({
        states,
        now: utc('2025-10-25T10:00:00'),
        dayStartHour: 4,
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(busyDays(stats)).toEqual({ 0: 1, 1: 1, 2: 1 });
    expect(stats.days[1]?.date).toBe('2025-10-26');
  });

  it('keeps the study day open past midnight until the day-start hour', () => {
    // UTC, day start 04:00, now 01:30 on the 15th: today is the study day of the 14th,
    // [14th 04:00, 15th 04:00).
    const states = [
      makeState({ cardId: 'after-midnight', sched: { due: utc('2025-06-15T02:00:00') } }),
      // A learning card due 23:00 yesterday's calendar date is due earlier today: day 0.
      makeState({
        cardId: 'learn',
        sched: { phase: 'learning', due: utc('2025-06-14T23:00:00') },
      }),
      makeState({ cardId: 'before-start', sched: { due: utc('2025-06-14T03:59:00') } }),
      makeState({ cardId: 'tomorrow', sched: { due: utc('2025-06-15T04:00:00') } }),
    ];
    const stats = forecast(makeInput({ states, now: utc('2025-06-15T01:30:00'), dayStartHour: 4 }));
    expect(stats.days[0]?.date).toBe('2025-06-14');
    expect(busyDays(stats)).toEqual({ 0: 2, 1: 1 });
    expect(stats.backlog).toBe(1);
  });
});
