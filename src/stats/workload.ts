// The workload forecast: "if I add N new cards a day, how many reviews and minutes a day, and how
// many cards will I know". A day-by-day Monte Carlo run over the person's real cards, shaped like
// Anki's simulator (fsrs-rs `simulate`, with costs and button chances measured from the log as
// fsrs-rs `extract_simulator_config` measures them), stepping memory states with ts-fsrs's own
// formulas (FSRSAlgorithm), never a scheduler per card. Pure: runs in a Web Worker or in Node.
import { computeDecayFactor, default_w, FSRSAlgorithm, type FSRSState, type Grade } from 'ts-fsrs';
import type { CardPhase, Rating, ReviewLogEntry } from '../shared/types.ts';
import { dayIndexer } from './day-index.ts';
import { studyDays } from './study-days.ts';
import type {
  AnswerType,
  ButtonCounts,
  SimCard,
  SimCosts,
  StatsInput,
  StepTransitions,
  WorkloadDay,
  WorkloadInput,
} from './types.ts';

// ---- Defaults: fsrs-rs `SimulatorConfig::default()` (src/simulation.rs), averages Anki's authors
// measured over many collections. Used as they are for an empty log, and blended with the
// person's figures by n / (n + 50) while their log is short.

/** Seconds per answer by phase and button (fsrs-rs `state_rating_costs`). */
export const DEFAULT_COSTS: SimCosts = {
  learning: { 1: 19.58, 2: 18.79, 3: 13.78, 4: 10.71 },
  review: { 1: 19.38, 2: 17.59, 3: 12.38, 4: 8.94 },
  relearning: { 1: 16.44, 2: 15.25, 3: 12.32, 4: 8.03 },
};
/** A new card's first button (fsrs-rs `first_rating_prob`). */
export const DEFAULT_FIRST_RATING: ButtonCounts = { 1: 0.24, 2: 0.094, 3: 0.495, 4: 0.171 };
/** Hard/Good/Easy given a review passes (fsrs-rs `review_rating_prob`); Again comes from R. */
export const DEFAULT_REVIEW_RATING: ButtonCounts = { 1: 0, 2: 0.224, 3: 0.631, 4: 0.145 };
/** fsrs-rs `learning_step_transitions`. */
export const DEFAULT_LEARNING_TRANSITIONS: StepTransitions = [
  { 1: 0.3686, 2: 0.0628, 3: 0.5108, 4: 0.0577 },
  { 1: 0.0442, 2: 0.4553, 3: 0.4457, 4: 0.0549 },
  { 1: 0.0519, 2: 0.047, 3: 0.8462, 4: 0.055 },
];
/** fsrs-rs `relearning_step_transitions`. */
export const DEFAULT_RELEARNING_TRANSITIONS: StepTransitions = [
  { 1: 0.2157, 2: 0.0643, 3: 0.6595, 4: 0.0604 },
  { 1: 0.05, 2: 0.4638, 3: 0.4475, 4: 0.0387 },
  { 1: 0.1057, 2: 0.1434, 3: 0.7266, 4: 0.0244 },
];
const DEFAULT_LEARNING_STEPS = 2;
const DEFAULT_RELEARNING_STEPS = 1;
/** Anki's simulator seed. */
export const DEFAULT_SEED = 42;

/** How many answers weigh as much as the defaults (fsrs-rs's smoothing). */
const PRIOR = 50;
/** Answers that took longer than this were someone walking away: fsrs-rs drops them. */
const MAX_DURATION_MS = 20 * 60_000;
/** fsrs-rs stops a same-day chain after this many answers. */
const MAX_SAME_DAY_STEPS = 5;
const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export interface SimulatorConfig {
  costs: SimCosts;
  firstRating: ButtonCounts;
  reviewRating: ButtonCounts;
  learningTransitions: StepTransitions;
  relearningTransitions: StepTransitions;
}

// A new card's first answer is a learning answer, as Anki's revlog types it.
const LEARNING = 0;
const REVIEW = 1;
const TYPE_INDEX: Record<CardPhase, number> = {
  new: LEARNING,
  learning: LEARNING,
  review: REVIEW,
  relearning: 2,
};
const TYPE_INDEX_OF: Record<AnswerType, number> = {
  learning: LEARNING,
  review: REVIEW,
  relearning: 2,
};

