// The daily queue's rules, each stated with the Anki v3 code it mirrors (ankitects/anki, paths
// under rslib/src/). Times are fixed to the minute, in the time zone the test run uses.
import { describe, expect, it } from 'vitest';
import { repairSettings, validateSettings } from '../shared/settings-rules.ts';
import {
  DEFAULT_SETTINGS,
  type Card,
  type CardState,
  type ReviewLogEntry,
  type SchedulingState,
  type Settings,
} from '../shared/types.ts';
import { reviewEntry, resetEntry } from './actions.ts';
import { newSchedulingState } from './fsrs.ts';
import { isLeechLapse, leechThresholdMet } from './leech.ts';
import { replayCard } from './replay.ts';
import { buildQueue, dailyHash, intersperse, remainingLimits, todayUsage } from './queue.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// 10:00 local; the study day began at 04:00 and ends at 04:00 tomorrow.
const now = new Date(2026, 10, 24, 10, 0).getTime();
const dayStart = new Date(2026, 10, 24, 4, 0).getTime();

const card = (i: number, deckId = 'd'): Card => ({
  id: `${deckId}:${i}`,
  deckId,
  question: `Q${i}`,
  answer: 'A',
  line: i + 1,
  section: [],
  index: i,
});
const state = (c: Card, sched: Partial<SchedulingState>): CardState => ({
  cardId: c.id,
  deckId: c.deckId,
  sched: { ...newSchedulingState(now), reps: 3, lastReview: now - 5 * DAY, ...sched },
  suspended: false,
  lastLogId: null,
  updatedAt: now,
});
const review = (c: Card, daysOverdue: number, extra: Partial<SchedulingState> = {}) =>
  state(c, {
    phase: 'review',
    due: dayStart - daysOverdue * DAY,
    scheduledDays: 5,
    stability: 5,
    difficulty: 5,
    ...extra,
  });

/** `n` answers given earlier today to cards in `phase` (a log of what was done). */
function done(phase: SchedulingState['phase'], n: number, extra: Partial<SchedulingState> = {}) {
  return Array.from({ length: n }, (_, i): ReviewLogEntry => {
    const before = { ...newSchedulingState(now), phase, ...extra };
    return {
      id: `${phase}-${i}`,
      cardId: `done-${phase}:${i}`,
      deckId: 'done',
      kind: 'review',
      rating: 3,
      time: dayStart + HOUR + i,
      durationMs: 1000,
      before,
      after: { ...before, phase: 'review' },
    };
  });
}

interface Collection {
  cards: Card[];
  states: Map<string, CardState>;
}
/** `reviews` reviews due today (1 to n days overdue) and `fresh` new cards, in one deck. */
function collection(reviews: number, fresh: number): Collection {
  const cards = Array.from({ length: reviews + fresh }, (_, i) => card(i));
  const states = new Map<string, CardState>();
  cards.slice(0, reviews).forEach((c, i) => states.set(c.id, review(c, 1 + (i % 7))));
  return { cards, states };
}
const queue = (
  { cards, states }: Collection,
  settings: Partial<Settings> = {},
  todayLog: ReviewLogEntry[] = [],
  at = now,
) =>
  buildQueue({
    cards,
    states,
    todayLog,
    settings: { ...DEFAULT_SETTINGS, enableFuzz: false, ...settings },
    now: at,
  });

