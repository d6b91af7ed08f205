import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reviewEntry } from '../scheduler/actions.ts';
import { replayAll } from '../scheduler/replay.ts';
import { MigrationFailed, QuotaExceeded } from '../shared/errors.ts';
import { DEFAULT_SETTINGS, type CardState, type ReviewLogEntry } from '../shared/types.ts';
import { exportBackup, importBackup, parseBackup } from './backup.ts';
import { createWriteQueue } from './pending.ts';
import { countOrphans, openRepository, requestPersistence, type Repository } from './repository.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const replay = (entries: ReviewLogEntry[]) => replayAll(entries, settings);
const t0 = new Date('2026-11-24T10:00:00-05:00').getTime();
let db = 0;
let name = '';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  name = `recall-test-${++db}`;
});

const open = (channelName?: string) =>
  openRepository({ dbName: name, channelName: channelName ?? name });

/** Answers `n` cards once each through the real scheduler, committing every answer. */
async function answer(repo: Repository, n: number, from = 0, start = t0, deckId = 'd') {
  const out: { entry: ReviewLogEntry; state: CardState }[] = [];
  for (let i = from; i < from + n; i++) {
    const r = reviewEntry({
      card: { id: `${deckId}:${i}`, deckId },
      state: undefined,
      rating: 3,
      now: start + i * 1000,
      durationMs: 2000,
      settings,
    });
    await repo.commit(r.entry, r.state);
    out.push(r);
  }
  return out;
}

