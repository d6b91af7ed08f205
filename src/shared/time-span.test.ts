// Guards: times on the end-of-session screen read the way Anki says them (not "in 24 hours" for
// 23.6 h, nor "tomorrow" for 24–36 h). Mirrors rslib/src/scheduler/timespan.rs in ankitects/anki:
// `Timespan::natural_span` for the unit and `Timespan::as_rounded_unit` for the amount, and the
// cases of that file's `time_spans` test.
import { describe, expect, it } from 'vitest';
import { formatDueIn, formatTimeSpan, naturalUnit, roundedAmount } from './time-span.ts';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const MONTH = 30.417 * D;

describe('time spans as Anki says them (timespan.rs)', () => {
  it('matches the time_spans test of timespan.rs (not precise)', () => {
    expect(formatTimeSpan(1 * S)).toBe('1 second');
    expect(formatTimeSpan(30.3 * S)).toBe('30 seconds');
    expect(formatTimeSpan(90 * S)).toBe('1.5 minutes');
    expect(formatTimeSpan(45 * D)).toBe('1.5 months');
    expect(formatTimeSpan(364 * D)).toBe('12 months');
    expect(formatTimeSpan(365 * D)).toBe('1 year');
    expect(formatTimeSpan(365 * D * 1.5)).toBe('1.5 years');
  });

  it('natural_span: the largest unit the span reaches', () => {
    expect(naturalUnit(59 * S)).toBe('seconds');
    expect(naturalUnit(MIN)).toBe('minutes');
    expect(naturalUnit(H - 1)).toBe('minutes');
    expect(naturalUnit(H)).toBe('hours');
    expect(naturalUnit(D - 1)).toBe('hours');
    expect(naturalUnit(D)).toBe('days');
    expect(naturalUnit(MONTH - 1)).toBe('days');
    expect(naturalUnit(MONTH)).toBe('months');
    expect(naturalUnit(365 * D)).toBe('years');
    expect(naturalUnit(-2 * H)).toBe('hours');
  });

  it('as_rounded_unit: seconds and days whole, the other units to one decimal', () => {
    expect(roundedAmount(23.6 * H)).toEqual({ amount: 23.6, unit: 'hours' });
    expect(roundedAmount(1.44 * D)).toEqual({ amount: 1, unit: 'days' });
    expect(roundedAmount(1.5 * D)).toEqual({ amount: 2, unit: 'days' });
    expect(roundedAmount(12.34 * MIN)).toEqual({ amount: 12.3, unit: 'minutes' });
    expect(roundedAmount(42.6 * S)).toEqual({ amount: 43, unit: 'seconds' });
  });

  it('says when the next card is due', () => {
    const now = Date.UTC(2026, 10, 24, 20);
    expect(formatDueIn(now + 23.6 * H, now)).toBe('in 23.6 hours');
    expect(formatDueIn(now + 30 * H, now)).toBe('in 1 day');
    expect(formatDueIn(now + 36 * H, now)).toBe('in 2 days');
    expect(formatDueIn(now + 10 * MIN, now)).toBe('in 10 minutes');
    expect(formatDueIn(now + 1.5 * MONTH, now)).toBe('in 1.5 months');
    expect(formatDueIn(now + 45 * S, now)).toBe('in 45 seconds');
    expect(formatDueIn(now, now)).toBe('now');
    expect(formatDueIn(now - 5 * MIN, now)).toBe('now');
  });
});
