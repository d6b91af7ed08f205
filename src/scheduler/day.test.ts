// Runs with TZ=America/New_York (vitest.config.ts), so UTC or midnight assumptions fail here.
import { describe, expect, it } from 'vitest';
import { dayKey, dayStartOf, daysBetween, nextDayStart } from './day.ts';

const local = (s: string) => new Date(s).getTime();

describe('the study day starts at a local hour', () => {
  it('03:59 still belongs to yesterday; 04:00 starts today', () => {
    expect(dayKey(local('2026-11-24T03:59:00-05:00'), 4)).toBe('2026-11-23');
    expect(dayKey(local('2026-11-24T04:00:00-05:00'), 4)).toBe('2026-11-24');
    expect(dayStartOf(local('2026-11-24T23:30:00-05:00'), 4)).toBe(
      local('2026-11-24T04:00:00-05:00'),
    );
    expect(dayStartOf(local('2026-11-25T01:00:00-05:00'), 4)).toBe(
      local('2026-11-24T04:00:00-05:00'),
    );
  });

  it('is local time, not UTC: 21:00 New York is the next UTC date but the same study day', () => {
    expect(dayKey(local('2026-11-24T21:00:00-05:00'), 4)).toBe('2026-11-24');
  });

  it('handles DST: spring forward (23 h day) and fall back (25 h day)', () => {
    const spring = dayStartOf(local('2026-03-08T12:00:00-04:00'), 4);
    expect(spring).toBe(local('2026-03-08T04:00:00-04:00'));
    expect(
      nextDayStart(local('2026-03-07T12:00:00-05:00'), 4) - local('2026-03-07T04:00:00-05:00'),
    ).toBe(23 * 3_600_000);
    expect(
      nextDayStart(local('2026-10-31T12:00:00-04:00'), 4) - local('2026-10-31T04:00:00-04:00'),
    ).toBe(25 * 3_600_000);
    expect(dayKey(local('2026-11-01T03:30:00-05:00'), 4)).toBe('2026-10-31');
  });

  it('midnight as the day start', () => {
    expect(dayStartOf(local('2026-11-24T00:00:00-05:00'), 0)).toBe(
      local('2026-11-24T00:00:00-05:00'),
    );
  });

  it('an hour skipped by DST: day start 02:00 on 2026-03-08 falls on 03:00 EDT', () => {
    expect(dayStartOf(local('2026-03-08T03:30:00-04:00'), 2)).toBe(
      local('2026-03-08T03:00:00-04:00'),
    );
    expect(dayKey(local('2026-03-08T03:00:00-04:00'), 2)).toBe('2026-03-08');
    expect(dayKey(local('2026-03-08T01:59:00-05:00'), 2)).toBe('2026-03-07');
  });

  it('fall back at 04:00 on 2026-11-01: the day starts once, at 04:00 EST', () => {
    const start = dayStartOf(local('2026-11-01T12:00:00-05:00'), 4);
    expect(start).toBe(local('2026-11-01T04:00:00-05:00'));
    expect(nextDayStart(local('2026-11-01T03:59:00-05:00'), 4)).toBe(start);
  });

  it('counts study days between two moments, across DST', () => {
    expect(
      daysBetween(local('2026-11-24T03:59:00-05:00'), local('2026-11-24T04:00:00-05:00'), 4),
    ).toBe(1);
    expect(
      daysBetween(local('2026-11-24T04:00:00-05:00'), local('2026-11-25T03:59:00-05:00'), 4),
    ).toBe(0);
    expect(
      daysBetween(local('2026-03-07T12:00:00-05:00'), local('2026-03-09T05:00:00-04:00'), 4),
    ).toBe(2);
    expect(
      daysBetween(local('2026-10-31T12:00:00-04:00'), local('2026-11-02T05:00:00-05:00'), 4),
    ).toBe(2);
    expect(
      daysBetween(local('2026-11-02T05:00:00-05:00'), local('2026-10-31T12:00:00-04:00'), 4),
    ).toBe(-2);
    expect(
      daysBetween(local('2026-01-01T12:00:00-05:00'), local('2027-01-01T12:00:00-05:00'), 4),
    ).toBe(365);
  });
});
