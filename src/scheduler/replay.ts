// A card's state is a cache of its log, and replaying the entries rebuilds it. Each review entry
// is folded through FSRS. When the folded state equals the state the entry recorded as `before`,
// the chain is intact and the entry's recorded `after` is taken: that is what the person was
// shown, even if the settings (retention, steps, weights) or ts-fsrs changed since, so a rebuild
// never silently moves due dates. Where the chain breaks (a merged import from two devices, a
// lost entry), the answer is recomputed with `settings`. `recompute: true` recomputes every
// answer. Fuzz is no obstacle: it is seeded from the card id and its reps (anki-answer.ts), and
// each answer is recomputed in the time zone and day-start hour its entry recorded, so recomputing
// with the same settings gives the same state on any device, in any zone. (An entry without them,
// which only an unmigrated source can hand over, is counted in this device's zone and hour.)
import type {
  CardId,
  CardState,
  ReviewLogEntry,
  SchedulingState,
  Settings,
} from '../shared/types.ts';
import { answer, newSchedulingState, resetState } from './fsrs.ts';
import { withLeech } from './leech.ts';

export interface ReplayOptions {
  /** Recompute every answer through FSRS with `settings`, ignoring each entry's recorded `after`. */
  recompute?: boolean;
}

// Ids start with the time, so this is id order; the time comes first only so that a damaged
// entry whose id disagrees with its time cannot hand ts-fsrs a review before the previous one.
const inOrder = (a: ReviewLogEntry, b: ReviewLogEntry) =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sameSchedule(a: SchedulingState, b: SchedulingState): boolean {
  return (
    a.phase === b.phase &&
    a.due === b.due &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.elapsedDays === b.elapsedDays &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.lastReview === b.lastReview
  );
}

/** One card's state from its log entries (any order; replayed in time order); null for none. */
export function replayCard(
  entries: readonly ReviewLogEntry[],
  settings: Settings,
  options: ReplayOptions = {},
): CardState | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort(inOrder);
  const first = sorted[0]!;
  const trust = !options.recompute;
  let sched = newSchedulingState(first.time);
  let suspended = false;
  for (const e of sorted) {
    switch (e.kind) {
      case 'review':
        if (e.rating === null) break;
        sched =
          trust && sameSchedule(sched, e.before)
            ? e.after
            : withLeech(
                sched,
                e.rating,
                answer(sched, e.rating, e.time, settings, e.cardId, {
                  timeZone: e.timeZone,
                  dayStartHour: e.dayStartHour,
                }),
                settings,
              );
        break;
      case 'reset':
        sched = withLeech(sched, null, resetState(e.time), { leechThreshold: 0 });
        break;
      case 'suspend':
        suspended = true;
        break;
      case 'unsuspend':
        suspended = false;
        break;
    }
  }
  const last = sorted[sorted.length - 1]!;
  return {
    cardId: first.cardId,
    deckId: last.deckId,
    sched,
    suspended,
    lastLogId: last.id,
    updatedAt: last.time,
  };
}

/** Every card's state from the whole log, grouped by card in one pass. */
export function replayAll(
  entries: readonly ReviewLogEntry[],
  settings: Settings,
  options: ReplayOptions = {},
): Map<CardId, CardState> {
  const groups = new Map<CardId, ReviewLogEntry[]>();
  for (const e of entries) {
    const g = groups.get(e.cardId);
    if (g) g.push(e);
    else groups.set(e.cardId, [e]);
  }
  const out = new Map<CardId, CardState>();
  for (const [cardId, group] of groups) {
    const state = replayCard(group, settings, options);
    if (state) out.set(cardId, state);
  }
  return out;
}
