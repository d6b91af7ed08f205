// Runs the optimizer worker for the panel: relays its stages, reads training progress from the
// WebAssembly memory it shares, and stops it on Cancel.
import type { StepSuggestion } from '../scheduler/step-stats.ts';
import type { OptimizeReply, OptimizeRequest, OptimizeResult } from './optimize.worker.ts';

/** What the wrapper needs of a Worker (tests pass a fake). */
export interface OptimizeWorker {
  postMessage(request: OptimizeRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<OptimizeReply>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

export function startOptimizeWorker(): OptimizeWorker {
  return new Worker(new URL('./optimize.worker.ts', import.meta.url), {
    type: 'module',
  }) as OptimizeWorker;
}

export type OptimizeStage = 'reading' | 'loading' | 'training' | 'evaluating';

export interface OptimizeProgress {
  stage: OptimizeStage;
  /** Training items done and in all (0 of 0 before training starts). */
  done: number;
  total: number;
}

export type OptimizeOutcome = OptimizeResult | { type: 'cancelled' };

export interface OptimizeRun {
  result: Promise<OptimizeOutcome>;
  /** The suggested learning steps, once the worker has read the log; null if the run ends first. */
  steps?: Promise<StepSuggestion | null>;
  cancel(): void;
}

export function runOptimizer(
  request: OptimizeRequest,
  onProgress: (p: OptimizeProgress) => void,
  start: () => OptimizeWorker = startOptimizeWorker,
): OptimizeRun {
  const worker = start();
  let poll: ReturnType<typeof setInterval> | undefined;
  let settle: (o: OptimizeOutcome) => void = () => {};
  let fail: (e: Error) => void = () => {};
  let suggest: (s: StepSuggestion | null) => void = () => {};
  const steps = new Promise<StepSuggestion | null>((resolve) => (suggest = resolve));
  const progress: OptimizeProgress = { stage: 'reading', done: 0, total: 0 };
  const finish = () => {
    clearInterval(poll);
    worker.terminate();
    suggest(null);
  };
  const result = new Promise<OptimizeOutcome>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.addEventListener('message', (e) => {
    const reply = e.data;
    switch (reply.type) {
      case 'stage':
        progress.stage = reply.stage;
        if (reply.stage === 'evaluating') {
          clearInterval(poll);
          progress.done = progress.total;
        }
        onProgress({ ...progress });
        break;
      case 'progress-memory': {
        const view = new Uint32Array(reply.buffer, reply.pointer, 2);
        poll = setInterval(() => {
          progress.done = view[0] ?? 0;
          progress.total = view[1] ?? 0;
          onProgress({ ...progress });
        }, 100);
        break;
      }
      case 'steps':
        suggest(reply.steps);
        break;
      case 'too-few':
      case 'done':
        finish();
        settle(reply);
        break;
      case 'failed':
        finish();
        fail(new Error(`The optimizer stopped: ${reply.message}`));
        break;
    }
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    finish();
    fail(new Error(`The optimizer could not run: ${e.message || 'its worker failed to start'}.`));
  });
  worker.postMessage(request);
  return {
    result,
    steps,
    cancel() {
      finish();
      settle({ type: 'cancelled' });
    },
  };
}
