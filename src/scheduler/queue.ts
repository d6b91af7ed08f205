// Today's queue for a set of cards, Anki's order: learning cards due now, then due reviews (most
// overdue relative to their interval first), then new cards in file order up to what is left of
// the daily limit, then learning cards due within the learn-ahead limit. Limits count what was
// done today across sessions, from today's log. One pass over the cards plus sorts: O(n log n).
import type { Card, CardId, CardState, ReviewLogEntry, Settings } from '../shared/types.ts';
import { dayStartOf, nextDayStart } from './day.ts';

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueInput {
  cards: readonly Card[];
  states: ReadonlyMap<CardId, CardState>;
  /** Log entries since the start of the current study day. */
  todayLog: readonly ReviewLogEntry[];
  settings: Settings;
  now: number;
  /** A learning card due within this is shown rather than ending the session (Anki: 20 min). */
  learnAheadMs?: number;
}

export interface Queue {
  learning: CardId[];
  review: CardId[];
  newCards: CardId[];
  learnAhead: CardId[];
  /** What the deck list shows: new left today, learning due today, reviews due today. */
  counts: Record<QueueKind, number>;
  next: { cardId: CardId; kind: QueueKind } | null;
  /** The earliest due time of a learning card not yet due, if any. */
  nextLearningDue: number | null;
}

export const LEARN_AHEAD_MS = 20 * 60_000;

export interface TodayUsage {
  newIntroduced: number;
  reviewsDone: number;
}

/**
 * New cards introduced and reviews answered today, from today's log. A card counts as introduced
 * once however often it is answered, including a card reset and learned again today: it took a
 * place among today's new cards. Only entries within [dayStart, dayEnd) count: one from before
 * (a log not yet trimmed after the day rolled over) or dated in the future (a clock that was
 * ahead) says nothing about today.
 */
export function todayUsage(
  todayLog: readonly ReviewLogEntry[],
  dayStart = Number.NEGATIVE_INFINITY,
  dayEnd = Number.POSITIVE_INFINITY,
): TodayUsage {
  const introduced = new Set<CardId>();
  let reviewsDone = 0;
  for (const e of todayLog) {
    if (e.kind !== 'review' || e.time < dayStart || e.time >= dayEnd) continue;
    if (e.before.phase === 'new') introduced.add(e.cardId);
    else if (e.before.phase === 'review') reviewsDone += 1;
  }
  return { newIntroduced: introduced.size, reviewsDone };
}

export function buildQueue(input: QueueInput): Queue {
  const { cards, states, settings, now } = input;
  const learnAheadMs = input.learnAheadMs ?? LEARN_AHEAD_MS;
  const endOfDay = nextDayStart(now, settings.dayStartHour);
  const usage = todayUsage(input.todayLog, dayStartOf(now, settings.dayStartHour), endOfDay);
  const newLeft = Math.max(0, settings.newPerDay - usage.newIntroduced);
  const reviewsLeft = Math.max(0, settings.reviewsPerDay - usage.reviewsDone);

  const learning: [CardId, number][] = [];
  const ahead: [CardId, number][] = [];
  const reviews: [CardId, number, number][] = [];
  // New cards in file order: decks in the order they first appear in `cards`, then card.index.
  const deckRank = new Map<string, number>();
  const fresh: [number, number, CardId][] = [];
  let learningToday = 0;
  let nextLearningDue: number | null = null;

  for (const card of cards) {
    let rank = deckRank.get(card.deckId);
    if (rank === undefined) deckRank.set(card.deckId, (rank = deckRank.size));
    const st = states.get(card.id);
    if (!st) {
      fresh.push([rank, card.index, card.id]);
      continue;
    }
    if (st.suspended) continue;
    const s = st.sched;
    switch (s.phase) {
      case 'new':
        fresh.push([rank, card.index, card.id]);
        break;
      case 'learning':
      case 'relearning':
        if (s.due < endOfDay) learningToday += 1;
        if (s.due <= now) learning.push([card.id, s.due]);
        else {
          if (s.due <= now + learnAheadMs) ahead.push([card.id, s.due]);
          if (nextLearningDue === null || s.due < nextLearningDue) nextLearningDue = s.due;
        }
        break;
      case 'review':
        if (s.due < endOfDay) {
          const overdue = (now - s.due) / Math.max(1, s.scheduledDays);
          reviews.push([card.id, overdue, s.due]);
        }
        break;
    }
  }
  learning.sort((a, b) => a[1] - b[1]);
  ahead.sort((a, b) => a[1] - b[1]);
  reviews.sort((a, b) => b[1] - a[1] || a[2] - b[2]);
  fresh.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newCards = fresh.slice(0, newLeft).map((c) => c[2]);
  const review = reviews.slice(0, reviewsLeft).map((r) => r[0]);
  const learningIds = learning.map((l) => l[0]);
  const aheadIds = ahead.map((l) => l[0]);

  const first = (ids: CardId[], kind: QueueKind) =>
    ids.length > 0 ? { cardId: ids[0]!, kind } : null;
  const next =
    first(learningIds, 'learning') ??
    first(review, 'review') ??
    first(newCards, 'new') ??
    first(aheadIds, 'learning');

  return {
    learning: learningIds,
    review,
    newCards,
    learnAhead: aheadIds,
    counts: { new: newCards.length, learning: learningToday, review: review.length },
    next,
    nextLearningDue,
  };
}
