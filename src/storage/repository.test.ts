import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuotaExceeded, StorageUnavailable } from '../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { countOrphans, requestPersistence, type RepoMessage } from './repository.ts';
import { T0, freshDb, makeEntry, openTest, rawAll, stateAfter } from './test-support.ts';

const DAY = 86_400_000;
let name = '';

beforeEach(() => {
  name = freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Throws `error` from the `nth` put (1-based) of the next transactions, once. */
function failPut(nth: number, error: DOMException) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (++calls === nth) throw error;
    return put.apply(this, args);
  });
}

describe('opening', () => {
  it('a fresh database gets the current schema and no migration', async () => {
    const repo = await openTest(name);
    const loaded = await repo.load(T0);
    expect(loaded.schemaVersion).toBe(2);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect([...(await rawAll(name)).entries()]).toEqual([['meta:schema', 2]]);
  });

  it("is idb-keyval's store: its get and set work on the same records", async () => {
    const repo = await openTest(name);
    const e = makeEntry();
    await repo.commit(e, stateAfter(e));
    const kv = createStore(name, 'kv');
    expect(await get(`log:${e.id}`, kv)).toEqual(e);
    await set('meta:settings', { ...DEFAULT_SETTINGS, newPerDay: 3 }, kv);
    expect((await repo.load(T0)).settings.newPerDay).toBe(3);
  });

  it('close() lets the database go (another tab may delete or upgrade it)', async () => {
    const repo = await openTest(name);
    await repo.load(T0);
    repo.close();
    const blocked = await new Promise<boolean>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onblocked = () => resolve(true);
      req.onsuccess = () => resolve(false);
    });
    expect(blocked).toBe(false);
  });
});

describe('load', () => {
  it('reload mid-session: N answers are N log entries and N states', async () => {
    const repo = await openTest(name);
    const entries = [0, 1, 2, 3, 4].map((i) =>
      makeEntry({ cardId: `d:${i}`, time: T0 + i * 1000 }),
    );
    for (const e of entries) await repo.commit(e, stateAfter(e));
    repo.close();
    const loaded = await (await openTest(name)).load(T0 - 3_600_000);
    expect(loaded.todayLog).toEqual(entries);
    expect(loaded.states.size).toBe(5);
    expect(loaded.states.get('d:3')).toEqual(stateAfter(entries[3]!));
    expect(loaded.recentLog).toEqual(entries);
    expect(loaded.problems).toEqual({ corrupt: 0, messages: [] });
  });

  it("today's log is by time from the day start; the recent log is the last 30, newest last", async () => {
    const repo = await openTest(name);
    const entries = Array.from({ length: 40 }, (_, i) =>
      makeEntry({ cardId: `d:${i % 7}`, time: T0 - 2 * DAY + i * 5_400_000 }),
    );
    for (const e of entries) await repo.commit(e, stateAfter(e));
    const dayStart = T0 - DAY / 2;
    const loaded = await repo.load(dayStart);
    expect(loaded.todayLog).toEqual(entries.filter((e) => e.time >= dayStart));
    expect(loaded.todayLog).toHaveLength(16);
    expect(loaded.recentLog).toEqual(entries.slice(-30));
  });

  it('reads card states, today and the last 30 entries, never the whole log', async () => {
    const repo = await openTest(name);
    for (let i = 0; i < 50; i++) {
      const e = makeEntry({ time: T0 - 10 * DAY + i * 1000 });
      await repo.commit(e, stateAfter(e));
    }
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    await repo.load(T0);
    const lowers = getAll.mock.calls.map(([q]) => (q as IDBKeyRange | undefined)?.lower);
    expect(lowers).toContain('card:');
    expect(lowers).not.toContain('log:');
    expect(lowers).not.toContain(undefined);
  });
});

