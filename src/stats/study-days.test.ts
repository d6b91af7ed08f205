import { describe, expect, it } from 'vitest';
import { offsetLookup, studyDays } from './study-days.ts';

// Instants written in UTC so the test does not depend on the process's own zone.
const utc = (s: string) => Date.parse(s + 'Z');

describe('studyDays', () => {
  it('puts 01:00 local in the day before with a 04:00 start, and 04:00 in the new day', () => {
    // New York is UTC−5 in January: 2026-01-15 10:00 local = 15:00Z.
    const d = studyDays(utc('2026-01-15T15:00:00'), 4, 'America/New_York');
    expect(d.index(utc('2026-01-15T09:00:00'))).toBe(0); // 04:00 local, first instant of today
    expect(d.index(utc('2026-01-15T08:59:59'))).toBe(-1); // 03:59:59 local
    expect(d.index(utc('2026-01-15T06:00:00'))).toBe(-1); // 01:00 local
    expect(d.index(utc('2026-01-16T09:00:00'))).toBe(1);
    expect(d.start(0)).toBe(utc('2026-01-15T09:00:00'));
    expect(d.ref(-1)).toEqual({ index: -1, date: '2026-01-14' });
    expect(d.weekday(0)).toBe(4); // 2026-01-15 is a Thursday
  });

  it('counts a day across midnight with a start hour of 0 and of 23', () => {
    const midnight = studyDays(utc('2026-01-15T15:00:00'), 0, 'America/New_York');
    expect(midnight.index(utc('2026-01-15T04:59:00'))).toBe(-1); // 23:59 on the 14th
    expect(midnight.index(utc('2026-01-15T05:00:00'))).toBe(0); // 00:00 on the 15th
    const late = studyDays(utc('2026-01-15T15:00:00'), 23, 'America/New_York');
    // A 23:00 start: 22:59 on the 15th is still the day that began at 23:00 on the 14th.
    expect(late.index(utc('2026-01-16T03:59:00'))).toBe(0);
    expect(late.index(utc('2026-01-16T04:00:00'))).toBe(1);
    expect(late.ref(0).date).toBe('2026-01-14');
  });

  it('makes the spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    // Berlin: clocks go 02:00 → 03:00 on 2025-03-30 and 03:00 → 02:00 on 2025-10-26.
    // The study day that holds the spring change runs 04:00 CET on the 29th → 04:00 CEST on the 30th.
    const spring = studyDays(utc('2025-03-30T12:00:00'), 4, 'Europe/Berlin');
    expect(spring.start(0) - spring.start(-1)).toBe(23 * 3_600_000);
    expect(spring.start(0)).toBe(utc('2025-03-30T02:00:00')); // 04:00 CEST
    expect(spring.start(-1)).toBe(utc('2025-03-29T03:00:00')); // 04:00 CET
    expect(spring.index(utc('2025-03-30T01:59:00'))).toBe(-1); // 03:59 CEST on the 30th
    const fall = studyDays(utc('2025-10-26T12:00:00'), 4, 'Europe/Berlin');
    expect(fall.start(0) - fall.start(-1)).toBe(25 * 3_600_000);
    expect(fall.index(utc('2025-10-26T02:59:00'))).toBe(-1); // 03:59 CET on the 26th
    expect(fall.index(utc('2025-10-26T03:00:00'))).toBe(0);
    expect(fall.index(utc('2025-10-25T02:00:00'))).toBe(-1); // 04:00 CEST on the 25th
  });

  it('follows the zone it is given, not the process zone', () => {
    const t = utc('2026-06-01T02:30:00');
    // 04:30 in Berlin (today's day has begun), 22:30 the day before in New York.
    expect(studyDays(t, 4, 'Europe/Berlin').ref(0).date).toBe('2026-06-01');
    expect(studyDays(t, 4, 'America/New_York').ref(0).date).toBe('2026-05-31');
    expect(studyDays(t, 4, 'Asia/Kathmandu').ref(0).date).toBe('2026-06-01'); // 08:15, +05:45
  });
});

describe('offsetLookup', () => {
  it('reads quarter-hour offsets', () => {
    expect(offsetLookup('Asia/Kathmandu')(utc('2026-01-01T00:00:00'))).toBe(345 * 60_000);
    expect(offsetLookup('UTC')(utc('2026-01-01T00:00:00'))).toBe(0);
  });
});
