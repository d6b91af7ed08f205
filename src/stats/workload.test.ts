// The workload forecast on small inputs whose right answers are worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Card, CardState, Rating, ReviewLogEntry, SchedulingState } from '../shared/types.ts';
import type { SimCard, StatsInput, WorkloadInput } from './types.ts';
import {
  DEFAULT_COSTS,
  DEFAULT_FIRST_RATING,
  DEFAULT_LEARNING_TRANSITIONS,
  DEFAULT_RELEARNING_TRANSITIONS,
  DEFAULT_REVIEW_RATING,
  simulateWorkload,
  simulatorConfig,
  workloadInput,
} from './workload.ts';

const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-03-10 15:00 in Berlin (UTC+1): today's study day started at 04:00 local.
const NOW = Date.UTC(2026, 2, 10, 14, 0);

const sched = (over: Partial<SchedulingState> = {}): SchedulingState => ({
  phase: 'new',
  due: NOW,
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
  ...over,
});

let logId = 0;
const answer = (over: {
  cardId?: string;
  rating: Rating;
  time?: number;
  durationMs: number;
  phase: SchedulingState['phase'];
}): ReviewLogEntry => ({
  id: `e${++logId}`,
  cardId: over.cardId ?? `c${logId}`,
  deckId: 'd',
  kind: 'review',
  rating: over.rating,
  time: over.time ?? NOW - DAY,
  durationMs: over.durationMs,
  before: sched({ phase: over.phase }),
  after: sched({ phase: 'review' }),
});

const newCard: SimCard = { stability: null, difficulty: null, dueDay: 0, elapsedDays: 0 };

const baseInput = (over: Partial<WorkloadInput> = {}): WorkloadInput => ({
  cards: [],
  newPerDay: 0,
  reviewsPerDay: 9999,
  days: 30,
  desiredRetention: 0.9,
  weights: null,
  maximumInterval: 36500,
  costs: DEFAULT_COSTS,
  firstRating: DEFAULT_FIRST_RATING,
  reviewRating: DEFAULT_REVIEW_RATING,
  seed: 42,
  ...over,
});

