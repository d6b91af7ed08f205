// Learning and relearning steps suggested by the review log: how often a new card was recalled
// after each delay following its first answer (and a card after a lapse), a forgetting curve
// fitted to those recalls, and the delay at which recall falls to the desired retention.
//
// Mirrors the FSRS team's step recommender: compute_optimal_steps in the step-stats module of
// open-spaced-repetition/fsrs-rs-nodejs (published as @open-spaced-repetition/binding 0.5.0,
// computeOptimalSteps), itself a port of steps_stats in the fsrs4anki-helper add-on (steps.py).
// Same groups, thresholds (12 h cutoff, 100 answers to recommend, 4 for statistics, IQR outlier
// filter from 250), golden-section stability fit and step formula; step-stats.test.ts holds it
// to the binding's own outputs. Where the add-on and the binding differ, this follows the binding:
// the first learning answer is the first one given in state New or Learning, delays exclude the
// later answer's duration, and the IQR fence uses the unrounded quartiles.
import type { ReviewLogEntry } from '../shared/types.ts';
import { filledParameters } from './fsrs-params.ts';
import { optimizerRows, type OptimizerRow } from './optimizer-csv.ts';

/** One answer as the optimizer CSV has it (optimizer-csv.ts reviewLogToCsv). */
export type StepAnswer = OptimizerRow;

/** Delays and recall of one group of answers (the binding's StepRatingStats). */
export interface StepGroupStats {
  count: number;
  /** Delay quartiles, seconds, rounded. */
  delayQ1: number;
  delayQ2: number;
  delayQ3: number;
  /** Share recalled in each quarter of the answers by delay (NaN for an empty quarter). */
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  retention: number;
  /** Fitted stability, seconds, rounded. */
  stability: number;
}

/** The binding's StepStatsResult: groups with at least 4 answers, and steps in seconds. */
export interface StepStats {
  /** The answer after a new card's first Again, Hard or Good. */
  again?: StepGroupStats;
  hard?: StepGroupStats;
  good?: StepGroupStats;
  /** The third answer of a card answered Again then Good (and Good then Again). */
  againThenGood?: StepGroupStats;
  goodThenAgain?: StepGroupStats;
  /** The answer after a lapse (Again on a card in review). */
  relearning?: StepGroupStats;
  recommendedLearningSteps: number[];
  recommendedRelearningSteps: number[];
}

const STATE_NEW = 0;
const STATE_LEARNING = 1;
const STATE_REVIEW = 2;

/** A step of 12 h or more is no learning step: the card should go to review. */
const STEP_CUTOFF_S = 43_200;
/** Answers a group needs before a step is recommended from it. */
export const MIN_STEP_ANSWERS = 100;
const MIN_GROUP_ANSWERS = 4;
const OUTLIER_FILTER_FROM = 250;
const DEFAULT_STABILITY_S = 86_400;
const MAX_STABILITY_S = 30 * 86_400;
const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * The answers of the log as reviewLogToCsv writes them, with the same card ids: a card's id is
 * the ms of its first answer (moved on by 1 ms while taken), and a reset starts a new id.
 */
export const stepAnswers: (entries: readonly ReviewLogEntry[]) => StepAnswer[] = optimizerRows;

/** Seconds from one answer to the next, less the time spent on the next one; at least 0. */
const delaySeconds = (earlier: StepAnswer, later: StepAnswer) =>
  Math.max(0, (later.time - earlier.time) / 1000 - later.durationMs / 1000);

/** Delay and recall (1, or 0 for Again) of the answer that follows. */
interface Point {
  t: number;
  y: number;
}

const pointTo = (earlier: StepAnswer, later: StepAnswer): Point => ({
  t: delaySeconds(earlier, later),
  y: later.rating === 1 ? 0 : 1,
});

type GroupName = Exclude<
  keyof StepStats,
  'recommendedLearningSteps' | 'recommendedRelearningSteps'
>;
const FIRST_RATING_GROUP: Record<number, GroupName | undefined> = {
  1: 'again',
  2: 'hard',
  3: 'good',
};

