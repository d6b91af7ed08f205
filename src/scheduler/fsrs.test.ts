import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import {
  answer,
  formatInterval,
  newSchedulingState,
  previewIntervals,
  retrievability,
} from './fsrs.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const now = new Date('2026-11-24T10:00:00-05:00').getTime();
const MIN = 60_000;
const DAY = 86_400_000;

describe('FSRS through ts-fsrs', () => {
  it("follows Anki's learning steps 1m 10m for a new card", () => {
    const p = previewIntervals(newSchedulingState(now), now, settings);
    expect(p[1].due - now).toBe(1 * MIN);
    expect(p[3].due - now).toBe(10 * MIN);
    expect(p[4].due - now).toBeGreaterThanOrEqual(DAY);
    expect([p[1].label, p[3].label]).toEqual(['1m', '10m']);
  });

  it('graduates after the last step and lapses to relearning on Again', () => {
    let s = answer(newSchedulingState(now), 3, now, settings);
    expect(s.phase).toBe('learning');
    s = answer(s, 3, now + 10 * MIN, settings);
    expect(s.phase).toBe('review');
    expect(s.scheduledDays).toBeGreaterThanOrEqual(1);
    const lapse = answer(s, 1, s.due, settings);
    expect(lapse.phase).toBe('relearning');
    expect(lapse.lapses).toBe(1);
    expect(lapse.due - s.due).toBe(10 * MIN);
  });

  it('higher retention gives shorter intervals', () => {
    const learned = answer(newSchedulingState(now), 4, now, settings);
    const at = (r: number) =>
      previewIntervals(learned, learned.due, { ...settings, desiredRetention: r })[3].due;
    expect(at(0.95)).toBeLessThan(at(0.8));
  });

  it('formats intervals for the buttons', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(10 * MIN)).toBe('10m');
    expect(formatInterval(5 * 3_600_000)).toBe('5h');
    expect(formatInterval(DAY)).toBe('1d');
    expect(formatInterval(96 * DAY)).toBe('3.2mo');
    expect(formatInterval(548 * DAY)).toBe('1.5y');
  });

  it('retrievability is 0 for new cards and falls over time', () => {
    expect(retrievability(newSchedulingState(now), now, settings)).toBe(0);
    const s = answer(newSchedulingState(now), 4, now, settings);
    const r1 = retrievability(s, now + DAY, settings);
    const r2 = retrievability(s, now + 30 * DAY, settings);
    expect(r1).toBeGreaterThan(r2);
    expect(r1).toBeLessThanOrEqual(1);
  });
});