describe('daily limits (decks/limits.rs new_for_normal_deck_v3, queue/builder/gathering.rs)', () => {
  it.each([
    // [what, reviews due, new waiting, done today, settings, expected counts]
    ['200 reviews done: no new cards', 10, 30, done('review', 200), {}, { review: 0, new: 0 }],
    [
      '200 reviews done, new cards ignore the review limit: 20 new',
      10,
      30,
      done('review', 200),
      { newCardsIgnoreReviewLimit: true },
      { review: 0, new: 20 },
    ],
    [
      'new cards done today use up the review limit too (195 reviews + 5 new done)',
      10,
      30,
      [...done('review', 195), ...done('new', 5)],
      {},
      { review: 0, new: 0 },
    ],
    [
      'each review gathered lowers the new cards offered (190 due of 200)',
      190,
      30,
      [],
      {},
      { review: 190, new: 10 },
    ],
    [
      'reviews done lower the new cards offered (150 done, 40 due)',
      40,
      30,
      done('review', 150),
      {},
      { review: 40, new: 10 },
    ],
    [
      'new limit still applies when reviews leave room',
      5,
      30,
      done('new', 12),
      {},
      { review: 5, new: 8 },
    ],
    [
      'interday learning answers count as reviews done (answering/mod.rs: DayLearn queue)',
      10,
      30,
      done('learning', 195, { scheduledDays: 1 }),
      {},
      { review: 5, new: 0 },
    ],
    [
      'intraday learning answers use no limit',
      10,
      30,
      done('learning', 195, { scheduledDays: 0 }),
      {},
      { review: 10, new: 20 },
    ],
  ] as const)('%s', (_what, reviews, fresh, log, settings, expected) => {
    const q = queue(collection(reviews, fresh), settings, [...log]);
    expect({ review: q.counts.review, new: q.counts.new }).toEqual(expected);
    expect(q.review).toHaveLength(expected.review);
    expect(q.newCards).toHaveLength(expected.new);
  });

  it('remainingLimits subtracts new done from the review limit and caps new to it', () => {
    const settings = { ...DEFAULT_SETTINGS, reviewsPerDay: 100, newPerDay: 20 };
    expect(remainingLimits({ newIntroduced: 5, reviewsDone: 90 }, settings)).toEqual({
      review: 5,
      new: 5,
      capNewToReview: true,
    });
    expect(
      remainingLimits(
        { newIntroduced: 5, reviewsDone: 90 },
        { ...settings, newCardsIgnoreReviewLimit: true },
      ),
    ).toEqual({ review: 10, new: 15, capNewToReview: false });
  });

  it('interday learning is gathered before reviews, under the same review limit', () => {
    const { cards, states } = collection(3, 0);
    const stepCard = card(9);
    cards.push(stepCard);
    states.set(
      stepCard.id,
      state(stepCard, { phase: 'learning', due: dayStart, scheduledDays: 1, stability: 2 }),
    );
    const q = queue({ cards, states }, { reviewsPerDay: 2 });
    expect(q.interdayLearning).toEqual([stepCard.id]);
    expect(q.review).toHaveLength(1);
    // Anki's learning count includes interday learning cards.
    expect(q.counts).toEqual({ new: 0, learning: 1, review: 1 });
  });

  it('a queue worked out before an answer counts that answer (pendingAnswer)', () => {
    const c = collection(0, 30);
    const before = queue(c, { newPerDay: 5 });
    const ahead = buildQueue({
      ...c,
      todayLog: [],
      settings: { ...DEFAULT_SETTINGS, newPerDay: 5 },
      now,
      pendingAnswer: newSchedulingState(now),
    });
    expect(before.counts.new).toBe(5);
    expect(ahead.counts.new).toBe(4);
  });
});

describe('learn ahead (queue/builder/mod.rs build, config learn_ahead_secs = 1200)', () => {
  const learningAt = (offsets: number[]) => {
    const cards = offsets.map((_, i) => card(i));
    const states = new Map(
      cards.map((c, i) => [
        c.id,
        state(c, { phase: 'learning', due: now + offsets[i]!, scheduledDays: 0 }),
      ]),
    );
    return { cards, states };
  };

  it.each([
    ['due now and within 20 minutes count; 25 minutes and later today do not', {}, 2],
    ['a 30-minute limit counts the 25-minute card', { learnAheadMins: 30 }, 3],
    ['a 0 limit counts only what is due now', { learnAheadMins: 0 }, 1],
  ] as const)('%s', (_what, settings, learning) => {
    const q = queue(learningAt([-MIN, 15 * MIN, 25 * MIN, 3 * HOUR]), settings);
    expect(q.counts.learning).toBe(learning);
  });

  it('a learning card due within the limit is shown when nothing else is left', () => {
    const q = queue(learningAt([15 * MIN]));
    expect(q.next).toEqual({ cardId: 'd:0', kind: 'learning' });
    expect(queue(learningAt([25 * MIN])).next).toBeNull();
  });
});

