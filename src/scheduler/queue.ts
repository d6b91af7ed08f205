// Today's queue for a set of cards, built as Anki's v3 scheduler builds it (rslib/src/scheduler/
// queue/builder/): learning cards due before the next day start are gathered without a limit;
// then, under the review limit, interday learning cards and reviews in the review order; then new
// cards under the new limit, which (unless "new cards ignore review limit") is also capped by what
// is left of the review limit. Shown: learning due now, then the main queue (reviews with interday
// learning mixed in, and new cards mixed in, before or after), then learning due within the
// learn-ahead limit. Limits count what was done today across sessions, from today's log, per deck
// and folder, each with its preset (deck-limits.ts). Home's deck counts and the session both come
// from buildQueue. One pass plus sorts: O(n log n).
import type {
  Card,
  CardId,
  CardState,
  DeckId,
  ReviewLogEntry,
  SchedulingState,
  Settings,
} from '../shared/types.ts';
import { dayStartOf, nextDayStart, studyDayNumber } from './day.ts';
import {
  countDone,
  doneByDeck,
  limitTree,
  studyRoot,
  type LimitKind,
  type TodayUsage,
} from './deck-limits.ts';
import { intervalPerStability } from './fsrs-params.ts';

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueEntry {
  cardId: CardId;
  kind: QueueKind;
}

export interface QueueInput {
  cards: readonly Card[];
  states: ReadonlyMap<CardId, CardState>;
  /** Log entries since the start of the current study day. */
  todayLog: readonly ReviewLogEntry[];
  settings: Settings;
  now: number;
  /**
   * The state of a card being answered, not yet in `todayLog`: counted as done today as its log
   * entry will be, so a queue worked out ahead of the answer uses the limits left after it.
   */
  pendingAnswer?: SchedulingState;
  /** The deck of the card `pendingAnswer` belongs to, so its count goes to that deck. */
  pendingDeckId?: DeckId;
  /**
   * The note of the card `pendingAnswer` belongs to (left out of `cards`): its siblings are buried
   * as they will be once the answer is in today's log.
   */
  pendingNoteId?: string;
  /**
   * Each deck's path ('ml/nlp.md'): limits are then per deck and folder, each from its preset,
   * and a log entry counts in the deck it was answered in and its folders (deck-limits.ts).
   * Without it, the cards share the Default preset's limits and all of today's log counts.
   */
  deckPaths?: ReadonlyMap<DeckId, string>;
  /**
   * The folder being studied (a parent deck, 'ml'), when it is not the deepest folder holding the
   * cards' decks (it holds one deck, or all its decks sit in one sub-folder): its own limits then
   * cap them too. Ignored unless every card's deck path lies in it.
   */
  root?: string;
}

export interface Queue {
  /** Intraday learning cards due now, earliest first. */
  learning: CardId[];
  /** Reviews gathered under today's review limit, in the review order. */
  review: CardId[];
  /** Interday learning cards (a step that reached a later day) gathered under the review limit. */
  interdayLearning: CardId[];
  newCards: CardId[];
  /** Reviews, interday learning and new cards in the order they are shown. */
  main: QueueEntry[];
  /** Intraday learning cards due within the learn-ahead limit, not yet due. */
  learnAhead: CardId[];
  /**
   * What the deck list shows: new cards offered today, reviews offered today, and learning cards
   * due within the learn-ahead limit plus the interday learning cards offered (Anki's counts).
   */
  counts: Record<QueueKind, number>;
  next: QueueEntry | null;
  /** The earliest due time of an intraday learning card not yet due, if any. */
  nextLearningDue: number | null;
}

export type { RemainingLimits, TodayUsage } from './deck-limits.ts';
export { remainingLimits } from './deck-limits.ts';

/**
 * A (re)learning card whose step reached a later study day (Anki's DayLearn queue): it comes due
 * at a day start and counts against the review limit. Intraday steps keep scheduledDays 0.
 */
export function isInterdayLearning(s: SchedulingState): boolean {
  return (s.phase === 'learning' || s.phase === 'relearning') && s.scheduledDays > 0;
}

/**
 * New cards introduced and reviews answered today, from today's log (Anki's deck "studied today"
 * counts, decks/stats.rs, fed by answering from the New, Review or DayLearn queue). A card counts
 * as introduced once however often it is answered, including a card reset and learned again
 * today: it took a place among today's new cards. Only entries within [dayStart, dayEnd) count:
 * one from before (a log not yet trimmed after the day rolled over) or dated in the future (a
 * clock that was ahead) says nothing about today.
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
    else if (e.before.phase === 'review' || isInterdayLearning(e.before)) reviewsDone += 1;
  }
  return { newIntroduced: introduced.size, reviewsDone };
}

/**
 * Anki's "random" orders are random but stable for a day (storage/card/mod.rs fnvhash(id, salt)):
 * a 32-bit FNV-1a of the card id and the study day, so a rebuilt queue keeps its order.
 */
