// The workload forecast off the main thread: one simulation per request, with progress about
// every 5 % of the days. The page starts a fresh worker (terminating the old one) when the input
// changes mid-run, so dragging "new cards a day" never queues simulations here.
import type { WorkloadDay, WorkloadInput } from './types.ts';
import { simulateWorkload } from './workload.ts';

export interface WorkloadRequest {
  id: number;
  input: WorkloadInput;
}

export type WorkloadReply =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'done'; id: number; days: WorkloadDay[] }
  | { type: 'error'; id: number; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkloadRequest>) => void) | null;
  postMessage(reply: WorkloadReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, input } = e.data;
  try {
    const days = simulateWorkload(input, (fraction) =>
      scope.postMessage({ type: 'progress', id, fraction }),
    );
    scope.postMessage({ type: 'done', id, days });
  } catch (err) {
    scope.postMessage({
      type: 'error',
      id,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
