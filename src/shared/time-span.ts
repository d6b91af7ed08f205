// A span of time in words, the way Anki says it ("in 23.6 hours", "in 1 day", "in 1.5 months").
// Mirrors Anki's rslib/src/scheduler/timespan.rs: `Timespan::natural_span` picks the largest unit
// the span reaches, and `as_rounded_unit` rounds seconds and days to whole numbers and every other
// unit to one decimal. Anki's month is 365/12 days, rounded as it rounds it (30.417).

export type TimeSpanUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'months' | 'years';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.417 * DAY;
const YEAR = 365 * DAY;

const UNIT_MS: Record<TimeSpanUnit, number> = {
  seconds: SECOND,
  minutes: MINUTE,
  hours: HOUR,
  days: DAY,
  months: MONTH,
  years: YEAR,
};

const SINGULAR: Record<TimeSpanUnit, string> = {
  seconds: 'second',
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  months: 'month',
  years: 'year',
};

/** The largest unit the span reaches (`natural_span`); the sign does not change the unit. */
export function naturalUnit(ms: number): TimeSpanUnit {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'seconds';
  if (abs < HOUR) return 'minutes';
  if (abs < DAY) return 'hours';
  if (abs < MONTH) return 'days';
  if (abs < YEAR) return 'months';
  return 'years';
}

/** The span in its natural unit, rounded as Anki shows it (`as_rounded_unit`). */
export function roundedAmount(ms: number): { amount: number; unit: TimeSpanUnit } {
  const unit = naturalUnit(ms);
  const exact = ms / UNIT_MS[unit];
  const amount =
    unit === 'seconds' || unit === 'days' ? Math.round(exact) : Math.round(exact * 10) / 10;
  return { amount, unit };
}

/** "1 second", "30 seconds", "1.5 minutes", "23.6 hours", "1 day", "12 months", "1.5 years". */
export function formatTimeSpan(ms: number): string {
  const { amount, unit } = roundedAmount(ms);
  // English plural rule, as Anki's Fluent strings apply it: only exactly 1 is singular.
  return `${amount} ${amount === 1 ? SINGULAR[unit] : unit}`;
}

/** When something at `due` happens, seen from `now`: "now" once it is due, else "in 1.5 hours". */
export function formatDueIn(due: number, now: number): string {
  const diff = due - now;
  if (diff <= 0 || roundedAmount(diff).amount === 0) return 'now';
  return `in ${formatTimeSpan(diff)}`;
}
