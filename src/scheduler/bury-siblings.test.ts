// Burying siblings, as Anki's queue builder does with "bury new siblings" and "bury review
// siblings" on (rslib/src/scheduler/queue/builder/burying.rs: get_and_update_bury_mode_for_note;
// gathering.rs: a note seen once keeps its later new and review cards out; bury_and_suspend.rs:
// answering a card buries its siblings for the rest of the day). Guards: two cloze deletions of
// one note, or both directions of a `:::` card, shown on the same day.
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

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, newPerDay: 20, reviewsPerDay: 200 };
const now = new Date('2026-11-24T10:00:00-05:00').getTime();
const DAY = 86_400_000;
const MIN = 60_000;

const makeCard = (i: number, noteId?: string): Card => ({
  id: `d:${i}`,
  deckId: 'd',
  question: `Q${i}`,
  answer: 'A',
  line: i + 1,
  section: [],
  index: i,
  ...(noteId !== undefined && { noteId }),
});
const makeState = (card: Card, sched: Partial<SchedulingState>): CardState => ({
  cardId: card.id,
  deckId: 'd',
  sched: { ...newSchedulingState(now), reps: 1, ...sched },
  suspended: false,
  lastLogId: null,
  updatedAt: now,
});
const review = (card: Card, daysOverdue: number) =>
  makeState(card, { phase: 'review', due: now - daysOverdue * DAY, scheduledDays: 5 });

// Notes: n1 = cards 0,1,2 (a cloze note), n2 = cards 3,4 (both directions of a `:::` card);
// card 5 stands alone.
const cards = [
  makeCard(0, 'n1'),
  makeCard(1, 'n1'),
  makeCard(2, 'n1'),
  makeCard(3, 'n2'),
  makeCard(4, 'n2'),
  makeCard(5),
];

describe('burying siblings (Anki: bury new and review siblings)', () => {
  it('offers one new card per note a day; a card without a note is never buried', () => {
    const q = buildQueue({ cards, states: new Map(), todayLog: [], settings, now });
    expect(q.newCards).toEqual(['d:0', 'd:3', 'd:5']);
    expect(q.counts.new).toBe(3);
  });

  it('keeps a note out for the rest of the day once one of its cards was answered today', () => {
    const answered = reviewEntry({
      card: cards[1]!,
      state: undefined,
      rating: 4, // Easy: straight to review, due on a later day
      now: now - 30 * MIN,
      durationMs: 1,
      settings,
    });
    const todayLog: ReviewLogEntry[] = [answered.entry];
    const states = new Map([[cards[1]!.id, answered.state]]);
    const q = buildQueue({ cards, states, todayLog, settings, now });
    expect(q.newCards).toEqual(['d:3', 'd:5']);
    // The next day the note's cards are offered again (one of them).
    const tomorrow = buildQueue({ cards, states, todayLog: [], settings, now: now + DAY });
    expect(tomorrow.newCards).toEqual(['d:0', 'd:3', 'd:5']);
  });

  it('buries a review sibling of a review taken first, and a new sibling of a review', () => {
    const states = new Map([
      [cards[0]!.id, review(cards[0]!, 1)],
      [cards[1]!.id, review(cards[1]!, 2)],
      [cards[3]!.id, review(cards[3]!, 3)],
    ]);
    const q = buildQueue({ cards, states, todayLog: [], settings, now });
    // Due order: d:3 (3 days), d:1 (2 days), d:0 (1 day, its note taken by d:1).
    expect(q.review).toEqual(['d:3', 'd:1']);
    expect(q.newCards).toEqual(['d:5']);
    expect(q.counts).toEqual({ new: 1, learning: 0, review: 2 });
  });

  it('never buries a learning card, but a learning card takes its note', () => {
    const states = new Map([
      [cards[2]!.id, makeState(cards[2]!, { phase: 'learning', due: now - MIN })],
      [cards[0]!.id, makeState(cards[0]!, { phase: 'relearning', due: now - 2 * MIN })],
      [cards[1]!.id, review(cards[1]!, 1)],
    ]);
    const q = buildQueue({ cards, states, todayLog: [], settings, now });
    expect(q.learning).toEqual(['d:0', 'd:2']);
    expect(q.review).toEqual([]);
    expect(q.newCards).toEqual(['d:3', 'd:5']);
  });

  // Guards: the session works out the next card while an answer shows, with the answered card
  // left out and its answer not yet logged; its sibling came up next.
  it("buries the siblings of the card being answered (pendingNoteId), as after it's logged", () => {
    const others = cards.filter((c) => c.id !== 'd:0');
    const q = buildQueue({
      cards: others,
      states: new Map(),
      todayLog: [],
      settings,
      now,
      pendingAnswer: newSchedulingState(now),
      pendingDeckId: 'd',
      pendingNoteId: 'n1',
    });
    expect(q.newCards).toEqual(['d:3', 'd:5']);
    expect(q.next).toEqual({ cardId: 'd:3', kind: 'new' });
  });

  it('does not count a buried card against the daily limits', () => {
    const limited = { ...settings, newPerDay: 2 };
    const q = buildQueue({ cards, states: new Map(), todayLog: [], settings: limited, now });
    expect(q.newCards).toEqual(['d:0', 'd:3']);
  });
});
