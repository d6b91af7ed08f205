// Guards the metrics the Optimize panel shows and the rule that applies new parameters only when
// they are better: our log loss and RMSE (bins) must agree with fsrs-rs's own evaluate on the same
// items. The reference figures below were computed by fsrs-rs itself (the
// @open-spaced-repetition/binding 0.5.0 package, native in Node) on syntheticItems(800):
// `computeParameters(items, { enableShortTerm: true })`, then `new FSRSBinding(w).evaluate(items)`
// for the defaults and for the fitted parameters. They are written here rather than computed on
// every run because the npm registry CI installs from lacks that package's other platform builds,
// so `npm ci` cannot install it.
import { describe, expect, it } from 'vitest';
import type { Rating } from '../shared/types.ts';
import { evaluate, isBetter } from './fsrs-evaluate.ts';
import type { FsrsItem } from './fsrs-items.ts';

/** Seeded synthetic histories: mostly Good, some lapses, intervals that grow. */
function syntheticItems(cards: number): FsrsItem[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const items: FsrsItem[] = [];
  for (let c = 0; c < cards; c++) {
    const length = 2 + Math.floor(rnd() * 10);
    const history: FsrsItem = [];
    let ivl = 0;
    for (let i = 0; i < length; i++) {
      const rating = (rnd() < 0.12 ? 1 : rnd() < 0.1 ? 2 : rnd() < 0.9 ? 3 : 4) as Rating;
      history.push({ rating, deltaT: i === 0 ? 0 : ivl });
      ivl = rating === 1 ? 1 : Math.max(1, Math.round(ivl * 2.5 + rnd() * 2));
    }
    for (let i = 2; i <= history.length; i++) items.push(history.slice(0, i));
  }
  return items;
}

const FSRS_RS = {
  fitted: [
    1.2581217288970947, 1.2581217288970947, 1.2581217288970947, 1.2581217288970947,
    6.442013740539551, 0.7683735489845276, 2.8985378742218018, 0.1098613291978836,
    1.6870919466018677, 0.287448912858963, 0.6224784851074219, 1.452468752861023,
    0.06322997063398361, 0.1511325091123581, 1.624643087387085, 0.6200783252716064,
    1.375754475593567, 0.5425000190734863, 0.09120000153779984, 0.0658000037074089,
    0.10000000149011612,
  ],
  default: { logLoss: 0.39476749300956726, rmseBins: 0.05336308106780052 },
  fitted_evaluate: { logLoss: 0.37572163343429565, rmseBins: 0.035421960055828094 },
} as const;

describe('evaluating parameters on a log', () => {
  it('agrees with fsrs-rs evaluate for the default and for fitted parameters', () => {
    const items = syntheticItems(800);
    const cases = [
      [null, FSRS_RS.default],
      [FSRS_RS.fitted, FSRS_RS.fitted_evaluate],
    ] as const;
    for (const [weights, theirs] of cases) {
      const ours = evaluate(items, weights === null ? null : [...weights]);
      expect(Math.abs(ours.logLoss - theirs.logLoss)).toBeLessThan(0.01);
      expect(Math.abs(ours.rmseBins - theirs.rmseBins)).toBeLessThan(0.003);
    }
    // Fitted parameters predict this log better than the defaults, by both figures.
    const before = evaluate(items, null);
    const after = evaluate(items, [...FSRS_RS.fitted]);
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.rmseBins).toBeLessThan(before.rmseBins);
  });

  it('an answer predicted at 0.9 that was recalled costs -ln 0.9 of log loss', () => {
    // One item: first answer Good, the second after exactly the stability of Good (R = 0.9).
    const w = [0.212, 1.2931, 5, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796];
    const weights = [...w, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658];
    const result = evaluate(
      [
        [
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 5 },
        ],
      ],
      [...weights, 0.1542],
    );
    expect(result.logLoss).toBeCloseTo(-Math.log(0.9), 5);
    expect(result.rmseBins).toBeCloseTo(0.1, 5);
  });
});

describe('new parameters are applied only when they are better (Anki compute_params)', () => {
  const e = (rmseBins: number, logLoss = 0.3) => ({ rmseBins, logLoss });
  it.each([
    ['lower RMSE (bins)', e(0.05), e(0.03), true],
    ['equal RMSE keeps the current ones', e(0.03), e(0.03), false],
    ['higher RMSE, even with a lower log loss', e(0.03, 0.4), e(0.04, 0.2), false],
    ['new figures that could not be computed', e(0.03), e(NaN), false],
  ])('%s', (_name, current, next, applies) => {
    expect(isBetter(current, next)).toBe(applies);
  });
});
