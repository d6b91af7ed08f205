// The review log in the column layout the FSRS optimizer reads (fsrs-rs / fsrs-optimizer):
// card_id,review_time,review_rating,review_state,review_duration.
import type { CardPhase, ReviewLogEntry } from '../shared/types.ts';

const STATE_CODE: Record<CardPhase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

export const OPTIMIZER_CSV_HEADER =
  'card_id,review_time,review_rating,review_state,review_duration';

/**
 * One row per answer, oldest first. card_id is an integer (the optimizer wants int64): the ms
 * time of the card's first answer, moved on by 1 ms while another card holds it, so ids are
 * stable across exports. A reset starts the card's history over, and the optimizer would read a
 * New answer in the middle of a history as noise, so answers after a reset get a new card_id.
 * review_state is the state before the answer; times and durations are ms.
 */
export function reviewLogToCsv(entries: readonly ReviewLogEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  const ids = new Map<string, number>();
  const used = new Set<number>();
  const rows = [OPTIMIZER_CSV_HEADER];
  for (const e of sorted) {
    if (e.kind === 'reset') ids.delete(e.cardId);
    if (e.kind !== 'review' || e.rating === null) continue;
    let id = ids.get(e.cardId);
    if (id === undefined) {
      id = Math.floor(e.time);
      while (used.has(id)) id += 1;
      used.add(id);
      ids.set(e.cardId, id);
    }
    rows.push(
      `${id},${e.time},${e.rating},${STATE_CODE[e.before.phase]},${Math.max(0, Math.round(e.durationMs))}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** A run of answers given in one time zone with one day-start hour, oldest first. */
export interface AnswerZoneSpan {
  timeZone: string;
  dayStartHour: number;
  /** Times of the first and last answer of the run, ms. */
  from: number;
  to: number;
  answers: number;
}

/**
 * The zones and day-start hours the answers were counted in (each entry records its own), as
 * runs in time order: what the optimizer needs besides the CSV, whose times are UTC. An entry
 * without a recorded zone (none are after the schema-3 migration) counts in `fallbackZone`.
 */
export function answerZones(
  entries: readonly ReviewLogEntry[],
  fallbackZone: string,
  fallbackHour: number,
): AnswerZoneSpan[] {
  const answers = entries
    .filter((e) => e.kind === 'review' && e.rating !== null)
    .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  const spans: AnswerZoneSpan[] = [];
  for (const e of answers) {
    const timeZone = e.timeZone ?? fallbackZone;
    const dayStartHour = e.dayStartHour ?? fallbackHour;
    const last = spans[spans.length - 1];
    if (last && last.timeZone === timeZone && last.dayStartHour === dayStartHour) {
      last.to = e.time;
      last.answers += 1;
    } else spans.push({ timeZone, dayStartHour, from: e.time, to: e.time, answers: 1 });
  }
  return spans;
}
