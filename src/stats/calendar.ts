// The calendar heatmap: answers per study day over the last year, and streaks. Anki's calendar
// sums the Reviews graph's daily counts (every answer; resets and suspensions count nowhere); it
// has no streaks, so ours are defined here: a streak is a run of consecutive study days with at
// least one answer. The current one ends today, or yesterday while today has no answer yet (the
// day is not lost until it ends). Answers stamped after today (a clock set back) wait for their day.
import { dayIndexer } from './day-index.ts';
import { logColumns } from './log-columns.ts';
import type { StudyDays } from './study-days.ts';
import type { CalendarStats, StatsInput } from './types.ts';

export const CALENDAR_DAYS = 365;

export function calendarStats(input: StatsInput, days: StudyDays): CalendarStats {
  const index = dayIndexer(days);
  const counts = new Array<number>(CALENDAR_DAYS).fill(0);
  const times = new Array<number>(CALENDAR_DAYS).fill(0);
  const studied = new Set<number>();
  const { length, time, rating, durationMs } = logColumns(input.log);
  for (let i = 0; i < length; i++) {
    if (rating[i] === 0) continue; // not an answer
    const day = index(time[i]!);
    if (day > 0) continue;
    studied.add(day);
    const k = day + CALENDAR_DAYS - 1;
    if (k >= 0) {
      counts[k]!++;
      times[k]! += durationMs[i]!;
    }
  }
  let currentStreak = 0;
  for (let day = studied.has(0) ? 0 : -1; studied.has(day); day--) currentStreak++;
  return {
    days: counts.map((count, k) => ({
      ...days.ref(k - CALENDAR_DAYS + 1),
      count,
      timeMs: times[k]!,
    })),
    currentStreak,
    longestStreak: longestRun(studied),
    daysStudied: counts.filter((c) => c > 0).length,
  };
}

/** The longest run of consecutive integers in the set. */
function longestRun(set: ReadonlySet<number>): number {
  let longest = 0;
  for (const day of set) {
    if (set.has(day - 1)) continue; // not the first day of its run
    let length = 1;
    while (set.has(day + length)) length++;
    if (length > longest) longest = length;
  }
  return longest;
}