describe('commit and undo', () => {
  it('one answer is one atomic write: a failing write changes nothing', async () => {
    const repo = await openTest(name);
    const first = makeEntry();
    await repo.commit(first, stateAfter(first));
    const second = makeEntry({ time: T0 + 600_000, after: { ...first.after, reps: 2 } });
    // The log entry goes in; the card state hits a full disk.
    failPut(2, new DOMException('full', 'QuotaExceededError'));
    await expect(repo.commit(second, stateAfter(second))).rejects.toBeInstanceOf(QuotaExceeded);
    vi.restoreAllMocks();
    expect(await repo.readFullLog()).toEqual([first]);
    expect((await repo.load(0)).states.get('d:1')).toEqual(stateAfter(first));
  });

  it('other storage failures reject as StorageUnavailable with a sentence', async () => {
    const repo = await openTest(name);
    failPut(1, new DOMException('disk gone', 'UnknownError'));
    const e = makeEntry();
    const err = await repo.commit(e, stateAfter(e)).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(StorageUnavailable);
    expect((err as Error).message).toMatch(/storage is not available/);
    vi.restoreAllMocks();
    expect(await repo.readFullLog()).toEqual([]);
  });

  it('undo after reload removes the entry and restores the state (or removes it)', async () => {
    const repo = await openTest(name);
    const a = makeEntry({ cardId: 'd:a' });
    const b = makeEntry({ cardId: 'd:b', time: T0 + 1000 });
    await repo.commit(a, stateAfter(a));
    await repo.commit(b, stateAfter(b));
    const again = await openTest(name);
    const { recentLog } = await again.load(0);
    expect(recentLog.at(-1)).toEqual(b);
    await again.undo(b, null);
    const restored = { ...stateAfter(a), sched: a.before };
    await again.undo(a, restored);
    const after = await again.load(0);
    expect(after.todayLog).toEqual([]);
    expect(after.states.has('d:b')).toBe(false);
    expect(after.states.get('d:a')).toEqual(restored);
  });
});

describe('two tabs', () => {
  it('two writers committing at once, interleaved, lose no log entry', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    const a = Array.from({ length: 50 }, (_, i) => makeEntry({ cardId: `a:${i}`, time: T0 + i }));
    const b = Array.from({ length: 50 }, (_, i) => makeEntry({ cardId: `b:${i}`, time: T0 + i }));
    await Promise.all(
      a.flatMap((e, i) => [one.commit(e, stateAfter(e)), two.commit(b[i]!, stateAfter(b[i]!))]),
    );
    const log = await one.readFullLog();
    expect(log).toHaveLength(100);
    expect(log.map((e) => e.id)).toEqual([...a, ...b].map((e) => e.id).sort());
    expect((await two.load(0)).states.size).toBe(100);
  });

  it('each tab hears the other’s commits, undos and settings saves, not its own', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    const heardByTwo: RepoMessage[] = [];
    const heardByOne: RepoMessage[] = [];
    two.subscribe((m) => heardByTwo.push(m));
    const stop = one.subscribe((m) => heardByOne.push(m));
    const e = makeEntry();
    await one.commit(e, stateAfter(e));
    await one.undo(e, null);
    await one.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 5 });
    await vi.waitFor(() => expect(heardByTwo).toHaveLength(3));
    expect(heardByTwo).toEqual([
      { type: 'commit', entry: e, state: stateAfter(e) },
      { type: 'undo', entryId: e.id, cardId: e.cardId, state: null },
      { type: 'settings' },
    ]);
    stop();
    await two.saveSettings(DEFAULT_SETTINGS);
    await new Promise((r) => setTimeout(r, 20));
    expect(heardByOne).toEqual([]);
  });
});

describe('helpers', () => {
  it('counts orphans without touching them', async () => {
    const repo = await openTest(name);
    for (const id of ['d:0', 'd:1', 'd:2']) {
      const e = makeEntry({ cardId: id });
      await repo.commit(e, stateAfter(e));
    }
    const { states } = await repo.load(0);
    expect(countOrphans(new Set(['d:0']), states)).toBe(2);
    expect((await repo.load(0)).states.size).toBe(3);
  });

  it('asks for persistent storage once, ever, and tolerates a missing API', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await requestPersistence(await openTest(name), storage)).toBe(true);
    expect(await requestPersistence(await openTest(name), storage)).toBe(false);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect((await rawAll(name)).get('meta:persist-asked')).toBe(true);
    const repo = await openTest(name);
    expect(await requestPersistence(repo, undefined)).toBeNull();
    expect(await requestPersistence(repo, {})).toBeNull();
    const granted = { persisted: async () => true, persist: vi.fn(async () => true) };
    expect(await requestPersistence(repo, granted)).toBe(true);
    expect(granted.persist).not.toHaveBeenCalled();
  });
});
