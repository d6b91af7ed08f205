// Writes go through a queue: if one fails (storage full, unavailable, private mode) the answer
// stays in memory and in the journal (so a reload keeps it), the person is told in one sentence
// how many changes wait, and the queue retries in order.
import { QuotaExceeded, StorageUnavailable } from '../shared/errors.ts';
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import type { Journal, JournalOp } from './journal.ts';
import type { Repository } from './repository.ts';

export interface WriteQueue {
  /** Resolves once written, or once kept for retry after a failure; never rejects. */
  commit(entry: ReviewLogEntry, state: CardState): Promise<void>;
  undo(entry: ReviewLogEntry, restored: CardState | null): Promise<void>;
  pending(): number;
  /** Queues changes read back from the journal (already in it) behind anything queued. */
  resume(ops: readonly JournalOp[]): void;
}

export interface WriteQueueOptions {
  /** One sentence while writes are failing; null once everything is saved again. */
  onStatus: (sentence: string | null) => void;
  retryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** Where queued changes are kept until written, so a reload does not lose them. */
  journal?: Journal;
}

/**
 * What the person reads while writes are failing: how many changes wait, why, and whether they
 * survive closing the tab (`inMemoryOnly` of them are not in the journal).
 */
export function failureSentence(err: unknown, pending: number, inMemoryOnly = pending): string {
  const why =
    err instanceof QuotaExceeded
      ? 'the device storage is full'
      : err instanceof StorageUnavailable
        ? "this browser's storage is not available right now"
        : `saving failed (${err instanceof Error ? err.message.replace(/\.$/, '') : String(err)})`;
  const what = `${pending} ${pending === 1 ? 'change' : 'changes'} not saved yet`;
  const them = pending === 1 ? 'it' : 'them';
  const kept =
    inMemoryOnly <= 0
      ? `Recall keeps ${them} on this device and will retry.`
      : inMemoryOnly >= pending
        ? `Recall keeps ${them} in memory and will retry; keep this tab open.`
        : `Recall keeps ${them} and will retry, but ${inMemoryOnly} of ${them} only in memory (too many to keep across a reload); keep this tab open.`;
  return `${what} — ${why}. ${kept}`;
}

interface Queued {
  run: () => Promise<void>;
  op: JournalOp;
  journaled: boolean;
}

export function createWriteQueue(
  repo: Pick<Repository, 'commit' | 'undo'>,
  opts: WriteQueueOptions,
): WriteQueue {
  const queue: Queued[] = [];
  const base = opts.retryMs ?? 2000;
  const max = opts.maxRetryMs ?? 30_000;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const journal = opts.journal;
  let delay = base;
  let failing = false;
  let lastError: unknown = null;
  let running = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };

  const tell = () =>
    opts.onStatus(
      failureSentence(lastError, queue.length, queue.filter((q) => !q.journaled).length),
    );

  const pump = async (): Promise<void> => {
    if (running) return;
    running = true;
    while (queue.length > 0) {
      const head = queue[0]!;
      try {
        await head.run();
        queue.shift();
        if (head.journaled) journal?.remove(head.op);
        delay = base;
      } catch (err) {
        failing = true;
        lastError = err;
        tell();
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

  const run = (op: JournalOp) =>
    op.kind === 'commit'
      ? () => repo.commit(op.entry, op.state)
      : () => repo.undo(op.entry, op.restored);

  const enqueue = (op: JournalOp, journaled: boolean) =>
    new Promise<void>((resolve) => {
      queue.push({ run: run(op), op, journaled });
      waiters.push(resolve);
      if (failing) {
        tell();
        resolve();
      } else void pump();
    });

  // Written to the journal synchronously, before the write starts: a tab closed meanwhile keeps it.
  const add = (op: JournalOp) => enqueue(op, journal?.add(op) ?? false);

  return {
    commit: (entry, state) => add({ kind: 'commit', entry, state }),
    undo: (entry, restored) => add({ kind: 'undo', entry, restored }),
    pending: () => queue.length,
    resume: (ops) => ops.forEach((op) => void enqueue(op, true)),
  };
}
