import { describe, expect, it } from 'vitest';
import { cardCounts } from './card-counts.ts';
import { makeCard, makeInput, makeNewSched, makeState } from './state-builders.ts';

describe('cardCounts', () => {
  it('counts nothing in an empty collection', () => {
    expect(cardCounts(makeInput())).toEqual({
      new: 0,
      learning: 0,
      relearning: 0,
      young: 0,
      mature: 0,
      suspended: 0,
      orphans: 0,
      total: 0,
    });
  });

  it('puts every card in exactly one slice, as Anki does with "separate suspended" on', () => {
    const states = [
      makeState({ cardId: 'learn', sched: { phase: 'learning', scheduledDays: 0 } }),
      makeState({ cardId: 'relearn', sched: { phase: 'relearning', scheduledDays: 0 } }),
      // Young and mature by the current interval: 20 days is young, 21 is mature.
      makeState({ cardId: 'young', sched: { phase: 'review', scheduledDays: 20 } }),
      makeState({ cardId: 'mature', sched: { phase: 'review', scheduledDays: 21 } }),
      // A suspended mature card and a suspended learning card count only as suspended.
      makeState({ cardId: 'susp-mature', suspended: true, sched: { scheduledDays: 90 } }),
      makeState({ cardId: 'susp-learn', suspended: true, sched: { phase: 'learning' } }),
      // A reset card ("Forget") is new again.
      makeState({ cardId: 'reset', sched: makeNewSched() }),
      // An orphan: progress whose question was deleted. It is a mature review card, but counts
      // only as an orphan.
      makeState({ cardId: 'gone', sched: { phase: 'review', scheduledDays: 100 } }),
    ];
    const cards = [
      ...states.filter((s) => s.cardId !== 'gone').map((s) => makeCard({ id: s.cardId })),
      makeCard({ id: 'never-seen' }), // no state at all: new
    ];
    // new = reset + never-seen = 2; 1 learning, 1 relearning, 1 young, 1 mature, 2 suspended,
    // 1 orphan; total = 8 cards + 1 orphan = 9 = the sum of the slices.
    expect(cardCounts(makeInput({ states, cards }))).toEqual({
      new: 2,
      learning: 1,
      relearning: 1,
      young: 1,
      mature: 1,
      suspended: 2,
      orphans: 1,
      total: 9,
    });
  });
});