describe('simulatorConfig', () => {
  it('an empty log gives fsrs-rs defaults (review Good 12.38 s)', () => {
    const config = simulatorConfig([], NOW, 4, TZ);
    expect(config.costs).toEqual(DEFAULT_COSTS);
    expect(config.costs.review[3]).toBe(12.38);
    expect(config.firstRating).toEqual(DEFAULT_FIRST_RATING);
    expect(config.reviewRating).toEqual(DEFAULT_REVIEW_RATING);
    expect(config.learningTransitions).toEqual(DEFAULT_LEARNING_TRANSITIONS);
    expect(config.relearningTransitions).toEqual(DEFAULT_RELEARNING_TRANSITIONS);
  });

  it('means of known durations, blended with the defaults by n / (n + 50)', () => {
    const log: ReviewLogEntry[] = [];
    // 50 reviews answered Good in 10 s, each a different card: weight 50/100 →
    // 0.5 × 10 + 0.5 × 12.38 = 11.19 s; Good is the only passed button, so its share is
    // 0.5 × 1 + 0.5 × 0.631 = 0.8155 and Hard's 0.5 × 0.224 = 0.112.
    for (let i = 0; i < 50; i++)
      log.push(answer({ rating: 3, durationMs: 10_000, phase: 'review' }));
    // 30 new cards answered Again in 4 s and 8 s alternately (mean 6 s): weight 30/80 = 0.375 →
    // 0.375 × 6 + 0.625 × 19.58 = 14.4875 → 14.49 s; first-rating Again share
    // 0.375 × 1 + 0.625 × 0.24 = 0.525, Good 0.625 × 0.495 = 0.309375.
    for (let i = 0; i < 30; i++)
      log.push(answer({ rating: 1, durationMs: i % 2 ? 4000 : 8000, phase: 'new' }));
    // Not counted: a 25-minute answer (someone walked away), a 0 ms answer, a suspension.
    log.push(answer({ rating: 3, durationMs: 25 * 60_000, phase: 'review' }));
    log.push(answer({ rating: 3, durationMs: 0, phase: 'review' }));
    log.push({
      ...answer({ rating: 3, durationMs: 5000, phase: 'review' }),
      kind: 'suspend',
      rating: null,
    });
    log.sort((a, b) => a.time - b.time);

    const config = simulatorConfig(log, NOW, 4, TZ);
    expect(config.costs.review[3]).toBe(11.19);
    expect(config.costs.learning[1]).toBe(14.49);
    expect(config.costs.review[1]).toBe(DEFAULT_COSTS.review[1]);
    expect(config.reviewRating[3]).toBeCloseTo(0.8155, 10);
    expect(config.reviewRating[2]).toBeCloseTo(0.112, 10);
    expect(config.firstRating[1]).toBeCloseTo(0.525, 10);
    expect(config.firstRating[3]).toBeCloseTo(0.309375, 10);
  });

  it('same-day chains: a lapse followed by Good the same study day, across midnight', () => {
    // Review Again at 23:00, then Good at 01:30 local: still the same study day (starts 04:00).
    const day = Date.UTC(2026, 2, 8, 22, 0); // 23:00 in Berlin
    const log = [
      answer({ cardId: 'x', rating: 1, time: day, durationMs: 9000, phase: 'review' }),
      answer({
        cardId: 'x',
        rating: 3,
        time: day + 2.5 * HOUR,
        durationMs: 7000,
        phase: 'relearning',
      }),
    ];
    const config = simulatorConfig(log, NOW, 4, TZ);
    // One Again → Good transition, +1 Laplace smoothing per cell: (1, 1, 2, 1) / 5 at weight
    // 5 / 55; Good: 1/11 × 0.4 + 10/11 × 0.6595.
    expect(config.relearningTransitions[0][3]).toBeCloseTo((1 / 11) * 0.4 + (10 / 11) * 0.6595, 10);
    // Rows without any chain keep the default.
    expect(config.relearningTransitions[2]).toEqual(DEFAULT_RELEARNING_TRANSITIONS[2]);
    expect(config.learningTransitions).toEqual(DEFAULT_LEARNING_TRANSITIONS);
  });
});

const card = (id: string, index = 0): Card => ({
  id,
  deckId: 'd',
  question: id,
  answer: '',
  line: 1,
  section: [],
  index,
});
const state = (id: string, s: Partial<SchedulingState>, suspended = false): CardState => ({
  cardId: id,
  deckId: 'd',
  sched: sched(s),
  suspended,
  lastLogId: null,
  updatedAt: NOW,
});

