import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuotaExceeded, StorageUnavailable } from '../shared/errors.ts';
// The real scheduler, in tests only: two tabs build answers as the app does.
import { reviewEntry, suspendEntry } from '../scheduler/actions.ts';
import { replayAll } from '../scheduler/replay.ts';
import type { CardState, Rating } from '../shared/types.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import {
  countOrphans,
  CURRENT_SCHEMA,
  READ_CHUNK,
  requestPersistence,
  type CommitBasis,
  type RepoMessage,
  type Repository,
} from './repository.ts';
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
    expect(loaded.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect([...(await rawAll(name)).entries()]).toEqual([['meta:schema', CURRENT_SCHEMA]]);
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

describe('answers dated in the future', () => {
  // Guards: entries from a clock a year ahead counted as today forever, and nobody was told.
  it('are kept but not today’s, and loading says so in a sentence', async () => {
    const repo = await openTest(name); // its clock reads T0
    const future = [0, 1, 2].map((i) =>
      makeEntry({ cardId: `d:${i}`, time: T0 + 365 * DAY + i * 1000 }),
    );
    const today = makeEntry({ cardId: 'd:9', time: T0 - 1000 });
    const soon = makeEntry({ cardId: 'd:8', time: T0 + 3_600_000 }); // within a day: no sentence
    for (const e of [today, soon, ...future]) await repo.commit(e, stateAfter(e));
    const loaded = await repo.load(T0 - 3_600_000, T0 + 20 * 3_600_000);
    expect(loaded.todayLog).toEqual([today, soon]);
    expect(loaded.states.size).toBe(5);
    expect(loaded.problems.corrupt).toBe(0);
    const year = new Date(T0 + 365 * DAY).getFullYear();
    expect(loaded.problems.messages).toEqual([
      expect.stringMatching(
        new RegExp(
          `^3 answers are dated in the future \\(up to [^)]*${year}\\): your device clock may have been wrong\\. They are kept, and do not count toward today\\.$`,
        ),
      ),
    ]);
    // Without a day end, today is the day from its start.
    expect((await repo.load(T0 - 3_600_000)).todayLog).toEqual([today, soon]);
  });
});

describe('the undo record', () => {
  // Guards: after the clock went back, undo after a reload picked the newest entry by time.
  it('keeps the order answers were given, whatever their times, and drops undone ones', async () => {
    const one = await openTest(name);
    const later = makeEntry({ cardId: 'd:a', time: T0 + 3_600_000 });
    const earlier = makeEntry({ cardId: 'd:b', time: T0 }); // the clock went back
    await one.commit(later, stateAfter(later));
    await one.commit(earlier, stateAfter(earlier));
    const two = await openTest(name);
    expect((await two.load(0)).recentLog).toEqual([later, earlier]);
    await two.undo(earlier, null);
    expect((await one.load(0)).recentLog).toEqual([later]);
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

/** A tab's answer to `cardId` built on what it holds in memory, committed with its basis. */
function answerIn(
  repo: Repository,
  memory: Map<string, CardState>,
  cardId: string,
  rating: Rating,
  now: number,
) {
  const card = { id: cardId, deckId: 'd' };
  const held = memory.get(cardId);
  const args = { card, rating, now, durationMs: 1000, settings: DEFAULT_SETTINGS };
  const { entry, state } = reviewEntry({ ...args, state: held });
  const basis: CommitBasis = {
    lastLogId: held?.lastLogId,
    rebase: (stored) => reviewEntry({ ...args, state: stored, id: entry.id }),
  };
  memory.set(cardId, state);
  return repo.commit(entry, state, basis);
}

/** Stored states and what replaying the stored log gives, for comparison. */
async function storedAndReplayed(repo: Repository) {
  const stored = new Map((await repo.readStates()).map((s) => [s.cardId, s]));
  const replayed = replayAll(await repo.readFullLog(), DEFAULT_SETTINGS);
  return { stored, replayed };
}

describe('two tabs changing the same card', () => {
  // Guards: answering one card in two tabs at once left the stored state out of step with the log.
  it('answers committed at once in two stale tabs: stored state equals replaying the log', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    // Neither tab hears the other: each builds every answer on its own, stale, memory.
    const memOne = new Map<string, CardState>();
    const memTwo = new Map<string, CardState>();
    for (let i = 0; i < 6; i++) {
      const t = T0 + i * 3_600_000;
      await Promise.all([
        answerIn(one, memOne, 'd:1', 3, t),
        answerIn(two, memTwo, 'd:1', i % 2 === 0 ? 1 : 3, t + 1000),
      ]);
    }
    const log = await one.readFullLog();
    expect(log).toHaveLength(12);
    // Every entry builds on the one before it: nothing was overwritten.
    for (let i = 1; i < log.length; i++) expect(log[i]!.before).toEqual(log[i - 1]!.after);
    const { stored, replayed } = await storedAndReplayed(two);
    expect(stored.get('d:1')!.sched.reps).toBe(12);
    expect(stored).toEqual(replayed);
  });

  // Guards: a tab that missed an import answered an imported card as new and overwrote its state.
  it('an answer built on no state after another tab imported one builds on the imported state', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    const heard: RepoMessage[] = [];
    two.subscribe((m) => heard.push(m));
    const memTwo = new Map<string, CardState>(); // loaded before the import
    const imported = reviewEntry({
      card: { id: 'd:1', deckId: 'd' },
      state: undefined,
      rating: 3,
      now: T0 - 86_400_000,
      durationMs: 1000,
      settings: DEFAULT_SETTINGS,
    });
    await one.putMany([
      [`log:${imported.entry.id}`, imported.entry],
      [`card:d:1`, imported.state],
    ]);
    one.announceReload();
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'reload' }]));

    const selfHeard: RepoMessage[] = [];
    two.subscribe((m) => selfHeard.push(m));
    await answerIn(two, memTwo, 'd:1', 3, T0);
    const { stored, replayed } = await storedAndReplayed(one);
    expect(stored.get('d:1')!.sched.reps).toBe(2);
    expect(stored).toEqual(replayed);
    // The tab whose memory was stale is told to read progress again.
    expect(selfHeard).toContainEqual({ type: 'reload' });
  });

  it('a suspend built on a stale state keeps the other tab’s answer', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    await answerIn(one, new Map(), 'd:1', 3, T0);
    const card = { id: 'd:1', deckId: 'd' };
    const { entry, state } = suspendEntry({ card, state: undefined, now: T0 + 1000 });
    await two.commit(entry, state, {
      lastLogId: undefined,
      rebase: (stored) => suspendEntry({ card, state: stored, now: T0 + 1000, id: entry.id }),
    });
    const { stored, replayed } = await storedAndReplayed(one);
    expect(stored.get('d:1')).toMatchObject({ suspended: true, sched: { reps: 1 } });
    expect(stored).toEqual(replayed);
  });

  it('undo of an entry another tab built on undoes nothing and tells this tab to reload', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    const memOne = new Map<string, CardState>();
    await answerIn(one, memOne, 'd:1', 3, T0);
    const [first] = await one.readFullLog();
    await answerIn(two, new Map(memOne), 'd:1', 3, T0 + 600_000);
    const heard: RepoMessage[] = [];
    one.subscribe((m) => heard.push(m));
    await one.undo(first!, null);
    expect(heard.filter((m) => m.type !== 'commit')).toEqual([{ type: 'reload' }]);
    const { stored, replayed } = await storedAndReplayed(one);
    expect((await one.readFullLog()).length).toBe(2);
    expect(stored).toEqual(replayed);
  });

  it('a repair is announced to other tabs', async () => {
    const one = await openTest(name);
    const two = await openTest(name);
    const heard: RepoMessage[] = [];
    two.subscribe((m) => heard.push(m));
    await one.repair((entries) => replayAll(entries, DEFAULT_SETTINGS));
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'reload' }]));
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

