// Fits FSRS parameters to the review log off the main thread, with fsrs-rs compiled to
// WebAssembly (fsrs-browser), then measures the current and the new parameters on the same items.
// Training blocks this worker, so its progress is read by the page straight from the WebAssembly
// memory (shared, hence the need for cross-origin isolation); Cancel terminates the worker.
import init, { Fsrs, Progress, initThreadPool } from 'fsrs-browser';
import { evaluate, type Evaluation } from '../scheduler/fsrs-evaluate.ts';
import { flattenItems, logToFsrsItems, MIN_TRAINING_ITEMS } from '../scheduler/fsrs-items.ts';
import { suggestSteps, type StepSuggestion } from '../scheduler/step-stats.ts';
import type { ReviewLogEntry } from '../shared/types.ts';

export interface OptimizeRequest {
  log: ReviewLogEntry[];
  dayStartHour: number;
  /** The parameters in use (null: the defaults). */
  current: number[] | null;
  /** For the learning-step suggestion, sent before fitting (omitted: no suggestion). */
  desiredRetention?: number;
}

/** How a run ends when it ends on its own: too little history, or new parameters measured. */
export type OptimizeResult =
  | { type: 'too-few'; items: number; reviews: number }
  | {
      type: 'done';
      weights: number[];
      items: number;
      reviews: number;
      current: Evaluation;
      next: Evaluation;
      ms: number;
    };

export type OptimizeReply =
  | { type: 'stage'; stage: 'reading' | 'loading' | 'training' | 'evaluating' }
  /** Where training writes [items done, items in all] as two u32, in memory the page can read. */
  | { type: 'progress-memory'; buffer: SharedArrayBuffer; pointer: number }
  /** Learning steps suggested by the log (step-stats.ts); sent once the log is read. */
  | { type: 'steps'; steps: StepSuggestion }
  | OptimizeResult
  | { type: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<OptimizeRequest>) => void) | null;
  postMessage(reply: OptimizeReply): void;
  navigator: { hardwareConcurrency?: number };
}

const scope = self as unknown as WorkerScope;

async function optimize({ log, dayStartHour, current, desiredRetention }: OptimizeRequest) {
  const started = performance.now();
  scope.postMessage({ type: 'stage', stage: 'reading' });
  // Here rather than on the page: ~100 ms or more for 100,000 entries (bench/optimizer.bench.ts).
  if (desiredRetention !== undefined)
    scope.postMessage({ type: 'steps', steps: suggestSteps(log, desiredRetention, current) });
  const { items, reviewCount } = logToFsrsItems(log, dayStartHour);
  if (items.length < MIN_TRAINING_ITEMS) {
    scope.postMessage({ type: 'too-few', items: items.length, reviews: reviewCount });
    return;
  }
  scope.postMessage({ type: 'stage', stage: 'loading' });
  const wasm = await init();
  // Rayon's pool: at least one thread, and leave a core for the page.
  const threads = Math.max(1, Math.min(4, (scope.navigator.hardwareConcurrency ?? 2) - 1));
  await initThreadPool(threads);
  const progress = Progress.new();
  scope.postMessage({
    type: 'progress-memory',
    buffer: wasm.memory.buffer as unknown as SharedArrayBuffer,
    pointer: progress.pointer(),
  });
  scope.postMessage({ type: 'stage', stage: 'training' });
  const { ratings, deltaTs, lengths } = flattenItems(items);
  const weights = Array.from(
    new Fsrs().computeParameters(ratings, deltaTs, lengths, progress, true),
    // f32 → a short decimal, as Anki shows and stores them.
    (w) => Number(w.toFixed(4)),
  );
  scope.postMessage({ type: 'stage', stage: 'evaluating' });
  scope.postMessage({
    type: 'done',
    weights,
    items: items.length,
    reviews: reviewCount,
    current: evaluate(items, current),
    next: evaluate(items, weights),
    ms: performance.now() - started,
  });
}

scope.onmessage = (e) => {
  optimize(e.data).catch((err: unknown) =>
    scope.postMessage({
      type: 'failed',
      message: err instanceof Error ? err.message : String(err),
    }),
  );
};
