// Everything that changes a card is a log entry plus the card's new state, built here and
// written together by storage. Undo restores the state the entry recorded as `before`.
import type {
  Card,
  CardState,
  Rating,
  ReviewLogEntry,
  SchedulingState,
  Settings,
} from '../shared/types.ts';
import { localTimeZone } from './day.ts';
import { answer, newSchedulingState, resetState } from './fsrs.ts';
import { logIdTime, newLogId } from './ids.ts';
import { withLeech } from './leech.ts';

export interface ActionResult {
  entry: ReviewLogEntry;
  state: CardState;
}

interface BaseArgs {
  card: Pick<Card, 'id' | 'deckId'>;
  state: CardState | undefined;
  now: number;
  random?: () => number;
  /** Keeps this entry id: the same change built again on another state (see `rebaseOn`). */
  id?: string;
}

/**
 * The time and id of a change built again on `stored` (another tab changed the card first, see
 * storage's commit basis). When the stored state's own last entry is as late as this change, the
 * change moves just after it, so the log read by time or by id lists the changes in the order
 * they were applied, and replaying it gives the states that were stored.
 */
export function rebasedClock(
  now: number,
  id: string,
  stored: Pick<CardState, 'lastLogId' | 'updatedAt'> | undefined,
  random?: () => number,
): { now: number; id: string } {
  if (!stored?.lastLogId || stored.lastLogId < id) return { now, id };
  const after = Math.max(now, stored.updatedAt + 1, logIdTime(stored.lastLogId) + 1);
  return { now: after, id: newLogId(after, random) };
}

function build(
  args: BaseArgs,
  kind: ReviewLogEntry['kind'],
  rating: Rating | null,
  after: SchedulingState,
  suspended: boolean,
  durationMs: number,
  clock?: { timeZone: string; dayStartHour: number },
): ActionResult {
  const before = args.state?.sched ?? newSchedulingState(args.now);
  const id = args.id ?? newLogId(args.now, args.random);
  const { id: cardId, deckId } = args.card;
  const time = args.now;
  // Written out in full rather than spread onto another entry: V8 gives objects grown by spreading
  // a slow shape, and every figure and replay walks 100,000 of these (a plain sum over them took
  // 70 ms instead of 2).
  const entry: ReviewLogEntry = clock
    ? {
        id,
        cardId,
        deckId,
        kind,
        rating,
        time,
        durationMs,
        before,
        after,
        timeZone: clock.timeZone,
        dayStartHour: clock.dayStartHour,
      }
    : { id, cardId, deckId, kind, rating, time, durationMs, before, after };
  return {
    entry,
    state: {
      cardId: args.card.id,
      deckId: args.card.deckId,
      sched: after,
      suspended,
      lastLogId: entry.id,
      updatedAt: args.now,
    },
  };
}

/**
 * An answer. Its study days are counted in `timeZone` (default: this device's zone) and the
 * settings' day-start hour, and the entry records both, so a replay counts the same days wherever
 * and whenever it runs.
 */
export function reviewEntry(
  args: BaseArgs & { rating: Rating; durationMs: number; settings: Settings; timeZone?: string },
): ActionResult {
  const before = args.state?.sched ?? newSchedulingState(args.now);
  const clock = {
    timeZone: args.timeZone ?? localTimeZone(),
    dayStartHour: args.settings.dayStartHour,
  };
  const answered = answer(before, args.rating, args.now, args.settings, args.card.id, clock);
  const after = withLeech(before, args.rating, answered, args.settings);
  return build(
    args,
    'review',
    args.rating,
    after,
    args.state?.suspended ?? false,
    args.durationMs,
    clock,
  );
}

export function resetEntry(args: BaseArgs): ActionResult {
  const after = withLeech(
    args.state?.sched ?? newSchedulingState(args.now),
    null,
    resetState(args.now),
    {
      leechThreshold: 0,
    },
  );
  return build(args, 'reset', null, after, args.state?.suspended ?? false, 0);
}

export function suspendEntry(args: BaseArgs): ActionResult {
  return build(args, 'suspend', null, args.state?.sched ?? newSchedulingState(args.now), true, 0);
}

export function unsuspendEntry(args: BaseArgs): ActionResult {
  return build(
    args,
    'unsuspend',
    null,
    args.state?.sched ?? newSchedulingState(args.now),
    false,
    0,
  );
}

/**
 * The card's state once `entry` is undone, or null when that is a new, unsuspended card: then
 * the stored state is deleted and the card counts as never seen, as before its first answer.
 */
export function undoTarget(
  entry: ReviewLogEntry,
  current: CardState | undefined,
  previousEntryId: string | null,
  now: number,
): CardState | null {
  const suspended =
    entry.kind === 'suspend'
      ? false
      : entry.kind === 'unsuspend'
        ? true
        : (current?.suspended ?? false);
  if (!suspended && entry.before.phase === 'new' && entry.before.reps === 0) return null;
  return {
    cardId: entry.cardId,
    deckId: entry.deckId,
    sched: entry.before,
    suspended,
    lastLogId: previousEntryId,
    updatedAt: now,
  };
}
