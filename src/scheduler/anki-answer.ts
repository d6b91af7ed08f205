// What each answer button does to a card, by Anki's FSRS rules (rslib/src/scheduler/states/ and
// answering/), built on ts-fsrs's pure memory model (FSRSAlgorithm.next_state). ts-fsrs's own
// scheduler (`FSRS.next`) differs from Anki in how it counts days (UTC dates), fuzzes (seeded by
// the answer time, after rounding), orders the buttons and walks learning steps. `now` and the
// settings are arguments, so the same inputs always give the same state (replay.ts relies on it).
import type { FSRSAlgorithm, FSRSState, Grade } from 'ts-fsrs';
import type { CardId, CardPhase, Rating, SchedulingState, Settings } from '../shared/types.ts';
import { daysBetween, localTimeZone, nextDayStart, studyDayStart } from './day.ts';
import { ankiAlgorithm } from './fsrs-params.ts';
import { parseStep } from './settings.ts';

const DAY_SECS = 86_400;

/**
 * How far away a button puts the card: seconds for a learning step (`secs` is the step as the
 * button shows it, `fuzzedSecs` the delay the card really gets), or whole study days.
 */
export type NextInterval =
  { kind: 'secs'; secs: number; fuzzedSecs: number } | { kind: 'days'; days: number };

export interface AnswerOutcome {
  state: SchedulingState;
  interval: NextInterval;
}

export type NextStates = Record<Rating, AnswerOutcome>;

const algorithms = new Map<string, FSRSAlgorithm>();
let lastAlgorithm: { settings: Settings; algorithm: FSRSAlgorithm } | null = null;

/** ts-fsrs's memory model for these settings, one per distinct retention and weights. */
function algorithmFor(settings: Settings): FSRSAlgorithm {
  if (lastAlgorithm?.settings === settings) return lastAlgorithm.algorithm;
  const key = JSON.stringify([settings.desiredRetention, settings.weights]);
  let algorithm = algorithms.get(key);
  if (!algorithm) {
    // Same-day answers (delta_t = 0) use FSRS's short-term stability, and 17 or 19 parameters
    // are filled and clipped as fsrs-rs does (fsrs-params.ts).
    algorithm = ankiAlgorithm(settings.desiredRetention, settings.weights);
    if (algorithms.size > 20) algorithms.clear();
    algorithms.set(key, algorithm);
  }
  lastAlgorithm = { settings, algorithm };
  return algorithm;
}

// ---------------------------------------------------------------------------------------------
// Fuzz (states/fuzz.rs, answering/mod.rs get_fuzz_seed, answering/learning.rs)

/** 32-bit FNV-1a of the card id: Anki's card ids are numbers, ours are strings. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The fuzz draw in [0, 1), seeded by the card and its reps before this answer, as Anki's
 * get_fuzz_seed (card id + reps): the buttons and the answer a moment later draw the same number,
 * and the next answer a new one. The generator is a murmur3-style mix, not Anki's ChaCha12.
 */
