// Guards: a card whose id changed (a non-breaking space now counts as a space) keeps the progress
// stored under its old id: state and log entries move to the new id, nothing else moves.
import { describe, expect, it } from 'vitest';
import type { Card, CardState, ReviewLogEntry, SchedulingState } from '../shared/types.ts';
import { progressMoves, relinkedRecords } from './relink.ts';

const sched = (over: Partial<SchedulingState> = {}): SchedulingState => ({
  phase: 'review',
  due: 1_700_000_000_000,
  stability: 5,
  difficulty: 5,
  elapsedDays: 1,
  scheduledDays: 4,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  lastReview: 1_699_000_000_000,
  ...over,
});

const makeCard = (id: string, over: Partial<Card> = {}): Card => ({
  id,
  deckId: 'd',
  question: `Q ${id}`,
  answer: 'A',
  line: 1,
  section: [],
  index: 0,
  ...over,
});

const makeState = (cardId: string, over: Partial<CardState> = {}): CardState => ({
  cardId,
  deckId: 'd',
  sched: sched(),
  suspended: false,
  lastLogId: `log-${cardId}`,
  updatedAt: 1_699_000_000_000,
  ...over,
});

const makeEntry = (id: string, cardId: string): ReviewLogEntry => ({
  id,
  cardId,
  deckId: 'd',
  kind: 'review',
  rating: 3,
  time: 1_699_000_000_000,
  durationMs: 1000,
  before: sched({ phase: 'new', reps: 0 }),
  after: sched(),
});

const statesOf = (...states: CardState[]) => new Map(states.map((s) => [s.cardId, s]));

describe('progressMoves', () => {
  it('moves progress stored under a previous id when the new id has none', () => {
    const cards = [makeCard('d:new', { previousIds: ['d:old'] }), makeCard('d:plain')];
    expect(progressMoves(cards, statesOf(makeState('d:old'), makeState('d:plain')))).toEqual([
      { from: 'd:old', to: 'd:new', deckId: 'd' },
    ]);
  });

  it('moves nothing when the new id already has progress, or the old id has none', () => {
    const card = makeCard('d:new', { previousIds: ['d:old'] });
    expect(progressMoves([card], statesOf(makeState('d:old'), makeState('d:new')))).toEqual([]);
    expect(progressMoves([card], statesOf())).toEqual([]);
  });

  it("never takes another loaded card's progress, and gives an old id to one card only", () => {
    const taken = [makeCard('d:a', { previousIds: ['d:b'] }), makeCard('d:b')];
    expect(progressMoves(taken, statesOf(makeState('d:b')))).toEqual([]);
    const twice = [
      makeCard('d:x', { previousIds: ['d:old'] }),
      makeCard('d:y', { previousIds: ['d:old'] }),
    ];
    expect(progressMoves(twice, statesOf(makeState('d:old')))).toEqual([
      { from: 'd:old', to: 'd:x', deckId: 'd' },
    ]);
  });
});

describe('relinkedRecords', () => {
  it('rewrites the state and every log entry of a moved card, and only those', () => {
    const old = makeState('d:old', { suspended: true });
    const log = [makeEntry('1', 'd:old'), makeEntry('2', 'd:other'), makeEntry('3', 'd:old')];
    const out = relinkedRecords(
      [{ from: 'd:old', to: 'd:new', deckId: 'd' }],
      statesOf(old, makeState('d:other')),
      log,
    );
    expect(out.states).toEqual([{ ...old, cardId: 'd:new' }]);
    expect(out.log).toEqual([
      { ...log[0]!, cardId: 'd:new' },
      { ...log[2]!, cardId: 'd:new' },
    ]);
    expect(log[0]!.cardId).toBe('d:old');
  });
});
