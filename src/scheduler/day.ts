// The study day: it starts at a local hour (Anki's "next day starts at", 04:00 by default), not at
// midnight and not in UTC. Local time is the process's own (Date's local getters) unless a time
// zone is given: an answer records the zone it was counted in, and replaying it later counts in
// that zone again, so moving from New York to Berlin does not change old answers' day counts.
// Both ways follow Date's rules for wall times a DST change skips (moved forward) or repeats (the
// first one), so counting in the process's own zone by name gives what Date's getters give.

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** UTC offsets change only at quarter-hour instants in every zone in use. */
const QUARTER_MS = 900_000;

/** A zone's UTC offset at an instant (local wall clock − UTC, ms). */
type Offset = (t: number) => number;

/**
 * The zone's offset function, memoised per UTC day: a day whose two ends share an offset has it
 * throughout (no zone changes its offset twice within a day), so one Intl call serves a whole day
 * and a replay of years of answers makes a few thousand calls, not one per answer.
 */
function makeOffset(timeZone: string): Offset {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const exact = new Map<number, number>();
  const at = (t: number): number => {
    let off = exact.get(t);
    if (off === undefined) {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(t)) {
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      }
      off = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - t;
      if (exact.size > 20_000) exact.clear();
      exact.set(t, off);
    }
    return off;
  };
  const days = new Map<number, number | null>();
  return (t) => {
    const day = Math.floor(t / DAY_MS);
    let off = days.get(day);
    if (off === undefined) {
      const start = at(day * DAY_MS);
      off = start === at((day + 1) * DAY_MS) ? start : null;
      if (days.size > 20_000) days.clear();
      days.set(day, off);
    }
    return off ?? at(Math.floor(t / QUARTER_MS) * QUARTER_MS);
  };
}

const offsets = new Map<string, Offset | null>();

/** The offset function for `timeZone`, or null for a name this device's Intl does not know. */
export function offsetIn(timeZone: string): Offset | null {
  let off = offsets.get(timeZone);
  if (off === undefined) {
    try {
      off = makeOffset(timeZone);
    } catch {
      // A zone recorded on a device with newer zone data (or a damaged name in an imported log):
      // count in the local zone rather than refuse to schedule.
      off = null;
    }
    offsets.set(timeZone, off);
  }
  return off;
}

let localZone: { winter: number; summer: number; zone: string } | null = null;
const WINTER = new Date(Date.UTC(2026, 0, 1));
const SUMMER = new Date(Date.UTC(2026, 6, 1));

/**
 * The IANA zone this browser or Node process counts local time in. Resolving it costs ~80 µs, so
 * it is kept until the local offsets at two fixed instants (a winter and a summer one) change: a
 * device moved to another zone (or `process.env.TZ` set in a test) is noticed at the next call.
 */
export function localTimeZone(): string {
  const winter = WINTER.getTimezoneOffset();
  const summer = SUMMER.getTimezoneOffset();
  if (localZone?.winter !== winter || localZone.summer !== summer)
    localZone = { winter, summer, zone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  return localZone.zone;
}

/** The instant the wall clock of `off`'s zone reads `wall` (ms as if UTC), by Date's rules. */
function wallToInstant(wall: number, off: Offset): number {
  const before = off(wall - DAY_MS);
  const after = off(wall + DAY_MS);
  const a = wall - before;
  const b = wall - after;
  const aHolds = off(a) === before;
  const bHolds = off(b) === after;
  // A repeated wall time (fall back) is its first instant; a skipped one (spring forward) is read
  // with the offset before the change, so it lands that far after the gap, as `new Date(y, m, d, h)`.
  if (aHolds && bHolds) return Math.min(a, b);
  if (aHolds) return a;
  if (bHolds) return b;
  return a;
}

/** Days since 1970-01-01 of the local date the study day holding `t` starts on. */
const dayNumber = (t: number, dayStartHour: number, off: Offset) =>
  Math.floor((t + off(t) - dayStartHour * HOUR_MS) / DAY_MS);

const startOfDayNumber = (n: number, dayStartHour: number, off: Offset) =>
  wallToInstant(n * DAY_MS + dayStartHour * HOUR_MS, off);

/**
 * The most recent moment at `dayStartHour` local time, at or before `now`; local to `timeZone`
 * when given (and known), else to the process.
 */
export function dayStartOf(now: number, dayStartHour: number, timeZone?: string): number {
  const off = timeZone === undefined ? null : offsetIn(timeZone);
  if (off) return startOfDayNumber(dayNumber(now, dayStartHour, off), dayStartHour, off);
  const d = new Date(now);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), dayStartHour);
  if (start.getTime() <= now) return start.getTime();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, dayStartHour).getTime();
}

export function nextDayStart(now: number, dayStartHour: number, timeZone?: string): number {
  return studyDayStart(now, 1, dayStartHour, timeZone);
}

/** The study day `now` is in, as a day number (days since 1970-01-01 of its local start date). */
export function studyDayNumber(now: number, dayStartHour: number): number {
  const d = new Date(dayStartOf(now, dayStartHour));
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** The study day `now` belongs to, as YYYY-MM-DD of its start. */
export function dayKey(now: number, dayStartHour: number): string {
  const s = new Date(dayStartOf(now, dayStartHour));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${s.getFullYear()}-${pad(s.getMonth() + 1)}-${pad(s.getDate())}`;
}

/**
 * Whole study days from the day of `from` to the day of `to` (negative when `to` is earlier):
 * 0 within one study day, 1 from 03:59 to 04:00. Counted on the calendar dates of the two day
 * starts, so a 23 h or 25 h DST day still counts as one.
 */
export function daysBetween(
  from: number,
  to: number,
  dayStartHour: number,
  timeZone?: string,
): number {
  const off = timeZone === undefined ? null : offsetIn(timeZone);
  if (off) return dayNumber(to, dayStartHour, off) - dayNumber(from, dayStartHour, off);
  const a = new Date(dayStartOf(from, dayStartHour));
  const b = new Date(dayStartOf(to, dayStartHour));
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/**
 * The start of the study day `days` after the one `now` belongs to: where a card given an
 * interval of `days` falls due (Anki's due = today + interval, a day number that begins at the
 * rollover). Built from the local calendar date, so a 23 h or 25 h DST day in between does not
 * move it off the day start, as `now + days × 24 h` would.
 */
export function studyDayStart(
  now: number,
  days: number,
  dayStartHour: number,
  timeZone?: string,
): number {
  const off = timeZone === undefined ? null : offsetIn(timeZone);
  if (off) return startOfDayNumber(dayNumber(now, dayStartHour, off) + days, dayStartHour, off);
  const s = new Date(dayStartOf(now, dayStartHour));
  return new Date(s.getFullYear(), s.getMonth(), s.getDate() + days, dayStartHour).getTime();
}