/** Writes raw records, bypassing validation, as a damaged or old store would hold them. */
async function rawPut(records: [string, unknown][]) {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => req.result.createObjectStore('kv');
    req.onsuccess = () => {
      const tx = req.result.transaction('kv', 'readwrite');
      for (const [k, v] of records) tx.objectStore('kv').put(v, k);
      tx.oncomplete = () => (req.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('the repository', () => {
  it('reload mid-session: N answers are N log entries and N states', async () => {
    const repo = await open();
    await answer(repo, 5);
    repo.close();
    const again = await open();
    const loaded = await again.load(t0 - 3_600_000);
    expect(loaded.todayLog).toHaveLength(5);
    expect(loaded.states.size).toBe(5);
    expect(loaded.recentLog.map((e) => e.cardId)).toEqual(['d:0', 'd:1', 'd:2', 'd:3', 'd:4']);
    expect(loaded.schemaVersion).toBe(2);
    expect(loaded.problems.corrupt).toBe(0);
    // Yesterday's answers are not today's.
    expect((await again.load(t0 + 86_400_000)).todayLog).toHaveLength(0);
  });

  it('one answer is one atomic write: a failing write changes nothing', async () => {
    const repo = await open();
    const [first] = await answer(repo, 1);
    const r = reviewEntry({
      card: { id: 'd:0', deckId: 'd' },
      state: first!.state,
      rating: 1,
      now: t0 + 600_000,
      durationMs: 1,
      settings,
    });
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      // The log entry goes in; the card state hits a full disk.
      if (++calls === 2) throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(repo.commit(r.entry, r.state)).rejects.toBeInstanceOf(QuotaExceeded);
    spy.mockRestore();
    expect(await repo.readFullLog()).toEqual([first!.entry]);
    expect((await repo.load(0)).states.get('d:0')).toEqual(first!.state);
  });

  it('undo after reload removes the entry and restores the state', async () => {
    const repo = await open();
    const [a, b] = await answer(repo, 2);
    const again = await open();
    const { recentLog } = await again.load(0);
    expect(recentLog.at(-1)).toEqual(b!.entry);
    await again.undo(b!.entry, null);
    await again.undo(a!.entry, { ...a!.state, sched: a!.entry.before });
    const after = await again.load(0);
    expect(after.todayLog).toEqual([]);
    expect(after.states.has('d:1')).toBe(false);
    expect(after.states.get('d:0')?.sched.phase).toBe('new');
  });

  it('sets damaged records aside, counts them, and keeps every other record', async () => {
    const repo = await open();
    const good = await answer(repo, 2);
    const bad = good[0]!.state;
    await rawPut([
      [
        'card:x:missing-due',
        { ...bad, cardId: 'x:missing-due', sched: { ...bad.sched, due: undefined } },
      ],
      ['card:x:nan', { ...bad, cardId: 'x:nan', sched: { ...bad.sched, stability: Number.NaN } }],
      ['card:x:type', { ...bad, cardId: 'x:type', suspended: 'no' }],
      [`log:${good[1]!.entry.id}z`, { ...good[1]!.entry, id: `${good[1]!.entry.id}z`, rating: 7 }],
    ]);
    const loaded = await (await open()).load(0);
    expect(loaded.problems.corrupt).toBe(4);
    expect(loaded.problems.messages[0]).toMatch(/4 stored records were damaged and set aside/);
    expect([...loaded.states.keys()].sort()).toEqual(['d:0', 'd:1']);
    expect(loaded.todayLog).toHaveLength(2);
    // Set aside, not deleted; and not reported twice.
    const again = await (await open()).load(0);
    expect(again.problems.corrupt).toBe(0);
    expect(await repo.getMeta('quarantine:card:x:nan')).toMatchObject({
      reason: expect.stringMatching(/stability/),
    });
  });

  it('rebuilds card states from the log (repair)', async () => {
    const repo = await open();
    const [a] = await answer(repo, 1);
    await rawPut([['card:d:0', { ...a!.state, sched: { ...a!.state.sched, due: 'garbage' } }]]);
    expect((await repo.repair(replay)).rebuilt).toBe(1);
    expect((await repo.load(0)).states.get('d:0')?.sched).toEqual(a!.state.sched);
  });

  it('two tabs answering at once lose no log entry, and each hears the other', async () => {
    const one = await open();
    const two = await open();
    const heard: string[] = [];
    two.subscribe((m) => m.type === 'commit' && heard.push(m.entry.cardId));
    await Promise.all([answer(one, 20, 0, t0, 'a'), answer(two, 20, 0, t0, 'b')]);
    expect(await one.readFullLog()).toHaveLength(40);
    await vi.waitFor(() => expect(heard).toHaveLength(20));
    expect(heard.every((id) => id.startsWith('a:'))).toBe(true);
  });

  it('counts orphans without touching them', async () => {
    const repo = await open();
    await answer(repo, 3);
    const { states } = await repo.load(0);
    expect(countOrphans(new Set(['d:0']), states)).toBe(2);
  });

  it('asks for persistent storage once', async () => {
    const repo = await open();
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await requestPersistence(repo, storage)).toBe(true);
    expect(await requestPersistence(repo, storage)).toBe(false);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistence(repo, undefined)).toBeNull();
  });
});

describe('migrations', () => {
  const fixture = JSON.parse(
    readFileSync(join(process.cwd(), 'tests/fixtures/storage/v1-store.json'), 'utf8'),
  ) as [string, unknown][];

  it('upgrades a version-1 store, keeps unknown fields and snapshots first', async () => {
    await rawPut(fixture);
    const repo = await open();
    const loaded = await repo.load(0);
    expect(loaded.schemaVersion).toBe(2);
    expect(loaded.problems.corrupt).toBe(0);
    expect(loaded.settings.desiredRetention).toBe(0.85);
    const a = loaded.states.get('d:a')!;
    expect(a.sched.due).toBe(Date.parse('2025-11-20T09:00:00.000Z'));
    expect((a as unknown as { colour: string }).colour).toBe('blue');
    expect(loaded.states.get('d:b')?.suspended).toBe(true);
    const [entry] = await repo.readFullLog();
    expect(entry).toMatchObject({
      kind: 'review',
      durationMs: 4500,
      time: Date.parse('2025-11-17T09:00:00.000Z'),
      device: 'laptop',
    });
    expect(entry).not.toHaveProperty('duration');
    expect(await repo.getMeta('snapshot:v1:card:d:a')).toEqual(fixture[2]![1]);
    expect(await repo.getMeta('meta:schema')).toBe(2);
  });

  it('a failing migration changes nothing and says so', async () => {
    const broken = fixture.map(([k, v]): [string, unknown] =>
      k === 'log:mhz00000a-aaaaaaaa' ? [k, { ...(v as object), time: 'not a date' }] : [k, v],
    );
    await rawPut(broken);
    await expect(open()).rejects.toBeInstanceOf(MigrationFailed);
    const probe = await openRepository({ dbName: name, channelName: 'probe' }).catch(() => null);
    expect(probe).toBeNull(); // still version 1, still refusing, data intact:
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const get = req.result.transaction('kv').objectStore('kv').get('meta:schema');
        get.onsuccess = () => {
          expect(get.result).toBe(1);
          req.result.close();
          resolve();
        };
      };
    });
  });
});

