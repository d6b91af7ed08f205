// Shapes of the statistics figures. Every figure is computed by a pure function in stats/ from the
// log, the card states and `now`; the components in stats/*-chart.tsx only draw these.
import type { Card, CardId, CardState, DeckId, Rating, ReviewLogEntry } from '../shared/types.ts';

/** Everything the figures read, already narrowed to the chosen scope (all decks, a deck, a folder). */
export interface StatsInput {
  /** Log entries in scope, oldest first (every kind: review, reset, suspend, unsuspend). */
  log: readonly ReviewLogEntry[];
  /** Stored states of the cards in scope, orphans included. */
  states: ReadonlyMap<CardId, CardState>;
  /** Cards in scope that exist in the decks now (a state whose card is not here is an orphan). */
  cards: readonly Card[];
  now: number;
  /** Local hour (0–23) at which a study day starts. */
  dayStartHour: number;
  /** IANA time zone the days are counted in, e.g. 'Europe/Berlin'. */
  timeZone: string;
  desiredRetention: number;
  /** FSRS parameters in use; null means ts-fsrs's defaults. */
  weights: readonly number[] | null;
}

/** One study day, counted back from today: index 0 is today, -1 yesterday, 1 tomorrow. */
export interface DayRef {
  index: number;
  /** Local calendar date on which the study day starts, YYYY-MM-DD. */
  date: string;
}

/** How Anki's revlog would type an answer: from the card's phase before the answer. */
export type AnswerType = 'learning' | 'review' | 'relearning';

export interface TodayStats {
  /** Answers given today (entries, not distinct cards, as Anki counts them). */
  answers: number;
  /** Distinct cards answered today. */
  cards: number;
  /** Answers to cards that were new before the answer. */
  newIntroduced: number;
  again: number;
  /** again / answers; null with no answers. */
  againRate: number | null;
  timeMs: number;
  byType: Record<AnswerType, number>;
  /** Answers to cards whose interval before the answer was ≥ 21 days, and how many passed. */
  mature: { answers: number; passed: number };
  /** Cards (not new, not suspended) due before the next study day starts. */
  stillDue: number;
}

export interface CalendarDay extends DayRef {
  /** Answers that study day. */
  count: number;
  timeMs: number;
}

export interface CalendarStats {
  /** The last 365 study days, today last. */
  days: CalendarDay[];
  /** Consecutive study days with an answer, ending today (or yesterday while today has none yet). */
  currentStreak: number;
  /** The longest run of consecutive study days with an answer, over the whole log. */
  longestStreak: number;
  /** Days with at least one answer among `days`. */
  daysStudied: number;
}

export interface ReviewDay extends DayRef {
  count: Record<AnswerType, number>;
  timeMs: Record<AnswerType, number>;
}

export interface ReviewsStats {
  /** Length of the window in study days (30, 90 or 365), today included. */
  range: number;
  /** One entry per study day of the window, oldest first, today last. */
  days: ReviewDay[];
  totalCount: number;
  totalTimeMs: number;
  daysStudied: number;
  /** Averages over every day of the window and over the days studied (0 when none). */
  countPerDay: number;
  countPerStudiedDay: number;
  timeMsPerDay: number;
  timeMsPerStudiedDay: number;
}

export interface FutureDueDay extends DayRef {
  count: number;
}

export interface FutureDueStats {
  /** Review cards due before today (Anki's "backlog"), not suspended. */
  backlog: number;
  /** Days 0 (today; learning cards due later today count here) … 89, oldest first. */
  days: FutureDueDay[];
  /** Cards counted in `days` (backlog excluded). */
  total: number;
  dueTomorrow: number;
  /** Σ 1 / max(interval, 1) over review cards: the reviews a day the collection settles to. */
  dailyLoad: number;
}

export interface RetentionCell {
  passed: number;
  failed: number;
  /** passed / (passed + failed); null when both are 0. */
  rate: number | null;
}

export type RetentionPeriod = 'today' | 'yesterday' | 'week' | 'month' | 'year' | 'all';

export interface RetentionRow {
  period: RetentionPeriod;
  young: RetentionCell;
  mature: RetentionCell;
  total: RetentionCell;
}

