import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MigrationFailed } from '../shared/errors.ts';
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import {
  CURRENT_SCHEMA,
  pruneSnapshots,
  SNAPSHOT_KEEP_MS,
  upgradeStore,
  v1toV2,
  type RecordMigration,
} from './migrations.ts';
import { createRecallStore } from './store.ts';
import { T0, freshDb, makeEntry, openTest, rawAll, rawPut, stateAfter } from './test-support.ts';

const fixture = (
  JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/storage/v1-store.json'), 'utf8')) as {
    records: [string, unknown][];
  }
).records;
const original = new Map(fixture);
const ms = (iso: string) => Date.parse(iso);

let name = '';
beforeEach(() => {
  name = freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every record of the fixture, unchanged. */
async function expectUntouched() {
  const all = await rawAll(name);
  for (const [k, v] of fixture) expect(all.get(k)).toEqual(v);
}

describe('version 1 → 2', () => {
  it('migrates the stored fixture: times become ms, durations ms, entries get a kind', async () => {
    await rawPut(name, fixture);
    const repo = await openTest(name);
    const loaded = await repo.load(0);
    expect(loaded.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(loaded.problems.corrupt).toBe(0);
    expect(loaded.settings.desiredRetention).toBe(0.85);

    const a = loaded.states.get('d:a')!;
    expect(a.sched.due).toBe(ms('2025-11-20T09:00:00.000Z'));
    expect(a.sched.lastReview).toBe(ms('2025-11-17T09:00:00.000Z'));
    expect(loaded.states.get('d:b')).toMatchObject({
      suspended: true,
      sched: { lastReview: null },
    });

    const log = await repo.readFullLog();
    expect(log.map((e) => e.durationMs)).toEqual([6000, 4500]);
    expect(log.every((e) => e.kind === 'review')).toBe(true);
    expect(log[1]).toMatchObject({
      time: ms('2025-11-17T09:00:00.000Z'),
      before: { due: ms('2025-11-17T09:00:00.000Z'), lastReview: ms('2025-11-16T09:00:00.000Z') },
    });
    expect(loaded.recentLog).toEqual(log);
    expect((await rawAll(name)).get('meta:schema')).toBe(CURRENT_SCHEMA);
  });

  it('keeps fields and records it does not know; removes only the legacy field it names', async () => {
    await rawPut(name, fixture);
    await openTest(name);
    const all = await rawAll(name);
    expect(all.get('card:d:a')).toMatchObject({ colour: 'blue' });
    const entry = all.get('log:0mi2wyw00-a1b2c3d4') as ReviewLogEntry & Record<string, unknown>;
    expect(entry.device).toBe('laptop');
    expect(entry).not.toHaveProperty('duration');
    expect(all.get('meta:theme')).toBe('dark');
    // Every field of the old record is still there, under its new form where it has one.
    const old = original.get('log:0mi2wyw00-a1b2c3d4') as Record<string, unknown>;
    for (const k of Object.keys(old)) if (k !== 'duration') expect(entry).toHaveProperty(k);
  });

  it('snapshots every record before migrating, as it was', async () => {
    await rawPut(name, fixture);
    await openTest(name);
    const all = await rawAll(name);
    for (const [k, v] of fixture) expect(all.get(`snapshot:v1:${k}`)).toEqual(v);
  });

  it('is idempotent on records already in the version-2 layout', () => {
    const e = makeEntry();
    expect(v1toV2(`log:${e.id}`, e)).toEqual(e);
    expect(v1toV2('card:d:1', stateAfter(e))).toEqual(stateAfter(e));
  });

  it('sets aside a record it cannot read and migrates the rest', async () => {
    const broken = fixture.map(([k, v]): [string, unknown] =>
      k === 'card:d:b'
        ? [k, { ...(v as CardState), sched: { ...(v as CardState).sched, due: 'soon' } }]
        : [k, v],
    );
    await rawPut(name, broken);
    const loaded = await (await openTest(name)).load(0);
    expect([...loaded.states.keys()]).toEqual(['d:a']);
    const all = await rawAll(name);
    expect(all.get('quarantine:card:d:b')).toEqual({
      key: 'card:d:b',
      value: new Map(broken).get('card:d:b'),
      reason: 'due date "soon" is not a date',
      at: T0,
    });
    expect(all.get('snapshot:v1:card:d:b')).toEqual(new Map(broken).get('card:d:b'));
  });

  it('a migration that fails throws MigrationFailed and leaves the original data intact', async () => {
    await rawPut(name, fixture);
    const { useStore, close } = createRecallStore(name, 'kv');
    const buggy = {
      1: (key: string, value: unknown) => {
        if (key.startsWith('log:')) throw new TypeError('cannot read properties of undefined');
        return value;
      },
    };
    const err = await upgradeStore(useStore, T0, buggy).catch((x: unknown) => x);
    close();
    expect(err).toBeInstanceOf(MigrationFailed);
    expect((err as Error).message).toBe(
      'Upgrading stored data from version 1 to 2 failed: cannot read properties of undefined. Your data was not changed; reload to try again.',
    );
    await expectUntouched();
    // The safety copy stays.
    expect((await rawAll(name)).get('snapshot:v1:card:d:a')).toEqual(original.get('card:d:a'));
  });

  it('a full disk during the migration fails it cleanly; the next start migrates', async () => {
    await rawPut(name, fixture);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value,
      key,
    ) {
      if (typeof key === 'string' && key.startsWith('log:'))
        throw new DOMException('full', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    await expect(openTest(name)).rejects.toBeInstanceOf(MigrationFailed);
    vi.restoreAllMocks();
    await expectUntouched();
    const loaded = await (await openTest(name)).load(0);
    expect(loaded.states.size).toBe(2);
  });

  it('two tabs upgrading at once migrate once and keep the snapshot of version 1', async () => {
    await rawPut(name, fixture);
    const [one, two] = await Promise.all([openTest(name), openTest(name)]);
    expect((await one.readFullLog()).map((e) => e.durationMs)).toEqual([6000, 4500]);
    expect((await two.load(0)).states.get('d:a')?.sched.due).toBe(ms('2025-11-20T09:00:00.000Z'));
    const all = await rawAll(name);
    for (const [k, v] of fixture) expect(all.get(`snapshot:v1:${k}`)).toEqual(v);
  });

  it('a tab that read version 1 before another tab migrated neither migrates again nor overwrites the snapshot', async () => {
    await rawPut(name, fixture);
    const late = createRecallStore(name, 'kv');
    let release = () => undefined as void;
    const otherTabDone = new Promise<void>((r) => (release = r));
    let calls = 0;
    // The late tab reads the version (1), then waits while the other tab migrates.
    const stale: typeof late.useStore = (mode, callback) =>
      late.useStore(mode, callback).then(async (r) => {
        if (++calls === 1) await otherTabDone;
        return r;
      });
    const lateUpgrade = upgradeStore(stale, T0);
    await vi.waitFor(() => expect(calls).toBe(1));
    const first = await openTest(name);
    const migrated = await rawAll(name);
    // An answer committed after the upgrade is left as it is.
    const e = makeEntry();
    await first.commit(e, stateAfter(e));
    release();
    await lateUpgrade;
    late.close();
    const all = await rawAll(name);
    for (const [k, v] of fixture) expect(all.get(`snapshot:v1:${k}`)).toEqual(v);
    for (const [k, v] of migrated) expect(all.get(k)).toEqual(v);
    expect(all.get(`log:${e.id}`)).toEqual(e);
  });

  it('opens a store that has its version without walking every record', async () => {
    // Guards start-up time: counting 100,000 records cost Chromium ~150 ms at each open.
    (await openTest(name)).close();
    const count = vi.spyOn(IDBObjectStore.prototype, 'count');
    const getAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    const repo = await openTest(name);
    repo.close();
    expect(count).not.toHaveBeenCalled();
    expect(getAllKeys).not.toHaveBeenCalled();
  });

  it('refuses a store written by a newer version and changes nothing', async () => {
    await rawPut(name, [...fixture, ['meta:schema', CURRENT_SCHEMA + 1]]);
    const err = await openTest(name).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(MigrationFailed);
    expect((err as Error).message).toMatch(/newer version of Recall/);
    const all = await rawAll(name);
    expect(all.get('meta:schema')).toBe(CURRENT_SCHEMA + 1);
    expect([...all.keys()].some((k) => k.startsWith('snapshot:'))).toBe(false);
  });
});

describe('migration safety copies', () => {
  // Guards against snapshots that were never deleted and doubled the stored data for good.
  const DAY = 86_400_000;
  const bump: RecordMigration = (_key, value) => value;

  it('keeps only the newest copy when a store migrates twice', async () => {
    await rawPut(name, fixture);
    const store = createRecallStore(name, 'kv');
    await upgradeStore(store.useStore, T0, { 1: v1toV2 }, 2);
    await upgradeStore(store.useStore, T0, { 1: v1toV2, 2: bump }, 3);
    const all = await rawAll(name);
    store.close();
    expect([...all.keys()].some((k) => k.startsWith('snapshot:v1:'))).toBe(false);
    for (const k of original.keys()) expect(all.has(`snapshot:v2:${k}`)).toBe(true);
    expect(all.get('meta:snapshot')).toEqual({ version: 2, at: T0 });
  });

  it('deletes the copy after 30 days, not before', async () => {
    await rawPut(name, fixture);
    const store = createRecallStore(name, 'kv');
    await upgradeStore(store.useStore, T0);
    expect(await pruneSnapshots(store.useStore, T0 + SNAPSHOT_KEEP_MS - 1)).toBe(false);
    expect((await rawAll(name)).has('snapshot:v1:card:d:a')).toBe(true);
    expect(await pruneSnapshots(store.useStore, T0 + 30 * DAY)).toBe(true);
    const all = await rawAll(name);
    store.close();
    expect(
      [...all.keys()].filter((k) => k.startsWith('snapshot:') || k === 'meta:snapshot'),
    ).toEqual([]);
    for (const [k] of fixture) expect(all.has(k)).toBe(true);
  });

  it('gives a copy made before its time was recorded 30 days from when it is first seen', async () => {
    await rawPut(name, [...fixture.map(([k, v]): [string, unknown] => [`snapshot:v1:${k}`, v])]);
    const store = createRecallStore(name, 'kv');
    expect(await pruneSnapshots(store.useStore, T0)).toBe(false);
    expect((await rawAll(name)).get('meta:snapshot')).toEqual({ version: null, at: T0 });
    expect(await pruneSnapshots(store.useStore, T0 + 29 * DAY)).toBe(false);
    expect(await pruneSnapshots(store.useStore, T0 + 30 * DAY)).toBe(true);
    const keys = [...(await rawAll(name)).keys()];
    store.close();
    expect(keys).toEqual([]);
  });
});
