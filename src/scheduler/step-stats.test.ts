// Guards the learning-step recommender against its reference, the FSRS team's binding:
// @open-spaced-repetition/binding 0.5.0 computeOptimalSteps (fsrs-rs-nodejs, step-stats module
// compute_optimal_steps). tests/fixtures/step-stats/cases.json holds seeded logs (their generator
// parameters and the optimizer CSV's hash) and what the native binding returned for each; see
// make-reference.ts there. Then small cases worked by hand (each also checked against the
// binding). One known difference: when answers have exactly the same delay across a quarter's
// edge, the binding orders the tied answers its own way (deterministic, not in card order), so
// r1–r4 can differ there; counts, quartile delays, retention, stabilities and steps do not. The
// seeded logs' delays do not tie, and the hand cases with ties assert none of r1–r4.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import cases from '../../tests/fixtures/step-stats/cases.json';
import { stepLog, type StepLogParams } from '../../tests/fixtures/step-stats/step-log.ts';
import { DEFAULT_SETTINGS, type ReviewLogEntry } from '../shared/types.ts';
import { resetEntry, reviewEntry } from './actions.ts';
import { reviewLogToCsv } from './optimizer-csv.ts';
import {
  computeStepStats,
  stepAnswers,
  stepNotation,
  suggestSteps,
  type StepAnswer,
  type StepGroupStats,
  type StepStats,
} from './step-stats.ts';

type Reference = Record<string, unknown> & {
  recommendedLearningSteps: number[];
  recommendedRelearningSteps: number[];
};
const GROUPS = ['again', 'hard', 'good', 'againThenGood', 'goodThenAgain', 'relearning'] as const;

/** The CSV's rows as numbers, for comparing with stepAnswers. */
const csvRows = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [cardId, time, rating, state, durationMs] = line.split(',').map(Number);
      return { cardId, time, rating, state, durationMs };
    });

describe('step stats match the binding (computeOptimalSteps) on seeded logs', () => {
  for (const c of cases as unknown as {
    name: string;
    log: StepLogParams;
    desiredRetention: number;
    decay: number;
    answers: number;
    csvSha256: string;
    reference: Reference;
  }[]) {
    it(`${c.name} (${c.answers} answers)`, () => {
      const log = stepLog(c.log);
      const csv = reviewLogToCsv(log);
      // The log is the one the reference saw (else regenerate with make-reference.ts).
      expect(createHash('sha256').update(csv).digest('hex')).toBe(c.csvSha256);
      const answers = stepAnswers(log);
      expect(answers).toEqual(csvRows(csv));

      const ours = computeStepStats(answers, c.desiredRetention, c.decay);
      expect(ours.recommendedLearningSteps).toEqual(c.reference.recommendedLearningSteps);
      expect(ours.recommendedRelearningSteps).toEqual(c.reference.recommendedRelearningSteps);
      for (const g of GROUPS) {
        const theirs = c.reference[g] as Record<keyof StepGroupStats, number | null> | undefined;
        const mine = ours[g];
        expect(mine === undefined, g).toBe(theirs === undefined);
        if (!mine || !theirs) continue;
        const { count, delayQ1, delayQ2, delayQ3, stability } = theirs;
        expect({ ...mine }, g).toMatchObject({ count, delayQ1, delayQ2, delayQ3, stability });
        for (const k of ['r1', 'r2', 'r3', 'r4', 'retention'] as const) {
          // JSON writes the binding's NaN (an empty quarter) as null.
          if (theirs[k] === null) expect(mine[k], `${g}.${k}`).toBeNaN();
          else expect(mine[k], `${g}.${k}`).toBeCloseTo(theirs[k], 12);
        }
      }
    });
  }
});

// Hand-worked cases. Each card is a list of [seconds since its first answer, rating, state
// before, duration s]; cards get ids 1, 2, 3…
type Row = [number, number, number, number?];
const T0 = Date.UTC(2026, 0, 5, 9, 0);
const answersOf = (cards: Row[][]): StepAnswer[] =>
  cards.flatMap((rows, i) =>
    rows.map(([s, rating, state, duration = 0]) => ({
      cardId: i + 1,
      time: T0 + i * 1000 + s * 1000,
      rating,
      state,
      durationMs: duration * 1000,
    })),
  );
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
/** `n` new cards answered `first`, then again after `delay` s: the first `recalled` recalled. */
const pairs = (n: number, first: number, delay: number, recalled: number): Row[][] =>
  times(n, (i) => [
    [0, first, 0],
    [delay, i < recalled ? 3 : 1, 1],
  ]);
const stats = (cards: Row[][], retention = 0.9, decay = 0.1542): StepStats =>
  computeStepStats(answersOf(cards), retention, decay);

