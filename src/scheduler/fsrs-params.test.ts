// Guards: FSRS-5 parameters (19 numbers, as Anki 24.x shows them) gave shorter intervals than
// fsrs-rs after a same-day lapse, because ts-fsrs clipped the padded w19 = 0 up to 0.01.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Rating, type SchedulingState } from '../shared/types.ts';
import { ankiNextStates } from './anki-answer.ts';
import { newSchedulingState } from './fsrs.ts';
import { ankiAlgorithm, filledParameters, intervalPerStability } from './fsrs-params.ts';

// ts-fsrs's own FSRS-5 test (__tests__/FSRS-5.test.ts, "ivl_history"): these parameters, Good ×6,
// Again ×2, Good ×5, each answered when due, with 1m 10m learning and 10m relearning steps.
const FSRS5_W = [
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
  1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
const RATINGS: Rating[] = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];

function intervals(weights: number[]): number[] {
  const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, weights };
  let now = new Date(2022, 11, 29, 12, 30).getTime();
  let s: SchedulingState = newSchedulingState(now);
  return RATINGS.map((r) => {
    const out = ankiNextStates(s, now, settings, 'card')[r];
    s = out.state;
    now = s.due;
    return out.interval.kind === 'days' ? out.interval.days : 0;
  });
}

describe('FSRS parameters as fsrs-rs reads them (model.rs check_and_fill_parameters)', () => {
  it('19 numbers give the intervals fsrs-rs gives: …7, 16, 34, 71, 142', () => {
    const debug = vi.spyOn(console, 'debug');
    expect(intervals(FSRS5_W)).toEqual([0, 4, 14, 44, 125, 328, 0, 0, 7, 16, 34, 71, 142]);
    // Padded here, so ts-fsrs has nothing to migrate.
    expect(debug).not.toHaveBeenCalled();
    debug.mockRestore();
  });

  it('the same 19 numbers written out as 21 (w19 = 0, w20 = 0.5) schedule the same', () => {
    expect(intervals([...FSRS5_W, 0, 0.5])).toEqual(intervals(FSRS5_W));
  });

  it.each([
    ['19: w19 = 0, w20 = 0.5 appended', FSRS5_W, [...FSRS5_W, 0, 0.5]],
    [
      '17: FSRS-4.5 converted (w4 += 2·w5, w5 = ln(3·w5 + 1)/3, w6 += 0.5), then 0, 0, 0, 0.5',
      [
        0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29,
        2.61,
      ],
      [
        0.4,
        0.6,
        2.4,
        5.8,
        4.93 + 2 * 0.94,
        Math.log(3 * 0.94 + 1) / 3,
        0.86 + 0.5,
        0.01,
        1.49,
        0.14,
        0.94,
        2.18,
        0.05,
        0.34,
        1.26,
        0.29,
        2.61,
        0,
        0,
        0,
        0.5,
      ],
    ],
  ])('%s', (_what, given, filled) => {
    const got = filledParameters(given);
    expect(got).toHaveLength(21);
    got.forEach((w, i) => expect(w).toBeCloseTo(filled[i]!, 10));
  });

  it('the model keeps w19 = 0 (fsrs-rs clips it at 0; ts-fsrs with short-term on at 0.01)', () => {
    const algorithm = ankiAlgorithm(0.9, FSRS5_W);
    expect(algorithm.parameters.w[19]).toBe(0);
    expect(algorithm.parameters.w[20]).toBe(0.5);
    expect(algorithm.parameters.enable_short_term).toBe(true);
  });

  it('null means the FSRS-6 defaults; the interval at 0.9 retention is the stability', () => {
    expect(filledParameters(null)).toHaveLength(21);
    expect(intervalPerStability(null, 0.9)).toBeCloseTo(1, 10);
    expect(intervalPerStability(FSRS5_W, 0.9)).toBeCloseTo(1, 10);
    expect(intervalPerStability(FSRS5_W, 0.8)).toBeGreaterThan(1);
  });
});
