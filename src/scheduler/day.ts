// The study day: it starts at a local hour (Anki's "next day starts at", 04:00 by default), not at
// midnight and not in UTC. Local time comes from Date's local getters, so DST days are 23 or 25 h.

/** The most recent moment at `dayStartHour` local time, at or before `now`. */
export function dayStartOf(now: number, dayStartHour: number): number {
  const d = new Date(now);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), dayStartHour);
  if (start.getTime() <= now) return start.getTime();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, dayStartHour).getTime();
}

export function nextDayStart(now: number, dayStartHour: number): number {
  const s = new Date(dayStartOf(now, dayStartHour));
  return new Date(s.getFullYear(), s.getMonth(), s.getDate() + 1, dayStartHour).getTime();
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
export function daysBetween(from: number, to: number, dayStartHour: number): number {
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
export function studyDayStart(now: number, days: number, dayStartHour: number): number {
  const s = new Date(dayStartOf(now, dayStartHour));
  return new Date(s.getFullYear(), s.getMonth(), s.getDate() + days, dayStartHour).getTime();
}
