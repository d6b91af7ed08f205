// How the Stats screen writes numbers, times and days. Pure: no React, no clock.
const INT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

const finite = (n: number) => (Number.isFinite(n) ? n : 0);

export const formatCount = (n: number): string => INT.format(finite(n));
export const formatOne = (n: number): string => ONE.format(finite(n));

/** A rate 0–1 as a percent with one decimal, or a dash when there is nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${ONE.format(rate * 100)}%`;
}

/** Study time as a person reads it: "45 s", "12 min", "2 h 5 min". */
export function formatTime(ms: number): string {
  const s = Math.round(finite(ms) / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A YYYY-MM-DD study date as "Nov 24" (or "Tue, Nov 24, 2026" with `long`). */
export function formatDay(date: string, long = false): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return date;
  return (long ? LONG_DAY : DAY).format(t);
}

/** Day of the week (0 Sunday … 6 Saturday) of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;