describe('reading the full log in chunks', () => {
  // Guards: the whole log was read and checked in one task, which froze the page for seconds on
  // 100,000 entries whenever Stats or the history opened.
  it('reads every entry in order across chunk edges, yielding between chunks, and sets aside a damaged one', async () => {
    const name = freshDb();
    const repo = await openTest(name);
    const n = READ_CHUNK * 2 + 3;
    const entries = Array.from({ length: n }, (_, i) => makeEntry({ time: T0 + i * 1000 }));
    const damaged = entries[READ_CHUNK + 1]!;
    await repo.putMany([
      ...entries.map((e): [string, unknown] => [`log:${e.id}`, e]),
      [`log:${damaged.id}`, { ...damaged, rating: 0 }],
    ]);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const log = await repo.readFullLog();
    expect(log.map((e) => e.id)).toEqual(entries.filter((e) => e !== damaged).map((e) => e.id));
    // Three chunks: the page got two turns in between.
    expect(timers.mock.calls.filter(([, ms]) => ms === 0).length).toBeGreaterThanOrEqual(2);
    timers.mockRestore();
    const heard: [number, number][] = [];
    expect((await repo.readFullLog((read, total) => heard.push([read, total]))).length).toBe(n - 1);
    // Progress after each chunk, of all records (the first read set the damaged one aside).
    expect(heard).toEqual([
      [READ_CHUNK, n - 1],
      [READ_CHUNK * 2, n - 1],
      [n - 1, n - 1],
    ]);
  });
});
