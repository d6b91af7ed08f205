import { fsrs } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { toFsrsCard } from '../scheduler/fsrs.ts';
import type { LogKind, ReviewLogEntry, SchedulingState } from '../shared/types.ts';
import { distributionStats } from './distributions.ts';
import { currentRetrievability, forgettingCurve } from './retrievability.ts';
import { makeCard, makeInput, makeNewSched, makeSched, makeState } from './state-builders.ts';
import { studyDays } from './study-days.ts';
import type { StatsInput } from './types.ts';

const utc = (s: string) => Date.parse(s + 'Z');
const DAY = 86_400_000;
const NOW = utc('2025-06-15T12:00:00');

const distributions = (input: StatsInput) =>
  distributionStats(input, studyDays(input.now, input.dayStartHour, input.timeZone));

let logSeq = 0;
function makeAnswer(
  overrides: Partial<Omit<ReviewLogEntry, 'before'>> & { before?: Partial<SchedulingState> } = {},
): ReviewLogEntry {
  const { before, ...rest } = overrides;
  const kind: LogKind = rest.kind ?? 'review';
  return {
    id: `log-${++logSeq}`,
    cardId: 'c1',
    deckId: 'deck.md',
    kind,
    rating: kind === 'review' ? 3 : null,
    time: NOW,
    durationMs: 5000,
    after: makeSched(),
    ...rest,
    before: makeSched(before),
  };
}

describe('current retrievability', () => {
  const curve = forgettingCurve(null);

  it('is 0.9 when the days since the last review equal the stability (default parameters)', () => {
    // FSRS defines stability as the interval at which R falls to 90%:
    // R = (1 + factor · t/S)^−decay with factor = 0.9^(−1/decay) − 1, so t = S gives 0.9.
    const sched = makeSched({ stability: 10, lastReview: NOW - 10 * DAY });
    expect(currentRetrievability(sched, NOW, curve)).toBeCloseTo(0.9, 6);
  });

  it('counts fractional days: 2.5 days after the last review with S = 2.5 is 0.9, not R(2 days)', () => {
    const sched = makeSched({ stability: 2.5, lastReview: NOW - 2.5 * DAY });
    expect(currentRetrievability(sched, NOW, curve)).toBeCloseTo(0.9, 6);
  });

  it("matches ts-fsrs's own get_retrievability (an engine per card, whole days) for one card", () => {
    const sched = makeSched({
      phase: 'relearning',
      stability: 2,
      difficulty: 10,
      lastReview: NOW - 3 * DAY,
    });
    const slow = fsrs().get_retrievability(toFsrsCard(sched), new Date(NOW), false);
    // By hand: decay 0.1542, factor = 0.9^(−1/0.1542) − 1 ≈ 0.9803;
    // R = (1 + 0.9804 · 3/2)^−0.1542 = 2.4705^−0.1542 ≈ 0.8698.
    expect(slow).toBeCloseTo(0.8698, 3);
    expect(currentRetrievability(sched, NOW, curve)).toBeCloseTo(slow, 8);
  });

  it('is null for a card without a memory state, and a last review after now counts as now', () => {
    expect(currentRetrievability(makeSched(makeNewSched()), NOW, curve)).toBeNull();
    const ahead = makeSched({ stability: 3, lastReview: NOW + DAY });
    expect(currentRetrievability(ahead, NOW, curve)).toBe(1);
  });

  it("uses the person's weights: a larger decay (w[20]) makes R fall faster past S", () => {
    const steep = forgettingCurve([...fsrs().parameters.w.slice(0, 20), 0.8]);
    // Every curve passes through 0.9 at t = S; past it, the steeper decay is lower.
    expect(steep(10, 10)).toBeCloseTo(0.9, 6);
    expect(steep(30, 10)).toBeLessThan(curve(30, 10));
  });
});

