import { describe, expect, it } from 'vitest';
import { logIdLowerBound, newLogId } from './ids.ts';

describe('log entry ids', () => {
  it('are 9 base36 digits of the time, a dash and 8 random base36 digits', () => {
    const t = new Date('2026-11-24T10:00:00Z').getTime();
    const id = newLogId(t, () => 0.5);
    expect(id).toMatch(/^[0-9a-z]{9}-[0-9a-z]{8}$/);
    expect(parseInt(id.slice(0, 9), 36)).toBe(t);
    expect(id.slice(10)).toBe('iiiiiiii');
    expect(newLogId(0, () => 0)).toBe('000000000-00000000');
    expect(newLogId(t, () => 0.999999).slice(10)).toBe('zzzzzzzz');
  });

  it('sort as strings in time order, and after their lower bound', () => {
    const times = [0, 1, 35, 36, 1_700_000_000_000, 1_800_000_000_000, 4_102_444_800_000];
    const ids = times.map((t) => newLogId(t));
    expect([...ids].sort()).toEqual(ids);
    times.forEach((t, i) => expect(ids[i]! >= logIdLowerBound(t)).toBe(true));
    expect(newLogId(times[3]!) > logIdLowerBound(times[3]! + 1)).toBe(false);
  });

  it('differ for answers in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newLogId(1_800_000_000_000)));
    expect(ids.size).toBe(1000);
  });
});
