// True retention, as Anki's `calculate_true_retention` (rslib/src/stats/graphs/retention.rs):
// every eligible answer counts (no first-of-day rule). Eligible: an answer (resets and suspensions
// are not) to a card in review, or one whose interval before the answer was a day or more (in
// Anki a learning step of ≥ 1 day; ts-fsrs puts such a card in review, so here that is the review
// phase). Passed = Hard, Good or Easy; young/mature by the interval before the answer (< 21 days).
// Periods end where today ends. Anki cuts them into fixed 86,400 s windows back from the next
// rollover; here they are study days (study-days.ts), so a 23- or 25-hour day stays one day:
// today, yesterday, the last 7, 30 and 365 days including today, and all time.
import type { DeckId, ReviewLogEntry } from '../shared/types.ts';
import { answerType, isAnswer, lastIntervalDays, MATURE_DAYS, passed } from './answers.ts';
import type { StudyDays } from './study-days.ts';
import type {
  RetentionCell,
  RetentionPeriod,
  RetentionRow,
  RetentionStats,
  StatsInput,
} from './types.ts';

/**
 * The age bands an answer falls in, by their first study day (0 today): today, yesterday, the
 * rest of the week, of the month, of the year, and older. Each period is the sum of the bands
 * from today up to its own (yesterday alone is band 1), so an answer is counted once.
 */
const BAND_FIRST_DAYS = [0, -1, -6, -29, -364] as const;
const PERIOD_BANDS: Record<RetentionPeriod, readonly number[]> = {
  today: [0],
  yesterday: [1],
  week: [0, 1, 2],
  month: [0, 1, 2, 3],
  year: [0, 1, 2, 3, 4],
  all: [0, 1, 2, 3, 4, 5],
};
const PERIODS = Object.keys(PERIOD_BANDS) as RetentionPeriod[];

/** Anki's filter: the answer moves the card's memory and its card had an interval of a day. */
export function isRetentionEligible(entry: ReviewLogEntry): boolean {
  return isAnswer(entry) && eligibleAnswer(entry, lastIntervalDays(entry));
}

/** The filter for an answer whose interval before is already known (read `before` once). */
const eligibleAnswer = (answer: ReviewLogEntry, intervalDays: number) =>
  answerType(answer) === 'review' || intervalDays >= 1;

/** Four counters per band or deck: young passed, young failed, mature passed, mature failed. */
const SLOTS = 4;

export function retentionStats(input: StatsInput, days: StudyDays): RetentionStats {
  const end = days.start(1);
  const bandStarts = BAND_FIRST_DAYS.map((d) => days.start(d));
  const monthStart = days.start(-29);
  const bands = new Array<number>((BAND_FIRST_DAYS.length + 1) * SLOTS).fill(0);
  // Per deck: the month's four counters, then all time's.
  const decks = new Map<DeckId, number[]>();
  let lastDeckId: DeckId | null = null;
  let deck: number[] = [];
  for (const entry of input.log) {
    const t = entry.time;
    if (t >= end || !isAnswer(entry)) continue;
    if (entry.deckId !== lastDeckId) {
      lastDeckId = entry.deckId;
      let found = decks.get(lastDeckId);
      if (!found) {
        found = new Array<number>(2 * SLOTS).fill(0);
        decks.set(lastDeckId, found);
      }
      deck = found;
    }
    const intervalDays = lastIntervalDays(entry);
    if (!eligibleAnswer(entry, intervalDays)) continue;
    const slot = (intervalDays >= MATURE_DAYS ? 2 : 0) + (passed(entry) ? 0 : 1);
    let band = 0;
    while (band < bandStarts.length && t < bandStarts[band]!) band++;
    bands[band * SLOTS + slot]!++;
    deck[SLOTS + slot]!++;
    if (t >= monthStart) deck[slot]!++;
  }
  const rows: RetentionRow[] = PERIODS.map((period) => {
    const sum = (slot: number) =>
      PERIOD_BANDS[period].reduce((n, band) => n + bands[band * SLOTS + slot]!, 0);
    return cells(period, [sum(0), sum(1), sum(2), sum(3)]);
  });
  const byDeck = [...decks.keys()].sort().map((deckId) => {
    const counts = decks.get(deckId)!;
    return {
      deckId,
      month: cells('month', counts.slice(0, SLOTS)).total,
      all: cells('all', counts.slice(SLOTS)).total,
    };
  });
  return { rows, target: input.desiredRetention, byDeck };
}

function cells(period: RetentionPeriod, [yp = 0, yf = 0, mp = 0, mf = 0]: number[]): RetentionRow {
  return { period, young: cell(yp, yf), mature: cell(mp, mf), total: cell(yp + mp, yf + mf) };
}

function cell(passed: number, failed: number): RetentionCell {
  const n = passed + failed;
  return { passed, failed, rate: n === 0 ? null : passed / n };
}