describe('distributionStats', () => {
  it('is empty for an empty collection', () => {
    const stats = distributions(makeInput());
    const empty = { bins: [], total: 0, median: null, mean: null };
    expect(stats.stability).toEqual(empty);
    expect(stats.difficulty).toEqual(empty);
    expect(stats.retrievability).toEqual(empty);
    expect(stats.knownNow).toBe(0);
    expect(stats.mostLapses).toEqual([]);
    expect(stats.lowestRetrievability).toEqual([]);
    const zero = { 1: 0, 2: 0, 3: 0, 4: 0 };
    expect(stats.buttons).toEqual(
      [30, 90, 365, null].map((range) => ({ range, learning: zero, young: zero, mature: zero })),
    );
  });

  // A: review, S 10, D 5.5, 10 days since review → R 0.9, D (5.5−1)/9 = 50 %, 2 lapses.
  // B: relearning, S 2, D 10, 3 days → R_B = 0.8698 (see above), D 100 %, 2 lapses.
  // C: review, suspended, S 2.5, D 1, 2.5 days → R 0.9, D 0 %, 3 lapses.
  // L: learning, S 0.5, D 7, reviewed just now → R 1, D 6/9 = 66.67 %; not in stability.
  // E: reset (new again): no memory state, no lapses → nowhere.
  // O: orphan review card with 9 lapses and R ≈ 0.59 (3,000 days, S 100) → nowhere.
  // N: a card never answered (no state) → nowhere.
  const states = [
    makeState({
      cardId: 'A',
      sched: {
        phase: 'review',
        stability: 10,
        difficulty: 5.5,
        lastReview: NOW - 10 * DAY,
        lapses: 2,
      },
    }),
    makeState({
      cardId: 'B',
      sched: {
        phase: 'relearning',
        stability: 2,
        difficulty: 10,
        lastReview: NOW - 3 * DAY,
        lapses: 2,
      },
    }),
    makeState({
      cardId: 'C',
      suspended: true,
      sched: {
        phase: 'review',
        stability: 2.5,
        difficulty: 1,
        lastReview: NOW - 2.5 * DAY,
        lapses: 3,
      },
    }),
    makeState({
      cardId: 'L',
      sched: { phase: 'learning', stability: 0.5, difficulty: 7, lastReview: NOW, lapses: 0 },
    }),
    makeState({ cardId: 'E', sched: makeNewSched() }),
    makeState({
      cardId: 'O',
      sched: {
        phase: 'review',
        stability: 100,
        difficulty: 9,
        lastReview: NOW - 3000 * DAY,
        lapses: 9,
      },
    }),
  ];
  const cards = ['A', 'B', 'C', 'L', 'E', 'N'].map((id) => makeCard({ id }));
  const input = makeInput({ states, cards, now: NOW });
  const rB = currentRetrievability(states[1]!.sched, NOW, forgettingCurve(null))!;

  it('bins stability of review and relearning cards (suspended included) in whole days', () => {
    // A 10, B 2, C 2.5 → rounded 10, 2, 3. 95th percentile of [2, 3, 10]: rank 2 · 0.95 = 1.9,
    // 3 + 0.9 · (10 − 3) = 9.3 → top 10. (10 − 2 + 1)/20 < 1 → 1-day bins from 2 to 10 inclusive.
    const { stability } = distributions(input);
    expect(stability.bins).toHaveLength(9);
    expect(stability.bins[0]).toEqual({ from: 2, to: 3, count: 1 });
    expect(stability.bins[1]).toEqual({ from: 3, to: 4, count: 1 });
    expect(stability.bins[8]).toEqual({ from: 10, to: 11, count: 1 });
    expect(stability.total).toBe(3);
    expect(stability.median).toBe(2.5);
    expect(stability.mean).toBeCloseTo((10 + 2 + 2.5) / 3, 10); // 4.8333
  });

  it('gathers stability past the 95th percentile in one last bin, with nice steps below it', () => {
    // Rounded: 0.4 → 0, 1.6 → 2, 2.4 → 2, 3 → 3, 7.5 → 8, 300. 95th percentile: rank 5 · 0.95 =
    // 4.75 → 8 + 0.75 · (300 − 8) = 227. (227 − 0 + 1)/20 = 11.4 → step 20: bins [0, 20) …
    // [220, 240) (12 bins), then [240, 301) for the 300-day card.
    const many = [0.4, 1.6, 2.4, 3, 7.5, 300].map((stability, i) =>
      makeState({ cardId: `s${i}`, sched: { stability, lastReview: NOW - DAY } }),
    );
    const { stability } = distributions(makeInput({ states: many, now: NOW }));
    expect(stability.bins).toHaveLength(13);
    expect(stability.bins[0]).toEqual({ from: 0, to: 20, count: 5 });
    expect(stability.bins[11]).toEqual({ from: 220, to: 240, count: 0 });
    expect(stability.bins[12]).toEqual({ from: 240, to: 301, count: 1 });
    expect(stability.bins.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(stability.median).toBe(2.7); // (2.4 + 3)/2
  });

  it('bins difficulty as (D − 1)/9 in 5 % steps, 100 % in the last bin', () => {
    const { difficulty } = distributions(input);
    const busy = difficulty.bins.filter((b) => b.count > 0);
    // 0 % (C), 50 % (A), 66.67 % (L), 100 % (B).
    expect(busy).toEqual([
      { from: 0, to: 5, count: 1 },
      { from: 50, to: 55, count: 1 },
      { from: 65, to: 70, count: 1 },
      { from: 95, to: 100, count: 1 },
    ]);
    expect(difficulty.bins).toHaveLength(20);
    expect(difficulty.total).toBe(4);
    expect(difficulty.median).toBeCloseTo((50 + 600 / 9) / 2, 10); // 58.33
    expect(difficulty.mean).toBeCloseTo((0 + 50 + 600 / 9 + 100) / 4, 10); // 54.17
  });

  it('bins retrievability in percent and sums R over the cards a person knows now', () => {
    const stats = distributions(input);
    const busy = stats.retrievability.bins.filter((b) => b.count > 0);
    // A 90 %, C 90 %, B 86.99 %, L 100 % (last bin).
    expect(busy).toEqual([
      { from: 85, to: 90, count: 1 },
      { from: 90, to: 95, count: 2 },
      { from: 95, to: 100, count: 1 },
    ]);
    expect(stats.retrievability.median).toBeCloseTo(90, 6);
    expect(stats.retrievability.mean).toBeCloseTo((90 + 90 + rB * 100 + 100) / 4, 6);
    // Σ R = 0.9 + 0.9 + 0.8699 + 1 ≈ 3.6699
    expect(stats.knownNow).toBeCloseTo(2.8 + rB, 6);
    expect(stats.knownNow).toBeCloseTo(3.6699, 3);
  });

  it('lists the hardest cards: most lapses (ties: lower R first) and lowest R, without orphans', () => {
    const stats = distributions(input);
    // C has the most lapses (3). A and B tie at 2: B's R (0.87) is below A's (0.9) → B before A,
    // although A's id sorts first.
    expect(stats.mostLapses.map((c) => c.cardId)).toEqual(['C', 'B', 'A']);
    expect(stats.mostLapses[1]).toEqual({
      cardId: 'B',
      deckId: 'deck.md',
      lapses: 2,
      retrievability: rB,
    });
    // B 0.87; A and C tie at 0.9 → C first (3 lapses against 2); L 1. The orphan O (R ≈ 0.59,
    // 9 lapses) would top both lists.
    expect(stats.lowestRetrievability.map((c) => c.cardId)).toEqual(['B', 'C', 'A', 'L']);
  });

  it('keeps only the top 10 hardest cards, ties at the cut decided by the other measure', () => {
    // Cards k01…k12 with k lapses, all reviewed 4 days ago with S 10: the same R for every one.
    // Most lapses: k12 down to k03. Lowest R: a 12-way tie, broken by lapses → also k12 … k03,
    // though k01…k10 came first and filled the list.
    const many = Array.from({ length: 12 }, (_, i) =>
      makeState({
        cardId: `k${String(i + 1).padStart(2, '0')}`,
        sched: { lapses: i + 1, stability: 10, lastReview: NOW - 4 * DAY },
      }),
    );
    const stats = distributions(makeInput({ states: many, now: NOW }));
    const top = ['k12', 'k11', 'k10', 'k09', 'k08', 'k07', 'k06', 'k05', 'k04', 'k03'];
    expect(stats.mostLapses.map((c) => c.cardId)).toEqual(top);
    expect(stats.lowestRetrievability.map((c) => c.cardId)).toEqual(top);

    // Now all with 5 lapses, j01 reviewed 1 day ago … j12 12 days ago: the later, the lower R.
    // Most lapses: a 12-way tie, broken by R → j12 down to j03.
    const tied = Array.from({ length: 12 }, (_, i) =>
      makeState({
        cardId: `j${String(i + 1).padStart(2, '0')}`,
        sched: { lapses: 5, stability: 10, lastReview: NOW - (i + 1) * DAY },
      }),
    );
    const byR = distributions(makeInput({ states: tied, now: NOW })).mostLapses;
    expect(byR.map((c) => c.cardId)).toEqual(top.map((id) => id.replace('k', 'j')));
  });

  it('counts buttons by group and window, as Anki: learning / young / mature by the state before', () => {
    // UTC, day start 04:00, now 2025-06-15 12:00. The 30-day window starts at day −29,
    // 2025-05-17 04:00; the 365-day window at day −364, 2024-06-16 04:00.
    const log = [
      makeAnswer({ rating: 3, before: makeNewSched(), time: NOW }), // learning, Good
      makeAnswer({ rating: 1, before: { phase: 'relearning', scheduledDays: 0 } }), // learning
      makeAnswer({ rating: 1, before: { phase: 'learning', scheduledDays: 0 } }), // learning
      // Young: interval before the answer 20 days, at the first instant of the 30-day window.
      makeAnswer({
        rating: 2,
        before: { phase: 'review', scheduledDays: 20 },
        time: utc('2025-05-17T04:00:00'),
      }),
      // Mature: interval 21 days, one minute before the 30-day window.
      makeAnswer({
        rating: 4,
        before: { phase: 'review', scheduledDays: 21 },
        time: utc('2025-05-17T03:59:00'),
      }),
      // A learning Good one minute before the 365-day window: only in "all".
      makeAnswer({ rating: 3, before: { phase: 'learning' }, time: utc('2024-06-16T03:59:00') }),
      // No button: reset and suspend never count.
      makeAnswer({ kind: 'reset', before: { phase: 'review', scheduledDays: 40 } }),
      makeAnswer({ kind: 'suspend', before: { phase: 'review', scheduledDays: 40 } }),
      // An orphan's answer: history is history, it counts as in every figure read from the log
      // (mature Again, at NOW).
      makeAnswer({ cardId: 'gone', rating: 1, before: { phase: 'review', scheduledDays: 40 } }),
    ];
    const stats = distributions(makeInput({ log, cards: [makeCard({ id: 'c1' })], now: NOW }));
    const [month, quarter, year, all] = stats.buttons;
    expect(month).toEqual({
      range: 30,
      learning: { 1: 2, 2: 0, 3: 1, 4: 0 },
      young: { 1: 0, 2: 1, 3: 0, 4: 0 },
      mature: { 1: 1, 2: 0, 3: 0, 4: 0 },
    });
    expect(quarter?.mature).toEqual({ 1: 1, 2: 0, 3: 0, 4: 1 });
    expect(year).toEqual({ ...quarter, range: 365 });
    expect(all?.range).toBeNull();
    expect(all?.learning).toEqual({ 1: 2, 2: 0, 3: 2, 4: 0 });
  });

  it('starts the button windows at the local day start across a DST change (Berlin)', () => {
    // Now 2025-10-27 11:00 CET; day start 04:00. Day −29 is 2025-09-28, which starts at 04:00
    // CEST = 02:00Z. (Counting 29 × 86,400 s back from today's 03:00Z start gives 03:00Z.)
    const log = [
      makeAnswer({ rating: 1, before: { phase: 'learning' }, time: utc('2025-09-28T02:30:00') }),
      makeAnswer({ rating: 2, before: { phase: 'learning' }, time: utc('2025-09-28T01:59:00') }),
    ];
    const stats = distributions(
      makeInput({
        log,
        cards: [makeCard({ id: 'c1' })],
        now: utc('2025-10-27T10:00:00'),
        dayStartHour: 4,
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(stats.buttons[0]?.learning).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0 });
    expect(stats.buttons[1]?.learning).toEqual({ 1: 1, 2: 1, 3: 0, 4: 0 });
  });
});
