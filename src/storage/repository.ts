// The IndexedDB repository: one object store (idb-keyval's), the review log as the source of
// truth, one transaction per answer, validation on read, and a channel to other tabs.
import type { UseStore } from 'idb-keyval';
import { MigrationFailed } from '../shared/errors.ts';
import type { CardId, CardState, ReviewLogEntry, Settings } from '../shared/types.ts';
import { lastValues, promisifyRequest, readTx, writeTx } from './idb.ts';
import {
  CARD,
  LOG,
  logKeyAt,
  META_PERSIST_ASKED,
  META_SCHEMA,
  META_SETTINGS,
  QUARANTINE,
  rangeOf,
} from './keys.ts';
import { migrate } from './migrations.ts';
import { createRecallStore } from './store.ts';
import { readSettings, validateCardState, validateLogEntry } from './validate.ts';

export const CURRENT_SCHEMA = 2;
export const RECENT_LOG = 30;
const DAY = 86_400_000;
const CHUNK = 2000;

/** Rebuilds card states from log entries (the scheduler's replayAll, passed in). */
export type Replay = (entries: ReviewLogEntry[]) => Map<CardId, CardState>;

export type RepoMessage =
  | { type: 'commit'; entry: ReviewLogEntry; state: CardState }
  | { type: 'undo'; entryId: string; cardId: CardId; state: CardState | null }
  | { type: 'settings' };

export interface LoadResult {
  settings: Settings;
  states: Map<CardId, CardState>;
  todayLog: ReviewLogEntry[];
  recentLog: ReviewLogEntry[];
  problems: { corrupt: number; messages: string[] };
  schemaVersion: number;
}