const zeros = (): ButtonCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Shares of `counts` over `buttons`, blended with `fallback` by n / (n + 50); n = 0 → fallback. */
function blendShares(
  counts: ButtonCounts,
  fallback: ButtonCounts,
  buttons: readonly Rating[] = RATINGS,
): ButtonCounts {
  const n = buttons.reduce((sum, r) => sum + counts[r], 0);
  if (n === 0) return { ...fallback };
  const weight = n / (n + PRIOR);
  const out = zeros();
  for (const r of buttons) out[r] = weight * (counts[r] / n) + (1 - weight) * fallback[r];
  return out;
}

/**
 * Answer times and button chances from the person's log, as fsrs-rs `extract_simulator_config`
 * (smooth = true) takes them: only answers with 0 < duration < 20 min; the mean seconds per phase
 * and button; the first button on a new card; Hard/Good/Easy on a card's first review of a study
 * day; the same-day chains of learning and of relearning after a lapse (with +1 Laplace smoothing
 * per cell, as fsrs-rs). Each figure is blended with the default by n / (n + 50).
 * Where fsrs-rs takes "first learning answer of a day" as the first rating, we take the answer to
 * a card that was new (a reset card counts again), and a figure with no answers at all is the
 * default as it is (fsrs-rs would blend in a uniform 25 % at weight 4 / 54).
 */
export function simulatorConfig(
  log: readonly ReviewLogEntry[],
  now: number,
  dayStartHour: number,
  timeZone: string,
): SimulatorConfig {
  // Counters in flat arrays, indexed by answer type × 4 + button − 1: this loop meets every
  // answer of the log (100,000 or more) on the main thread.
  const sums = new Float64Array(12);
  const counts = new Float64Array(12);
  const first = new Float64Array(4);
  const passed = new Float64Array(4);
  /** Same-day chains: [learning | relearning] × from (Again, Hard, Good) × to, 2 × 3 × 4. */
  const chainCounts = new Float64Array(24);

  const dayOf = dayIndexer(studyDays(now, dayStartHour, timeZone));
  // The running same-day chain of each card: its study day, its kind (0 learning, 1 relearning,
  // −1 none) and the last button.
  const slot = new Map<string, number>();
  const chainDay: number[] = [];
  const chainKind: number[] = [];
  const chainLast: number[] = [];

  for (const e of log) {
    const rating = e.rating;
    if (e.kind !== 'review' || rating === null) continue;
    if (!(e.durationMs > 0 && e.durationMs < MAX_DURATION_MS)) continue;
    const type = TYPE_INDEX[e.before.phase];
    sums[type * 4 + rating - 1]! += e.durationMs;
    counts[type * 4 + rating - 1]! += 1;
    if (e.before.phase === 'new') first[rating - 1]! += 1;

    const day = dayOf(e.time);
    let k = slot.get(e.cardId);
    if (k === undefined) {
      k = chainDay.length;
      slot.set(e.cardId, k);
      chainDay.push(NaN);
      chainKind.push(-1);
      chainLast.push(0);
    }
    if (chainDay[k] !== day) {
      // The card's first answer this study day starts its chain.
      chainDay[k] = day;
      chainKind[k] = type === LEARNING ? 0 : type === REVIEW && rating === 1 ? 1 : -1;
      if (type === REVIEW && rating >= 2) passed[rating - 1]! += 1;
    } else {
      const kind = chainKind[k]!;
      const from = chainLast[k]!;
      if (kind >= 0 && from <= 3) chainCounts[kind * 12 + (from - 1) * 4 + rating - 1]! += 1;
    }
    chainLast[k] = rating;
  }
  const buttons = (a: Float64Array, at = 0): ButtonCounts => ({
    1: a[at]!,
    2: a[at + 1]!,
    3: a[at + 2]!,
    4: a[at + 3]!,
  });

  const costs = {} as SimCosts;
  for (const type of ['learning', 'review', 'relearning'] as const) {
    const c = zeros();
    for (const r of RATINGS) {
      const n = counts[TYPE_INDEX_OF[type] * 4 + r - 1]!;
      const weight = n / (n + PRIOR);
      const mean = n === 0 ? 0 : sums[TYPE_INDEX_OF[type] * 4 + r - 1]! / n / 1000;
      c[r] =
        n === 0
          ? DEFAULT_COSTS[type][r]
          : round2(weight * mean + (1 - weight) * DEFAULT_COSTS[type][r]);
    }
    costs[type] = c;
  }
  const transitions = (kind: number, fallback: StepTransitions): StepTransitions =>
    fallback.map((def, i) => {
      const row = buttons(chainCounts, kind * 12 + i * 4);
      if (RATINGS.every((r) => row[r] === 0)) return { ...def };
      const smoothed = zeros();
      for (const r of RATINGS) smoothed[r] = row[r] + 1;
      return blendShares(smoothed, def);
    }) as StepTransitions;

  return {
    costs,
    firstRating: blendShares(buttons(first), DEFAULT_FIRST_RATING),
    reviewRating: blendShares(buttons(passed), DEFAULT_REVIEW_RATING, [2, 3, 4]),
    learningTransitions: transitions(0, DEFAULT_LEARNING_TRANSITIONS),
    relearningTransitions: transitions(1, DEFAULT_RELEARNING_TRANSITIONS),
  };
}

