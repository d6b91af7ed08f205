// Settings stored before presets existed keep working: they load as the Default preset (the limits
// they held), presets saved later come back as saved, and a damaged preset list falls back to
// none without losing the other settings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { checkStoredSettings } from './validate.ts';

/** A settings record as version 1 stored it: no presets, no deck assignments. */
const OLD = {
  desiredRetention: 0.85,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  enableFuzz: true,
  newPerDay: 12,
  reviewsPerDay: 150,
  dayStartHour: 4,
  weights: null,
};

describe('stored settings and limit presets', () => {
  it('an old record loads unchanged, its limits being the Default preset', () => {
    const { settings, problems } = checkStoredSettings(OLD);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ newPerDay: 12, reviewsPerDay: 150, desiredRetention: 0.85 });
    expect(settings.presets).toBeUndefined();
    expect(settings.deckPresets).toBeUndefined();
  });

  it('presets and deck assignments round-trip', () => {
    const stored = {
      ...OLD,
      presets: [{ id: 'p1', name: ' Light ', newPerDay: 5, reviewsPerDay: 50 }],
      deckPresets: { ml: 'p1', 'ml/nlp.md': 'p1' },
    };
    const { settings, problems } = checkStoredSettings(stored);
    expect(problems).toEqual([]);
    expect(settings.presets).toEqual([
      { id: 'p1', name: 'Light', newPerDay: 5, reviewsPerDay: 50 },
    ]);
    expect(settings.deckPresets).toEqual({ ml: 'p1', 'ml/nlp.md': 'p1' });
  });

  it('a damaged preset list is named and dropped; the other settings stay', () => {
    const stored = {
      ...OLD,
      presets: [
        { id: 'a', name: 'Same', newPerDay: 5, reviewsPerDay: 50 },
        { id: 'b', name: 'same', newPerDay: 5, reviewsPerDay: 50 },
      ],
    };
    const { settings, problems } = checkStoredSettings(stored);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/presets setting .* used twice/);
    expect(settings.presets).toBe(DEFAULT_SETTINGS.presets);
    expect(settings.newPerDay).toBe(12);
  });
});
