// ts-fsrs behind our JSON-safe SchedulingState: times are ms numbers, phases are strings.
// `now` is always an argument. Fuzz in ts-fsrs is seeded from the review time and the card's
// fields, so answering is deterministic and a log replays to the same state (see replay.ts).
import {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  State,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type FSRSParameters,
  type Grade,
  type StepUnit,
} from 'ts-fsrs';
import type { CardPhase, Rating, SchedulingState, Settings } from '../shared/types.ts';
import { parseStep } from './settings.ts';

const PHASE_OF: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const engines = new Map<string, FSRS>();
// The app passes the same settings object answer after answer: skip building the key then.
let last: { settings: Settings; engine: FSRS } | null = null;

/** One ts-fsrs engine per distinct settings, reused across answers. */
export function createEngine(settings: Settings): FSRS {
  if (last?.settings === settings) return last.engine;
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumInterval,
    settings.enableFuzz,
    settings.learningSteps,
    settings.relearningSteps,
    settings.weights,
  ]);
  let engine = engines.get(key);
  if (!engine) {
    engine = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maximumInterval,
        enable_fuzz: settings.enableFuzz,
        enable_short_term: true,
        learning_steps: settings.learningSteps as StepUnit[],
        relearning_steps: settings.relearningSteps as StepUnit[],
        w: settings.weights ?? [...default_w],
      }),
    ).useStrategy(StrategyMode.LEARNING_STEPS, (params, state, step) =>
      learningStepPlan(params, state, step),
    );
    if (engines.size > 20) engines.clear();
    engines.set(key, engine);
  }
  last = { settings, engine };
  return engine;
}

