import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuotaExceeded } from '../shared/errors.ts';
import { createJournal } from './journal.ts';
import { createWriteQueue, failureSentence } from './pending.ts';
import { fakeStorage } from './journal-test-support.ts';
import { T0, freshDb, makeEntry, openTest, rawAll, stateAfter } from './test-support.ts';

let name = '';
beforeEach(() => {
  name = freshDb();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Makes every put of a log entry or card state fail as a full disk does, until restored. */
function diskFull() {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    value,
    key,
  ) {
    if (typeof key === 'string' && /^(log|card):/.test(key))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.call(this, value, key);
  });
}

describe('the write queue', () => {
  it('keeps failed answers in memory, says so in one sentence, retries and saves them in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const repo = await openTest(name);
    const statuses: (string | null)[] = [];
    const queue = createWriteQueue(repo, { onStatus: (s) => statuses.push(s) });
    const stored = makeEntry({ cardId: 'd:0', time: T0 });
    await queue.commit(stored, stateAfter(stored));
    const before = await rawAll(name);
    expect(statuses).toEqual([]);

    const full = diskFull();
    const r1 = makeEntry({ cardId: 'd:1', time: T0 + 1 });
    const r2 = makeEntry({ cardId: 'd:2', time: T0 + 2 });
    const again = makeEntry({ cardId: 'd:0', time: T0 + 3 });
    await queue.commit(r1, stateAfter(r1)); // resolves: kept in memory
    expect(statuses).toEqual([
      '1 change not saved yet — the device storage is full. Recall keeps it in memory and will retry; keep this tab open.',
    ]);
    await queue.commit(r2, stateAfter(r2));
    await queue.commit(again, stateAfter(again));
    expect(queue.pending()).toBe(3);
    // Nothing already stored was damaged.
    expect(await rawAll(name)).toEqual(before);

    // Still full at the first retry: one more sentence, backing off.
    await vi.advanceTimersByTimeAsync(2000);
    expect(statuses.at(-1)).toMatch(/^3 changes not saved yet — the device storage is full/);
    expect(queue.pending()).toBe(3);

    full.mockRestore();
    await vi.advanceTimersByTimeAsync(3999);
    expect(queue.pending()).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(queue.pending()).toBe(0));
    expect(statuses.at(-1)).toBeNull();
    expect((await repo.readFullLog()).map((e) => e.id)).toEqual(
      [stored, r1, r2, again].map((e) => e.id),
    );
    expect((await repo.load(0)).states.get('d:0')).toEqual(stateAfter(again));
  });

  it('an undo queued behind a failed answer runs after it', async () => {
    const repo = await openTest(name);
    const timers: (() => void)[] = [];
    const queue = createWriteQueue(repo, {
      onStatus: () => undefined,
      setTimer: (fn) => timers.push(fn),
    });
    const full = diskFull();
    const e = makeEntry();
    await queue.commit(e, stateAfter(e));
    await queue.undo(e, null);
    full.mockRestore();
    timers.shift()!();
    await vi.waitFor(() => expect(queue.pending()).toBe(0));
    expect(await repo.readFullLog()).toEqual([]);
    expect((await repo.load(0)).states.size).toBe(0);
  });

  it('backs off up to a ceiling', async () => {
    const delays: number[] = [];
    const timers: (() => void)[] = [];
    const failing = {
      commit: vi.fn(async () => {
        throw new QuotaExceeded('The device storage is full.');
      }),
      undo: vi.fn(async () => undefined),
    };
    const queue = createWriteQueue(failing, {
      onStatus: () => undefined,
      retryMs: 1000,
      maxRetryMs: 5000,
      setTimer: (fn, ms) => (delays.push(ms), timers.push(fn)),
    });
    const e = makeEntry();
    await queue.commit(e, stateAfter(e));
    for (let i = 0; i < 4; i++) {
      timers.shift()!();
      await vi.waitFor(() => expect(timers).toHaveLength(1));
    }
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('names what failed when it is not a storage error', () => {
    expect(failureSentence(new Error('DataCloneError.'), 2)).toBe(
      '2 changes not saved yet — saving failed (DataCloneError). Recall keeps them in memory and will retry; keep this tab open.',
    );
  });

  // Guards: the banner said "your last answer" while 5 changes waited, and the waiting changes
  // lived only in memory (a reload lost them).
  it('journals each queued change until it is stored, and the banner counts what waits', async () => {
    const repo = await openTest(name);
    const timers: (() => void)[] = [];
    const statuses: (string | null)[] = [];
    const storage = fakeStorage();
    const journal = createJournal(storage, { cap: 4 });
    const queue = createWriteQueue(repo, {
      onStatus: (s) => statuses.push(s),
      setTimer: (fn) => timers.push(fn),
      journal,
    });
    const full = diskFull();
    const entries = [0, 1, 2, 3, 4].map((i) => makeEntry({ cardId: `d:${i}`, time: T0 + i }));
    for (const e of entries) await queue.commit(e, stateAfter(e));
    expect(journal.ops().map((o) => o.entry.id)).toEqual(entries.slice(0, 4).map((e) => e.id));
    expect(statuses.at(-1)).toBe(
      '5 changes not saved yet — the device storage is full. Recall keeps them and will retry, but 1 of them only in memory (too many to keep across a reload); keep this tab open.',
    );
    full.mockRestore();
    timers.shift()!();
    await vi.waitFor(() => expect(queue.pending()).toBe(0));
    expect(journal.ops()).toEqual([]);
    expect(storage.getItem('recall:pending-journal')).toBeNull();
    expect(statuses.at(-1)).toBeNull();
    expect(failureSentence(new QuotaExceeded('full'), 5, 0)).toBe(
      '5 changes not saved yet — the device storage is full. Recall keeps them on this device and will retry.',
    );
  });
});
