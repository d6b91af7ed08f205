// A small journal of changes not yet written to IndexedDB, kept in localStorage (written
// synchronously, so it survives a reload or a closed tab while IndexedDB is full) and replayed
// on start. Each change leaves the journal once it is stored.
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import type { Repository } from './repository.ts';

export type JournalOp =
  | { kind: 'commit'; entry: ReviewLogEntry; state: CardState }
  | { kind: 'undo'; entry: ReviewLogEntry; restored: CardState | null };

/** What the journal needs of `localStorage` (a fake in tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const JOURNAL_KEY = 'recall:pending-journal';
/** More than this many changes are kept in memory only (a reload would lose them). */
export const JOURNAL_CAP = 500;

export interface Journal {
  /** Adds a change; false when it could not be kept (the cap is hit or localStorage failed). */
  add(op: JournalOp): boolean;
  /** Removes a change once it is stored. */
  remove(op: JournalOp): void;
  ops(): JournalOp[];
  /** A sentence when the stored journal was unreadable and was set aside; else null. */
  problem(): string | null;
}

const same = (a: JournalOp, b: JournalOp) => a.kind === b.kind && a.entry.id === b.entry.id;

function isOp(v: unknown): v is JournalOp {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const entry = o.entry as Record<string, unknown> | null | undefined;
  if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string') return false;
  if (o.kind === 'commit') return typeof o.state === 'object' && o.state !== null;
  return o.kind === 'undo' && typeof o.restored === 'object';
}

/**
 * The journal reads and writes `storage` on every call (no copy in memory), so two tabs add to
 * one list rather than overwrite each other's.
 */
export function createJournal(
  storage: StorageLike | null,
  opts: { key?: string; cap?: number } = {},
): Journal {
  const key = opts.key ?? JOURNAL_KEY;
  const cap = opts.cap ?? JOURNAL_CAP;
  let problem: string | null = null;

  const read = (): JournalOp[] => {
    if (!storage) return [];
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      return [];
    }
    if (raw === null) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error('not a list');
      const ops = parsed.filter(isOp);
      if (ops.length < parsed.length)
        problem = `${parsed.length - ops.length} damaged unsaved ${parsed.length - ops.length === 1 ? 'change was' : 'changes were'} left out of the journal of changes not yet saved.`;
      return ops;
    } catch {
      problem =
        'The journal of changes not yet saved was damaged and was set aside; everything already stored is intact.';
      try {
        storage.removeItem(key);
      } catch {
        // Nothing more to do: the damaged journal is ignored either way.
      }
      return [];
    }
  };

  const write = (ops: JournalOp[]): boolean => {
    if (!storage) return false;
    try {
      if (ops.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(ops));
      return true;
    } catch {
      return false;
    }
  };

  return {
    add(op) {
      const ops = read();
      if (ops.some((o) => same(o, op))) return true;
      if (ops.length >= cap) return false;
      return write([...ops, op]);
    },
    remove(op) {
      const ops = read();
      const left = ops.filter((o) => !same(o, op));
      if (left.length !== ops.length) write(left);
    },
    ops: read,
    problem: () => problem,
  };
}

/**
 * The journaled changes still to write, in order: a commit whose entry is in the log already
 * and an undo whose entry is not (any more) are done.
 */
export function stillPending(ops: readonly JournalOp[], logIds: ReadonlySet<string>): JournalOp[] {
  const ids = new Set(logIds);
  const left: JournalOp[] = [];
  for (const op of ops) {
    if (op.kind === 'commit' ? ids.has(op.entry.id) : !ids.has(op.entry.id)) continue;
    left.push(op);
    if (op.kind === 'commit') ids.add(op.entry.id);
    else ids.delete(op.entry.id);
  }
  return left;
}

/**
 * Writes what the journal holds that the log does not have yet, dropping what is done. Stops at
 * the first failure (storage still full); resolves to the changes not written, in order.
 */
export async function replayJournal(
  journal: Journal,
  repo: Pick<Repository, 'commit' | 'undo' | 'logIds'>,
): Promise<JournalOp[]> {
  const ops = journal.ops();
  if (ops.length === 0) return [];
  const left = stillPending(ops, await repo.logIds());
  for (const op of ops) if (!left.includes(op)) journal.remove(op);
  while (left.length > 0) {
    const op = left[0]!;
    try {
      if (op.kind === 'commit') await repo.commit(op.entry, op.state);
      else await repo.undo(op.entry, op.restored);
    } catch {
      return left;
    }
    journal.remove(op);
    left.shift();
  }
  return left;
}