export function newSchedulingState(now: number): SchedulingState {
  return {
    phase: 'new',
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export function toFsrsCard(s: SchedulingState): FsrsCard {
  const card: FsrsCard = {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: STATE_OF[s.phase],
  };
  if (s.lastReview !== null) card.last_review = new Date(s.lastReview);
  return card;
}

export function fromFsrsCard(c: FsrsCard): SchedulingState {
  return {
    phase: PHASE_OF[c.state],
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

/** A card as if never seen, due at `now`: what a reset ("Forget") leaves. */
export function resetState(now: number): SchedulingState {
  return newSchedulingState(now);
}

type StepPlan = Partial<Record<Grade, { scheduled_minutes: number; next_step: number }>>;

const stepMinutes = (step: string): number => {
  const ms = parseStep(step);
  if (ms === null) throw new RangeError(`"${step}" is not a learning step.`);
  return ms / 60_000;
};

/**
 * ts-fsrs's basic learning-steps rule (Again: first step; Hard: mean of the first two steps, or
 * 1.5 × a lone step, rounded to whole minutes; Good: the next step), read through our parseStep so
 * a step may be "30s" or "1.5m": ts-fsrs's own reader takes whole minutes only (parseInt), and
 * would read "0.5m" as 0, which graduates the card.
 */
function learningStepPlan(
  params: Pick<FSRSParameters, 'learning_steps' | 'relearning_steps'>,
  state: State,
  current: number,
): StepPlan {
  const relearning = state === State.Relearning || state === State.Review;
  const steps = (relearning ? params.relearning_steps : params.learning_steps).map(stepMinutes);
  const first = steps[0];
  if (first === undefined || current >= steps.length) return {};
  if (state === State.Review)
    return { [1]: { scheduled_minutes: steps[Math.max(0, current)]!, next_step: 0 } };
  const second = steps[1];
  const hard = second === undefined ? first * 1.5 : (first + second) / 2;
  const plan: StepPlan = {
    [1]: { scheduled_minutes: first, next_step: 0 },
    // Whole minutes as ts-fsrs rounds them (5.5 → 6), whole seconds below a minute.
    [2]: {
      scheduled_minutes: hard >= 1 ? Math.round(hard) : Math.round(hard * 60) / 60,
      next_step: current,
    },
  };
  const next = steps[current + 1];
  if (next !== undefined) plan[3] = { scheduled_minutes: next, next_step: current + 1 };
  return plan;
}

/**
 * ts-fsrs rounds a learning step's delay to whole minutes when it sets the due time; put back the
 * exact delay the step asked for, so a "30s" step brings the card back 30 seconds later.
 */
function exactStepDue(
  before: FsrsCard,
  after: FsrsCard,
  rating: Rating,
  now: number,
  settings: Settings,
): FsrsCard {
  if (after.state !== State.Learning && after.state !== State.Relearning) return after;
  const minutes = learningStepPlan(
    {
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
    },
    before.state,
    before.learning_steps || 0,
  )[rating as Grade]?.scheduled_minutes;
  if (minutes === undefined || !(minutes > 0 && minutes < 1440)) return after;
  return { ...after, due: new Date(now + Math.round(minutes * 60_000)) };
}

/**
 * A card's ts-fsrs form as of `now`. A new card's due date does not affect how an answer
 * schedules it. A last review later than `now` (the clock was set back, or a stored card says it
 * was reviewed after it fell due) counts as reviewed just now: ts-fsrs throws on negative elapsed
 * time ("Invalid delta_t -1" once the two fall on different UTC days). Anki does the same: its
 * elapsed days are clamped at zero (rslib/src/scheduler/answering/current.rs, `.max(0)`), and the
 * next due time is still counted from now.
 */
function input(sched: SchedulingState, now: number): FsrsCard {
  if (sched.phase === 'new' && sched.reps === 0) return createEmptyCard(new Date(now));
  const card = toFsrsCard(sched);
  if (sched.lastReview !== null && sched.lastReview > now) card.last_review = new Date(now);
  return card;
}

export function answer(
  sched: SchedulingState,
  rating: Rating,
  now: number,
  settings: Settings,
): SchedulingState {
  const engine = createEngine(settings);
  const before = input(sched, now);
  const after = engine.next(before, new Date(now), rating as Grade).card;
  return fromFsrsCard(exactStepDue(before, after, rating, now, settings));
}

export function previewIntervals(
  sched: SchedulingState,
  now: number,
  settings: Settings,
): Record<Rating, { due: number; label: string }> {
  try {
    const before = input(sched, now);
    const preview = createEngine(settings).repeat(before, new Date(now));
    const item = (r: Rating) => {
      const due = exactStepDue(before, preview[r as Grade].card, r, now, settings).due.getTime();
      return { due, label: formatInterval(due - now) };
    };
    return { 1: item(1), 2: item(2), 3: item(3), 4: item(4) };
  } catch {
    // The buttons are a hint: a state or setting ts-fsrs cannot use must not blank the page
    // before the person has even answered. The buttons then show no interval.
    const none = { due: now, label: '' };
    return { 1: none, 2: none, 3: none, 4: none };
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
// Anki's month for labels: a twelfth of a year, so 365 days is "1y", never "12.2mo".
const MONTH = YEAR / 12;

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/**
 * An interval as Anki prints it on an answer button (rslib scheduler/timespan.rs): whole seconds, minutes
 * and days, hours, months and years to one decimal — "30s", "10m", "1.5h", "3d", "3.2mo", "1.5y".
 * The unit is chosen after rounding, so 59.7 minutes is "1h", not Anki's "60m".
 *
 * Anki also writes "<10m" for any interval shorter than its learn-ahead limit, because such a card
 * may come back early. Buttons here show the plain step ("10m"); pass `collapseMs` (the queue's
 * LEARN_AHEAD_MS) to get Anki's "<10m" form.
 */
export function formatInterval(ms: number, collapseMs = 0): string {
  const label = plainInterval(ms);
  return ms < collapseMs ? `<${label}` : label;
}

function plainInterval(ms: number): string {
  // Seconds as Anki's answer_button_time writes them ("30s"), for steps shorter than a minute.
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round((ms / HOUR) * 10) / 10;
  if (hours < 24) return `${oneDecimal(hours)}h`;
  const days = Math.round(ms / DAY);
  if (days * DAY < MONTH) return `${days}d`;
  const months = Math.round((ms / MONTH) * 10) / 10;
  if (months < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}

/** The chance of recalling the card now (0 for a card never answered). */
export function retrievability(sched: SchedulingState, now: number, settings: Settings): number {
  if (sched.phase === 'new' || sched.lastReview === null) return 0;
  return createEngine(settings).get_retrievability(input(sched, now), new Date(now), false);
}
