// Card states are a cache of the review log; rebuilding them replays the log (the scheduler's
// replay, passed in so storage never depends on scheduler code).
import type { CardId, CardState, ReviewLogEntry } from '../shared/types.ts';

/** Rebuilds card states from log entries (the scheduler's replayAll, bound to settings). */
export type Replay = (entries: ReviewLogEntry[]) => Map<CardId, CardState>;

/**
 * Replays `log` and keeps each card's `suspended` flag from `previous` when the log has no
 * suspend/unsuspend entry for that card: version 1 stored suspension only in the card state.
 */
export function rebuildStates(
  log: ReviewLogEntry[],
  replay: Replay,
  previous: (cardId: CardId) => CardState | undefined,
): Map<CardId, CardState> {
  const logged = new Set<CardId>();
  for (const e of log) if (e.kind === 'suspend' || e.kind === 'unsuspend') logged.add(e.cardId);
  const states = replay(log);
  for (const [id, s] of states) {
    const before = previous(id);
    if (!logged.has(id) && before && before.suspended !== s.suspended)
      states.set(id, { ...s, suspended: before.suspended });
  }
  return states;
}