describe('step stats, worked by hand', () => {
  it('puts each answer in its group: the first learning answer, Again then Good, lapses', () => {
    const s = stats([
      ...times(4, (i): Row[] => [
        [0, 1, 0],
        [60 + 10 * i, 3, 1, 5], // Again: delays 55, 65, 75, 85 s (the answer's 5 s do not count)
        [700, i === 0 ? 1 : 3, 1], // Again then Good: 640, 630, 620, 610 s
      ]),
      ...times(4, (): Row[] => [
        [0, 3, 0],
        [600, 1, 1],
        [660, 3, 1], // Good, then Again: its own group
        [90_000, 1, 2], // a lapse…
        [90_000 + 600, 3, 3], // …and the answer after it: relearning, 600 s
      ]),
      // A card first seen in review (imported): no learning group, its lapse counts.
      [
        [0, 1, 2],
        [300, 3, 3],
      ],
      // Easy first: in no group. A duration longer than the delay counts as 0 s.
      ...times(4, (): Row[] => [
        [0, 4, 0],
        [10, 3, 2, 30],
      ]),
    ]);
    expect(s.again).toMatchObject({ count: 4, delayQ1: 60, delayQ2: 70, delayQ3: 80 });
    expect(s.good).toMatchObject({ count: 4, retention: 0 });
    expect(s.againThenGood).toMatchObject({ count: 4, delayQ1: 615, delayQ3: 635, r4: 0 });
    expect(s.goodThenAgain).toMatchObject({ count: 4, delayQ2: 60, retention: 1 });
    expect(s.relearning).toMatchObject({ count: 5, delayQ1: 600, delayQ2: 600, delayQ3: 600 });
    expect(s.hard).toBeUndefined();
  });

  it('takes quartiles as the binding does and the recall of each quarter, NaN when empty', () => {
    // 4 answers: quartiles halfway between neighbours.
    const four = stats(times(4, (i) => pairs(1, 1, 60 * (i + 1), i === 0 ? 0 : 1)[0]!));
    expect(four.again).toMatchObject({ delayQ1: 90, delayQ2: 150, delayQ3: 210 });
    expect(four.again).toMatchObject({ r1: 0, r2: 1, r3: 1, r4: 1, retention: 0.75 });
    // 5 answers: the values at n/4, n/2, 3n/4.
    const five = stats(times(5, (i) => pairs(1, 2, 10 * (i + 1), 1)[0]!));
    expect(five.hard).toMatchObject({ delayQ1: 20, delayQ2: 30, delayQ3: 40, count: 5 });
    // 3 answers: no statistics at all.
    expect(stats(pairs(3, 3, 60, 2)).good).toBeUndefined();
    // 6 answers: quarters [0, 1), [1, 3), [3, 4), [4, 6).
    const six = stats(times(6, (i) => pairs(1, 3, 10 * (i + 1), i === 1 ? 0 : 1)[0]!));
    expect(six.good).toMatchObject({ r1: 1, r2: 0.5, r3: 1, r4: 1 });
  });

  it('fits the stability at which the recall share is 90 %, and steps it by the desired retention', () => {
    // 100 Again answers all after 600 s, 90 recalled: R(600) = 0.9, so S = 600.
    const s = stats(pairs(100, 1, 600, 90));
    expect(s.again?.stability).toBe(600);
    expect(s.recommendedLearningSteps).toEqual([600]);
    // At 0.8 with w20 = 0.5: 600 × (0.8² − 1) / (0.9² − 1) = 600 × 0.36 / 0.19 = 1136.8.
    expect(stats(pairs(100, 1, 600, 90), 0.8, 0.5).recommendedLearningSteps).toEqual([1137]);
  });

  it('needs 100 answers in a group for a step', () => {
    expect(stats(pairs(99, 1, 600, 89)).recommendedLearningSteps).toEqual([]);
    expect(stats(pairs(99, 1, 600, 89)).again?.count).toBe(99);
    expect(stats(pairs(100, 1, 600, 90)).recommendedLearningSteps).toEqual([600]);
  });

  it('drops steps of 12 h or more, and a group recalled always (or never) gets 1 day', () => {
    expect(stats(pairs(100, 1, 50_000, 90)).recommendedLearningSteps).toEqual([]);
    const all = stats(pairs(100, 1, 600, 100));
    expect(all.again?.stability).toBe(86_400);
    expect(all.recommendedLearningSteps).toEqual([]);
  });

  it('second step: the least of Hard (twice, less Again), Good and Again-then-Good, at least Again', () => {
    const again = pairs(100, 1, 60, 90); // S = 60
    const hard = pairs(100, 2, 300, 90); // S = 300: candidate 2 × 300 − 60 = 540
    const good = pairs(100, 3, 1200, 90); // S = 1200
    expect(stats([...again, ...hard, ...good]).recommendedLearningSteps).toEqual([60, 540]);
    const fewHard = pairs(99, 2, 300, 89);
    expect(stats([...again, ...fewHard, ...good]).recommendedLearningSteps).toEqual([60, 1200]);
    // Without Again answers its stability is taken as 1 day, which floors the candidates: none.
    expect(stats(good).recommendedLearningSteps).toEqual([]);
  });

  it('leaves outliers out of the fit from 250 answers on (1.5 IQR beyond the quartiles)', () => {
    const late = (n: number) => pairs(n, 1, 86_400, 0);
    // 250 after 600 s (225 recalled) and 30 forgotten after a day: the day is an outlier.
    expect(stats([...pairs(250, 1, 600, 225), ...late(30)]).again?.stability).toBe(600);
    // 200 and 30: under 250, every answer counts and the day pulls the stability down.
    expect(stats([...pairs(200, 1, 600, 180), ...late(30)]).again?.stability).toBeLessThan(600);
  });

  it('steps relearning from the answer after each lapse', () => {
    // 100 lapses (Again on a card in review), each answered again 120 s later, 90 recalled.
    const lapses = times(100, (i): Row[] => [
      [0, 3, 2],
      [86_400, 1, 2],
      [86_520, i < 90 ? 3 : 1, 3],
    ]);
    const s = stats(lapses);
    expect(s.relearning).toMatchObject({ count: 100, delayQ2: 120, stability: 120 });
    expect(s.recommendedRelearningSteps).toEqual([120]);
    expect(s.recommendedLearningSteps).toEqual([]);
  });

  it('rejects a desired retention outside (0, 1)', () => {
    expect(() => computeStepStats([], 1, 0.2)).toThrow(RangeError);
    expect(() => computeStepStats([], 0, 0.2)).toThrow(RangeError);
  });
});

