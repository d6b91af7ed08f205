// True retention, as Anki's `calculate_true_retention` (rslib/src/stats/graphs/retention.rs):
// every eligible answer counts (no first-of-day rule). Eligible: an answer (resets and suspensions
// are not) to a card in review, or one whose interval before the answer was a day or more (a
// learning step that reached a later study day: answers.ts lastIntervalDays). Passed = Hard, Good
// or Easy; young/mature by the interval before the answer (< 21 days).
// Periods end where today ends. Anki cuts them into fixed 86,400 s windows back from the next
// rollover; here they are study days (study-days.ts), so a 23- or 25-hour day stays one day:
// today, yesterday, the last 7, 30 and 365 days including today, and all time.
import { MATURE_DAYS } from './answers.ts';
import { logColumns, REVIEW_TYPE } from './log-columns.ts';
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

/**
 * Anki's filter for an answer: its card was in review, or its interval before the answer was a
 * day or more. `type` is the answer's code in log-columns.ts ANSWER_TYPES.
 */
const eligible = (type: number, intervalDays: number) => type === REVIEW_TYPE || intervalDays >= 1;

/** Four counters per band or deck: young passed, young failed, mature passed, mature failed. */
const SLOTS = 4;

export function retentionStats(input: StatsInput, days: StudyDays): RetentionStats {
  const end = days.start(1);
  const bandStarts = BAND_FIRST_DAYS.map((d) => days.start(d));
  const bandCount = bandStarts.length;
  const monthStart = days.start(-29);
  const bands = new Array<number>((bandCount + 1) * SLOTS).fill(0);
  const { length, time, rating, type, lastIvl, deck, deckIds } = logColumns(input.log);
  // Per deck in the log with an answer: the month's four counters, then all time's.
  const decks = new Array<number[] | undefined>(deckIds.length);
  for (let i = 0; i < length; i++) {
    const t = time[i]!;
    const r = rating[i]!;
    if (t >= end || r === 0) continue;
    let counts = decks[deck[i]!];
    if (!counts) {
      counts = new Array<number>(2 * SLOTS).fill(0);
      decks[deck[i]!] = counts;
    }
    const ivl = lastIvl[i]!;
    if (!eligible(type[i]!, ivl)) continue;
    const slot = (ivl >= MATURE_DAYS ? 2 : 0) + (r > 1 ? 0 : 1);
    let band = 0;
    while (band < bandCount && t < bandStarts[band]!) band++;
    bands[band * SLOTS + slot]!++;
    counts[SLOTS + slot]!++;
    if (t >= monthStart) counts[slot]!++;
  }
  const rows: RetentionRow[] = PERIODS.map((period) => {
    const sum = (slot: number) =>
      PERIOD_BANDS[period].reduce((n, band) => n + bands[band * SLOTS + slot]!, 0);
    return cells(period, [sum(0), sum(1), sum(2), sum(3)]);
  });
  const byDeck = decks
    .flatMap((counts, d) => (counts ? [{ deckId: deckIds[d]!, counts }] : []))
    .sort((a, b) => (a.deckId < b.deckId ? -1 : a.deckId > b.deckId ? 1 : 0))
    .map(({ deckId, counts }) => ({
      deckId,
      month: cells('month', counts.slice(0, SLOTS)).total,
      all: cells('all', counts.slice(SLOTS)).total,
    }));
  return { rows, target: input.desiredRetention, byDeck };
}

function cells(period: RetentionPeriod, [yp = 0, yf = 0, mp = 0, mf = 0]: number[]): RetentionRow {
  return { period, young: cell(yp, yf), mature: cell(mp, mf), total: cell(yp + mp, yf + mf) };
}

function cell(passed: number, failed: number): RetentionCell {
  const n = passed + failed;
  return { passed, failed, rate: n === 0 ? null : passed / n };
}
