// Guards the page side of the optimizer worker: training progress is read from the shared
// WebAssembly memory the worker points at, Cancel terminates the worker, and a worker that fails
// rejects with a sentence instead of hanging.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptimizeReply, OptimizeRequest } from './optimize.worker.ts';
import { runOptimizer, type OptimizeProgress, type OptimizeWorker } from './optimize-run.ts';

class FakeWorker implements OptimizeWorker {
  sent: OptimizeRequest[] = [];
  terminated = false;
  private messageListeners: ((e: MessageEvent<OptimizeReply>) => void)[] = [];
  private errorListeners: ((e: ErrorEvent) => void)[] = [];
  postMessage(request: OptimizeRequest) {
    this.sent.push(request);
  }
  addEventListener(type: 'message' | 'error', listener: never) {
    if (type === 'message') this.messageListeners.push(listener);
    else this.errorListeners.push(listener);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: OptimizeReply) {
    for (const l of this.messageListeners) l({ data } as MessageEvent<OptimizeReply>);
  }
  fail(message: string) {
    for (const l of this.errorListeners) l({ message, preventDefault() {} } as ErrorEvent);
  }
}

const request: OptimizeRequest = { log: [], dayStartHour: 4, current: null };

afterEach(() => {
  vi.useRealTimers();
});

describe('running the optimizer worker', () => {
  it('reports training progress from the shared memory, then the result', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const seen: OptimizeProgress[] = [];
    const run = runOptimizer(
      request,
      (p) => seen.push(p),
      () => worker,
    );
    expect(worker.sent).toEqual([request]);
    const buffer = new SharedArrayBuffer(64);
    worker.reply({ type: 'progress-memory', buffer, pointer: 16 });
    worker.reply({ type: 'stage', stage: 'training' });
    const memory = new Uint32Array(buffer, 16, 2);
    memory[0] = 250;
    memory[1] = 1000;
    vi.advanceTimersByTime(100);
    expect(seen.at(-1)).toEqual({ stage: 'training', done: 250, total: 1000 });
    memory[0] = 1000;
    vi.advanceTimersByTime(100);
    expect(seen.at(-1)).toEqual({ stage: 'training', done: 1000, total: 1000 });
    const done: OptimizeReply = {
      type: 'done',
      weights: [1, 2],
      items: 500,
      reviews: 900,
      current: { logLoss: 0.4, rmseBins: 0.05 },
      next: { logLoss: 0.3, rmseBins: 0.03 },
      ms: 5,
    };
    worker.reply(done);
    await expect(run.result).resolves.toEqual(done);
    expect(worker.terminated).toBe(true);
    // No more polling once it is over.
    const count = seen.length;
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(count);
  });

  it('Cancel terminates the worker and settles as cancelled', async () => {
    const worker = new FakeWorker();
    const run = runOptimizer(
      request,
      () => {},
      () => worker,
    );
    run.cancel();
    await expect(run.result).resolves.toEqual({ type: 'cancelled' });
    expect(worker.terminated).toBe(true);
  });

  it('a worker that cannot run rejects with what happened', async () => {
    const worker = new FakeWorker();
    const run = runOptimizer(
      request,
      () => {},
      () => worker,
    );
    worker.fail('');
    await expect(run.result).rejects.toThrow(
      'The optimizer could not run: its worker failed to start.',
    );
    const other = new FakeWorker();
    const second = runOptimizer(
      request,
      () => {},
      () => other,
    );
    other.reply({ type: 'failed', message: 'unreachable' });
    await expect(second.result).rejects.toThrow('The optimizer stopped: unreachable');
  });

  it('hands on the suggested learning steps as soon as the worker sends them', async () => {
    const worker = new FakeWorker();
    const run = runOptimizer(
      request,
      () => {},
      () => worker,
    );
    const steps = {
      learningSteps: ['1m'],
      relearningSteps: [],
      firstAnswers: 120,
      againFirst: 20,
      lapses: 3,
      learningEnough: true,
      relearningEnough: false,
      desiredRetention: 0.9,
    };
    worker.reply({ type: 'steps', steps });
    await expect(run.steps).resolves.toEqual(steps);
    // A run that ends before the log is read has none.
    const other = runOptimizer(
      request,
      () => {},
      () => new FakeWorker(),
    );
    other.cancel();
    await expect(other.steps).resolves.toBeNull();
  });
});