export interface Repository {
  load(dayStart: number): Promise<LoadResult>;
  readFullLog(): Promise<ReviewLogEntry[]>;
  readStates(): Promise<CardState[]>;
  commit(entry: ReviewLogEntry, state: CardState): Promise<void>;
  undo(entry: ReviewLogEntry, restored: CardState | null): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  repair(replay: Replay): Promise<{ rebuilt: number }>;
  logIds(): Promise<Set<string>>;
  putMany(records: [string, unknown][]): Promise<void>;
  subscribe(listener: (msg: RepoMessage) => void): () => void;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

export interface RepositoryOptions {
  dbName?: string;
  storeName?: string;
  channelName?: string;
}

interface Checked<T> {
  good: T[];
  bad: { key: string; value: unknown; reason: string }[];
}

function check<T>(
  keys: IDBValidKey[],
  values: unknown[],
  validate: (v: unknown) => string | null,
): Checked<T> {
  const out: Checked<T> = { good: [], bad: [] };
  values.forEach((value, i) => {
    const reason = validate(value);
    if (reason === null) out.good.push(value as T);
    else out.bad.push({ key: String(keys[i]), value, reason });
  });
  return out;
}

const getAllPair = async (os: IDBObjectStore, range: IDBKeyRange) => {
  const [keys, values] = await Promise.all([
    promisifyRequest(os.getAllKeys(range)),
    promisifyRequest(os.getAll(range)),
  ]);
  return { keys, values: values as unknown[] };
};

export async function openRepository(opts: RepositoryOptions = {}): Promise<Repository> {
  const dbName = opts.dbName ?? 'recall';
  const store: UseStore = createRecallStore(dbName, opts.storeName ?? 'kv');
  const schema = await readTx(store, async (os) => {
    const [version, count] = await Promise.all([
      promisifyRequest(os.get(META_SCHEMA)),
      promisifyRequest(os.count()),
    ]);
    return { version: version as number | undefined, empty: count === 0 };
  });
  let schemaVersion = schema.version ?? (schema.empty ? CURRENT_SCHEMA : 1);
  if (schemaVersion > CURRENT_SCHEMA) {
    throw new MigrationFailed(
      schemaVersion,
      CURRENT_SCHEMA,
      'Your progress was saved by a newer version of Recall; reload to get the newest version. Nothing was changed.',
    );
  }
  if (schemaVersion < CURRENT_SCHEMA) {
    await migrate(store, schemaVersion, CURRENT_SCHEMA);
    schemaVersion = CURRENT_SCHEMA;
  } else if (schema.version === undefined) {
    await writeTx(store, (os) => os.put(CURRENT_SCHEMA, META_SCHEMA));
  }

  const listeners = new Set<(msg: RepoMessage) => void>();
  const channel =
    typeof BroadcastChannel === 'undefined'
      ? null
      : new BroadcastChannel(opts.channelName ?? dbName);
  if (channel)
    channel.onmessage = (e: MessageEvent<RepoMessage>) => listeners.forEach((l) => l(e.data));
  const post = (msg: RepoMessage) => {
    try {
      channel?.postMessage(msg);
    } catch {
      // Another tab missing one message is repaired by its next reload; the write itself landed.
    }
  };

  /** Moves damaged records aside, each in its own small transaction, so none can block another. */
  const quarantine = async (bad: Checked<unknown>['bad']): Promise<number> => {
    let moved = 0;
    for (const b of bad) {
      try {
        await writeTx(store, (os) => {
          os.put(
            { key: b.key, value: b.value, reason: b.reason, at: Date.now() },
            `${QUARANTINE}${b.key}`,
          );
          os.delete(b.key);
        });
        moved += 1;
      } catch {
        // Still skipped on read; it will be tried again next time.
      }
    }
    return moved;
  };

  const problemMessages = (count: number): string[] =>
    count === 0
      ? []
      : [
          `${count} stored ${count === 1 ? 'record was' : 'records were'} damaged and set aside; the rest of your progress is intact. Settings → “Rebuild card states from the log” repairs what the review log can.`,
        ];

  const readLog = async (): Promise<Checked<ReviewLogEntry>> =>
    readTx(store, async (os) => {
      const { keys, values } = await getAllPair(os, rangeOf(LOG));
      return check<ReviewLogEntry>(keys, values, validateLogEntry);
    });

  const repo: Repository = {
    async load(dayStart) {
      const todayRange = IDBKeyRange.bound(logKeyAt(dayStart - DAY), `${LOG}\uffff`);
      // Values only: keys are read (a second time) only when some record turns out damaged.
      const raw = await readTx(store, async (os) => {
        const [cards, today, recent, settings] = await Promise.all([
          promisifyRequest(os.getAll(rangeOf(CARD))) as Promise<unknown[]>,
          promisifyRequest(os.getAll(todayRange)) as Promise<unknown[]>,
          lastValues<unknown>(os, rangeOf(LOG), RECENT_LOG),
          promisifyRequest(os.get(META_SETTINGS)),
        ]);
        return { cards, today, recent, settings };
      });
      const withKeys = async <T>(
        range: IDBKeyRange,
        values: unknown[],
        validate: (v: unknown) => string | null,
      ): Promise<Checked<T>> => {
        if (values.every((v) => validate(v) === null)) return { good: values as T[], bad: [] };
        const pair = await readTx(store, (os) => getAllPair(os, range));
        return check<T>(pair.keys, pair.values, validate);
      };
      const cards = await withKeys<CardState>(rangeOf(CARD), raw.cards, validateCardState);
      const today = await withKeys<ReviewLogEntry>(todayRange, raw.today, validateLogEntry);
      const recent = check<ReviewLogEntry>(
        raw.recent.map(([k]) => k),
        raw.recent.map(([, v]) => v),
        validateLogEntry,
      );
      const badKeys = new Set<string>();
      const bad = [...cards.bad, ...today.bad, ...recent.bad].filter((b) =>
        badKeys.has(b.key) ? false : (badKeys.add(b.key), true),
      );
      if (bad.length > 0) await quarantine(bad);
      const states = new Map<CardId, CardState>();
      for (const s of cards.good) states.set(s.cardId, s);
      return {
        settings: readSettings(raw.settings),
        states,
        todayLog: today.good
          .filter((e) => e.time >= dayStart)
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
        recentLog: recent.good,
        problems: { corrupt: bad.length, messages: problemMessages(bad.length) },
        schemaVersion,
      };
    },

    async readFullLog() {
      const log = await readLog();
      if (log.bad.length > 0) await quarantine(log.bad);
      return log.good;
    },

    async readStates() {
      return readTx(store, async (os) => {
        const { keys, values } = await getAllPair(os, rangeOf(CARD));
        return check<CardState>(keys, values, validateCardState).good;
      });
    },

    async commit(entry, state) {
      await writeTx(store, (os) => {
        os.put(entry, `${LOG}${entry.id}`);
        os.put(state, `${CARD}${state.cardId}`);
      });
      post({ type: 'commit', entry, state });
    },

    async undo(entry, restored) {
      await writeTx(store, (os) => {
        os.delete(`${LOG}${entry.id}`);
        if (restored) os.put(restored, `${CARD}${restored.cardId}`);
        else os.delete(`${CARD}${entry.cardId}`);
      });
      post({ type: 'undo', entryId: entry.id, cardId: entry.cardId, state: restored });
    },

    async saveSettings(settings) {
      await writeTx(store, (os) => os.put(settings, META_SETTINGS));
      post({ type: 'settings' });
    },

    async repair(replay) {
      const log = await repo.readFullLog();
      const states = replay(log);
      await repo.putMany(
        [...states.values()].map((s): [string, unknown] => [`${CARD}${s.cardId}`, s]),
      );
      return { rebuilt: states.size };
    },

    async logIds() {
      const keys = await readTx(store, (os) => promisifyRequest(os.getAllKeys(rangeOf(LOG))));
      return new Set(keys.map((k) => String(k).slice(LOG.length)));
    },

    async putMany(records) {
      for (let i = 0; i < records.length; i += CHUNK) {
        const chunk = records.slice(i, i + CHUNK);
        await writeTx(store, (os) => {
          for (const [key, value] of chunk) os.put(value, key);
        });
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    getMeta: (key) => readTx(store, (os) => promisifyRequest(os.get(key))),
    setMeta: (key, value) => writeTx(store, (os) => os.put(value, key)),

    close() {
      channel?.close();
      listeners.clear();
    },
  };
  return repo;
}

/** Cards with stored progress that no loaded deck has (kept, never deleted). */
export function countOrphans(knownCardIds: Set<string>, states: Map<CardId, CardState>): number {
  let n = 0;
  for (const id of states.keys()) if (!knownCardIds.has(id)) n += 1;
  return n;
}

type PersistApi = { persisted?: () => Promise<boolean>; persist?: () => Promise<boolean> };

/** Asks the browser once (ever) to keep Recall's storage; resolves whether it is persistent. */
export async function requestPersistence(
  repo: Repository,
  storage: PersistApi | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persisted || !storage.persist) return null;
  try {
    if (await storage.persisted()) return true;
    if (await repo.getMeta(META_PERSIST_ASKED)) return false;
    await repo.setMeta(META_PERSIST_ASKED, true);
    return await storage.persist();
  } catch {
    return null;
  }
}
