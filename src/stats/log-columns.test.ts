import { describe, expect, it } from 'vitest';
import { ANSWER_TYPES, logColumns } from './log-columns.ts';
import { inStep, makeEntry, makeReset, NEW_BEFORE } from './test-builders.ts';

const t = Date.parse('2025-06-15T12:00:00Z');

describe('logColumns', () => {
  it('reads each entry into its column: answers by rating, type and interval; actions as rating 0', () => {
    const log = [
      makeEntry({
        time: t,
        rating: 2,
        deckId: 'b.md',
        durationMs: 7_000,
        before: { scheduledDays: 30 },
      }),
      makeEntry({
        time: t + 1,
        rating: 1,
        deckId: 'a.md',
        before: inStep('relearning', t + 1, 36),
      }),
      makeEntry({ time: t + 2, deckId: 'b.md', before: NEW_BEFORE }),
      makeReset({ time: t + 3, deckId: 'a.md' }),
    ];
    const c = logColumns(log);
    expect(c.length).toBe(4);
    expect([...c.time]).toEqual([t, t + 1, t + 2, t + 3]);
    expect([...c.durationMs]).toEqual([7_000, 5_000, 5_000, 0]);
    expect([...c.rating]).toEqual([2, 1, 3, 0]);
    expect([...c.type].slice(0, 3).map((k) => ANSWER_TYPES[k])).toEqual([
      'review',
      'relearning',
      'learning',
    ]);
    expect([...c.wasNew]).toEqual([0, 0, 1, 0]);
    expect(c.lastIvl[0]).toBe(30);
    expect(c.lastIvl[1]).toBeCloseTo(36 / 1440); // a 36-minute step
    expect(c.deckIds).toEqual(['b.md', 'a.md']);
    expect([...c.deck]).toEqual([0, 1, 0, 1]);
  });

  // Guards against figures drawn from a stale copy after the app appends to the same array.
  it('counts only review entries as answers, whatever rating another kind carries', () => {
    // A suspend entry never has a rating when the app writes it; an imported one might.
    const log = [makeEntry({ time: t, kind: 'suspend', rating: 3 })];
    expect(logColumns(log).rating[0]).toBe(0);
  });

  it('reuses the columns for the same log, and reads again once the array grows or changes', () => {
    const log = [makeEntry({ time: t })];
    const first = logColumns(log);
    expect(logColumns(log)).toBe(first);
    log.push(makeEntry({ time: t + 1, rating: 1 }));
    const grown = logColumns(log);
    expect(grown.length).toBe(2);
    expect(grown.rating[1]).toBe(1);
    log[1] = makeEntry({ time: t + 2, rating: 4 });
    expect(logColumns(log).rating[1]).toBe(4);
    log.splice(1, 0, makeEntry({ time: t + 1, rating: 2 })); // same last entry, one more before it
    expect([...logColumns(log).rating]).toEqual([3, 2, 4]);
  });
});