export interface RetentionStats {
  /** One row per period, in the order of RetentionPeriod. */
  rows: RetentionRow[];
  /** The desired retention the person set, to draw beside the true retention. */
  target: number;
  /** Per deck in scope: last 30 days and all time. */
  byDeck: { deckId: DeckId; month: RetentionCell; all: RetentionCell }[];
}

export interface CardCounts {
  new: number;
  learning: number;
  relearning: number;
  /** Review cards with a current interval < 21 days. */
  young: number;
  mature: number;
  /** Suspended cards of any phase (counted here only). */
  suspended: number;
  /** Stored progress whose question no longer exists in any deck in scope (counted here only). */
  orphans: number;
  total: number;
}

export interface HistogramBin {
  /** Inclusive lower and exclusive upper edge, in the histogram's unit. */
  from: number;
  to: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** Number of cards counted. */
  total: number;
  /** null with no cards. */
  median: number | null;
  mean: number | null;
}

export type ButtonCounts = Record<Rating, number>;

export interface ButtonStats {
  /** Window in study days (30, 90, 365) or null for the whole log. */
  range: number | null;
  learning: ButtonCounts;
  young: ButtonCounts;
  mature: ButtonCounts;
}

export interface HardCard {
  cardId: CardId;
  deckId: DeckId;
  lapses: number;
  /** Current retrievability 0–1. */
  retrievability: number;
}

export interface DistributionStats {
  /** Stability in days of review and relearning cards (suspended included, as Anki does). */
  stability: Histogram;
  /** Difficulty as Anki shows it: (D − 1) / 9 in percent, 0–100. */
  difficulty: Histogram;
  /** Current retrievability in percent, 0–100. */
  retrievability: Histogram;
  /** Σ R over the cards that have a memory state: the cards a person would recall right now. */
  knownNow: number;
  buttons: ButtonStats[];
  /** Up to 10 cards with the most lapses (ties: lowest retrievability first). */
  mostLapses: HardCard[];
  /** Up to 10 reviewed cards with the lowest current retrievability. */
  lowestRetrievability: HardCard[];
}

export interface StatsFigures {
  today: TodayStats;
  calendar: CalendarStats;
  /** Windows of 30, 90 and 365 study days, in that order. */
  reviews: ReviewsStats[];
  futureDue: FutureDueStats;
  retention: RetentionStats;
  counts: CardCounts;
  distributions: DistributionStats;
}

// ---- Workload forecast (simulated off the main thread) ----

/** One existing card as the simulation starts it. */
export interface SimCard {
  /** null for a new card. */
  stability: number | null;
  difficulty: number | null;
  /** Study day index of its next review, ≥ 0 (overdue cards start at 0). */
  dueDay: number;
  /** Days since its last review at day 0 (0 for new cards). */
  elapsedDays: number;
}

/** Mean seconds per answer, by the card's phase and the button pressed. */
export type SimCosts = Record<AnswerType, ButtonCounts>;

/**
 * Chances of each button on a card's next answer the same day, after Again, Hard and Good (rows
 * 0–2): fsrs-rs's learning/relearning step transitions, which collapse a day of steps into one.
 */
export type StepTransitions = [ButtonCounts, ButtonCounts, ButtonCounts];

export interface WorkloadInput {
  cards: SimCard[];
  newPerDay: number;
  reviewsPerDay: number;
  days: number;
  desiredRetention: number;
  weights: readonly number[] | null;
  maximumInterval: number;
  /** Seconds per answer measured from the person's log (blended with defaults when short). */
  costs: SimCosts;
  /** Probability of each button on a new card's first answer. */
  firstRating: ButtonCounts;
  /** Probability of Hard/Good/Easy given a review passes (Again comes from R). */
  reviewRating: ButtonCounts;
  seed: number;
  /** Learning steps a new card goes through on its first day (absent: 2, Anki's 1m 10m). */
  learningStepCount?: number;
  /** Relearning steps after a lapse (absent: 1, Anki's 10m). */
  relearningStepCount?: number;
  /** Same-day answer chains measured from the log (absent: fsrs-rs's defaults). */
  learningTransitions?: StepTransitions;
  relearningTransitions?: StepTransitions;
  /** New cards the person means to write, introduced after the decks' own (absent: 0). */
  extraNewCards?: number;
}

export interface WorkloadDay {
  /** 0 = today. */
  day: number;
  reviews: number;
  newCards: number;
  seconds: number;
  /** Σ retrievability over all introduced cards at the end of the day. */
  memorized: number;
}
