// Each row states one of Anki's FSRS scheduling rules and the place in Anki's source it mirrors
// (ankitects/anki rslib/src/scheduler/…; fsrs-rs src/ for the memory model). Times are fixed to
// the minute and written in local time; the rules that depend on the day run under several time
// zones, DST days included (process.env.TZ set at runtime takes effect for Date in Node).
import fc from 'fast-check';
import { default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type Rating,
  type SchedulingState,
  type Settings,
} from '../shared/types.ts';
import {
  ankiNextStates,
  fuzzBounds,
  fuzzFactor,
  learningFuzz,
  withReviewFuzz,
} from './anki-answer.ts';
import { dayStartOf, daysBetween } from './day.ts';
import { answer, formatInterval, newSchedulingState, previewIntervals } from './fsrs.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const noFuzz: Settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const fuzz: Settings = { ...DEFAULT_SETTINGS, enableFuzz: true };
const ID = 'deck.md:1';
/** Local time in the zone the test runs under: "2025-03-29T03:30" has no offset, so it is local. */
const local = (s: string) => new Date(s).getTime();
const ids = (n: number) => Array.from({ length: n }, (_, i) => `decks/lang.md:${i + 1}`);

/** Runs a describe block with process.env.TZ set to `zone`. */
function inZone(zone: string, body: () => void) {
  describe(zone, () => {
    let saved: string | undefined;
    beforeAll(() => {
      saved = process.env.TZ;
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = saved;
    });
    body();
  });
}

/** An evening before a DST change and the evening after (Kolkata has none). */
const DST_NIGHT: Record<string, [string, string]> = {
  'America/New_York': ['2026-03-07T22:00', '2026-03-08T22:00'],
  'Europe/Berlin': ['2026-10-24T22:00', '2026-10-25T22:00'],
  'Asia/Kolkata': ['2026-03-07T22:00', '2026-03-08T22:00'],
  'Australia/Lord_Howe': ['2026-04-04T22:00', '2026-04-05T22:00'],
  'Pacific/Auckland': ['2026-09-26T22:00', '2026-09-27T22:00'],
};

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Auckland',
];

/** A review card last answered `lastReview`, with interval `ivl` days and stability `s`. */
function reviewCard(lastReview: number, ivl: number, s: number, d = 5): SchedulingState {
  return {
    phase: 'review',
    due: lastReview + ivl * DAY,
    stability: s,
    difficulty: d,
    elapsedDays: 0,
    scheduledDays: ivl,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    lastReview,
  };
}

/** New card → Good (step 2) → Good at `second`: the graduated state. */
function learnWithTwoGoods(first: number, second: number, settings = noFuzz) {
  const s = answer(newSchedulingState(first), 3, first, settings, ID);
  return answer(s, 3, second, settings, ID);
}

