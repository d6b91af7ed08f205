// Builders with overrides for the log figures' tests: one review log entry. Defaults describe a
// Good answer to a review card waiting out a 10-day interval; a test names only what matters.
// (Cards, states and the StatsInput around them: state-builders.ts.)
import type { ReviewLogEntry, SchedulingState } from '../shared/types.ts';

const DAY_MS = 86_400_000;

let seq = 0;

export type EntryOverrides = Partial<Omit<ReviewLogEntry, 'before' | 'after'>> & {
  before?: Partial<SchedulingState>;
  after?: Partial<SchedulingState>;
};

export function makeEntry(overrides: EntryOverrides = {}): ReviewLogEntry {
  const { before, after, ...rest } = overrides;
  const time = rest.time ?? Date.parse('2025-06-15T12:00:00Z');
  seq++;
  return {
    id: `${time.toString(36)}-${seq.toString().padStart(6, '0')}`,
    cardId: 'c1',
    deckId: 'deck.md',
    kind: 'review',
    rating: 3,
    durationMs: 5_000,
    ...rest,
    time,
    before: {
      phase: 'review',
      due: time,
      stability: 10,
      difficulty: 5,
      elapsedDays: 10,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      lastReview: time - 10 * DAY_MS,
      ...before,
    },
    after: {
      phase: 'review',
      due: time + 25 * DAY_MS,
      stability: 25,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 25,
      learningSteps: 0,
      reps: 4,
      lapses: 0,
      lastReview: time,
      ...after,
    },
  };
}

/** `before` of a card in a learning or relearning step of `minutes`, last answered at `time`. */
export function inStep(
  phase: 'learning' | 'relearning',
  time: number,
  minutes: number,
): Partial<SchedulingState> {
  return {
    phase,
    lastReview: time - minutes * 60_000,
    due: time,
    scheduledDays: 0,
    elapsedDays: 0,
  };
}

/** `before` of a never-answered card. */
export const NEW_BEFORE: Partial<SchedulingState> = {
  phase: 'new',
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
};

/** A reset ("Forget") entry: no rating, no time spent, the card new again. */
export function makeReset(overrides: EntryOverrides = {}): ReviewLogEntry {
  return makeEntry({
    kind: 'reset',
    rating: null,
    durationMs: 0,
    ...overrides,
    after: { ...NEW_BEFORE, ...overrides.after },
  });
}
