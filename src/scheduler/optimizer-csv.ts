// The review log in the column layout the FSRS optimizer reads (fsrs-rs / fsrs-optimizer):
// card_id,review_time,review_rating,review_state,review_duration.
import type { CardPhase, ReviewLogEntry } from '../shared/types.ts';

const STATE_CODE: Record<CardPhase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

export const OPTIMIZER_CSV_HEADER =
  'card_id,review_time,review_rating,review_state,review_duration';

/** One answer as the optimizer reads it (a row of the CSV). */
export interface OptimizerRow {
  /** The CSV's integer card_id: a card's history after a reset has its own. */
  cardId: number;
  /** ms since the epoch. */
  time: number;
  rating: number;
  /** The state before the answer: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  durationMs: number;
}

const inTimeOrder = (a: ReviewLogEntry, b: ReviewLogEntry) =>
  a.time - b.time || (a.id < b.id ? -1 : 1);

/**
 * One row per answer, oldest first. card_id is an integer (the optimizer wants int64): the ms
 * time of the card's first answer, moved on by 1 ms while another card holds it, so ids are
 * stable across exports. A reset starts the card's history over, and the optimizer would read a
 * New answer in the middle of a history as noise, so answers after a reset get a new card_id.
 * The state is the one before the answer; durations are whole ms.
 */
export function optimizerRows(entries: readonly ReviewLogEntry[]): OptimizerRow[] {
  // The stored log comes in id order, which is time order: sort only when it is not.
  const inOrder = entries.every((e, i) => i === 0 || inTimeOrder(entries[i - 1]!, e) <= 0);
  const sorted = inOrder ? entries : [...entries].sort(inTimeOrder);
  const ids = new Map<string, number>();
  const used = new Set<number>();
  const rows: OptimizerRow[] = [];
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
    rows.push({
      cardId: id,
      time: e.time,
      rating: e.rating,
      state: STATE_CODE[e.before.phase],
      durationMs: Math.max(0, Math.round(e.durationMs)),
    });
  }
  return rows;
}

/** The log as the optimizer's CSV: the rows of optimizerRows, times and durations in ms. */
export function reviewLogToCsv(entries: readonly ReviewLogEntry[]): string {
  const lines = [OPTIMIZER_CSV_HEADER];
  for (const r of optimizerRows(entries))
    lines.push(`${r.cardId},${r.time},${r.rating},${r.state},${r.durationMs}`);
  return `${lines.join('\n')}\n`;
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
  const answers = entries.filter((e) => e.kind === 'review' && e.rating !== null).sort(inTimeOrder);
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