describe('display order (deckconfig/mod.rs defaults, storage/card/mod.rs review_order_sql)', () => {
  it("today's defaults are Anki's", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      newCardOrder: 'file',
      reviewOrder: 'due',
      newReviewMix: 'mix',
      newCardsIgnoreReviewLimit: false,
      learnAheadMins: 20,
      newPerDay: 20,
      reviewsPerDay: 200,
    });
  });

  // A card 1 day overdue on a 1-day interval is far more overdue relatively than one 3 days
  // overdue on a 60-day interval; by due date the older due date comes first.
  const mixed = () => {
    const cards = [card(0), card(1), card(2)];
    const states = new Map([
      [cards[0]!.id, review(cards[0]!, 3, { scheduledDays: 60, stability: 60 })],
      [
        cards[1]!.id,
        review(cards[1]!, 1, { scheduledDays: 1, stability: 1, lastReview: now - 2 * DAY }),
      ],
      [cards[2]!.id, review(cards[2]!, 2, { scheduledDays: 10, stability: 10 })],
    ]);
    // lastReview: the due date less the interval.
    states.get(cards[0]!.id)!.sched.lastReview = dayStart - 63 * DAY;
    states.get(cards[2]!.id)!.sched.lastReview = dayStart - 12 * DAY;
    return { cards, states };
  };

  it('Due date, then random (the default): the earliest due day first', () => {
    expect(queue(mixed()).review).toEqual(['d:0', 'd:2', 'd:1']);
  });

  it('Relative overdueness: the largest share of its interval overdue first', () => {
    expect(queue(mixed(), { reviewOrder: 'overdueness' }).review).toEqual(['d:1', 'd:2', 'd:0']);
  });

  it('Due date, then random: cards due the same day in a random order, stable all day', () => {
    const { cards, states } = collection(40, 0);
    for (const c of cards) states.get(c.id)!.sched.due = dayStart - DAY;
    const morning = queue({ cards, states }).review;
    const evening = queue({ cards, states }, {}, [], now + 10 * HOUR).review;
    const tomorrow = queue({ cards, states }, {}, [], now + DAY).review;
    expect(morning).not.toEqual(cards.map((c) => c.id));
    expect(evening).toEqual(morning);
    expect(tomorrow).not.toEqual(morning);
    expect([...morning].sort()).toEqual(cards.map((c) => c.id).sort());
  });

  it('Random reviews ignore the due date, stable within the day', () => {
    const c = collection(40, 0);
    const random = queue(c, { reviewOrder: 'random' }).review;
    expect(random).not.toEqual(queue(c).review);
    expect(queue(c, { reviewOrder: 'random' }, [], now + 5 * HOUR).review).toEqual(random);
  });

  it('New cards in file order (default) or Random cards, stable within the day', () => {
    const c = collection(0, 40);
    expect(queue(c, { newPerDay: 40 }).newCards).toEqual(c.cards.map((x) => x.id));
    const random = queue(c, { newPerDay: 40, newCardOrder: 'random' }).newCards;
    expect(random).not.toEqual(c.cards.map((x) => x.id));
    expect(queue(c, { newPerDay: 40, newCardOrder: 'random' }, [], now + HOUR).newCards).toEqual(
      random,
    );
    // The first 20 of a random order are not the first 20 of the file.
    const first = queue(c, { newCardOrder: 'random' }).newCards;
    expect(first).toEqual(random.slice(0, 20));
  });

  it('dailyHash depends on both the card and the day', () => {
    expect(dailyHash('a', 1)).toBe(dailyHash('a', 1));
    expect(dailyHash('a', 1)).not.toBe(dailyHash('a', 2));
    expect(dailyHash('a', 1)).not.toBe(dailyHash('b', 1));
  });

  it('intersperse spreads the shorter list evenly, as intersperser.rs', () => {
    expect(intersperse([1, 2, 3], [11, 22, 33])).toEqual([1, 11, 2, 22, 3, 33]);
    expect(intersperse([1, 2, 3], [11, 22])).toEqual([1, 11, 2, 22, 3]);
    expect(intersperse([1, 2, 3], [11, 22, 33, 44, 55, 66])).toEqual([
      11, 1, 22, 33, 2, 44, 55, 3, 66,
    ]);
    expect(intersperse([1, 2, 3], [11, 22, 33, 44, 55, 66, 77, 88])).toEqual([
      11, 22, 1, 33, 44, 2, 55, 66, 3, 77, 88,
    ]);
    expect(intersperse([1, 2, 3], [])).toEqual([1, 2, 3]);
  });

  it.each([
    ['mix', ['review', 'new', 'review', 'new', 'review']],
    ['before', ['new', 'new', 'review', 'review', 'review']],
    ['after', ['review', 'review', 'review', 'new', 'new']],
  ] as const)('New/review order %s', (mix, kinds) => {
    const q = queue(collection(3, 2), { newReviewMix: mix });
    expect(q.main.map((e) => e.kind)).toEqual(kinds);
    expect(q.next).toEqual(q.main[0]);
  });

  it('learning due now comes before the main queue', () => {
    const { cards, states } = collection(2, 2);
    const l = card(9);
    cards.push(l);
    states.set(l.id, state(l, { phase: 'relearning', due: now - MIN, scheduledDays: 0 }));
    expect(queue({ cards, states }).next).toEqual({ cardId: l.id, kind: 'learning' });
  });
});

