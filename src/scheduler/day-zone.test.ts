// Guards the zone-aware study day (day.ts with a time zone name): it must count exactly as Date's
// local getters do in that zone, DST days and skipped or repeated wall times included, so an answer
// counted in its recorded zone agrees with the queue counted in the process's own.
import { afterEach, describe, expect, it } from 'vitest';
import { dayStartOf, daysBetween, localTimeZone, nextDayStart, studyDayStart } from './day.ts';

const HOUR = 3_600_000;
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

/** Instants every 20 minutes over the days around a zone's two DST changes of 2026. */
function instantsAround(dates: string[]): number[] {
  const out: number[] = [];
  for (const date of dates) {
    const start = Date.parse(`${date}T00:00:00Z`) - 36 * HOUR;
    for (let t = start; t < start + 72 * HOUR; t += 20 * 60_000) out.push(t);
  }
  return out;
}

const ZONES: [string, string[]][] = [
  ['America/New_York', ['2026-03-08', '2026-11-01', '2026-06-15']],
  ['Europe/Berlin', ['2026-03-29', '2026-10-25']],
  ['Australia/Lord_Howe', ['2026-04-05', '2026-10-04']],
  ['Asia/Kathmandu', ['2026-01-10']],
];

describe('study days counted in a named zone', () => {
  it.each(ZONES)('equal Date local-time counting when the process runs in %s', (zone, dates) => {
    process.env.TZ = zone;
    // Noticed at once, though the zone is cached (Intl names Kathmandu by its older alias).
    expect(localTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const times = instantsAround(dates);
    for (const hour of [0, 1, 2, 3, 4, 12, 23]) {
      for (const t of times) {
        expect(dayStartOf(t, hour, zone)).toBe(dayStartOf(t, hour));
        expect(nextDayStart(t, hour, zone)).toBe(nextDayStart(t, hour));
        expect(studyDayStart(t, 3, hour, zone)).toBe(studyDayStart(t, 3, hour));
        expect(daysBetween(times[0]!, t, hour, zone)).toBe(daysBetween(times[0]!, t, hour));
      }
    }
  });

  it('counts in the named zone whatever zone the process runs in', () => {
    process.env.TZ = 'Asia/Tokyo';
    // 21:00 New York on 24 Nov is 11:00 on 25 Nov in Tokyo: still New York's 24 Nov study day.
    const t = Date.parse('2026-11-24T21:00:00-05:00');
    expect(dayStartOf(t, 4, 'America/New_York')).toBe(Date.parse('2026-11-24T04:00:00-05:00'));
    expect(dayStartOf(t, 4)).toBe(Date.parse('2026-11-25T04:00:00+09:00'));
    // Berlin's spring-forward day is 23 hours long there, however the process counts.
    const sat = Date.parse('2026-03-28T12:00:00+01:00');
    expect(nextDayStart(sat, 4, 'Europe/Berlin') - dayStartOf(sat, 4, 'Europe/Berlin')).toBe(
      23 * HOUR,
    );
  });

  it('a zone name this device does not know counts in the local zone instead of failing', () => {
    const t = Date.parse('2026-11-24T21:00:00-05:00');
    expect(dayStartOf(t, 4, 'Mars/Olympus_Mons')).toBe(dayStartOf(t, 4));
  });
});
