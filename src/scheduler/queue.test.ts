import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type Card,
  type CardState,
  type ReviewLogEntry,
  type SchedulingState,
} from '../shared/types.ts';
import { resetEntry, reviewEntry } from './actions.ts';
import { newSchedulingState } from './fsrs.ts';
import { buildQueue } from './queue.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, newPerDay: 3 };
const now = new Date('2026-11-24T10:00:00-05:00').getTime();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 86_400_000;

const makeCard = (i: number): Card => ({
  id: `d:${i}`,
  deckId: 'd',
  question: `Q${i}`,
  answer: 'A',
  line: i + 1,
  section: [],
  index: i,
});
const makeState = (card: Card, sched: Partial<SchedulingState>, suspended = false): CardState => ({
  cardId: card.id,
  deckId: 'd',
  sched: { ...newSchedulingState(now), reps: 1, ...sched },
  suspended,
  lastLogId: null,
  updatedAt: now,
});
const cards = Array.from({ length: 10 }, (_, i) => makeCard(i));

describe('the daily queue', () => {
  it('orders learning due now, then reviews (here by relative overdueness), then new in file order', () => {
    const states = new Map<string, CardState>([
      [
        cards[0]!.id,
        makeState(cards[0]!, { phase: 'review', due: now - 2 * DAY, scheduledDays: 10 }),
      ],
      [
        cards[1]!.id,
        makeState(cards[1]!, { phase: 'review', due: now - 2 * DAY, scheduledDays: 1 }),
      ],
      [cards[2]!.id, makeState(cards[2]!, { phase: 'learning', due: now - MIN })],
      [
        cards[3]!.id,
        makeState(cards[3]!, { phase: 'review', due: now + 30 * DAY, scheduledDays: 30 }),
      ],
      [
        cards[4]!.id,
        makeState(cards[4]!, { phase: 'review', due: now - DAY, scheduledDays: 1 }, true),
      ],
      [cards[5]!.id, makeState(cards[5]!, { phase: 'relearning', due: now + 5 * MIN })],
    ]);
    const q = buildQueue({
      cards,
      states,
      todayLog: [],
      settings: { ...settings, reviewOrder: 'overdueness' },
      now,
    });
    expect(q.learning).toEqual(['d:2']);
    expect(q.review).toEqual(['d:1', 'd:0']);
    expect(q.newCards).toEqual(['d:6', 'd:7', 'd:8']);
    expect(q.learnAhead).toEqual(['d:5']);
    expect(q.next).toEqual({ cardId: 'd:2', kind: 'learning' });
    expect(q.counts).toEqual({ new: 3, learning: 2, review: 2 });
    expect(q.nextLearningDue).toBe(now + 5 * MIN);
  });

  it('counts new cards introduced today against the limit, across sessions', () => {
    const todayLog: ReviewLogEntry[] = [];
    const states = new Map<string, CardState>();
    for (const c of cards.slice(0, 2)) {
      const r = reviewEntry({
        card: c,
        state: undefined,
        rating: 3,
        now: now - 60 * MIN,
        durationMs: 1,
        settings,
      });
      todayLog.push(r.entry);
      states.set(c.id, r.state);
    }
    const q = buildQueue({ cards, states, todayLog, settings, now });
    expect(q.newCards).toEqual(['d:2']);
    expect(q.learning).toEqual(['d:0', 'd:1']);
  });

  // Guards: answers dated a year ahead (a clock that was wrong, then corrected) counted as today
  // forever, so New showed 0 and the review limit stayed used up.
  it('answers dated in the future count toward neither the new nor the review limit', () => {
    const future = now + 365 * DAY;
    const todayLog: ReviewLogEntry[] = [];
    for (const c of cards.slice(0, 5)) {
      const learned = reviewEntry({
        card: c,
        state: undefined,
        rating: 3,
        now: future,
        durationMs: 1,
        settings,
      });
      const reviewed = reviewEntry({
        card: c,
        state: { ...learned.state, sched: { ...learned.state.sched, phase: 'review' } },
        rating: 3,
        now: future + HOUR,
        durationMs: 1,
        settings,
      });
      todayLog.push(learned.entry, reviewed.entry);
    }
    const states = new Map<string, CardState>(
      cards
        .slice(5)
        .map((c) => [c.id, makeState(c, { phase: 'review', due: now - DAY, scheduledDays: 3 })]),
    );
    const q = buildQueue({
      cards,
      states,
      todayLog,
      settings: { ...settings, reviewsPerDay: 8 },
      now,
    });
    // 5 reviews gathered leave 3 of the review limit, which new cards may use (Anki's v3 cap).
    expect(q.counts).toEqual({ new: 3, learning: 0, review: 5 });
    expect(q.newCards).toEqual(['d:0', 'd:1', 'd:2']);
  });

  it('shows a learning card due within 20 minutes rather than ending, and nothing beyond', () => {
    const only = cards.slice(0, 1);
    const soon = new Map([
      [only[0]!.id, makeState(only[0]!, { phase: 'learning', due: now + 10 * MIN })],
    ]);
    expect(buildQueue({ cards: only, states: soon, todayLog: [], settings, now }).next).toEqual({
      cardId: 'd:0',
      kind: 'learning',
    });
    const later = new Map([
      [only[0]!.id, makeState(only[0]!, { phase: 'learning', due: now + 30 * MIN })],
    ]);
    expect(buildQueue({ cards: only, states: later, todayLog: [], settings, now }).next).toBeNull();
  });

  it('limits reviews per day and counts reviews due before the next day start', () => {
    const states = new Map<string, CardState>();
    cards.forEach((c, i) =>
      states.set(
        c.id,
        makeState(c, { phase: 'review', due: now + i * 3_600_000, scheduledDays: 5 }),
      ),
    );
    // now is 10:00; the study day ends at 04:00 tomorrow: due within 18 h → cards 0..9 (9 h max)
    const q = buildQueue({
      cards,
      states,
      todayLog: [],
      settings: { ...settings, reviewsPerDay: 4 },
      now,
    });
    expect(q.review).toHaveLength(4);
    expect(q.counts.review).toBe(4);
  });

  it('ignores orphans and suspended cards', () => {
    const states = new Map<string, CardState>([
      ['gone:1', makeState(makeCard(99), { phase: 'learning', due: now - MIN })],
      [cards[0]!.id, makeState(cards[0]!, { phase: 'new' }, true)],
    ]);
    const q = buildQueue({ cards: cards.slice(0, 2), states, todayLog: [], settings, now });
    expect(q.newCards).toEqual(['d:1']);
    expect(q.learning).toEqual([]);
  });

  it('introduces new cards deck by deck in file order, whatever order they are given in', () => {
    const a = (i: number): Card => ({ ...makeCard(i), id: `a:${i}`, deckId: 'a' });
    const b = (i: number): Card => ({ ...makeCard(i), id: `b:${i}`, deckId: 'b' });
    const given = [b(1), a(2), b(0), a(0), a(1)];
    const q = buildQueue({
      cards: given,
      states: new Map(),
      todayLog: [],
      settings: { ...settings, newPerDay: 10 },
      now,
    });
    expect(q.newCards).toEqual(['b:0', 'b:1', 'a:0', 'a:1', 'a:2']);
  });

  it('counts reviews done today against the review limit, and nothing from yesterday', () => {
    const states = new Map<string, CardState>();
    const todayLog: ReviewLogEntry[] = [];
    cards.forEach((c, i) => {
      const st = makeState(c, { phase: 'review', due: now - DAY, scheduledDays: 3 });
      states.set(c.id, st);
      if (i < 3) {
        const r = reviewEntry({
          card: c,
          state: st,
          rating: 3,
          now: now - i * 10 * HOUR,
          durationMs: 1,
          settings,
        });
        todayLog.push(r.entry);
      }
    });
    // now is 10:00, the day started at 04:00: only the answer at 10:00 was today; the one at
    // 00:00 belongs to yesterday's study day and the one at 14:00 yesterday too.
    const q = buildQueue({
      cards,
      states,
      todayLog,
      settings: { ...settings, reviewsPerDay: 5 },
      now,
    });
    expect(q.counts.review).toBe(4);
  });

  it('a card reset and learned again today still counts once against the new limit', () => {
    const c = cards[0]!;
    const first = reviewEntry({
      card: c,
      state: undefined,
      rating: 4,
      now: now - 3 * HOUR,
      durationMs: 1,
      settings,
    });
    const reset = resetEntry({ card: c, state: first.state, now: now - 2 * HOUR });
    const again = reviewEntry({
      card: c,
      state: reset.state,
      rating: 3,
      now: now - HOUR,
      durationMs: 1,
      settings,
    });
    const q = buildQueue({
      cards,
      states: new Map([[c.id, again.state]]),
      todayLog: [first.entry, reset.entry, again.entry],
      settings,
      now,
    });
    expect(q.newCards).toEqual(['d:1', 'd:2']);
  });

  it('reviews are due until the next day start (04:00), not until midnight or 24 h', () => {
    const late = now + 17.5 * HOUR; // 03:30 tomorrow: still today's study day
    const after = now + 18.5 * HOUR; // 04:30 tomorrow
    const states = new Map<string, CardState>([
      [cards[0]!.id, makeState(cards[0]!, { phase: 'review', due: late, scheduledDays: 4 })],
      [cards[1]!.id, makeState(cards[1]!, { phase: 'review', due: after, scheduledDays: 4 })],
    ]);
    const q = buildQueue({ cards: cards.slice(0, 2), states, todayLog: [], settings, now });
    expect(q.review).toEqual(['d:0']);
  });

  it('learning cards due soon wait while reviews or new cards remain', () => {
    const states = new Map<string, CardState>([
      [cards[0]!.id, makeState(cards[0]!, { phase: 'learning', due: now + 5 * MIN })],
      [cards[1]!.id, makeState(cards[1]!, { phase: 'review', due: now - DAY, scheduledDays: 2 })],
    ]);
    const two = cards.slice(0, 3);
    expect(buildQueue({ cards: two, states, todayLog: [], settings, now }).next).toEqual({
      cardId: 'd:1',
      kind: 'review',
    });
    states.delete(cards[1]!.id);
    expect(buildQueue({ cards: two, states, todayLog: [], settings, now }).next).toEqual({
      cardId: 'd:1',
      kind: 'new',
    });
    expect(
      buildQueue({ cards: two, states, todayLog: [], settings: { ...settings, newPerDay: 0 }, now })
        .next,
    ).toEqual({ cardId: 'd:0', kind: 'learning' });
  });
});