describe('stepAnswers and suggestSteps', () => {
  const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
  const card = { id: 'd:a', deckId: 'd' };

  it('gives a card a new id after a reset, as the optimizer CSV does', () => {
    const r1 = reviewEntry({
      card,
      state: undefined,
      rating: 1,
      now: T0,
      durationMs: 900,
      settings,
    });
    const r2 = reviewEntry({
      card,
      state: r1.state,
      rating: 3,
      now: T0 + 60_000,
      durationMs: 0,
      settings,
    });
    const reset = resetEntry({ card, state: r2.state, now: T0 + 120_000 });
    const r3 = reviewEntry({
      card,
      state: reset.state,
      rating: 2,
      now: T0 + 180_000,
      durationMs: 0,
      settings,
    });
    const log: ReviewLogEntry[] = [r3.entry, reset.entry, r2.entry, r1.entry];
    const answers = stepAnswers(log);
    expect(answers.map((a) => [a.cardId, a.rating, a.state])).toEqual([
      [T0, 1, 0],
      [T0, 3, 1],
      [T0 + 180_000, 2, 0],
    ]);
    expect(answers).toEqual(csvRows(reviewLogToCsv(log)));
  });

  it('writes steps in Anki notation', () => {
    expect([1, 45, 59.4, 60, 89, 90, 837, 3600, 4500, 43_199].map(stepNotation)).toEqual([
      '1s',
      '45s',
      '59s',
      '1m',
      '1m',
      '2m',
      '14m',
      '1h',
      '75m',
      '12h',
    ]);
  });

  it('suggests steps for the retention and decay of the parameters in use', () => {
    const c = cases[0]!;
    const log = stepLog(c.log as StepLogParams);
    const s = suggestSteps(log, 0.9, null); // null: FSRS-6's default w20, 0.1542
    expect(s.learningSteps).toEqual(c.reference.recommendedLearningSteps.map(stepNotation));
    expect(s.relearningSteps).toEqual(c.reference.recommendedRelearningSteps.map(stepNotation));
    expect(s).toMatchObject({ learningEnough: true, relearningEnough: true });
    const ref = c.reference as unknown as Record<string, { count: number }>;
    expect(s.firstAnswers).toBe(ref.again!.count + ref.hard!.count + ref.good!.count);
    expect(s.lapses).toBe(ref.relearning!.count);
    expect(s.againFirst).toBe(ref.again!.count);
    const few = suggestSteps(log.slice(0, 300), 0.9, null);
    expect(few).toMatchObject({
      learningEnough: false,
      relearningEnough: false,
      learningSteps: [],
    });
  });
});
