// What the Optimize panel says and decides, as plain functions of what the worker reports.
import { isBetter, type Evaluation } from '../scheduler/fsrs-evaluate.ts';
import { MIN_TRAINING_ITEMS } from '../scheduler/fsrs-items.ts';

/** What the page offers the optimizer (read from `self` by the panel; tests pass their own). */
export interface OptimizeEnvironment {
  crossOriginIsolated: boolean;
  hasSharedArrayBuffer: boolean;
  hasWorker: boolean;
  hasWebAssembly: boolean;
  /** A service worker controls the page (it adds the isolation headers on static hosts). */
  serviceWorkerControlled: boolean;
  serviceWorkerSupported: boolean;
}

/** Why Optimize cannot run here, as a sentence that says what to do; null when it can. */
export function unavailableReason(env: OptimizeEnvironment): string | null {
  if (!env.hasWorker || !env.hasWebAssembly)
    return 'Optimizing needs Web Workers and WebAssembly, which this browser does not offer. Export the review log as CSV below and run the FSRS optimizer elsewhere.';
  if (env.crossOriginIsolated && env.hasSharedArrayBuffer) return null;
  const why =
    'Optimizing needs shared memory, which browsers give only to cross-origin isolated pages.';
  if (env.serviceWorkerSupported && !env.serviceWorkerControlled)
    return `${why} Reload the page once Recall works offline: its service worker then serves it isolated. Meanwhile the CSV export below still works.`;
  return `${why} This server or browser does not isolate the page (it needs the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: credentialless). The CSV export below still works.`;
}

export function tooFewMessage(items: number): string {
  return `Not enough history to optimize: FSRS needs at least ${MIN_TRAINING_ITEMS} answers given on a later day than the card's previous answer (as Anki requires), and this log has ${items}. Keep reviewing and try again later.`;
}

export interface Verdict {
  apply: boolean;
  message: string;
}

/** Anki's rule: the new parameters replace the current ones only when they predict the log better. */
export function verdict(current: Evaluation, next: Evaluation): Verdict {
  return isBetter(current, next)
    ? { apply: true, message: 'The new parameters predict your answers better.' }
    : {
        apply: false,
        message:
          'The current parameters already predict your answers as well or better: they stay as they are.',
      };
}

export const formatMetric = (x: number, digits: number) =>
  Number.isFinite(x) ? x.toFixed(digits) : '—';
