// Builders with overrides for the card-state figures' tests: a card, its stored state and the
// StatsInput around them. Defaults describe a plain review card; a test names only what matters.
import type { Card, CardId, CardState, SchedulingState } from '../shared/types.ts';
import type { StatsInput } from './types.ts';

const DAY_MS = 86_400_000;

export const BUILDER_NOW = Date.parse('2025-06-15T12:00:00Z');

export function makeSched(overrides: Partial<SchedulingState> = {}): SchedulingState {
  return {
    phase: 'review',
    due: BUILDER_NOW + 5 * DAY_MS,
    stability: 10,
    difficulty: 5,
    elapsedDays: 5,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    lastReview: BUILDER_NOW - 5 * DAY_MS,
    ...overrides,
  };
}

/** A stored state; `sched` overrides merge into a review card's scheduling fields. */
export function makeState(
  overrides: Partial<Omit<CardState, 'sched'>> & { sched?: Partial<SchedulingState> } = {},
): CardState {
  const { sched, ...rest } = overrides;
  return {
    cardId: 'c1',
    deckId: 'deck.md',
    suspended: false,
    lastLogId: 'log-1',
    updatedAt: BUILDER_NOW,
    ...rest,
    sched: makeSched(sched),
  };
}

/** A never-answered state, as a reset ("Forget") leaves it. */
export function makeNewSched(due = BUILDER_NOW): Partial<SchedulingState> {
  return {
    phase: 'new',
    due,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export function makeCard(overrides: Partial<Card> = {}): Card {
  return {
    id: 'c1',
    deckId: 'deck.md',
    question: 'Q?',
    answer: 'A.',
    line: 1,
    section: [],
    index: 0,
    ...overrides,
  };
}

/**
 * A StatsInput over `cards` (default: one card per state, same id and deck) and `states`.
 * Pass `cards` explicitly to leave a state without its card (an orphan) or a card without state.
 */
export function makeInput(
  overrides: Partial<Omit<StatsInput, 'states'>> & { states?: CardState[] } = {},
): StatsInput {
  const { states = [], cards, ...rest } = overrides;
  return {
    log: [],
    cards: cards ?? states.map((s) => makeCard({ id: s.cardId, deckId: s.deckId })),
    now: BUILDER_NOW,
    dayStartHour: 4,
    timeZone: 'UTC',
    desiredRetention: 0.9,
    weights: null,
    ...rest,
    states: new Map<CardId, CardState>(states.map((s) => [s.cardId, s])),
  };
}
