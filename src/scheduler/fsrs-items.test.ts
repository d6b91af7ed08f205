// Guards the log → FSRS items conversion the optimizer trains on: study days (local days from the
// day-start hour, TZ=America/New_York here), resets, and Anki's training filter (delta_t > 0).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Rating, type ReviewLogEntry } from '../shared/types.ts';
import { resetEntry, reviewEntry, suspendEntry } from './actions.ts';
import { flattenItems, logToFsrsItems } from './fsrs-items.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const at = (s: string) => new Date(s).getTime();

/** Answers one card at the given local times, each answer from the state the last one left. */
function history(id: string, answers: [string, Rating][]): ReviewLogEntry[] {
  const card = { id: `d:${id}`, deckId: 'd' };
  let state;
  const out: ReviewLogEntry[] = [];
  for (const [time, rating] of answers) {
    const r = reviewEntry({ card, state, rating, now: at(time), durationMs: 1000, settings });
    state = r.state;
    out.push(r.entry);
  }
  return out;
}

describe('review log → FSRS training items', () => {
  it('counts study days, not UTC dates: 18:55 and 19:05 New York (either side of UTC midnight) are day 0', () => {
    const log = history('a', [
      ['2026-11-24T18:55:00-05:00', 3],
      ['2026-11-24T19:05:00-05:00', 3],
      ['2026-11-26T10:00:00-05:00', 3],
    ]);
    const { items, reviewCount } = logToFsrsItems(log, 4);
    // The same-day second answer gives no item (delta_t 0); the third is 2 study days later.
    expect(items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 2 },
      ],
    ]);
    expect(reviewCount).toBe(3);
  });

  it('a day starts at the day-start hour: 03:59 is yesterday, 04:00 today', () => {
    const log = history('a', [
      ['2026-11-24T22:00:00-05:00', 3],
      ['2026-11-25T03:59:00-05:00', 3],
      ['2026-11-25T04:00:00-05:00', 3],
    ]);
    expect(logToFsrsItems(log, 4).items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 1 },
      ],
    ]);
    // With the day starting at midnight, 03:59 is already the next day.
    expect(logToFsrsItems(log, 0).items.map((i) => i.map((r) => r.deltaT))).toEqual([[0, 1]]);
  });

  it('Monday 21:00 then Tuesday 18:00 is one study day, and a 25 h DST day counts once', () => {
    const log = history('a', [
      ['2026-11-23T21:00:00-05:00', 3],
      ['2026-11-24T18:00:00-05:00', 3],
    ]);
    expect(logToFsrsItems(log, 4).items[0]?.[1]?.deltaT).toBe(1);
    const fallBack = history('b', [
      ['2026-10-31T12:00:00-04:00', 3],
      ['2026-11-01T12:00:00-05:00', 3],
      ['2026-11-04T12:00:00-05:00', 1],
    ]);
    expect(logToFsrsItems(fallBack, 4).items.map((i) => i.map((r) => r.deltaT))).toEqual([
      [0, 1],
      [0, 1, 3],
    ]);
  });

  it('starts over after a reset, ignores suspensions, and orders items by answer time', () => {
    const a = history('a', [
      ['2026-11-01T10:00:00-05:00', 1],
      ['2026-11-03T10:00:00-05:00', 3],
    ]);
    const card = { id: 'd:a', deckId: 'd' };
    const reset = resetEntry({ card, state: undefined, now: at('2026-11-04T10:00:00-05:00') });
    const after = reviewEntry({
      card,
      state: reset.state,
      rating: 4,
      now: at('2026-11-05T10:00:00-05:00'),
      durationMs: 1,
      settings,
    });
    const again = reviewEntry({
      card,
      state: after.state,
      rating: 2,
      now: at('2026-11-09T10:00:00-05:00'),
      durationMs: 1,
      settings,
    });
    const b = history('b', [
      ['2026-11-02T10:00:00-05:00', 3],
      ['2026-11-07T10:00:00-05:00', 3],
    ]);
    const suspend = suspendEntry({
      card,
      state: again.state,
      now: at('2026-11-06T10:00:00-05:00'),
    });
    const log = [again.entry, ...b, suspend.entry, reset.entry, after.entry, ...a];
    const { items, reviewCount } = logToFsrsItems(log, 4);
    expect(items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 5 },
      ],
      [
        { rating: 4, deltaT: 0 },
        { rating: 2, deltaT: 4 },
      ],
    ]);
    expect(reviewCount).toBe(4);
  });

  it('flattens items for fsrs-browser: ratings and deltas in a row, and each length', () => {
    const flat = flattenItems([
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 2 },
      ],
      [
        { rating: 4, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 5 },
      ],
    ]);
    expect([...flat.ratings]).toEqual([3, 1, 4, 3, 3]);
    expect([...flat.deltaTs]).toEqual([0, 2, 0, 0, 5]);
    expect([...flat.lengths]).toEqual([2, 3]);
  });
});
