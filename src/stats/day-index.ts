// The study day of many instants, fast. `StudyDays.index` looks the zone's offset up for every
// instant (memoised per UTC day in scheduler/day.ts, still a map lookup and a division each time).
// Here each day's start is asked once (a few hundred days), and an instant finds its day from a
// first guess at 24 h a day, corrected against those starts. Around a DST change (a day, or its
// neighbour, not 24 h long) `start` and `index` can disagree near the day's edges: with a 02:00
// start on a fall-back night `start` picks the second 02:00 while `index` already counts the
// first. Instants that close to such an edge are left to `days.index`, so the result always
// equals `days.index(t)`.
import type { StudyDays } from './study-days.ts';

const DAY_MS = 86_400_000;
/** Wider than any UTC offset change in use (Antarctica/Troll jumps 2 h). */
const MARGIN_MS = 3 * 3_600_000;

/** One indexer per StudyDays, so every figure computed from the same `days` shares the starts. */
const indexers = new WeakMap<StudyDays, (t: number) => number>();

/** `days.index`, with the start of each day looked up once. */
export function dayIndexer(days: StudyDays): (t: number) => number {
  let indexer = indexers.get(days);
  if (!indexer) {
    indexer = makeIndexer(days);
    indexers.set(days, indexer);
  }
  return indexer;
}

function makeIndexer(days: StudyDays): (t: number) => number {
  const starts = new Map<number, number>();
  const startOf = (i: number): number => {
    let s = starts.get(i);
    if (s === undefined) {
      s = days.start(i);
      starts.set(i, s);
    }
    return s;
  };
  const plain = (i: number) => startOf(i + 1) - startOf(i) === DAY_MS;
  const todayStart = startOf(0);
  // The part of the day found last that needs no check: consecutive entries mostly share a day.
  let lastIndex = NaN;
  let lastFrom = Infinity;
  let lastTo = -Infinity;
  return (t) => {
    if (t >= lastFrom && t < lastTo) return lastIndex;
    // Days are 23–25 h long, so the guess is off by at most a day or two; walk to the right one.
    let i = Math.floor((t - todayStart) / DAY_MS);
    while (startOf(i) > t) i--;
    while (startOf(i + 1) <= t) i++;
    const margin = plain(i - 1) && plain(i) && plain(i + 1) ? 0 : MARGIN_MS;
    const from = startOf(i) + margin;
    const to = startOf(i + 1) - margin;
    if (t < from || t >= to) return days.index(t);
    lastIndex = i;
    lastFrom = from;
    lastTo = to;
    return i;
  };
}
