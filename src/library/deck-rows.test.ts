// Guards: Home's deck counts and the review session must come from the same queue, so Home never
// promises new cards the session then refuses (Anki's v3 review limit caps new cards).
import { describe, expect, it } from 'vitest';
import { newSchedulingState } from '../scheduler/fsrs.ts';
import { buildQueue } from '../scheduler/queue.ts';
import {
  DEFAULT_SETTINGS,
  type CardState,
  type Deck,
  type ReviewLogEntry,
} from '../shared/types.ts';
import { deckRows, todayStats } from './deck-rows.ts';

const now = new Date(2026, 10, 24, 10, 0).getTime();

const deck: Deck = {
  id: 'd',
  path: 'd.md',
  title: 'D',
  description: '',
  diagnostics: [],
  cards: Array.from({ length: 40 }, (_, i) => ({
    id: `d:${i}`,
    deckId: 'd',
    question: `Q${i}`,
    answer: 'A',
    line: i + 1,
    section: [],
    index: i,
  })),
};

/** `n` reviews answered earlier today in this deck (limits are per deck, so they count here). */
const reviewsDone = (n: number): ReviewLogEntry[] =>
  Array.from({ length: n }, (_, i) => {
    const before = { ...newSchedulingState(now), phase: 'review' as const };
    return {
      id: `e${i}`,
      cardId: `d:done-${i}`,
      deckId: 'd',
      kind: 'review',
      rating: 3,
      time: now - 60_000 - i,
      durationMs: 1000,
      before,
      after: before,
    };
  });

describe('Home counts', () => {
  it.each([
    [0, 20],
    [190, 10],
    [200, 0],
  ])('with %i reviews done today, Home offers %i new cards, as the session does', (done, fresh) => {
    const states = new Map<string, CardState>();
    const todayLog = reviewsDone(done);
    const input = { decks: [deck], states, todayLog, settings: DEFAULT_SETTINGS, now };
    const [row] = deckRows(input);
    const session = buildQueue({
      cards: deck.cards,
      states,
      todayLog,
      settings: DEFAULT_SETTINGS,
      now,
    });
    expect(row!.new).toBe(fresh);
    expect({ new: row!.new, learning: row!.learning, review: row!.due }).toEqual(session.counts);
    expect(todayStats(input).remaining).toBe(fresh);
  });
});