describe('backup', () => {
  it('export → import into an empty store gives identical state', async () => {
    const repo = await open();
    await answer(repo, 4);
    await repo.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 7 });
    const file = JSON.stringify(await exportBackup(repo, t0));
    name = `${name}-copy`;
    const copy = await open();
    const result = await importBackup(copy, parseBackup(file), replay);
    expect(result).toMatchObject({ added: 4, skipped: 0, cards: 4 });
    const a = await exportBackup(repo, t0);
    const b = await exportBackup(copy, t0);
    expect(b).toEqual(a);
  });

  it('merging exports from two devices loses no answer from either', async () => {
    const laptop = await open();
    await answer(laptop, 3, 0, t0);
    const fromLaptop = await exportBackup(laptop);
    name = `${name}-phone`;
    const phone = await open();
    await answer(phone, 3, 2, t0 + 50_000); // d:2 answered on both devices
    await importBackup(phone, parseBackup(JSON.stringify(fromLaptop)), replay);
    const log = await phone.readFullLog();
    expect(log).toHaveLength(6);
    const { states } = await phone.load(0);
    expect(states.get('d:2')?.sched.reps).toBe(2);
    expect(states.size).toBe(5);
    // Importing the same file again adds nothing.
    expect((await importBackup(phone, parseBackup(JSON.stringify(fromLaptop)), replay)).added).toBe(
      0,
    );
  });

  it('rejects files that are not Recall backups with a sentence', () => {
    expect(() => parseBackup('{nope')).toThrow(/not valid JSON/);
    expect(() => parseBackup('{"format":"anki"}')).toThrow(/not a Recall backup/);
    expect(() =>
      parseBackup('{"format":"recall-backup","schemaVersion":99,"cards":[],"log":[]}'),
    ).toThrow(/newer version/);
  });
});

describe('the write queue', () => {
  it('keeps a failed answer in memory, says so, retries, and saves it in order', async () => {
    const repo = await open();
    const statuses: (string | null)[] = [];
    const timers: (() => void)[] = [];
    const queue = createWriteQueue(repo, {
      onStatus: (s) => statuses.push(s),
      setTimer: (fn) => timers.push(fn),
    });
    const r1 = reviewEntry({
      card: { id: 'd:1', deckId: 'd' },
      state: undefined,
      rating: 3,
      now: t0,
      durationMs: 1,
      settings,
    });
    const r2 = reviewEntry({
      card: { id: 'd:2', deckId: 'd' },
      state: undefined,
      rating: 3,
      now: t0 + 1,
      durationMs: 1,
      settings,
    });
    const commit = vi
      .spyOn(repo, 'commit')
      .mockRejectedValueOnce(new QuotaExceeded('The device storage is full.'));
    await queue.commit(r1.entry, r1.state);
    expect(statuses.at(-1)).toMatch(/not saved yet \(The device storage is full\)/);
    await queue.commit(r2.entry, r2.state); // queued behind the failed one
    expect(queue.pending()).toBe(2);
    commit.mockRestore();
    timers.shift()!();
    await vi.waitFor(() => expect(queue.pending()).toBe(0));
    expect(statuses.at(-1)).toBeNull();
    expect((await repo.readFullLog()).map((e) => e.cardId)).toEqual(['d:1', 'd:2']);
  });
});
