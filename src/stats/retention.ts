// True retention, as Anki's `calculate_true_retention` (rslib/src/stats/graphs/retention.rs):
// every eligible answer counts (no first-of-day rule). Eligible: an answer (resets and suspensions
// are not) to a card in review, or one whose interval before the answer was a day or more (in
// Anki a learning step of ≥ 1 day; ts-fsrs puts such a card in review, so here that is the review
// phase). Passed = Hard, Good or Easy; young/mature by the interval before the answer (< 21 days).
// Periods end where today ends. Anki cuts them into fixed 86,400 s windows back from the next
// rollover; here they are study days (study-days.ts), so a 23- or 25-hour day stays one day:
// today, yesterday, the last 7, 30 and 365 days including today, and all time.
import type { DeckId, ReviewLogEntry } from '../shared/types.ts';
import { answerType, isAnswer, isMatureBefore, lastIntervalDays, passed } from './answers.ts';
import type { StudyDays } from './study-days.ts';
import type {
  RetentionCell,
  RetentionPeriod,
  RetentionRow,
  RetentionStats,
  StatsInput,
} from './types.ts';

/** Each period by its first study day (0 today); `all` reaches back to the first answer. */
const PERIODS: readonly (readonly [RetentionPeriod, number])[] = [
  ['today', 0],
  ['yesterday', -1],
  ['week', -6],
  ['month', -29],
  ['year', -364],
  ['all', -Infinity],
];

/** Anki's filter: the answer moves the card's memory and its card had an interval of a day. */
export function isRetentionEligible(entry: ReviewLogEntry): boolean {
  return isAnswer(entry) && (answerType(entry) === 'review' || lastIntervalDays(entry) >= 1);
}

/** Passed and failed answers, young [0, 1] and mature [2, 3]. */
type Tally = [number, number, number, number];
type Slot = 0 | 1 | 2 | 3;
const tally = (): Tally => [0, 0, 0, 0];

export function retentionStats(input: StatsInput, days: StudyDays): RetentionStats {
  const end = days.start(1);
  const starts = PERIODS.map(([, first]) => (first === -Infinity ? -Infinity : days.start(first)));
  const monthStart = days.start(-29);
  const tallies = PERIODS.map(tally);
  const decks = new Map<DeckId, { month: Tally; all: Tally }>();
  for (const entry of input.log) {
    if (!isAnswer(entry) || entry.time >= end) continue;
    let deck = decks.get(entry.deckId);
    if (!deck) {
      deck = { month: tally(), all: tally() };
      decks.set(entry.deckId, deck);
    }
    if (!isRetentionEligible(entry)) continue;
    const slot = ((isMatureBefore(entry) ? 2 : 0) + (passed(entry) ? 0 : 1)) as Slot;
    const t = entry.time;
    // `yesterday` ends where today starts; every other period ends with today.
    if (t >= starts[0]!) tallies[0]![slot]++;
    else if (t >= starts[1]!) tallies[1]![slot]++;
    for (let p = 2; p < PERIODS.length; p++) if (t >= starts[p]!) tallies[p]![slot]++;
    deck.all[slot]++;
    if (t >= monthStart) deck.month[slot]++;
  }
  const rows: RetentionRow[] = PERIODS.map(([period], p) => {
    const [yp, yf, mp, mf] = tallies[p]!;
    return { period, young: cell(yp, yf), mature: cell(mp, mf), total: cell(yp + mp, yf + mf) };
  });
  const byDeck = [...decks.keys()].sort().map((deckId) => {
    const { month, all } = decks.get(deckId)!;
    return { deckId, month: totalCell(month), all: totalCell(all) };
  });
  return { rows, target: input.desiredRetention, byDeck };
}

function cell(passed: number, failed: number): RetentionCell {
  const n = passed + failed;
  return { passed, failed, rate: n === 0 ? null : passed / n };
}

const totalCell = ([yp, yf, mp, mf]: Tally): RetentionCell => cell(yp + mp, yf + mf);