describe('1. elapsed days are study days (answering/mod.rs card_state_updater, timestamp.rs elapsed_days_since)', () => {
  for (const zone of ZONES) {
    inZone(zone, () => {
      it('two answers 10 minutes apart either side of UTC midnight are 0 days apart', () => {
        // 00:00 UTC as local wall time, ±5 minutes: the same study day unless it is the rollover.
        const utcMidnight = Date.UTC(2026, 10, 25);
        const a = utcMidnight - 5 * MIN;
        const b = utcMidnight + 5 * MIN;
        expect(dayStartOf(a, 4)).toBe(dayStartOf(b, 4)); // in none of these zones is it 04:00
        const late = learnWithTwoGoods(a, b);
        const midday = local('2026-11-25T12:55');
        const early = learnWithTwoGoods(midday, midday + 10 * MIN);
        expect(late.elapsedDays).toBe(0);
        expect(late.stability).toBe(early.stability);
        expect(late.scheduledDays).toBe(early.scheduledDays);
      });

      it('an answer at 03:59 and one at 04:01 are a study day apart; 04:01 and 03:59 next night are not', () => {
        const first = local('2026-11-25T03:59');
        expect(learnWithTwoGoods(first, local('2026-11-25T04:01')).elapsedDays).toBe(1);
        expect(
          learnWithTwoGoods(local('2026-11-25T04:01'), local('2026-11-26T03:59')).elapsedDays,
        ).toBe(0);
      });

      it('across a DST night (23 or 25 h), the next evening is one study day on', () => {
        const [evening, next] = DST_NIGHT[zone]!;
        expect(learnWithTwoGoods(local(evening), local(next)).elapsedDays).toBe(1);
        expect(learnWithTwoGoods(local(evening), local(next) + 5 * HOUR).elapsedDays).toBe(1);
      });
    });
  }

  it('New York: 18:55 and 19:05 schedule as 12:55 and 13:05 do (S 2.31, 2 days), not as a day apart (S 7.32, 7 days)', () => {
    const evening = learnWithTwoGoods(local('2026-11-24T18:55'), local('2026-11-24T19:05'));
    expect(evening.stability).toBeCloseTo(2.31, 2);
    expect(evening.scheduledDays).toBe(2);
    const noon = learnWithTwoGoods(local('2026-11-24T12:55'), local('2026-11-24T13:05'));
    expect(evening).toMatchObject({ stability: noon.stability, scheduledDays: noon.scheduledDays });
  });

  it('New York: Monday 21:00 and Tuesday 18:00 are one study day apart (the same UTC date)', () => {
    const monday = local('2026-11-23T21:00');
    const review = reviewCard(monday, 1, 1.5);
    const after = answer(review, 3, local('2026-11-24T18:00'), noFuzz, ID);
    expect(after.elapsedDays).toBe(1);
  });

  it('same-day answers use delta_t = 0: FSRS short-term stability (fsrs-rs model.rs step)', () => {
    const w = [...default_w];
    const model = new FSRSAlgorithm(generatorParameters({ w, enable_short_term: true }));
    const t = local('2026-11-24T10:00');
    const learning = answer(newSchedulingState(t), 3, t, noFuzz, ID);
    const after = answer(learning, 3, t + 10 * MIN, noFuzz, ID);
    const expected = model.next_state(
      { stability: learning.stability, difficulty: learning.difficulty },
      0,
      3,
    );
    expect(after.stability).toBe(expected.stability);
    // S' = S·e^{w17(G−3+w18)}·S^{−w19}, not below S for Hard and up (fsrs-rs model.rs step).
    const S = learning.stability;
    const sinc = (g: number) => Math.exp(w[17]! * (g - 3 + w[18]!)) * S ** -w[19]!;
    expect(after.stability).toBeCloseTo(S * Math.max(1, sinc(3)), 8);
    // Again the same day lowers it: the formula without the floor.
    const again = answer(learning, 1, t + 10 * MIN, noFuzz, ID);
    expect(again.stability).toBeCloseTo(S * sinc(1), 8);
    expect(again.stability).toBeLessThan(S);
  });
});

