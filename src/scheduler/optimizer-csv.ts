// The review log in the column layout the FSRS optimizer reads.
import type { CardPhase, ReviewLogEntry } from '../shared/types.ts';

const STATE_CODE: Record<CardPhase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

export const OPTIMIZER_CSV_HEADER =
  'card_id,review_time,review_rating,review_state,review_duration';

/**
 * card_id is an integer per card (the optimizer wants int64): the time of the card's first
 * review, moved on by 1 ms when two cards share it. review_state is the state before the answer.
 */
export function reviewLogToCsv(entries: readonly ReviewLogEntry[]): string {
  const reviews = entries
    .filter((e) => e.kind === 'review' && e.rating !== null)
    .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  const ids = new Map<string, number>();
  const used = new Set<number>();
  const rows = [OPTIMIZER_CSV_HEADER];
  for (const e of reviews) {
    let id = ids.get(e.cardId);
    if (id === undefined) {
      id = e.time;
      while (used.has(id)) id += 1;
      used.add(id);
      ids.set(e.cardId, id);
    }
    rows.push(
      `${id},${e.time},${e.rating},${STATE_CODE[e.before.phase]},${Math.round(e.durationMs)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}
