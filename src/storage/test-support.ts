// Builders and raw IndexedDB access for the storage tests (imported by tests only). Every test
// gets a fresh fake-indexeddb factory, so no test sees another's data.
import { IDBFactory } from 'fake-indexeddb';
// The real scheduler's blank state, in tests only: storage itself never imports the scheduler.
import { newSchedulingState } from '../scheduler/fsrs.ts';
import type { CardState, ReviewLogEntry, SchedulingState } from '../shared/types.ts';
import type { Replay } from './rebuild.ts';
import { openRepository } from './repository.ts';

export const T0 = new Date('2026-11-24T10:00:00-05:00').getTime();

let counter = 0;

/** A fresh fake IndexedDB and a database name of its own; returns that name. */
export function freshDb(): string {
  globalThis.indexedDB = new IDBFactory();
  return `recall-test-${++counter}`;
}

export const openTest = (dbName: string, channelName = dbName) =>
  openRepository({ dbName, channelName, now: () => T0 });

export function makeSched(overrides: Partial<SchedulingState> = {}): SchedulingState {
  return { ...newSchedulingState(T0), ...overrides };
}

export function makeState(overrides: Partial<CardState> = {}): CardState {
  return {
    cardId: 'd:1',
    deckId: 'd',
    sched: makeSched({ phase: 'review', due: T0 + 86_400_000, stability: 2.5, difficulty: 5 }),
    suspended: false,
    lastLogId: null,
    updatedAt: T0,
    ...overrides,
  };
}

/** A log entry whose id sorts by `time`, as the scheduler's newLogId makes them. */
export function makeEntry(overrides: Partial<ReviewLogEntry> = {}): ReviewLogEntry {
  const time = overrides.time ?? T0;
  const reps = overrides.after?.reps ?? 1;
  return {
    id: `${time.toString(36).padStart(9, '0')}-${(++counter).toString(36).padStart(8, '0')}`,
    cardId: 'd:1',
    deckId: 'd',
    kind: 'review',
    rating: 3,
    time,
    durationMs: 2000,
    before: makeSched({ due: time }),
    after: makeSched({
      phase: 'review',
      due: time + 86_400_000,
      stability: 2.5,
      difficulty: 5,
      scheduledDays: 1,
      reps,
      lastReview: time,
    }),
    // As answers record them since schema version 3.
    timeZone: 'America/New_York',
    dayStartHour: 4,
    ...overrides,
  };
}

/** The state an entry leaves its card in (what the scheduler's action builders produce). */
export const stateAfter = (e: ReviewLogEntry, suspended = false): CardState =>
  makeState({
    cardId: e.cardId,
    deckId: e.deckId,
    sched: e.after,
    suspended,
    lastLogId: e.id,
    updatedAt: e.time,
  });

/** A stand-in for the scheduler's replay: each card ends in its newest entry's `after`. */
export const lastAfterReplay: Replay = (entries) => {
  const out = new Map<string, CardState>();
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of sorted) {
    const suspended =
      e.kind === 'suspend' ? true : e.kind === 'unsuspend' ? false : !!out.get(e.cardId)?.suspended;
    out.set(e.cardId, stateAfter(e, suspended));
  }
  return out;
};

function openRaw(dbName: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onupgradeneeded = () => req.result.createObjectStore('kv');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Writes records as they are, bypassing validation, as a damaged or old store holds them. */
export async function rawPut(dbName: string, records: [string, unknown][]): Promise<void> {
  const db = await openRaw(dbName);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('kv', 'readwrite');
    for (const [k, v] of records) tx.objectStore('kv').put(v, k);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Every stored record, by key. */
export async function rawAll(dbName: string): Promise<Map<string, unknown>> {
  const db = await openRaw(dbName);
  const out = await new Promise<Map<string, unknown>>((resolve, reject) => {
    const os = db.transaction('kv').objectStore('kv');
    const keys = os.getAllKeys();
    const values = os.getAll();
    values.onsuccess = () =>
      resolve(new Map(keys.result.map((k, i) => [String(k), values.result[i]])));
    values.onerror = () => reject(values.error);
  });
  db.close();
  return out;
}
