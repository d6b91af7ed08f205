// Writes go through a queue: if one fails (storage full, unavailable, private mode) the answer
// stays in memory, the person is told in one sentence, and the queue retries in order.
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import type { Repository } from './repository.ts';

export interface WriteQueue {
  /** Resolves once written, or once kept for retry after a failure; never rejects. */
  commit(entry: ReviewLogEntry, state: CardState): Promise<void>;
  undo(entry: ReviewLogEntry, restored: CardState | null): Promise<void>;
  pending(): number;
}

export interface WriteQueueOptions {
  onStatus: (sentence: string | null) => void;
  retryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export function createWriteQueue(repo: Repository, opts: WriteQueueOptions): WriteQueue {
  const queue: (() => Promise<void>)[] = [];
  const base = opts.retryMs ?? 2000;
  const max = opts.maxRetryMs ?? 30_000;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  let delay = base;
  let failing = false;
  let running = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };

  const pump = async (): Promise<void> => {
    if (running) return;
    running = true;
    while (queue.length > 0) {
      try {
        await queue[0]!();
        queue.shift();
        if (failing) {
          failing = false;
          delay = base;
          opts.onStatus(null);
        }
      } catch (err) {
        failing = true;
        const reason = err instanceof Error ? err.message : String(err);
        opts.onStatus(
          `Your last ${queue.length === 1 ? 'answer was' : `${queue.length} changes were`} not saved yet (${reason.replace(/\.$/, '')}); Recall keeps ${queue.length === 1 ? 'it' : 'them'} in memory and keeps trying, so keep this tab open.`,
        );
        running = false;
        settle();
        setTimer(() => void pump(), delay);
        delay = Math.min(max, delay * 2);
        return;
      }
    }
    running = false;
    settle();
  };

  const enqueue = (op: () => Promise<void>) =>
    new Promise<void>((resolve) => {
      queue.push(op);
      waiters.push(resolve);
      if (failing) resolve();
      else void pump();
    });

  return {
    commit: (entry, state) => enqueue(() => repo.commit(entry, state)),
    undo: (entry, restored) => enqueue(() => repo.undo(entry, restored)),
    pending: () => queue.length,
  };
}