describe('the new settings', () => {
  it('old stored settings without them load with the defaults, quietly', () => {
    const old = {
      desiredRetention: 0.85,
      learningSteps: ['1m'],
      relearningSteps: ['10m'],
      maximumInterval: 365,
      enableFuzz: true,
      newPerDay: 10,
      reviewsPerDay: 100,
      dayStartHour: 4,
      weights: null,
    };
    const { settings, problems } = repairSettings(old, 'The stored');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...old,
      leechThreshold: 8,
      leechAction: 'tag',
      newCardsIgnoreReviewLimit: false,
      learnAheadMins: 20,
      newCardOrder: 'file',
      reviewOrder: 'due',
      newReviewMix: 'mix',
    });
  });

  it.each([
    ['newCardsIgnoreReviewLimit', 'yes'],
    ['learnAheadMins', -1],
    ['learnAheadMins', 2.5],
    ['newCardOrder', 'deck'],
    ['reviewOrder', 'ease'],
    ['newReviewMix', 'interleave'],
    ['leechThreshold', 0],
    ['leechAction', 'delete'],
  ] as const)('%s = %j is refused', (field, value) => {
    const r = validateSettings({ ...DEFAULT_SETTINGS, [field]: value });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual([field]);
  });
});

describe('todayUsage', () => {
  it('counts answers from review and interday learning as reviews, new cards once', () => {
    const log = [
      ...done('review', 2),
      ...done('relearning', 1, { scheduledDays: 2 }),
      ...done('learning', 3, { scheduledDays: 0 }),
      ...done('new', 2),
    ];
    expect(todayUsage(log)).toEqual({ newIntroduced: 2, reviewsDone: 3 });
  });
});

describe('leeches (states/review.rs answer_again, leech_threshold_met)', () => {
  it.each([
    // [threshold, lapses that make a leech, lapses that do not]
    [8, [8, 12, 16, 20], [1, 7, 9, 10, 11, 13]],
    [3, [3, 5, 7], [1, 2, 4, 6]], // Anki's own test: an odd threshold's half rounds up
    [1, [1, 2, 3], [0]],
  ])('threshold %i: leech at %j, not at %j', (threshold, yes, no) => {
    for (const l of yes) expect(leechThresholdMet(l, threshold)).toBe(true);
    for (const l of no) expect(leechThresholdMet(l, threshold)).toBe(false);
  });

  const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, relearningSteps: [] };
  const c = card(0);
  /** A review card with `lapses` lapses, answered with `rating` when due. */
  const answerWith = (lapses: number, rating: 1 | 2 | 3 | 4, leech = false) => {
    const st = review(c, 0, { lapses, due: dayStart, ...(leech ? { leech } : {}) });
    return reviewEntry({ card: c, state: st, rating, now, durationMs: 1, settings });
  };

  it.each([
    ['the 8th lapse tags the card', 7, 1, false, true],
    ['the 7th lapse does not', 6, 1, false, false],
    ['Good on a card with 7 lapses does not', 7, 3, false, false],
    ['a leech stays tagged when answered Good', 9, 3, true, true],
  ] as const)('%s', (_what, lapses, rating, leech, tagged) => {
    const { entry, state: after } = answerWith(lapses, rating, leech);
    expect(after.sched.leech === true).toBe(tagged);
    expect(entry.after.leech === true).toBe(tagged);
  });

  it('only a lapse from review counts, not Again while relearning', () => {
    const before = { ...newSchedulingState(now), phase: 'relearning' as const, lapses: 7 };
    expect(isLeechLapse(before, 1, { ...before, lapses: 8 }, settings)).toBe(false);
  });

  it('the tag survives a reset (as the note tag does) and replay rebuilds it', () => {
    const one = { ...settings, leechThreshold: 1 };
    const learned = reviewEntry({
      card: c,
      state: undefined,
      rating: 4,
      now,
      durationMs: 1,
      settings: one,
    });
    const at = learned.state.sched.due + HOUR;
    const lapse = reviewEntry({
      card: c,
      state: learned.state,
      rating: 1,
      now: at,
      durationMs: 1,
      settings: one,
    });
    expect(lapse.state.sched.leech).toBe(true);
    const reset = resetEntry({ card: c, state: lapse.state, now: at + HOUR });
    expect(reset.state.sched.leech).toBe(true);
    expect(reset.state.sched.phase).toBe('new');
    const entries = [learned.entry, lapse.entry, reset.entry];
    for (const recompute of [false, true]) {
      const replayed = replayCard(entries, one, { recompute })!;
      expect(replayed.sched).toEqual(reset.state.sched);
    }
  });

  it("Anki's defaults: threshold 8, tag only", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ leechThreshold: 8, leechAction: 'tag' });
  });
});