export function dailyHash(cardId: CardId, salt: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) {
    h ^= cardId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  for (let shift = 0; shift < 32; shift += 8) {
    h ^= (salt >>> shift) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes `two` evenly into `one` (queue/builder/intersperser.rs): the (i+1)-th of `two` goes before
 * the (j+1)-th of `one` once (i+1)·(|one|+1)/(|two|+1) < j+1; the longer list leads.
 */
export function intersperse<T>(one: readonly T[], two: readonly T[]): T[] {
  const ratio = (one.length + 1) / (two.length + 1);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < one.length || j < two.length) {
    if (i < one.length && j < two.length) {
      if ((j + 1) * ratio < i + 1) out.push(two[j++]!);
      else out.push(one[i++]!);
    } else if (i < one.length) out.push(one[i++]!);
    else out.push(two[j++]!);
  }
  return out;
}

interface Due {
  id: CardId;
  kind: QueueKind;
  key: number;
  hash: number;
}

export function buildQueue(input: QueueInput): Queue {
  const { cards, states, settings, now } = input;
  const learnAheadMs = settings.learnAheadMins * 60_000;
  const dayStart = dayStartOf(now, settings.dayStartHour);
  const endOfDay = nextDayStart(now, settings.dayStartHour);
  const paths = input.deckPaths;
  const pathOf = (deckId: DeckId): string | undefined => (paths ? paths.get(deckId) : '');
  // Done today per deck (decks/stats.rs), each card counted as introduced once.
  const done = doneByDeck(input.todayLog, pathOf, (e, introduced) => {
    if (e.kind !== 'review' || e.time < dayStart || e.time >= endOfDay) return null;
    if (e.before.phase === 'new') {
      if (introduced.has(e.cardId)) return null;
      introduced.add(e.cardId);
      return 'new';
    }
    return e.before.phase === 'review' || isInterdayLearning(e.before) ? 'review' : null;
  });
  const pending = input.pendingAnswer;
  const pendingPath = pathOf(input.pendingDeckId ?? '');
  const pendingKind: LimitKind | null =
    pending?.phase === 'new'
      ? 'new'
      : pending && (pending.phase === 'review' || isInterdayLearning(pending))
        ? 'review'
        : null;
  if (pendingKind && pendingPath !== undefined) countDone(done, pendingPath, pendingKind);
  const deckOf = new Map<CardId, string>();
  for (const card of cards) deckOf.set(card.id, pathOf(card.deckId) ?? card.deckId);
  // Burying (queue/builder/burying.rs and gathering.rs with "bury new siblings" and "bury review
  // siblings" on, as Recall always has them; Anki's bury_and_suspend.rs buries at answer time):
  // once a card of a note was answered today or is taken into today's queue, the note's other new
  // and review cards wait for the next day. Learning cards are never buried but do take the note.
  const noteOf = new Map<CardId, string>();
  for (const card of cards) if (card.noteId !== undefined) noteOf.set(card.id, card.noteId);
  const noteTaker = new Map<string, CardId>();
  const takeNote = (id: CardId) => {
    const note = noteOf.size > 0 ? noteOf.get(id) : undefined;
    if (note !== undefined && !noteTaker.has(note)) noteTaker.set(note, id);
  };
  const buried = (id: CardId) => {
    const note = noteOf.size > 0 ? noteOf.get(id) : undefined;
    const taker = note === undefined ? undefined : noteTaker.get(note);
    return taker !== undefined && taker !== id;
  };
  for (const e of noteOf.size > 0 ? input.todayLog : [])
    if (e.kind === 'review' && e.time >= dayStart && e.time < endOfDay) takeNote(e.cardId);
  const pendingNote = input.pendingNoteId;
  if (pendingNote !== undefined && !noteTaker.has(pendingNote)) noteTaker.set(pendingNote, '');
  const root = input.root;
  const holdsAll =
    root !== undefined &&
    root !== '' &&
    [...deckOf.values()].every((p) => p.startsWith(`${root}/`));
  const day = studyDayNumber(now, settings.dayStartHour);
  const limits = limitTree(settings, holdsAll ? root : studyRoot(deckOf.values()), done, day);
  // Anki salts the new-card hash with knuth_salt(days_elapsed).
  const newSalt = Math.imul(day, 2654435761) >>> 0;
  const perStability = intervalPerStability(settings.weights, settings.desiredRetention);
  const dayOf = new Map<number, number>();
  const dueDay = (due: number) => {
    let d = dayOf.get(due);
    if (d === undefined) dayOf.set(due, (d = dayStartOf(due, settings.dayStartHour)));
    return d;
  };

  /** The review order's sort key, smaller first (storage/card/mod.rs review_order_sql). */
  const reviewKey = (s: SchedulingState): number => {
    switch (settings.reviewOrder) {
      case 'due':
        return dueDay(s.due);
      case 'random':
        return 0;
      case 'overdueness': {
        // FSRS: −(elapsed / the interval at desired retention), by real time since the last
        // review (extract_fsrs_relative_retrievability); else −(days overdue + ivl) / ivl.
        if (s.stability > 0 && s.lastReview !== null)
          return -Math.max(0, now - s.lastReview) / 86_400_000 / (s.stability * perStability);
        const elapsed = Math.max(0, dayStart - dueDay(s.due)) / 86_400_000 + s.scheduledDays;
        return -(elapsed + 0.001) / Math.max(1, s.scheduledDays);
      }
    }
  };

  const learning: [CardId, number][] = [];
  const ahead: [CardId, number][] = [];
  const interday: Due[] = [];
  const reviews: Due[] = [];
  // New cards in file order: decks in the order they first appear in `cards`, then card.index.
  const deckRank = new Map<string, number>();
  const fresh: [number, number, CardId][] = [];
  let nextLearningDue: number | null = null;

  for (const card of cards) {
    let rank = deckRank.get(card.deckId);
    if (rank === undefined) deckRank.set(card.deckId, (rank = deckRank.size));
    const st = states.get(card.id);
    if (!st || st.sched.phase === 'new') {
      if (!st?.suspended) fresh.push([rank, card.index, card.id]);
      continue;
    }
    if (st.suspended) continue;
    const s = st.sched;
    if (s.due >= endOfDay) continue;
    if (s.phase !== 'review' && !isInterdayLearning(s)) takeNote(card.id);
    if (s.phase === 'review' || isInterdayLearning(s)) {
      const entry: Due = {
        id: card.id,
        kind: s.phase === 'review' ? 'review' : 'learning',
        key: reviewKey(s),
        hash: dailyHash(card.id, day),
      };
      (s.phase === 'review' ? reviews : interday).push(entry);
    } else if (s.due <= now) learning.push([card.id, s.due]);
    else {
      if (s.due <= now + learnAheadMs) ahead.push([card.id, s.due]);
      if (nextLearningDue === null || s.due < nextLearningDue) nextLearningDue = s.due;
    }
  }
  learning.sort((a, b) => a[1] - b[1]);
  ahead.sort((a, b) => a[1] - b[1]);
  const byReviewOrder = (a: Due, b: Due) => a.key - b.key || a.hash - b.hash;
  interday.sort(byReviewOrder);
  reviews.sort(byReviewOrder);
  if (settings.newCardOrder === 'random') {
    const hashes = new Map(fresh.map((c) => [c[2], dailyHash(c[2], newSalt)]));
    fresh.sort((a, b) => hashes.get(a[2])! - hashes.get(b[2])!);
  } else fresh.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  // Gathering (queue/builder/gathering.rs): interday learning, then reviews, each lowering the
  // review limit and, when new cards are capped to it, the new limit with it.
  // Each card is taken only while its deck and the folders up to the studied one have room.
  const take = (due: Due[], bury: boolean) =>
    due.filter((d) => {
      if (bury && buried(d.id)) return false;
      const path = deckOf.get(d.id)!;
      if (!limits.canTake(path, 'review')) return false;
      limits.take(path, 'review');
      takeNote(d.id);
      return true;
    });
  const interdayTaken = take(interday, false);
  const reviewTaken = take(reviews, true);
  const newCards: CardId[] = [];
  for (const [, , id] of fresh) {
    if (buried(id)) continue;
    const path = deckOf.get(id)!;
    if (!limits.canTake(path, 'new')) continue;
    limits.take(path, 'new');
    takeNote(id);
    newCards.push(id);
  }

  const entry = (d: Due): QueueEntry => ({ cardId: d.id, kind: d.kind });
  const dueMain = intersperse(reviewTaken.map(entry), interdayTaken.map(entry));
  const newMain = newCards.map((cardId): QueueEntry => ({ cardId, kind: 'new' }));
  const main =
    settings.newReviewMix === 'before'
      ? [...newMain, ...dueMain]
      : settings.newReviewMix === 'after'
        ? [...dueMain, ...newMain]
        : intersperse(dueMain, newMain);

  const learningIds = learning.map((l) => l[0]);
  const aheadIds = ahead.map((l) => l[0]);
  const next: QueueEntry | null =
    learningIds.length > 0
      ? { cardId: learningIds[0]!, kind: 'learning' }
      : (main[0] ?? (aheadIds.length > 0 ? { cardId: aheadIds[0]!, kind: 'learning' } : null));

  return {
    learning: learningIds,
    review: reviewTaken.map((d) => d.id),
    interdayLearning: interdayTaken.map((d) => d.id),
    newCards,
    main,
    learnAhead: aheadIds,
    counts: {
      new: newCards.length,
      learning: learningIds.length + aheadIds.length + interdayTaken.length,
      review: reviewTaken.length,
    },
    next,
    nextLearningDue,
  };
}
