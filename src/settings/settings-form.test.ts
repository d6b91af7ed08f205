import { describe, expect, it } from 'vitest';
import { STEP_HELP, validateSettings } from '../scheduler/settings.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { FIELD_HELP, fromForm, toForm } from './settings-form.ts';

describe('settings form', () => {
  it('round-trips the defaults', () => {
    expect(fromForm(toForm(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it('reads steps separated by spaces or commas and weights as numbers', () => {
    const f = { ...toForm(DEFAULT_SETTINGS), learningSteps: '1m, 10m  1h', weights: '0.4, 1.2,3' };
    const out = fromForm(f);
    expect(out.learningSteps).toEqual(['1m', '10m', '1h']);
    expect(out.weights).toEqual([0.4, 1.2, 3]);
  });

  it('turns an empty number field into NaN, so validation rejects it instead of saving 0', () => {
    expect(fromForm({ ...toForm(DEFAULT_SETTINGS), newPerDay: '  ' }).newPerDay).toBeNaN();
  });

  // Guards: the help said "Units: s, m, h, d" while saving "30s" was refused.
  it('shows the step help validation uses, and a seconds step from the form is saved', () => {
    expect(FIELD_HELP.learningSteps[1]).toContain(STEP_HELP);
    expect(FIELD_HELP.relearningSteps[1]).toContain(STEP_HELP);
    const f = { ...toForm(DEFAULT_SETTINGS), learningSteps: '30s 10m', relearningSteps: '45s' };
    const result = validateSettings(fromForm(f));
    expect(result.ok && result.settings.learningSteps).toEqual(['30s', '10m']);
  });
});

describe('settings screen groups', () => {
  // Guards: a new setting added to the form but to no group would never be shown.
  it('shows every field of the form exactly once', async () => {
    const { GROUPS } = await import('./settings-screen.tsx');
    const shown = GROUPS.flatMap(([, fields]) => fields);
    expect([...shown].sort()).toEqual(Object.keys(FIELD_HELP).sort());
    expect(new Set(shown).size).toBe(shown.length);
  });
});
