// ts-fsrs behind our JSON-safe SchedulingState: times are ms numbers, phases are strings.
// `now` is always an argument. Answering follows Anki's rules (anki-answer.ts) on ts-fsrs's memory
// model; its fuzz is seeded by the card id and reps, so answering is deterministic and a log
// replays to the same state (see replay.ts).
import {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  State,
  type Card as FsrsCard,
  type FSRS,
} from 'ts-fsrs';
import type { CardId, CardPhase, Rating, SchedulingState, Settings } from '../shared/types.ts';
import { ankiNextStates, type DayClock, type NextInterval } from './anki-answer.ts';

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

/** One ts-fsrs engine per distinct settings, reused across calls (for retrievability). */
export function createEngine(settings: Settings): FSRS {
  if (last?.settings === settings) return last.engine;
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumInterval,
    settings.weights,
  ]);
  let engine = engines.get(key);
  if (!engine) {
    engine = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maximumInterval,
        enable_fuzz: false,
        enable_short_term: true,
        w: settings.weights ?? [...default_w],
      }),
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

/**
 * A card's ts-fsrs form as of `now`, for ts-fsrs's retrievability. A last review later than `now`
 * (the clock was set back) counts as reviewed just now: ts-fsrs throws on negative elapsed time.
 */
function input(sched: SchedulingState, now: number): FsrsCard {
  if (sched.phase === 'new' && sched.reps === 0) return createEmptyCard(new Date(now));
  const card = toFsrsCard(sched);
  if (sched.lastReview !== null && sched.lastReview > now) card.last_review = new Date(now);
  return card;
}

/**
 * The card's state after answering `rating` at `now`, by Anki's rules (see anki-answer.ts), with
 * study days counted in `clock`'s zone and day-start hour (default: the process's zone and
 * `settings.dayStartHour`).
 */
export function answer(
  sched: SchedulingState,
  rating: Rating,
  now: number,
  settings: Settings,
  cardId: CardId,
  clock?: DayClock,
): SchedulingState {
  return ankiNextStates(sched, now, settings, cardId, clock)[rating].state;
}

/** Anki's button label for an interval: the step (before learning fuzz), or whole days. */
export function intervalLabel(interval: NextInterval): string {
  return interval.kind === 'days'
    ? formatInterval(interval.days * DAY)
    : formatInterval(interval.secs * 1000);
}

/**
 * What each button would do now: the due time `answer` gives at this moment, and the label Anki
 * shows for it. The fuzz is seeded by the card and its reps, so answering a few seconds later
 * (within the same study day) gives the same day, and a learning step the same delay.
 */
export function previewIntervals(
  sched: SchedulingState,
  now: number,
  settings: Settings,
  cardId: CardId,
  clock?: DayClock,
): Record<Rating, { due: number; label: string }> {
  try {
    const next = ankiNextStates(sched, now, settings, cardId, clock);
    const item = (r: Rating) => ({
      due: next[r].state.due,
      label: intervalLabel(next[r].interval),
    });
    return { 1: item(1), 2: item(2), 3: item(3), 4: item(4) };
  } catch {
    // The buttons are a hint: a state or setting FSRS cannot use must not blank the page
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
