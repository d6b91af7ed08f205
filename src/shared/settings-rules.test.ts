// Guards issue 10: a stored record or backup with impossible settings values (retention 5, a
// step "abc") reached the scheduler and blanked the review page.
import { describe, expect, it } from 'vitest';
import { repairSettings, validateSettings } from './settings-rules.ts';
import { DEFAULT_SETTINGS } from './types.ts';

describe('repairSettings', () => {
  it('replaces each impossible value by its default and names the field in a sentence', () => {
    const r = repairSettings(
      { ...DEFAULT_SETTINGS, desiredRetention: 5, learningSteps: ['abc'], newPerDay: 7 },
      'The backup’s',
    );
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 7 });
    expect(validateSettings(r.settings).ok).toBe(true);
    expect(r.problems.map((p) => p.field)).toEqual(['desiredRetention', 'learningSteps']);
    expect(r.problems[0]?.message).toMatch(
      /^The backup’s desired retention setting \(5\) cannot be used, so the default \(0\.9\) applies/,
    );
    expect(r.problems[1]?.message).toContain('"abc" is not a step');
  });

  it('fills missing fields quietly and keeps sound ones, steps trimmed', () => {
    const r = repairSettings({ relearningSteps: [' 5m '], theme: 'dark' }, 'The stored');
    expect(r.problems).toEqual([]);
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, relearningSteps: ['5m'] });
  });

  it('treats anything that is not an object as all defaults', () => {
    for (const v of [null, 3, 'x', [1, 2]])
      expect(repairSettings(v, 'The stored').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('every value it keeps passes the form’s own validation', () => {
    const wild = {
      desiredRetention: 0,
      learningSteps: ['0m'],
      relearningSteps: 'ten',
      maximumInterval: 1e9,
      enableFuzz: 'yes',
      newPerDay: -1,
      reviewsPerDay: 1.5,
      dayStartHour: 24,
      weights: [1, 2],
    };
    const r = repairSettings(wild, 'The stored');
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problems).toHaveLength(9);
  });
});