describe('2. fuzz seeded from the card (answering/mod.rs get_fuzz_seed) within fuzz.rs ranges', () => {
  // fuzz.rs test with_review_fuzz: (interval, min, max) → lower, middle, upper for f = 0, .5, .99.
  it.each([
    [1.0, 1, 1000, 1, 1, 1],
    [2.49, 1, 1000, 2, 2, 2],
    [2.5, 1, 1000, 2, 3, 4],
    [7.0, 1, 1000, 5, 7, 9],
    [17.0, 1, 1000, 14, 17, 20],
    [37.0, 1, 1000, 33, 37, 41],
    [2.0, 2, 1000, 2, 2, 2],
    [2.0, 3, 1000, 3, 4, 4],
    [2.0, 3, 3, 3, 3, 3],
    [6.9, 3, 1000, 5, 7, 9],
    [7.1, 3, 1000, 5, 7, 9],
    [19.9, 3, 1000, 17, 20, 23],
    [20.1, 3, 1000, 17, 20, 23],
    [100.0, 101, 1000, 101, 105, 108],
    [100.0, 1, 99, 92, 96, 99],
    [100.0, 97, 103, 97, 100, 103],
  ])('fuzz.rs: %f days in [%i, %i] → %i / %i / %i', (ivl, min, max, lower, middle, upper) => {
    expect(withReviewFuzz(0, ivl, min, max)).toBe(lower);
    expect(withReviewFuzz(0.5, ivl, min, max)).toBe(middle);
    expect(withReviewFuzz(0.99, ivl, min, max)).toBe(upper);
  });

  it('fuzz off rounds into the bounds (fuzz.rs: 1.5 → 2, 0.1 → 1, 101 → 100 with max 100)', () => {
    expect(withReviewFuzz(null, 1.5, 1, 100)).toBe(2);
    expect(withReviewFuzz(null, 0.1, 1, 100)).toBe(1);
    expect(withReviewFuzz(null, 101, 1, 100)).toBe(100);
  });

  it('the seed is the card id and its reps, not the answer time: the same day all study day long', () => {
    const last = local('2026-11-01T09:00');
    const card = reviewCard(last, 10, 20);
    for (const id of ids(50)) {
      const morning = answer(card, 3, local('2026-11-11T04:30'), fuzz, id);
      const night = answer(card, 3, local('2026-11-12T03:30'), fuzz, id);
      expect(night.due).toBe(morning.due);
    }
    expect(fuzzFactor('a:1', 5)).toBe(fuzzFactor('a:1', 5));
    expect(fuzzFactor('a:1', 5)).not.toBe(fuzzFactor('a:1', 6));
    expect(fuzzFactor('a:1', 5)).not.toBe(fuzzFactor('a:2', 5));
  });

  it('the button label is exactly what pressing it 3 s later gives (the issue: 14d shown, 15d given)', () => {
    const t = local('2026-11-11T10:00');
    const card = reviewCard(local('2026-11-01T09:00'), 10, 20);
    for (const id of ids(500)) {
      const p = previewIntervals(card, t, fuzz, id);
      for (const r of [2, 3, 4] as const)
        expect(answer(card, r, t + 3000, fuzz, id).due).toBe(p[r].due);
      // Again is a relearning step: the same (fuzzed) delay, from the moment of answering.
      expect(answer(card, 1, t + 3000, fuzz, id).due).toBe(p[1].due + 3000);
    }
  });

  it('cards spread over the whole fuzz range of the Good interval, and only over it', () => {
    const t = local('2026-11-11T10:00');
    const card = reviewCard(local('2026-11-01T09:00'), 10, 20);
    const model = new FSRSAlgorithm(generatorParameters({ enable_short_term: true }));
    const good = model.next_state({ stability: 20, difficulty: 5 }, 10, 3).stability;
    const [lower, upper] = fuzzBounds(good * model.interval_modifier, 1, 36500);
    const seen = new Set<number>();
    for (const id of ids(400)) seen.add(daysBetween(t, answer(card, 3, t, fuzz, id).due, 4));
    expect([...seen].sort((x, y) => x - y)).toEqual(
      Array.from({ length: upper - lower + 1 }, (_, i) => lower + i),
    );
    expect(upper - lower).toBeGreaterThanOrEqual(6);
  });

  it('review buttons keep Hard ≥ 1, Good ≥ Hard + 1, Easy ≥ Good + 1 (review.rs passing_fsrs_review_intervals)', () => {
    const t = local('2026-11-02T10:00');
    // A card answered yesterday with low stability: FSRS gives Hard, Good and Easy close together.
    const card = reviewCard(local('2026-11-01T09:00'), 1, 0.6, 8);
    for (const settings of [noFuzz, fuzz]) {
      for (const id of ids(300)) {
        const [h, g, e] = ([2, 3, 4] as const).map((r) =>
          daysBetween(t, answer(card, r, t, settings, id).due, 4),
        ) as [number, number, number];
        expect(h).toBeGreaterThanOrEqual(1);
        expect(g).toBeGreaterThanOrEqual(h + 1);
        expect(e).toBeGreaterThanOrEqual(g + 1);
      }
    }
  });

  it('the maximum interval clamps every button: max 30 → Hard/Good/Easy 30, not 30/31/32 (review.rs constrain_passing_interval, states/mod.rs min_and_max_review_intervals)', () => {
    const t = local('2026-11-11T10:00');
    const card = reviewCard(local('2026-10-12T10:00'), 30, 200);
    for (const settings of [noFuzz, fuzz]) {
      for (const id of ids(100)) {
        const p = previewIntervals(card, t, { ...settings, maximumInterval: 30 }, id);
        expect([p[2].label, p[3].label, p[4].label]).toEqual(['30d', '30d', '30d']);
      }
    }
  });
});

