// Study days in a given time zone: a day starts at the day-start hour on the local clock, so a day
// with a DST change is 23 or 25 hours long and a review at 01:00 belongs to the day before (with
// the default 04:00 start). Anki counts fixed 86,400 s windows back from the next rollover instead
// (`stats/graphs/mod.rs`), which moves reviews near the rollover by a day for a week after a DST
// change; we count calendar days, as the scheduler does (scheduler/day.ts).
import { offsetIn } from '../scheduler/day.ts';
import type { DayRef } from './types.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface StudyDays {
  /** Index of the study day that holds instant `t`: 0 today, -1 yesterday, 1 tomorrow. */
  index(t: number): number;
  /** The instant study day `i` starts. */
  start(i: number): number;
  /** Study day `i` as a DayRef (local date of its start). */
  ref(i: number): DayRef;
  /** Day of the week of study day `i`'s date: 0 Sunday … 6 Saturday. */
  weekday(i: number): number;
}

/** Local calendar days since 1970-01-01, counted in `timeZone`, of the study day holding `t`. */
type DayNumber = number;

export function studyDays(now: number, dayStartHour: number, timeZone: string): StudyDays {
  const offset = offsetLookup(timeZone);
  const dayNumber = (t: number): DayNumber =>
    Math.floor((t + offset(t) - dayStartHour * HOUR_MS) / DAY_MS);
  const today = dayNumber(now);
  const startOf = (n: DayNumber): number => {
    // The instant whose local wall clock reads day n at the start hour. Two rounds settle the
    // offset; in a DST gap (no such wall time) this lands on the first instant after it.
    const wall = n * DAY_MS + dayStartHour * HOUR_MS;
    let t = wall - offset(wall);
    t = wall - offset(t);
    return t;
  };
  const dateOf = (n: DayNumber): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
  return {
    index: (t) => dayNumber(t) - today,
    start: (i) => startOf(today + i),
    ref: (i) => ({ index: i, date: dateOf(today + i) }),
    weekday: (i) => new Date((today + i) * DAY_MS).getUTCDay(),
  };
}

/** The zone's UTC offset in ms at an instant (local wall clock − UTC): the scheduler's, memoised. */
export function offsetLookup(timeZone: string): (t: number) => number {
  const offset = offsetIn(timeZone);
  if (!offset) throw new RangeError(`"${timeZone}" is not a time zone this device knows.`);
  return offset;
}

/** The time zone this browser or Node process counts local time in. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
