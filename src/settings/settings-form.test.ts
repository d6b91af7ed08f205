import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { fromForm, toForm } from './settings-form.ts';

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
});