describe('workloadInput', () => {
  it('starts each card where it stands: suspended and orphans out, overdue and learning at day 0', () => {
    const cards = ['new', 'reset', 'overdue', 'later', 'learning', 'suspended'].map((id) =>
      card(id),
    );
    const states = new Map<string, CardState>([
      ['reset', state('reset', { phase: 'new' })],
      // Last answered 10 days ago, due 3 days ago.
      [
        'overdue',
        state('overdue', {
          phase: 'review',
          stability: 12,
          difficulty: 5,
          due: NOW - 3 * DAY,
          lastReview: NOW - 10 * DAY,
        }),
      ],
      // Due in 5 days, answered 2 days ago.
      [
        'later',
        state('later', {
          phase: 'review',
          stability: 8,
          difficulty: 4,
          due: NOW + 5 * DAY,
          lastReview: NOW - 2 * DAY,
        }),
      ],
      // Answered an hour ago, due again in 10 minutes.
      [
        'learning',
        state('learning', {
          phase: 'learning',
          stability: 2.3,
          difficulty: 2,
          due: NOW + 600_000,
          lastReview: NOW - HOUR,
        }),
      ],
      [
        'suspended',
        state(
          'suspended',
          { phase: 'review', stability: 8, difficulty: 4, due: NOW, lastReview: NOW - DAY },
          true,
        ),
      ],
      [
        'orphan',
        state('orphan', {
          phase: 'review',
          stability: 8,
          difficulty: 4,
          due: NOW,
          lastReview: NOW - DAY,
        }),
      ],
    ]);
    const input: StatsInput = {
      log: [],
      states,
      cards,
      now: NOW,
      dayStartHour: 4,
      timeZone: TZ,
      desiredRetention: 0.85,
      weights: null,
    };
    const w = workloadInput(input, {
      newPerDay: 7,
      reviewsPerDay: 50,
      days: 90,
      maximumInterval: 365,
      extraNewCards: 2,
    });
    expect(w.cards).toEqual([
      newCard,
      newCard,
      { stability: 12, difficulty: 5, dueDay: 0, elapsedDays: 10 },
      { stability: 8, difficulty: 4, dueDay: 5, elapsedDays: 2 },
      { stability: 2.3, difficulty: 2, dueDay: 0, elapsedDays: 0 },
    ]);
    expect(w).toMatchObject({
      newPerDay: 7,
      reviewsPerDay: 50,
      days: 90,
      maximumInterval: 365,
      desiredRetention: 0.85,
      seed: 42,
      extraNewCards: 2,
    });
    expect(w.costs).toEqual(DEFAULT_COSTS);
  });
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('simulateWorkload', () => {
  it('no cards and no new cards a day: every day is zero', () => {
    const days = simulateWorkload(baseInput({ days: 30, newPerDay: 0 }));
    expect(days).toHaveLength(30);
    expect(
      days.every(
        (d) => d.reviews === 0 && d.newCards === 0 && d.seconds === 0 && d.memorized === 0,
      ),
    ).toBe(true);
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('day 0 introduces exactly N new cards; an Easy first answer costs its learning time once', () => {
    const costs = { ...DEFAULT_COSTS, learning: { 1: 20, 2: 15, 3: 10, 4: 7 } };
    const days = simulateWorkload(
      baseInput({
        cards: Array.from({ length: 50 }, () => newCard),
        newPerDay: 5,
        firstRating: { 1: 0, 2: 0, 3: 0, 4: 1 },
        costs,
      }),
    );
    expect(days[0]).toMatchObject({ newCards: 5, reviews: 0, seconds: 5 * 7 });
    // Each answered just now: R = 1 at the end of the day.
    expect(days[0]!.memorized).toBeCloseTo(5, 10);
    // Ten days of 5 use up the 50 cards; then none remain.
    expect(days.map((d) => d.newCards)).toEqual([...Array(10).fill(5), ...Array(20).fill(0)]);
  });

  it("cards still to be written come after the decks' own new cards", () => {
    const costs = { ...DEFAULT_COSTS, learning: { 1: 20, 2: 15, 3: 10, 4: 7 } };
    const days = simulateWorkload(
      baseInput({
        cards: [newCard, newCard, newCard],
        extraNewCards: 12,
        newPerDay: 5,
        days: 5,
        firstRating: { 1: 0, 2: 0, 3: 0, 4: 1 },
        costs,
      }),
    );
    // 3 + 12 = 15 new cards at 5 a day: three days, then none.
    expect(days.map((d) => d.newCards)).toEqual([5, 5, 5, 0, 0]);
    expect(days[2]!.seconds).toBe(5 * 7);
  });

  it('a day of learning steps collapses as fsrs-rs does: Again, then Good twice for two steps', () => {
    const costs = { ...DEFAULT_COSTS, learning: { 1: 20, 2: 15, 3: 10, 4: 7 } };
    const good = { 1: 0, 2: 0, 3: 1, 4: 0 };
    const days = simulateWorkload(
      baseInput({
        cards: Array.from({ length: 4 }, () => newCard),
        newPerDay: 4,
        days: 1,
        firstRating: { 1: 1, 2: 0, 3: 0, 4: 0 },
        learningStepCount: 2,
        learningTransitions: [good, good, good],
        costs,
      }),
    );
    // Per card: Again 20 s, then Good 10 s (1 step passed), Good 10 s (2 in a row): 40 s.
    expect(days[0]).toMatchObject({ newCards: 4, seconds: 4 * 40 });
    // A card that starts with Good needs one step fewer: 10 + 10 s.
    const fromGood = simulateWorkload(
      baseInput({
        cards: [newCard],
        newPerDay: 1,
        days: 1,
        firstRating: good,
        learningStepCount: 2,
        learningTransitions: [good, good, good],
        costs,
      }),
    );
    expect(fromGood[0]!.seconds).toBe(20);
  });

  it('reviews fail with p = 1 − R: 2,000 cards at R = 0.9 fail about 200 times', () => {
    // Elapsed = stability, so R = 0.9 by FSRS's definition of stability. Only a failed review
    // costs anything (1 s), so the day's seconds count the failures.
    const cards = Array.from({ length: 2000 }, (): SimCard => ({
      stability: 10,
      difficulty: 5,
      dueDay: 0,
      elapsedDays: 10,
    }));
    const zero = { 1: 0, 2: 0, 3: 0, 4: 0 };
    const costs = { learning: zero, review: { ...zero, 1: 1 }, relearning: zero };
    const [day0] = simulateWorkload(baseInput({ cards, days: 1, costs }));
    expect(day0!.reviews).toBe(2000);
    // Binomial(2000, 0.1): mean 200, sd 13.4; this seed gives a count well inside ±4 sd.
    expect(day0!.seconds).toBeGreaterThan(146);
    expect(day0!.seconds).toBeLessThan(254);
  });

  it('the review limit holds every day and the excess rolls over to the next', () => {
    // 100 cards due today, stable enough (S = 400) that none comes back within 10 days.
    const cards = Array.from({ length: 100 }, (_, i): SimCard => ({
      stability: 400,
      difficulty: 1 + (i % 9),
      dueDay: 0,
      elapsedDays: 1,
    }));
    const days = simulateWorkload(baseInput({ cards, days: 10, reviewsPerDay: 30 }));
    expect(days.map((d) => d.reviews)).toEqual([30, 30, 30, 10, 0, 0, 0, 0, 0, 0]);
  });

  it('is deterministic for a seed and differs with another seed', () => {
    const cards = [
      ...Array.from({ length: 300 }, (_, i): SimCard => ({
        stability: 2 + (i % 40),
        difficulty: 1 + (i % 9),
        dueDay: i % 20,
        elapsedDays: i % 15,
      })),
      ...Array.from({ length: 200 }, () => newCard),
    ];
    const a = simulateWorkload(baseInput({ cards, newPerDay: 10, days: 60, seed: 42 }));
    const b = simulateWorkload(baseInput({ cards, newPerDay: 10, days: 60, seed: 42 }));
    const c = simulateWorkload(baseInput({ cards, newPerDay: 10, days: 60, seed: 7 }));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('memorized never exceeds the cards introduced so far', () => {
    const existing = 150;
    const cards = [
      ...Array.from({ length: existing }, (_, i): SimCard => ({
        stability: 1 + (i % 30),
        difficulty: 1 + (i % 9),
        dueDay: i % 10,
        elapsedDays: i % 7,
      })),
      ...Array.from({ length: 400 }, () => newCard),
    ];
    const days = simulateWorkload(baseInput({ cards, newPerDay: 15, days: 60 }));
    let introduced = existing;
    for (const d of days) {
      introduced += d.newCards;
      expect(d.memorized).toBeLessThanOrEqual(introduced + 1e-9);
      expect(d.memorized).toBeGreaterThan(0);
    }
  });

  it('more new cards a day means more reviews over 90 days', () => {
    const cards = Array.from({ length: 3000 }, () => newCard);
    const reviews = (newPerDay: number) =>
      sum(simulateWorkload(baseInput({ cards, newPerDay, days: 90 })).map((d) => d.reviews));
    const r10 = reviews(10);
    const r20 = reviews(20);
    expect(r10).toBeGreaterThan(0);
    expect(r20).toBeGreaterThan(r10);
  });

  it('reports progress in steps of at most 5 % of the days, ending at 1', () => {
    const fractions: number[] = [];
    simulateWorkload(
      baseInput({ cards: Array.from({ length: 20 }, () => newCard), newPerDay: 1, days: 365 }),
      (f) => fractions.push(f),
    );
    expect(fractions.at(-1)).toBe(1);
    let prev = 0;
    for (const f of fractions) {
      expect(f - prev).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(f).toBeGreaterThan(prev);
      prev = f;
    }
  });
});
