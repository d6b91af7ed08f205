// Guards the deck browser's list of a deck's orphans (issue 13): only this deck's cards that no
// deck has, with the question the change report kept, most recently reviewed first.
import { describe, expect, it } from 'vitest';
import type { CardState } from '../shared/types.ts';
import { deckOrphans } from './orphans.ts';

const state = (cardId: string, lastReview: number | null, reps = 1): CardState => ({
  cardId,
  deckId: cardId.split(':')[0]!,
  sched: {
    phase: 'review',
    due: 0,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps,
    lapses: 0,
    lastReview,
  },
  suspended: false,
  lastLogId: null,
  updatedAt: 0,
});

describe('deckOrphans', () => {
  it('lists the deck’s unknown ids only, newest review first, with recorded questions', () => {
    const states = new Map(
      [
        state('ml:kept', 50),
        state('ml:old', 10, 3),
        state('ml:older', null),
        state('ml:recent', 40),
        state('ml/nlp:other-deck', 60),
        state('mlx:other', 70),
      ].map((s) => [s.cardId, s]),
    );
    const orphans = deckOrphans(
      'ml',
      states,
      new Set(['ml:kept']),
      new Map([['ml:old', 'What is entorpy?']]),
    );
    expect(orphans).toEqual([
      { id: 'ml:recent', question: null, reps: 1, lapses: 0, lastReview: 40 },
      { id: 'ml:old', question: 'What is entorpy?', reps: 3, lapses: 0, lastReview: 10 },
      { id: 'ml:older', question: null, reps: 1, lapses: 0, lastReview: null },
    ]);
  });
});