describe('3. Easy > Good at graduation (learning.rs answer_easy)', () => {
  it('Easy graduates at least a day past the fuzzed Good, from the first and the last step', () => {
    const t = local('2026-11-24T10:00');
    const days = (due: number, from: number) => daysBetween(from, due, 4);
    for (const settings of [noFuzz, fuzz]) {
      for (const id of ids(300)) {
        // Again, then Good to the last step, all the same day: FSRS's short-term stability leaves
        // both Good and Easy under 1.5 days, which ts-fsrs gave as 1d and 1d.
        const failed = answer(newSchedulingState(t), 1, t, settings, id);
        const onLast = answer(failed, 3, t + MIN, settings, id);
        expect(onLast).toMatchObject({ phase: 'learning', learningSteps: 1 });
        const at = t + 11 * MIN;
        const last = previewIntervals(onLast, at, settings, id);
        expect(last[3].label).toBe('1d');
        expect(days(last[4].due, at)).toBeGreaterThanOrEqual(days(last[3].due, at) + 1);
        // From the first step Easy is past what Good would give on graduating, at least 2 days.
        const fresh = previewIntervals(newSchedulingState(t), t, settings, id);
        expect(days(fresh[4].due, t)).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('4. learning steps (states/steps.rs, learning.rs, relearning.rs)', () => {
  const t = local('2026-11-24T10:00');
  /** Delays in seconds of Again/Hard/Good from step `index`, or 'grad' when the card graduates. */
  const delays = (
    steps: string[],
    index: number,
    phase: 'learning' | 'relearning' = 'learning',
  ) => {
    const settings = { ...noFuzz, learningSteps: steps, relearningSteps: steps };
    const card: SchedulingState =
      index < 0
        ? newSchedulingState(t)
        : { ...reviewCard(t - HOUR, 0, 3), phase, learningSteps: index, scheduledDays: 3 };
    const next = ankiNextStates(card, t, settings, ID);
    return ([1, 2, 3] as const).map((r) =>
      next[r].state.phase === 'review' ? 'grad' : (next[r].state.due - t) / 1000,
    );
  };

  // steps.rs test delay_secs, with our step index (Anki's remaining = steps − index).
  it.each([
    [['10m'], 0, [600, 900, 'grad']], // one step: Hard 1.5 × it
    [['1m', '10m'], -1, [60, 330, 600]], // a new card answers as if on step 1 (normal.rs)
    [['1m', '10m'], 0, [60, 330, 600]], // Hard on step 1: the mean of steps 1 and 2, in seconds
    [['1m', '10m'], 1, [60, 600, 'grad']], // Hard on a later step repeats it
    [['1m', '10m', '100m'], 0, [60, 330, 600]],
    [['1m', '10m', '100m'], 1, [60, 600, 6000]],
    [['1m', '10m', '100m'], 2, [60, 6000, 'grad']],
    [['30s', '90s'], 0, [30, 60, 90]], // steps are seconds, truncated (steps.rs to_secs)
  ])('steps %j from index %i: Again / Hard / Good → %j', (steps, index, expected) => {
    expect(delays(steps, index)).toEqual(expected);
    if (index >= 0) expect(delays(steps, index, 'relearning')).toEqual(expected);
  });

  it('Hard on a single step of 3 days is 4 days, not 4.5 (at most a day more; rounded to days)', () => {
    const next = ankiNextStates(newSchedulingState(t), t, { ...noFuzz, learningSteps: ['3d'] }, ID);
    expect(next[2].interval).toEqual({ kind: 'days', days: 4 });
    expect(next[2].state.phase).toBe('learning');
  });

  it('Again goes back to step 1, Good moves on, Easy graduates from any step', () => {
    const settings = { ...noFuzz, learningSteps: ['1m', '10m', '1h'] };
    const card = { ...reviewCard(t - HOUR, 0, 3), phase: 'learning' as const, learningSteps: 2 };
    const next = ankiNextStates(card, t, settings, ID);
    expect(next[1].state).toMatchObject({ phase: 'learning', learningSteps: 0, due: t + MIN });
    expect(next[2].state).toMatchObject({ phase: 'learning', learningSteps: 2, due: t + HOUR });
    expect(next[3].state.phase).toBe('review');
    for (const i of [0, 1, 2])
      expect(ankiNextStates({ ...card, learningSteps: i }, t, settings, ID)[4].state.phase).toBe(
        'review',
      );
  });

  it('a review lapse goes to relearning step 1 and counts a lapse; relearning Again does not', () => {
    const card = reviewCard(local('2026-11-14T10:00'), 10, 12);
    const lapsed = answer(card, 1, t, noFuzz, ID);
    expect(lapsed).toMatchObject({
      phase: 'relearning',
      learningSteps: 0,
      lapses: 1,
      due: t + 10 * MIN,
    });
    expect(answer(lapsed, 1, t + 10 * MIN, noFuzz, ID).lapses).toBe(1);
  });

  it('learning fuzz: whole seconds in [s, s + min(s/4, 300)), seeded (answering/learning.rs with_learning_fuzz)', () => {
    for (const [step, secs] of [
      ['1m', 60],
      ['10m', 600],
      ['2h', 7200],
    ] as const) {
      const settings = { ...fuzz, learningSteps: ['1m', step] };
      const seen = new Set<number>();
      for (const id of ids(300)) {
        const delay = (answer(newSchedulingState(t), 3, t, settings, id).due - t) / 1000;
        if (step === '1m') continue;
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(secs);
        expect(delay).toBeLessThan(secs + Math.floor(Math.min(secs * 0.25, 300)));
        seen.add(delay);
      }
      if (step !== '1m') expect(seen.size).toBeGreaterThan(50);
    }
    expect(learningFuzz(0.999, 60)).toBe(74);
    expect(learningFuzz(0.999, 3600)).toBe(3899);
    expect(learningFuzz(0.5, 3)).toBe(3); // under 4 s there is nothing to add
  });

  for (const zone of ZONES) {
    inZone(zone, () => {
      it('a step that reaches the next day start becomes whole days and stays in learning (interval_kind.rs maybe_as_days)', () => {
        const evening = local('2026-11-24T23:00');
        const settings = { ...fuzz, learningSteps: ['10h'] };
        const p = previewIntervals(newSchedulingState(evening), evening, settings, ID);
        const s = answer(newSchedulingState(evening), 1, evening, settings, ID);
        expect(s).toMatchObject({ phase: 'learning', due: local('2026-11-25T04:00') });
        expect(p[1]).toEqual({ due: s.due, label: '1d' });
        // 3 days from 10:00: 18 h to the rollover, then 2 more days and a bit → 3 study days.
        const morning = local('2026-11-24T10:00');
        const three = answer(
          newSchedulingState(morning),
          1,
          morning,
          { ...noFuzz, learningSteps: ['3d'] },
          ID,
        );
        expect(three).toMatchObject({ phase: 'learning', due: local('2026-11-27T04:00') });
      });
    });
  }
});

describe('5. review due = the start of study day (answer day + interval) (answering/review.rs apply_review_state)', () => {
  // A review card whose every passing button gives 3 days (maximum interval 3).
  const threeDays = { ...noFuzz, maximumInterval: 3 };
  const rows: [zone: string, answered: string, due: string, naive: string][] = [
    // Answered before the 04:00 rollover, the night before spring forward: still the 28th's study day.
    ['Europe/Berlin', '2025-03-29T03:30', '2025-03-31T04:00', 'a study day late'],
    ['Europe/Berlin', '2025-03-29T10:00', '2025-04-01T04:00', 'right day, 7 h after it starts'],
    ['Europe/Berlin', '2025-10-25T04:30', '2025-10-28T04:00', 'a study day early'],
    ['America/New_York', '2026-03-07T03:30', '2026-03-09T04:00', 'a study day late'],
    ['America/New_York', '2026-10-31T04:30', '2026-11-03T04:00', 'a study day early'],
    ['Australia/Lord_Howe', '2025-04-05T04:10', '2025-04-08T04:00', 'a study day early'],
    ['Australia/Lord_Howe', '2025-10-04T03:40', '2025-10-06T04:00', 'a study day late'],
    ['Pacific/Auckland', '2025-04-05T04:30', '2025-04-08T04:00', 'a study day early'],
    ['Pacific/Auckland', '2025-09-27T03:30', '2025-09-29T04:00', 'a study day late'],
    ['Asia/Kolkata', '2025-03-29T03:30', '2025-03-31T04:00', 'the right day, not its start'],
  ];
  for (const [zone, answered, due, naive] of rows) {
    inZone(zone, () => {
      it(`a 3-day interval answered ${answered} is due ${due} (now + 72 h: ${naive})`, () => {
        const t = local(answered);
        const card = reviewCard(t - 40 * DAY, 30, 300);
        for (const r of [2, 3, 4] as const) {
          const s = answer(card, r, t, threeDays, ID);
          expect(s).toMatchObject({ phase: 'review', scheduledDays: 3, due: local(due) });
        }
        expect(previewIntervals(card, t, threeDays, ID)[3]).toEqual({
          due: local(due),
          label: '3d',
        });
      });
    });
  }
});

describe('the button shows what the answer gives, for random histories (property)', () => {
  const stepSets = [['1m', '10m'], ['10m'], ['30s', '90s', '1h'], ['1h', '1d'], []];
  const settingsArb = fc.record({
    enableFuzz: fc.boolean(),
    learningSteps: fc.constantFrom<string[]>(...stepSets),
    relearningSteps: fc.constantFrom<string[]>(['10m'], [], ['5m', '1d']),
    maximumInterval: fc.constantFrom(36500, 30, 7, 1),
    dayStartHour: fc.integer({ min: 0, max: 23 }),
    desiredRetention: fc.constantFrom(0.9, 0.8, 0.97),
  });
  const history = fc.array(
    fc.record({
      rating: fc.constantFrom<Rating>(1, 2, 3, 4),
      // Minutes after the card fell due (negative: answered early, at least a minute after the last).
      offsetMin: fc.integer({ min: -3 * 1440, max: 20 * 1440 }),
      pressed: fc.constantFrom<Rating>(1, 2, 3, 4),
    }),
    { minLength: 1, maxLength: 25 },
  );

  for (const zone of ['America/New_York', 'Australia/Lord_Howe']) {
    inZone(zone, () => {
      it('label and due from previewIntervals equal what answer gives 5 s later', () => {
        fc.assert(
          fc.property(
            settingsArb,
            history,
            fc.string({ minLength: 1, maxLength: 12 }),
            (partial, steps, id) => {
              const settings: Settings = { ...DEFAULT_SETTINGS, ...partial };
              let t = local('2025-03-01T09:00');
              let s = newSchedulingState(t);
              for (const step of steps) {
                const p = previewIntervals(s, t, settings, id);
                const later = t + 5000;
                const r = step.pressed;
                const after = answer(s, r, later, settings, id);
                const claimed = ankiNextStates(s, t, settings, id)[r].interval;
                if (claimed.kind === 'days') {
                  // A day interval: the same study day, and the label is that many days.
                  expect(after.due).toBe(p[r].due);
                  expect(daysBetween(later, after.due, settings.dayStartHour)).toBe(claimed.days);
                  expect(p[r].label).toBe(formatInterval(claimed.days * DAY));
                } else {
                  // A learning step: the same delay from the moment of answering, the step plus
                  // its seeded learning fuzz; the label is the step, as Anki's.
                  const delay = (after.due - later) / 1000;
                  expect(delay).toBe((p[r].due - t) / 1000);
                  expect(delay).toBe(claimed.fuzzedSecs);
                  expect(delay - claimed.secs).toBeLessThan(
                    Math.max(1, Math.min(claimed.secs / 4, 300)),
                  );
                  expect(p[r].label).toBe(formatInterval(claimed.secs * 1000));
                  if (!settings.enableFuzz)
                    expect(p[r].label).toBe(formatInterval(after.due - later));
                }
                s = after;
                const next = Math.max(t + MIN, s.due + step.offsetMin * MIN);
                t = Math.ceil(next / MIN) * MIN;
              }
            },
          ),
          { numRuns: 150 },
        );
      });
    });
  }
});
