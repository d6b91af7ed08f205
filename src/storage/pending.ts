// Writes go through a queue: if one fails (storage full, unavailable, private mode) the answer
// stays in memory, the person is told in one sentence, and the queue retries in order.
import { QuotaExceeded, StorageUnavailable } from '../shared/errors.ts';
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import type { Repository } from './repository.ts';

export interface WriteQueue {
  /** Resolves once written, or once kept for retry after a failure; never rejects. */
  commit(entry: ReviewLogEntry, state: CardState): Promise<void>;
  undo(entry: ReviewLogEntry, restored: CardState | null): Promise<void>;
  pending(): number;
}

export interface WriteQueueOptions {
  /** One sentence while writes are failing; null once everything is saved again. */
  onStatus: (sentence: string | null) => void;
  retryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** What the person reads while a write is failing: what happened, and that nothing is lost. */
export function failureSentence(err: unknown, pending: number): string {
  const why =
    err instanceof QuotaExceeded
      ? 'the device storage is full'
      : err instanceof StorageUnavailable
        ? "this browser's storage is not available right now"
        : `saving failed (${err instanceof Error ? err.message.replace(/\.$/, '') : String(err)})`;
  const what = pending === 1 ? 'your last answer' : `your last ${pending} changes`;
  return `Couldn't save ${what} — ${why}. Recall keeps ${pending === 1 ? 'it' : 'them'} in memory and will retry; keep this tab open.`;
}

export function createWriteQueue(
  repo: Pick<Repository, 'commit' | 'undo'>,
  opts: WriteQueueOptions,
): WriteQueue {
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
        delay = base;
      } catch (err) {
        failing = true;
        opts.onStatus(failureSentence(err, queue.length));
        running = false;
        settle();
        setTimer(() => void pump(), delay);
        delay = Math.min(max, delay * 2);
        return;
      }
    }
    running = false;
    if (failing) {
      failing = false;
      opts.onStatus(null);
    }
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
