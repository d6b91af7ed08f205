// FSRS parameters as fsrs-rs reads them (src/model.rs check_and_fill_parameters): a person may
// paste 17 (FSRS-4.5), 19 (FSRS-5, what Anki 24.x shows) or 21 (FSRS-6) numbers, and every
// count is turned into the 21 the model uses the same way Anki does.
import { default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';

/** FSRS-5's forgetting curve decay, the w20 fsrs-rs adds to 17 or 19 numbers. */
export const FSRS5_DECAY = 0.5;

/**
 * The 21 parameters fsrs-rs uses for `weights` (null: the defaults): 19 numbers get w19 = 0 (no
 * short-term stability exponent) and w20 = 0.5; 17 numbers are converted to FSRS-5's initial
 * difficulty and get w17 = w18 = w19 = 0, w20 = 0.5.
 */
export function filledParameters(weights: readonly number[] | null): number[] {
  if (weights === null) return [...default_w];
  switch (weights.length) {
    case 21:
      return [...weights];
    case 19:
      return [...weights, 0, FSRS5_DECAY];
    case 17: {
      const w = [...weights];
      w[4] = w[5]! * 2 + w[4]!;
      w[5] = Math.log(w[5]! * 3 + 1) / 3;
      w[6] = w[6]! + 0.5;
      return [...w, 0, 0, 0, FSRS5_DECAY];
    }
    default:
      throw new RangeError(`FSRS takes 17, 19 or 21 parameters, not ${weights.length}.`);
  }
}

/**
 * How much longer than its stability a card waits at `retention` (fsrs-rs next_interval divided
 * by S): (R^(−1/decay) − 1) / (0.9^(−1/decay) − 1). 1 at 0.9.
 */
export function intervalPerStability(weights: readonly number[] | null, retention: number): number {
  const decay = filledParameters(weights)[20]!;
  return (Math.pow(retention, -1 / decay) - 1) / (Math.pow(0.9, -1 / decay) - 1);
}

/**
 * ts-fsrs's memory model with the parameters fsrs-rs would use. ts-fsrs's own migration pads 19
 * numbers the same way, but then clips w19 to at least 0.01 whenever short-term stability is on
 * (fsrs-rs and Anki clip it at 0), which shortens every interval after a same-day lapse (ts-fsrs's
 * FSRS-5 test sequence: …6, 14, 31, 65, 130 instead of …7, 16, 34, 71, 142). So the parameters are
 * filled here and clipped with short-term off (w19 ≥ 0), and short-term stability is switched on
 * afterwards: it selects the same-day formula for delta_t = 0 and does not clip again.
 */
export function ankiAlgorithm(retention: number, weights: readonly number[] | null): FSRSAlgorithm {
  const algorithm = new FSRSAlgorithm(
    generatorParameters({
      request_retention: retention,
      enable_short_term: false,
      enable_fuzz: false,
      w: filledParameters(weights),
    }),
  );
  algorithm.parameters.enable_short_term = true;
  return algorithm;
}