export interface WorkloadOptions {
  newPerDay: number;
  reviewsPerDay: number;
  days: number;
  maximumInterval: number;
  /** Learning and relearning steps in the person's settings (counts; absent: 2 and 1). */
  learningStepCount?: number;
  relearningStepCount?: number;
  /** Cards the person means to write, added to the new cards the decks have now. */
  extraNewCards?: number;
  seed?: number;
}

const NEW_CARD: SimCard = { stability: null, difficulty: null, dueDay: 0, elapsedDays: 0 };

/**
 * The simulation's input from the Stats screen's input: every card in scope that is not
 * suspended (orphans, whose question is gone, are not cards to study); cards without progress
 * or reset to new are new cards; an overdue card, and a learning card due later today, starts at
 * day 0. To redraw for another N, spread the result (`{ ...input, newPerDay }`) rather than
 * measuring the log again.
 */
export function workloadInput(input: StatsInput, opts: WorkloadOptions): WorkloadInput {
  const dayOf = dayIndexer(studyDays(input.now, input.dayStartHour, input.timeZone));
  const cards: SimCard[] = [];
  for (const card of input.cards) {
    const state = input.states.get(card.id);
    if (state?.suspended) continue;
    const s = state?.sched;
    if (!s || s.phase === 'new' || !(s.stability > 0)) {
      cards.push(NEW_CARD);
      continue;
    }
    cards.push({
      stability: s.stability,
      difficulty: s.difficulty,
      dueDay: Math.max(0, dayOf(s.due)),
      elapsedDays: s.lastReview === null ? 0 : Math.max(0, -dayOf(s.lastReview)),
    });
  }
  const config = simulatorConfig(input.log, input.now, input.dayStartHour, input.timeZone);
  return {
    cards,
    newPerDay: opts.newPerDay,
    reviewsPerDay: opts.reviewsPerDay,
    days: opts.days,
    desiredRetention: input.desiredRetention,
    weights: input.weights,
    maximumInterval: opts.maximumInterval,
    costs: config.costs,
    firstRating: config.firstRating,
    reviewRating: config.reviewRating,
    learningTransitions: config.learningTransitions,
    relearningTransitions: config.relearningTransitions,
    learningStepCount: opts.learningStepCount ?? DEFAULT_LEARNING_STEPS,
    relearningStepCount: opts.relearningStepCount ?? DEFAULT_RELEARNING_STEPS,
    seed: opts.seed ?? DEFAULT_SEED,
    extraNewCards: opts.extraNewCards ?? 0,
  };
}

/** mulberry32: a small, fast, seeded PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sampler of buttons in proportion to `chances` (need not sum to 1). */
function sampler(chances: ButtonCounts, buttons: readonly Rating[] = RATINGS) {
  const total = buttons.reduce((sum, r) => sum + Math.max(0, chances[r]), 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const r of buttons) {
    acc += Math.max(0, chances[r]) / (total || 1);
    cumulative.push(acc);
  }
  const lastButton = buttons[buttons.length - 1]!;
  return (u: number): Rating => {
    for (let k = 0; k < cumulative.length; k++) if (u < cumulative[k]!) return buttons[k]!;
    return lastButton;
  };
}

