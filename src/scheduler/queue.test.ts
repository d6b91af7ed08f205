import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type Card,
  type CardState,
  type ReviewLogEntry,
  type SchedulingState,
} from '../shared/types.ts';
import { reviewEntry } from './actions.ts';
import { newSchedulingState } from './fsrs.ts';
import { buildQueue } from './queue.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, newPerDay: 3 };
const now = new Date('2026-11-24T10:00:00-05:00').getTime();
const MIN = 60_000;
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
  it('orders learning due now, then reviews by relative overdueness, then new in file order', () => {
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
    const q = buildQueue({ cards, states, todayLog: [], settings, now });
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
});
