// Guards: at load, progress stored under a card's previous id (before a non-breaking space
// counted as a space) is written under the card's new id, log entries first.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import { carryOverProgress } from './carry-over-progress.ts';

const deck = parseDeck(
  '!!! Question ""\n    === "Question"\n        What is\u00a0X?\n    === "Answer"\n        A\n',
  'd.md',
);
const card = deck.cards[0]!;
const oldId = card.previousIds![0]!;
const sched = {
  phase: 'review' as const,
  due: 2,
  stability: 1,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 1,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  lastReview: 1,
};
const state: CardState = {
  cardId: oldId,
  deckId: 'd',
  sched,
  suspended: false,
  lastLogId: 'e1',
  updatedAt: 1,
};
const entry: ReviewLogEntry = {
  id: 'e1',
  cardId: oldId,
  deckId: 'd',
  kind: 'review',
  rating: 3,
  time: 1,
  durationMs: 0,
  before: { ...sched, phase: 'new', reps: 0 },
  after: sched,
};

describe('carryOverProgress', () => {
  it('writes the log entry and state of the old id under the new id', async () => {
    const written: [string, unknown][] = [];
    const repo = {
      readFullLog: async () => [entry],
      putMany: async (records: [string, unknown][]) => {
        written.push(...records);
      },
    };
    const moved = await carryOverProgress(repo, deck.cards, new Map([[oldId, state]]));
    expect(moved).toBe(1);
    expect(written).toEqual([
      [`log:e1`, { ...entry, cardId: card.id }],
      [`card:${card.id}`, { ...state, cardId: card.id }],
    ]);
  });

  it('reads nothing when nothing moves, and reports 0 when writing fails', async () => {
    let reads = 0;
    const repo = {
      readFullLog: async () => {
        reads += 1;
        return [entry];
      },
      putMany: async () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(await carryOverProgress(repo, deck.cards, new Map())).toBe(0);
    expect(reads).toBe(0);
    expect(await carryOverProgress(repo, deck.cards, new Map([[oldId, state]]))).toBe(0);
  });
});
