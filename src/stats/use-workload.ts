// The workload forecast for a component: runs the simulation in a Web Worker and reports progress.
// A new input while a run is going terminates that worker and starts another, so dragging the
// "new cards a day" slider never queues runs and a stale result never lands. Where there are no
// workers (jsdom) or the worker cannot start, it runs here on the main thread in slices of ~5 %
// of the days, yielding between them.
// eslint-disable-next-line no-restricted-imports -- the one React file of stats/: the hook that wires the worker
import { useEffect, useState } from 'react';
import type { WorkloadDay, WorkloadInput } from './types.ts';
import { startWorkload } from './workload.ts';
import type { WorkloadReply, WorkloadRequest } from './workload.worker.ts';

export interface WorkloadForecast {
  status: 'idle' | 'running' | 'done' | 'error';
  /** Fraction of the days simulated, 0–1. */
  progress: number;
  /** The finished forecast; while a new run is going, the previous one (so a chart stays drawn). */
  days: WorkloadDay[] | null;
  error: string | null;
}

const IDLE: WorkloadForecast = { status: 'idle', progress: 0, days: null, error: null };

interface Listener {
  progress(fraction: number): void;
  done(days: WorkloadDay[]): void;
  error(message: string): void;
}

/** What the hook needs of a Worker. */
interface ForecastWorker {
  postMessage(request: WorkloadRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkloadReply>) => void): void;
  addEventListener(type: 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

function startWorker(): ForecastWorker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./workload.worker.ts', import.meta.url), {
      type: 'module',
    }) as ForecastWorker;
  } catch {
    return null;
  }
}

/** The simulation on this thread, a slice of days per task; returns a cancel function. */
function onThisThread(input: WorkloadInput, on: Listener): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const run = startWorkload(input);
  const slice = Math.max(1, Math.floor(input.days / 20));
  const tick = () => {
    if (cancelled) return;
    try {
      if (run.advance(slice)) {
        on.progress(1);
        on.done(run.result());
        return;
      }
    } catch (err) {
      on.error(err instanceof Error ? err.message : String(err));
      return;
    }
    on.progress(run.day / input.days);
    timer = setTimeout(tick, 0);
  };
  timer = setTimeout(tick, 0);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

let nextId = 1;

/** One run in a worker of its own; falls back to this thread if the worker cannot start. */
function inWorker(input: WorkloadInput, on: Listener): () => void {
  const worker = startWorker();
  if (!worker) return onThisThread(input, on);
  const id = nextId++;
  let heard = false;
  let stop = () => worker.terminate();
  worker.addEventListener('message', (e) => {
    const reply = e.data;
    if (reply.id !== id) return;
    heard = true;
    if (reply.type === 'progress') on.progress(reply.fraction);
    else {
      worker.terminate();
      if (reply.type === 'done') on.done(reply.days);
      else on.error(reply.message);
    }
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    worker.terminate();
    if (heard) on.error('The forecast stopped unexpectedly; try again.');
    else stop = onThisThread(input, on);
  });
  worker.postMessage({ id, input });
  return () => stop();
}

export function useWorkloadForecast(input: WorkloadInput | null): WorkloadForecast {
  const [forecast, setForecast] = useState<WorkloadForecast>(IDLE);
  useEffect(() => {
    if (!input) {
      setForecast(IDLE);
      return;
    }
    let live = true;
    setForecast((f) => ({ status: 'running', progress: 0, days: f.days, error: null }));
    const cancel = inWorker(input, {
      progress: (fraction) => {
        if (live) setForecast((f) => ({ ...f, progress: fraction }));
      },
      done: (days) => {
        if (live) setForecast({ status: 'done', progress: 1, days, error: null });
      },
      error: (message) => {
        if (live) setForecast((f) => ({ ...f, status: 'error', error: message }));
      },
    });
    return () => {
      live = false;
      cancel();
    };
  }, [input]);
  return forecast;
}
