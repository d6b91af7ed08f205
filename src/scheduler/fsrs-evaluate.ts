// How well a set of FSRS parameters predicts a review log: the two figures Anki shows after
// "Optimize" (fsrs-rs FSRS::evaluate): log loss and RMSE (bins). Computed here, with ts-fsrs's
// FSRS maths, because the optimizer build that runs in the browser (fsrs-browser) has no evaluate;
// both parameter sets are measured by this same code on the same items, so the comparison is fair.
import { FSRSAlgorithm, default_w, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { FsrsItem } from './fsrs-items.ts';

export interface Evaluation {
  /** Mean binary cross-entropy of the predicted recall against what happened (lower is better). */
  logLoss: number;
  /** Root mean square gap between predicted and actual recall over groups of similar answers. */
  rmseBins: number;
}

/**
 * fsrs-rs groups answers for RMSE (bins) by the interval before the answer, the number of earlier
 * answers on later days, and the number of those that lapsed, each on a log scale.
 */
function binKey(item: FsrsItem): string {
  const current = item[item.length - 1];
  const deltaT = current?.deltaT ?? 0;
  const logBin = (x: number, base: number, scale: number) =>
    Math.round(scale * base ** Math.floor(Math.log(x) / Math.log(base)));
  const longTerm = item.filter((r) => r.deltaT > 0).length;
  const lapses = item.slice(0, -1).filter((r) => r.rating === 1 && r.deltaT > 0).length;
  return [
    logBin(deltaT, 3.62, 248),
    logBin(longTerm + 1, 1.89, 1.99),
    lapses === 0 ? 0 : logBin(lapses, 1.73, 1.65),
  ].join(',');
}

/** Predicted recall of each item's last answer, from replaying the answers before it. */
export function predictRecall(items: readonly FsrsItem[], weights: readonly number[] | null) {
  const algorithm = new FSRSAlgorithm(
    generatorParameters({ w: weights ? [...weights] : [...default_w], enable_short_term: true }),
  );
  return items.map((item) => {
    let state: FSRSState | null = null;
    for (let i = 0; i < item.length - 1; i++) {
      const r = item[i];
      if (r) state = algorithm.next_state(state, r.deltaT, r.rating);
    }
    const last = item[item.length - 1];
    if (!state || !last) return 0.5;
    return algorithm.forgetting_curve(last.deltaT, state.stability);
  });
}

export function evaluate(
  items: readonly FsrsItem[],
  weights: readonly number[] | null,
): Evaluation {
  const predictions = predictRecall(items, weights);
  const bins = new Map<string, { predicted: number; actual: number; count: number }>();
  let loss = 0;
  items.forEach((item, i) => {
    const p = Math.min(Math.max(predictions[i] ?? 0.5, 1e-7), 1 - 1e-7);
    const recalled = (item[item.length - 1]?.rating ?? 1) > 1 ? 1 : 0;
    loss -= recalled * Math.log(p) + (1 - recalled) * Math.log(1 - p);
    const key = binKey(item);
    const bin = bins.get(key) ?? { predicted: 0, actual: 0, count: 0 };
    bin.predicted += p;
    bin.actual += recalled;
    bin.count += 1;
    bins.set(key, bin);
  });
  let squares = 0;
  for (const bin of bins.values())
    squares += bin.count * ((bin.predicted - bin.actual) / bin.count) ** 2;
  const n = items.length;
  return n === 0
    ? { logLoss: NaN, rmseBins: NaN }
    : { logLoss: loss / n, rmseBins: Math.sqrt(squares / n) };
}

/**
 * Anki keeps the current parameters unless the new ones predict the same log better: it compares
 * RMSE (bins) and keeps the current ones on a tie (compute_params: current <= optimized).
 */
export function isBetter(current: Evaluation, next: Evaluation): boolean {
  return Number.isFinite(next.rmseBins) && !(current.rmseBins <= next.rmseBins);
}