function collectPoints(answers: readonly StepAnswer[]): Record<GroupName, Point[]> {
  const groups: Record<GroupName, Point[]> = {
    again: [],
    hard: [],
    good: [],
    againThenGood: [],
    goodThenAgain: [],
    relearning: [],
  };
  // Card by card in id order, each card's answers in time order (stable: ties stay as given).
  const byCard = new Map<number, StepAnswer[]>();
  for (const a of answers) {
    const list = byCard.get(a.cardId);
    if (list) list.push(a);
    else byCard.set(a.cardId, [a]);
  }
  const ids = [...byCard.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const card = byCard.get(id)!.sort((a, b) => a.time - b.time);
    const first = card.findIndex((a) => a.state === STATE_NEW || a.state === STATE_LEARNING);
    const firstAnswer = card[first];
    const second = card[first + 1];
    if (first >= 0 && firstAnswer && second) {
      const group = FIRST_RATING_GROUP[firstAnswer.rating];
      if (group) groups[group].push(pointTo(firstAnswer, second));
      const third = card[first + 2];
      if (third && firstAnswer.rating === 1 && second.rating === 3)
        groups.againThenGood.push(pointTo(second, third));
      if (third && firstAnswer.rating === 3 && second.rating === 1)
        groups.goodThenAgain.push(pointTo(second, third));
    }
    card.forEach((a, i) => {
      const next = card[i + 1];
      if (next && a.state === STATE_REVIEW && a.rating === 1)
        groups.relearning.push(pointTo(a, next));
    });
  }
  return groups;
}

/** Sum of log losses of FSRS's power forgetting curve with this stability over the points. */
function logLoss(
  ts: Float64Array,
  ys: Float64Array,
  stability: number,
  factor: number,
  decay: number,
) {
  const eps = 1e-15;
  const inverse = 1 / stability;
  let loss = 0;
  for (let i = 0; i < ts.length; i++) {
    const y = ys[i]!;
    const p = Math.min(Math.max(Math.pow(1 + factor * ts[i]! * inverse, decay), eps), 1 - eps);
    // y·ln p + (1 − y)·ln(1 − p) for y in {0, 1}: one logarithm, and the same bits.
    loss = loss - (y === 1 ? Math.log(p) : Math.log(1 - p));
  }
  return loss;
}

/** Golden-section search for the stability (1 s to 30 days) that fits the points best. */
function fitStability(points: readonly Point[], decay: number): number {
  const ts = Float64Array.from(points, (p) => p.t);
  const ys = Float64Array.from(points, (p) => p.y);
  const factor = Math.pow(0.9, 1 / decay) - 1;
  let low = 1;
  let high = MAX_STABILITY_S;
  let x1 = high - INV_PHI * (high - low);
  let x2 = low + INV_PHI * (high - low);
  let f1 = logLoss(ts, ys, x1, factor, decay);
  let f2 = logLoss(ts, ys, x2, factor, decay);
  while (high - low > 0.1) {
    if (f1 < f2) {
      high = x2;
      x2 = x1;
      f2 = f1;
      x1 = high - INV_PHI * (high - low);
      f1 = logLoss(ts, ys, x1, factor, decay);
    } else {
      low = x1;
      x1 = x2;
      f1 = f2;
      x2 = low + INV_PHI * (high - low);
      f2 = logLoss(ts, ys, x2, factor, decay);
    }
  }
  return (high + low) / 2;
}

const mean = (ys: readonly number[], from: number, to: number) => {
  if (to <= from) return NaN;
  let sum = 0;
  for (let i = from; i < to; i++) sum += ys[i]!;
  return sum / (to - from);
};

/** Quartiles as the binding takes them: the middle value, or the mean of the two middle ones. */
const quartile = (ts: readonly number[], index: number, exact: boolean) =>
  exact ? ts[index]! : (ts[Math.max(0, index - 1)]! + ts[index]!) / 2;

function groupStats(points: Point[], decay: number): StepGroupStats | undefined {
  const n = points.length;
  if (n < MIN_GROUP_ANSWERS) return undefined;
  points.sort((a, b) => a.t - b.t);
  const ts = points.map((p) => p.t);
  const ys = points.map((p) => p.y);
  const i1 = Math.floor(n / 4);
  const i2 = Math.floor(n / 2);
  const i3 = Math.floor((3 * n) / 4);
  const q1 = quartile(ts, i1, n % 4 !== 0);
  const q2 = quartile(ts, i2, n % 2 !== 0);
  const q3 = quartile(ts, i3, n % 4 !== 0);
  const retention = mean(ys, 0, n);
  let stability: number;
  if (retention === 1 || retention === 0) stability = DEFAULT_STABILITY_S;
  else if (n >= OUTLIER_FILTER_FROM) {
    const fence = 1.5 * (q3 - q1);
    const kept = points.filter((p) => p.t >= q1 - fence && p.t <= q3 + fence);
    stability = kept.length === 0 ? DEFAULT_STABILITY_S : Math.round(fitStability(kept, decay));
  } else stability = Math.round(fitStability(points, decay));
  return {
    count: n,
    delayQ1: Math.round(q1),
    delayQ2: Math.round(q2),
    delayQ3: Math.round(q3),
    r1: mean(ys, 0, i1),
    r2: mean(ys, i1, i2),
    r3: mean(ys, i2, i3),
    r4: mean(ys, i3, n),
    retention,
    stability,
  };
}