export function fuzzFactor(cardId: CardId, reps: number): number {
  let h = (hashId(cardId) + reps + 0x9e3779b9) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/** Days of fuzz either side (fuzz.rs fuzz_delta): none under 2.5 days, then 1 day plus 15 %, 10 %, 5 %. */
export function fuzzDelta(interval: number): number {
  if (interval < 2.5) return 0;
  const part = (start: number, end: number, factor: number) =>
    factor * Math.max(0, Math.min(interval, end) - start);
  return 1 + part(2.5, 7, 0.15) + part(7, 20, 0.1) + part(20, Infinity, 0.05);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** The fuzz range within [minimum, maximum] (fuzz.rs constrained_fuzz_bounds). */
export function fuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
  const min = Math.min(minimum, maximum);
  const ivl = clamp(interval, min, maximum);
  const delta = fuzzDelta(ivl);
  const lower = clamp(Math.round(ivl - delta), min, maximum);
  let upper = clamp(Math.round(ivl + delta), min, maximum);
  if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
  return [lower, upper];
}

/** A day interval picked from its fuzz range, or rounded into bounds with fuzz off (fuzz.rs with_review_fuzz). */
export function withReviewFuzz(
  factor: number | null,
  interval: number,
  minimum: number,
  maximum: number,
): number {
  if (factor === null) return clamp(Math.round(interval), Math.min(minimum, maximum), maximum);
  const [lower, upper] = fuzzBounds(interval, minimum, maximum);
  return Math.floor(lower + factor * (1 + upper - lower));
}

/**
 * Hard's floor on a review (fuzz.rs minimum_review_fuzz_interval): one more than the current
 * interval when the new one is longer; the current one when it still lies in the fuzz range.
 */
export function minimumReviewFuzzInterval(
  interval: number,
  previous: number,
  maximum: number,
): number {
  if (Math.round(interval) > previous) return previous + 1;
  const [, upper] = fuzzBounds(interval, 1, maximum);
  return previous <= upper ? previous : 0;
}

/** A learning delay plus up to 25 %, at most 5 minutes, whole seconds (learning.rs with_learning_fuzz). */
export function learningFuzz(factor: number | null, secs: number): number {
  const upperExclusive = secs + Math.floor(Math.min(secs * 0.25, 300));
  if (factor === null || secs >= upperExclusive) return secs;
  return secs + Math.floor(factor * (upperExclusive - secs));
}

// ---------------------------------------------------------------------------------------------
// Learning steps (states/steps.rs)

function stepSecs(steps: readonly string[]): number[] {
  return steps.map((step) => {
    const ms = parseStep(step);
    if (ms === null) throw new RangeError(`"${step}" is not a learning step.`);
    // Anki keeps steps as minutes and truncates them to whole seconds (steps.rs to_secs).
    return Math.floor(ms / 1000);
  });
}

/** Over a day, a delay is rounded to whole days (steps.rs maybe_round_in_days). */
const roundedInDays = (secs: number) =>
  secs > DAY_SECS ? Math.round(secs / DAY_SECS) * DAY_SECS : secs;

/**
 * Hard's delay (steps.rs hard_delay_secs): on the first step the mean of the first two steps, or
 * with one step 1.5 × it but at most a day more; on a later step the current step again.
 */
function hardSecs(steps: readonly number[], index: number): number {
  const current = steps[index]!;
  if (index > 0) return current;
  const next = steps[1];
  if (next !== undefined) return roundedInDays(Math.floor((current + next) / 2));
  return roundedInDays(Math.min(Math.floor((current * 3) / 2), current + DAY_SECS));
}

// ---------------------------------------------------------------------------------------------

interface Context {
  sched: SchedulingState;
  now: number;
  dayStartHour: number;
  /** The zone days are counted in; undefined for the process's own. */
  timeZone: string | undefined;
  maximum: number;
  factor: number | null;
  elapsed: number;
  memory: (g: Grade) => FSRSState;
  /** FSRS's unrounded interval in days for the state after answering with `g` (fsrs-rs next_interval). */
  days: (g: Grade) => number;
}

function outcome(
  c: Context,
  phase: CardPhase,
  memory: FSRSState,
  due: number,
  interval: NextInterval,
  extra: Partial<SchedulingState> = {},
): AnswerOutcome {
  const state: SchedulingState = {
    phase,
    due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsedDays: c.elapsed,
    scheduledDays: interval.kind === 'days' ? interval.days : 0,
    learningSteps: 0,
    reps: c.sched.reps + 1,
    lapses: c.sched.lapses,
    lastReview: c.now,
    ...extra,
  };
  return { state, interval };
}

/**
 * A (re)learning step. One that reaches the next day start becomes whole days and the card stays
 * in learning, due at that day's start (interval_kind.rs maybe_as_days, answering/learning.rs
 * apply_learning_state); a shorter one gets the learning fuzz.
 */
function step(
  c: Context,
  phase: 'learning' | 'relearning',
  index: number,
  secs: number,
  memory: FSRSState,
  lapses = c.sched.lapses,
): AnswerOutcome {
  const toRollover = Math.floor((nextDayStart(c.now, c.dayStartHour, c.timeZone) - c.now) / 1000);
  if (secs >= toRollover) {
    const days = Math.floor((secs - toRollover) / DAY_SECS) + 1;
    return outcome(
      c,
      phase,
      memory,
      studyDayStart(c.now, days, c.dayStartHour, c.timeZone),
      { kind: 'days', days },
      { learningSteps: index, lapses },
    );
  }
  const fuzzedSecs = learningFuzz(c.factor, secs);
  return outcome(
    c,
    phase,
    memory,
    c.now + fuzzedSecs * 1000,
    { kind: 'secs', secs, fuzzedSecs },
    { learningSteps: index, lapses, scheduledDays: 0 },
  );
}

function review(c: Context, memory: FSRSState, days: number, lapses = c.sched.lapses) {
  return outcome(
    c,
    'review',
    memory,
    studyDayStart(c.now, days, c.dayStartHour, c.timeZone),
    { kind: 'days', days },
    { lapses },
  );
}

/** Leaving (re)learning: FSRS's interval rounded, at least 1, fuzzed (learning.rs answer_good). */
const graduatingDays = (c: Context, g: Grade) =>
  withReviewFuzz(c.factor, Math.max(1, Math.round(c.days(g))), 1, c.maximum);

/**
 * Easy always graduates, at least a day past what Good would give on graduating (learning.rs and
 * relearning.rs answer_easy). Anki takes Good's fuzzed unrounded interval there; this takes the
 * Good button's own graduating interval, so Easy > Good holds for the buttons shown.
 */
function easyGraduation(c: Context): AnswerOutcome {
  const good = graduatingDays(c, 3);
  const days = withReviewFuzz(c.factor, Math.max(1, Math.round(c.days(4))), good + 1, c.maximum);
  return review(c, c.memory(4), days);
}

/** New and learning cards (states/normal.rs: a new card is answered as if on the first step). */
function learningStates(c: Context, steps: readonly number[]): NextStates {
  const learn = c.sched.phase === 'learning';
  const index = learn ? clamp(c.sched.learningSteps, 0, Math.max(0, steps.length - 1)) : 0;
  const next = steps[index + 1];
  const graduate = (g: Grade) => review(c, c.memory(g), graduatingDays(c, g));
  return {
    1: steps.length > 0 ? step(c, 'learning', 0, steps[0]!, c.memory(1)) : graduate(1),
    2:
      steps.length > 0
        ? step(c, 'learning', index, hardSecs(steps, index), c.memory(2))
        : graduate(2),
    3: next !== undefined ? step(c, 'learning', index + 1, next, c.memory(3)) : graduate(3),
    4: easyGraduation(c),
  };
}

/** A lapse: relearning step 1, or with no relearning steps FSRS's Again interval unfuzzed. */
function again(c: Context, steps: readonly number[], lapses: number): AnswerOutcome {
  if (steps.length > 0) return step(c, 'relearning', 0, steps[0]!, c.memory(1), lapses);
  const days = clamp(Math.round(c.days(1)), 1, c.maximum);
  return review(c, c.memory(1), days, lapses);
}

/** Relearning cards (states/relearning.rs). */
function relearningStates(c: Context, steps: readonly number[]): NextStates {
  const index = clamp(c.sched.learningSteps, 0, Math.max(0, steps.length - 1));
  const next = steps[index + 1];
  const graduate = (g: Grade) => review(c, c.memory(g), graduatingDays(c, g));
  return {
    1: again(c, steps, c.sched.lapses),
    2:
      steps.length > 0
        ? step(c, 'relearning', index, hardSecs(steps, index), c.memory(2))
        : graduate(2),
    3: next !== undefined ? step(c, 'relearning', index + 1, next, c.memory(3)) : graduate(3),
    4: easyGraduation(c),
  };
}

/**
 * Review cards (states/review.rs passing_fsrs_review_intervals, constrain_passing_interval):
 * Hard at least its fuzz minimum, Good at least Hard + 1, Easy at least Good + 1, each fuzzed
 * within [minimum, maximum interval].
 */
function reviewStates(c: Context, relearnSteps: readonly number[]): NextStates {
  const previous = c.sched.scheduledDays;
  const hardMin = Math.max(1, minimumReviewFuzzInterval(c.days(2), previous, c.maximum));
  const hard = withReviewFuzz(c.factor, c.days(2), clamp(hardMin, 1, c.maximum), c.maximum);
  const good = withReviewFuzz(c.factor, c.days(3), clamp(hard + 1, 1, c.maximum), c.maximum);
  const easy = withReviewFuzz(c.factor, c.days(4), clamp(good + 1, 1, c.maximum), c.maximum);
  return {
    1: again(c, relearnSteps, c.sched.lapses + 1),
    2: review(c, c.memory(2), hard),
    3: review(c, c.memory(3), good),
    4: review(c, c.memory(4), easy),
  };
}

/**
 * Where the study days of an answer are counted: the IANA time zone and the day-start hour. A log
 * entry records both (ReviewLogEntry.timeZone, .dayStartHour), and replaying it passes them back.
 * Left out, they are the process's own zone and `settings.dayStartHour`.
 */
export interface DayClock {
  timeZone?: string | undefined;
  dayStartHour?: number | undefined;
}

/**
 * The state each of the four buttons leads to, answering at `now`. `cardId` seeds the fuzz
 * together with the card's reps. Throws on settings or states FSRS cannot use.
 */
export function ankiNextStates(
  sched: SchedulingState,
  now: number,
  settings: Settings,
  cardId: CardId,
  clock: DayClock = {},
): NextStates {
  const algorithm = algorithmFor(settings);
  const dayStartHour = clock.dayStartHour ?? settings.dayStartHour;
  // Named even for this device's own zone: the buttons, the answer and a later replay (which
  // passes the zone the entry recorded) then count days by one rule, in whatever zone they run.
  const timeZone = clock.timeZone ?? localTimeZone();
  const fresh = sched.phase === 'new';
  // Study days between the answers (answering/mod.rs: days from the last review to the next
  // rollover): 0 within one study day, which selects FSRS's short-term stability. Counted on local
  // calendar dates, so a 25 h DST day is one day (Anki's 86,400 s division can count it as two
  // for an answer just after the rollover). A last review after `now` (a clock set back) counts
  // as today, as Anki clamps at zero (current.rs).
  const elapsed =
    fresh || sched.lastReview === null
      ? 0
      : Math.max(0, daysBetween(sched.lastReview, now, dayStartHour, timeZone));
  const prior: FSRSState | null =
    fresh || !(sched.stability > 0)
      ? null
      : { stability: sched.stability, difficulty: sched.difficulty };
  const memo = new Map<Grade, FSRSState>();
  const memory = (g: Grade) => {
    let m = memo.get(g);
    if (!m) memo.set(g, (m = algorithm.next_state(prior, elapsed, g)));
    return m;
  };
  const c: Context = {
    sched,
    now,
    dayStartHour,
    timeZone,
    maximum: Math.max(1, Math.floor(settings.maximumInterval)),
    factor: settings.enableFuzz ? fuzzFactor(cardId, sched.reps) : null,
    elapsed,
    memory,
    days: (g) => memory(g).stability * algorithm.interval_modifier,
  };
  switch (sched.phase) {
    case 'new':
    case 'learning':
      return learningStates(c, stepSecs(settings.learningSteps));
    case 'relearning':
      return relearningStates(c, stepSecs(settings.relearningSteps));
    case 'review':
      return reviewStates(c, stepSecs(settings.relearningSteps));
  }
}