/** A simulation that can run a few days at a time (the main-thread fallback yields in between). */
export interface WorkloadRun {
  /** Days simulated so far. */
  readonly day: number;
  /** Simulates up to `maxDays` more days; true once every day is done. */
  advance(maxDays: number): boolean;
  /** The days, once `advance` has returned true. */
  result(): WorkloadDay[];
}

export function startWorkload(input: WorkloadInput): WorkloadRun {
  const total = Math.max(0, Math.floor(input.days));
  const learnSteps = input.learningStepCount ?? DEFAULT_LEARNING_STEPS;
  const relearnSteps = input.relearningStepCount ?? DEFAULT_RELEARNING_STEPS;
  const alg = new FSRSAlgorithm({
    w: input.weights ? [...input.weights] : [...default_w],
    request_retention: input.desiredRetention,
    maximum_interval: input.maximumInterval,
    enable_fuzz: false,
    enable_short_term: true,
    relearning_steps: Array.from({ length: relearnSteps }, () => '10m' as const),
  });
  const { decay, factor } = computeDecayFactor(alg.parameters.w);
  const random = mulberry32(input.seed);
  const firstRating = sampler(input.firstRating);
  const reviewRating = sampler(input.reviewRating, [2, 3, 4]);
  const learnNext = (input.learningTransitions ?? DEFAULT_LEARNING_TRANSITIONS).map((row) =>
    sampler(row),
  );
  const relearnNext = (input.relearningTransitions ?? DEFAULT_RELEARNING_TRANSITIONS).map((row) =>
    sampler(row),
  );
  const { costs } = input;

  // Cards still to be written take a slot only if the run can reach them.
  const extra = Math.min(
    Math.max(0, Math.floor(input.extraNewCards ?? 0)),
    Math.max(0, Math.floor(input.newPerDay)) * total,
  );
  const n = input.cards.length + extra;
  const stability = new Float64Array(n);
  const difficulty = new Float64Array(n);
  /** Day of the last review (negative before today); NaN for a card not yet introduced. */
  const last = new Float64Array(n).fill(NaN);
  /** Card indices due each day; a day's list is dropped once the day is done. */
  const due: (number[] | undefined)[] = new Array<number[] | undefined>(total);
  const fresh: number[] = [];
  const schedule = (i: number, day: number) => {
    if (day >= total) return;
    (due[day] ??= []).push(i);
  };
  input.cards.forEach((c, i) => {
    if (c.stability === null || !(c.stability > 0)) {
      fresh.push(i);
      return;
    }
    stability[i] = c.stability;
    difficulty[i] = Math.min(10, Math.max(1, c.difficulty ?? 5));
    last[i] = -Math.max(0, c.elapsedDays);
    schedule(i, Math.max(0, Math.floor(c.dueDay)));
  });
  for (let i = input.cards.length; i < n; i++) fresh.push(i);
  let nextFresh = 0;

  const reviews = new Array<number>(total).fill(0);
  const introduced = new Array<number>(total).fill(0);
  const seconds = new Array<number>(total).fill(0);
  const memorized = new Float64Array(total);

  // Σ R over the days a card spends between answers: ts-fsrs's forgetting curve
  // (1 + factor·t/s)^decay, inlined with its decay and factor worked out once, and the power as
  // exp(decay·ln x) (2.5× faster than Math.pow in V8). This runs once per card per day, millions
  // of times; the library call recomputes decay and factor each time.
  const remember = (i: number, until: number) => {
    const s = stability[i]!;
    const l = last[i]!;
    for (let d = Math.max(0, l); d < until; d++)
      memorized[d]! += Math.exp(decay * Math.log(1 + (factor * (d - l)) / s));
  };

  /**
   * The rest of a day's answers to one card, collapsed as fsrs-rs `memory_state_short_term` does:
   * further buttons drawn from the step transitions until the card passes `steps` steps in a
   * row (one fewer if it started with Good) or gets Easy. Returns the seconds those answers took.
   */
  const sameDay = (
    state: FSRSState,
    rating: Rating,
    steps: number,
    next: ((u: number) => Rating)[],
    cost: ButtonCounts,
  ): number => {
    let spent = 0;
    let inARow = 0;
    const needed = rating > 2 ? Math.max(0, steps - 1) : steps;
    for (let k = 0; k < MAX_SAME_DAY_STEPS && inARow < needed && rating < 4; k++) {
      rating = next[rating - 1]!(random());
      const after = alg.next_state(state, 0, rating as Grade);
      state.stability = after.stability;
      state.difficulty = after.difficulty;
      spent += cost[rating];
      if (rating > 2) inARow++;
      else if (rating === 1) inARow = 0;
    }
    return spent;
  };

  const reschedule = (i: number, day: number, state: FSRSState) => {
    stability[i] = state.stability;
    difficulty[i] = state.difficulty;
    last[i] = day;
    schedule(i, day + alg.next_interval(state.stability, 0));
  };

  let day = 0;
  const simulateDay = (d: number) => {
    // Reviews first, as fsrs-rs orders them; over the limit, the easiest cards go first (fsrs-rs's
    // default priority) and the rest wait for tomorrow.
    let list = due[d] ?? [];
    due[d] = undefined;
    if (list.length > input.reviewsPerDay) {
      list.sort((a, b) => difficulty[a]! - difficulty[b]!);
      const cap = Math.max(0, Math.floor(input.reviewsPerDay));
      for (let k = cap; k < list.length; k++) schedule(list[k]!, d + 1);
      list = list.slice(0, cap);
    }
    for (const i of list) {
      const t = d - last[i]!;
      const state: FSRSState = { stability: stability[i]!, difficulty: difficulty[i]! };
      const r = alg.forgetting_curve(t, state.stability);
      remember(i, d);
      const forgot = random() >= r;
      const rating: Rating = forgot ? 1 : reviewRating(random());
      const after = alg.next_state(state, t, rating as Grade, r);
      let spent = costs.review[rating];
      if (forgot) spent += sameDay(after, 1, relearnSteps, relearnNext, costs.relearning);
      reviews[d]! += 1;
      seconds[d]! += spent;
      reschedule(i, d, after);
    }
    // New cards, up to the limit while any remain (new cards ignore the review limit, as in
    // Anki's default "new cards ignore review limit" for the simulator).
    const newToday = Math.min(Math.max(0, Math.floor(input.newPerDay)), fresh.length - nextFresh);
    for (let k = 0; k < newToday; k++) {
      const i = fresh[nextFresh++]!;
      const rating = firstRating(random());
      const state = alg.next_state(null, 0, rating as Grade);
      const spent =
        costs.learning[rating] + sameDay(state, rating, learnSteps, learnNext, costs.learning);
      introduced[d]! += 1;
      seconds[d]! += spent;
      reschedule(i, d, state);
    }
  };

  let finished: WorkloadDay[] | null = null;
  const finish = () => {
    for (let i = 0; i < n; i++) if (!Number.isNaN(last[i]!)) remember(i, total);
    finished = Array.from({ length: total }, (_, d) => ({
      day: d,
      reviews: reviews[d]!,
      newCards: introduced[d]!,
      seconds: seconds[d]!,
      memorized: memorized[d]!,
    }));
  };

  return {
    get day() {
      return day;
    },
    advance(maxDays) {
      const until = Math.min(total, day + Math.max(1, Math.floor(maxDays)));
      for (; day < until; day++) simulateDay(day);
      if (day >= total && !finished) finish();
      return finished !== null;
    },
    result() {
      if (!finished) throw new Error('The forecast has not finished yet.');
      return finished;
    },
  };
}

/**
 * Day-by-day forecast. `onProgress` hears the fraction of days done about every 5 % and 1 at
 * the end. Deterministic for a seed.
 */
export function simulateWorkload(
  input: WorkloadInput,
  onProgress?: (fraction: number) => void,
): WorkloadDay[] {
  const run = startWorkload(input);
  const step = Math.max(1, Math.floor(input.days / 20));
  while (!run.advance(step)) onProgress?.(run.day / input.days);
  onProgress?.(1);
  return run.result();
}