/**
 * The step, in whole seconds (at least 1), for a stability; null from 12 h on. The binding's
 * formula, S × (R^(1/w20) − 1) / (0.9^(1/w20) − 1), which is the forgetting curve's delay for
 * retention R only at R = 0.9 (there it is S); the curve's own inverse has −1/w20 (see
 * intervalPerStability in fsrs-params.ts). Kept as the binding has it, so the steps agree.
 */
function stepFor(stability: number, decay: number, desiredRetention: number): number | null {
  const base = Math.pow(0.9, 1 / -decay) - 1;
  const factor = (1 / base) * (Math.pow(desiredRetention, 1 / -decay) - 1);
  const step = stability * factor;
  if (step >= STEP_CUTOFF_S || Number.isNaN(step)) return null;
  return Math.round(Math.max(step, 1));
}

/**
 * The binding's computeOptimalSteps on the log's answers. `decay` is FSRS-6's w20 (positive,
 * as the binding takes a number); `desiredRetention` is strictly between 0 and 1.
 */
export function computeStepStats(
  answers: readonly StepAnswer[],
  desiredRetention: number,
  decay: number,
): StepStats {
  if (!(desiredRetention > 0 && desiredRetention < 1))
    throw new RangeError('The desired retention must be between 0 and 1.');
  const curveDecay = -decay;
  const points = collectPoints(answers);
  const stats: StepStats = { recommendedLearningSteps: [], recommendedRelearningSteps: [] };
  for (const name of Object.keys(points) as GroupName[]) {
    const group = groupStats(points[name], curveDecay);
    if (group) stats[name] = group;
  }
  const enough = (g: StepGroupStats | undefined): g is StepGroupStats =>
    g !== undefined && g.count >= MIN_STEP_ANSWERS;
  const step = (stability: number) => stepFor(stability, curveDecay, desiredRetention);

  const { again, hard, good, againThenGood, relearning } = stats;
  const first = enough(again) ? step(again.stability) : null;
  if (first !== null) stats.recommendedLearningSteps.push(first);
  // The second step: the shortest memory among Hard (taken as halfway between Again and Good),
  // Good, and Again-then-Good, never shorter than after Again.
  const againStability = again?.stability ?? DEFAULT_STABILITY_S;
  const candidates = [
    ...(enough(hard) ? [hard.stability * 2 - againStability] : []),
    ...(enough(good) ? [good.stability] : []),
    ...(enough(againThenGood) ? [againThenGood.stability] : []),
  ];
  if (candidates.length > 0) {
    const second = step(Math.max(Math.min(...candidates), againStability));
    if (second !== null) stats.recommendedLearningSteps.push(second);
  }
  const relearn = enough(relearning) ? step(relearning.stability) : null;
  if (relearn !== null) stats.recommendedRelearningSteps.push(relearn);
  return stats;
}

/** Seconds as a step in Anki's notation, as Settings writes steps: '45s', '14m', '2h', '75m'. */
export function stepNotation(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))}s`;
  const minutes = Math.round(seconds / 60);
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

/** What the Optimize panel offers: the recommended steps in Anki's notation, and their basis. */
export interface StepSuggestion {
  learningSteps: string[];
  relearningSteps: string[];
  /** New cards whose first Again, Hard or Good was followed by another answer. */
  firstAnswers: number;
  /** Of those, the ones first answered Again: the first step rests on them. */
  againFirst: number;
  /** Lapses followed by another answer. */
  lapses: number;
  /** A group had the answers a learning (relearning) step is recommended from. */
  learningEnough: boolean;
  relearningEnough: boolean;
  desiredRetention: number;
}

/** The recommender on the log, for the desired retention and the decay of these parameters. */
export function suggestSteps(
  log: readonly ReviewLogEntry[],
  desiredRetention: number,
  weights: readonly number[] | null,
): StepSuggestion {
  const decay = filledParameters(weights)[20]!;
  const stats = computeStepStats(stepAnswers(log), desiredRetention, decay);
  const count = (g: StepGroupStats | undefined) => g?.count ?? 0;
  return {
    learningSteps: stats.recommendedLearningSteps.map(stepNotation),
    relearningSteps: stats.recommendedRelearningSteps.map(stepNotation),
    firstAnswers: count(stats.again) + count(stats.hard) + count(stats.good),
    againFirst: count(stats.again),
    lapses: count(stats.relearning),
    learningEnough: [stats.again, stats.hard, stats.good, stats.againThenGood].some(
      (g) => count(g) >= MIN_STEP_ANSWERS,
    ),
    relearningEnough: count(stats.relearning) >= MIN_STEP_ANSWERS,
    desiredRetention,
  };
}
