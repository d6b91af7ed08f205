import { describe, expect, it } from 'vitest';
import { makeCard, makeInput, makeState } from './state-builders.ts';
import { studyDays } from './study-days.ts';
import { inStep, makeEntry, makeReset, NEW_BEFORE } from './test-builders.ts';
import { todayStats } from './today.ts';
import type { StatsInput } from './types.ts';

// Instants written in UTC so the test does not depend on the process's own zone.
const utc = (s: string) => Date.parse(s + 'Z');

const today = (input: StatsInput) =>
  todayStats(input, studyDays(input.now, input.dayStartHour, input.timeZone));

describe('todayStats (Anki stats/graphs/today.rs)', () => {
  it('is all zeros for an empty log and no cards, with no Again rate', () => {
    expect(today(makeInput({ now: utc('2025-06-15T12:00:00') }))).toEqual({
      answers: 0,
      cards: 0,
      newIntroduced: 0,
      again: 0,
      againRate: null,
      timeMs: 0,
      byType: { learning: 0, review: 0, relearning: 0 },
      mature: { answers: 0, passed: 0 },
      stillDue: 0,
    });
  });

  it('counts answers, not cards, by type; Again, time and mature from the state before', () => {
    // UTC, day start 04:00, now 06-15 12:00: today is [06-15 04:00, 06-16 04:00).
    const at = (hhmm: string) => utc(`2025-06-15T${hhmm}:00`);
    const log = [
      // yesterday's study day (01:00 is before the 04:00 start): not counted
      makeEntry({ cardId: 'y', time: at('01:00'), durationMs: 99_000 }),
      // a: new → Good (learning), then its 10-minute step → Again (learning)
      makeEntry({ cardId: 'a', time: at('04:00'), before: NEW_BEFORE, durationMs: 1_000 }),
      makeEntry({
        cardId: 'a',
        time: at('04:10'),
        rating: 1,
        before: inStep('learning', at('04:10'), 10),
        durationMs: 2_000,
      }),
      // b: review, 30 days before (mature), Good; c: review, 21 days (mature), Again
      makeEntry({
        cardId: 'b',
        time: at('05:00'),
        before: { scheduledDays: 30 },
        durationMs: 3_000,
      }),
      makeEntry({
        cardId: 'c',
        time: at('06:00'),
        rating: 1,
        before: { scheduledDays: 21 },
        durationMs: 4_000,
      }),
      // d: review, 20 days (young), Hard; then relearning step → Good
      makeEntry({
        cardId: 'd',
        time: at('07:00'),
        rating: 2,
        before: { scheduledDays: 20 },
        durationMs: 5_000,
      }),
      makeEntry({
        cardId: 'd',
        time: at('07:10'),
        before: inStep('relearning', at('07:10'), 10),
        durationMs: 6_000,
      }),
      // actions count nowhere
      makeReset({ cardId: 'b', time: at('08:00') }),
      makeEntry({ cardId: 'c', time: at('08:01'), kind: 'suspend', rating: null, durationMs: 0 }),
      makeEntry({ cardId: 'c', time: at('08:02'), kind: 'unsuspend', rating: null, durationMs: 0 }),
    ];
    const stats = today(makeInput({ now: at('12:00'), log }));
    // 6 answers on 4 cards: a a b c d d
    expect(stats.answers).toBe(6);
    expect(stats.cards).toBe(4);
    expect(stats.newIntroduced).toBe(1); // a's first answer
    expect(stats.again).toBe(2); // a's step, c
    expect(stats.againRate).toBeCloseTo(2 / 6);
    expect(stats.timeMs).toBe(1_000 + 2_000 + 3_000 + 4_000 + 5_000 + 6_000); // 21,000
    expect(stats.byType).toEqual({ learning: 2, review: 3, relearning: 1 });
    // mature before the answer: b (30 d, Good) and c (21 d, Again); d at 20 d is young
    expect(stats.mature).toEqual({ answers: 2, passed: 1 });
  });

  it('moves a 01:00 answer into today when the day starts at midnight', () => {
    const log = [makeEntry({ time: utc('2025-06-15T01:00:00') })];
    const now = utc('2025-06-15T12:00:00');
    expect(today(makeInput({ now, log, dayStartHour: 4 })).answers).toBe(0);
    expect(today(makeInput({ now, log, dayStartHour: 0 })).answers).toBe(1);
  });

  it('follows a 23-hour and a 25-hour study day across Berlin DST changes', () => {
    const berlin = { timeZone: 'Europe/Berlin', dayStartHour: 4 };
    // Spring: at 01:30 CET on 03-30 the study day began 03-29 04:00 CET (03:00Z) and ends
    // 03-30 04:00 CEST (02:00Z): 23 hours. 03-29 03:30 CET (02:30Z) belongs to the 28th's day —
    // a window of 24 h back from the next start would take it in.
    const spring = today(
      makeInput({
        ...berlin,
        now: utc('2025-03-30T00:30:00'),
        log: [
          makeEntry({ cardId: 'out', time: utc('2025-03-29T02:30:00') }),
          makeEntry({ cardId: 'in', time: utc('2025-03-29T03:00:00') }),
          makeEntry({ cardId: 'in', time: utc('2025-03-30T01:59:00') }), // 03:59 CEST
        ],
      }),
    );
    expect(spring.answers).toBe(2);
    // Fall: at 02:00 CET on 10-26 the study day began 10-25 04:00 CEST (02:00Z) and ends
    // 10-26 04:00 CET (03:00Z): 25 hours. 10-25 04:30 CEST (02:30Z) is today — a window of
    // 24 h back from the next start (10-25 03:00Z) would miss it.
    const fall = today(
      makeInput({
        ...berlin,
        now: utc('2025-10-26T01:00:00'),
        log: [
          makeEntry({ cardId: 'out', time: utc('2025-10-25T01:59:00') }), // 03:59 CEST
          makeEntry({ cardId: 'in', time: utc('2025-10-25T02:30:00') }),
          makeEntry({ cardId: 'in', time: utc('2025-10-26T02:59:00') }), // 03:59 CET
        ],
      }),
    );
    expect(fall.answers).toBe(2);
  });

  it("counts a suspended or reset card's answers, and leaves new, suspended and orphans out of still due", () => {
    const now = utc('2025-06-15T12:00:00'); // next study day starts 06-16 04:00Z
    const review = (cardId: string, due: string, suspended = false) =>
      makeState({ cardId, suspended, sched: { phase: 'review', due: utc(due) } });
    const states = [
      review('overdue', '2025-06-10T10:00:00'), // due before tomorrow: still due
      review('tonight', '2025-06-16T03:59:00'), // due before tomorrow's 04:00: still due
      review('tomorrow', '2025-06-16T04:00:00'), // not today
      makeState({ cardId: 'step', sched: { phase: 'learning', due: utc('2025-06-15T12:10:00') } }),
      makeState({ cardId: 'new', sched: { phase: 'new', due: utc('2025-06-01T00:00:00') } }),
      review('suspended', '2025-06-10T10:00:00', true),
      review('orphan', '2025-06-10T10:00:00'),
    ];
    const cards = states
      .filter((s) => s.cardId !== 'orphan')
      .map((s) => makeCard({ id: s.cardId }));
    const log = [
      makeEntry({ cardId: 'suspended', time: utc('2025-06-15T09:00:00'), rating: 1 }),
      makeEntry({
        cardId: 'suspended',
        time: utc('2025-06-15T09:01:00'),
        kind: 'suspend',
        rating: null,
      }),
      makeEntry({ cardId: 'new', time: utc('2025-06-15T10:00:00') }),
      makeReset({ cardId: 'new', time: utc('2025-06-15T10:05:00') }),
    ];
    const stats = today(makeInput({ now, states, cards, log }));
    expect(stats.answers).toBe(2); // the suspended card's Again and the reset card's Good
    expect(stats.again).toBe(1);
    expect(stats.stillDue).toBe(3); // overdue, tonight, step
  });
});
