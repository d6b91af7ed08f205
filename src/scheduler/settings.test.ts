import { default_w } from 'ts-fsrs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { answer, newSchedulingState } from './fsrs.ts';
import { parseStep, STEP_HELP, validateSettings, WEIGHT_COUNTS } from './settings.ts';

describe('settings validation', () => {
  it("accepts Anki's defaults", () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('rejects out-of-range values with a sentence per field', () => {
    const r = validateSettings({
      ...DEFAULT_SETTINGS,
      desiredRetention: 0.5,
      newPerDay: -1,
      reviewsPerDay: 1.5,
      learningSteps: ['1m', '1x'],
      maximumInterval: 0,
      dayStartHour: 24,
      weights: [1, 2],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(
      [
        'dayStartHour',
        'desiredRetention',
        'learningSteps',
        'maximumInterval',
        'newPerDay',
        'reviewsPerDay',
        'weights',
      ].sort(),
    );
    expect(r.errors.find((e) => e.field === 'learningSteps')?.message).toContain('"1x"');
    for (const bad of [Number.NaN, 0.995, 0.69, '0.9']) {
      expect(validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: bad }).ok).toBe(false);
    }
    expect(validateSettings(null).ok).toBe(false);
  });

  it('accepts the edges of each range', () => {
    const edge = {
      ...DEFAULT_SETTINGS,
      desiredRetention: 0.7,
      newPerDay: 0,
      reviewsPerDay: 0,
      learningSteps: [],
      maximumInterval: 1,
      dayStartHour: 23,
    };
    expect(validateSettings(edge)).toEqual({ ok: true, settings: edge });
    expect(validateSettings({ ...edge, desiredRetention: 0.99, dayStartHour: 0 }).ok).toBe(true);
  });

  it('keeps only known fields', () => {
    const r = validateSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(r.ok && Object.keys(r.settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('accepts FSRS-6 parameters and the 19 of FSRS-5 that Anki exports, and they schedule', () => {
    const fsrs5 = default_w.slice(0, 19);
    // The 19 of FSRS-5 are filled up to 21 as fsrs-rs does (fsrs-params.ts) before ts-fsrs sees
    // them, so ts-fsrs has nothing to migrate and says nothing on the console.
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      for (const weights of [[...default_w], fsrs5]) {
        const r = validateSettings({ ...DEFAULT_SETTINGS, weights });
        expect(r.ok).toBe(true);
        if (!r.ok) continue;
        const now = Date.UTC(2026, 0, 5);
        expect(answer(newSchedulingState(now), 4, now, r.settings, 'deck.md:1').phase).toBe(
          'review',
        );
      }
      expect(debug.mock.calls).toEqual([]);
    } finally {
      debug.mockRestore();
    }
    expect(validateSettings({ ...DEFAULT_SETTINGS, weights: [...default_w, 1] }).ok).toBe(false);
    expect(
      validateSettings({ ...DEFAULT_SETTINGS, weights: [...default_w.slice(1), Number.NaN] }).ok,
    ).toBe(false);
  });

  it('parses steps in seconds, minutes, hours and days, decimals too, as Anki accepts them', () => {
    expect(parseStep('1m')).toBe(60_000);
    expect(parseStep('10m')).toBe(600_000);
    expect(parseStep(' 1h ')).toBe(3_600_000);
    expect(parseStep('1d')).toBe(86_400_000);
    expect(parseStep('30s')).toBe(30_000);
    expect(parseStep('1.5m')).toBe(90_000);
    expect(parseStep('0m')).toBeNull();
    expect(parseStep('0.5s')).toBeNull();
    expect(parseStep('10')).toBeNull();
    expect(parseStep('1x')).toBeNull();
    expect(parseStep('-1m')).toBeNull();
  });

  // Guards: Settings help promised "s" while validation refused "30s".
  it('accepts every unit the help text names, with the same words in help and errors', () => {
    const ok = validateSettings({ ...DEFAULT_SETTINGS, learningSteps: ['30s', '10m'] });
    expect(ok.ok).toBe(true);
    for (const unit of ['s', 'm', 'h', 'd']) {
      expect(STEP_HELP).toMatch(new RegExp(`\\b${unit}\\b`));
      expect(validateSettings({ ...DEFAULT_SETTINGS, relearningSteps: [`2${unit}`] }).ok).toBe(
        true,
      );
    }
    const bad = validateSettings({ ...DEFAULT_SETTINGS, learningSteps: ['5x'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toContain(STEP_HELP);
  });

  it('the FSRS-6 parameter count kept as a constant in shared/ is still ts-fsrs’s', () => {
    expect(WEIGHT_COUNTS).toContain(default_w.length);
    expect(Math.max(...WEIGHT_COUNTS)).toBe(default_w.length);
  });
});
