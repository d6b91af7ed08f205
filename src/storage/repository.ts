// The IndexedDB repository: one object store (idb-keyval's), the review log as the source of
// truth, one transaction per answer, validation on read, and a channel to other tabs.
import type { CardId, CardState, ReviewLogEntry, Settings } from '../shared/types.ts';
import { lastValues, promisifyRequest, readTx, writeTx } from './idb.ts';
import { CARD, LOG, logKeyAt, META_PERSIST_ASKED, META_SETTINGS, rangeOf } from './keys.ts';
import { CURRENT_SCHEMA, pruneSnapshots, upgradeStore } from './migrations.ts';
import { checkRecords, quarantineAll, type BadRecord, type Validator } from './quarantine.ts';
import { rebuildStates, type Replay } from './rebuild.ts';
import { createRecallStore } from './store.ts';
import {
  checkStoredSettings,
  readSettings,
  validateCardState,
  validateLogEntry,
  validateStoredSettings,
} from './validate.ts';

export { CURRENT_SCHEMA };
export type { Replay };

/** Undo reaches this many answers back, across reloads. */
export const RECENT_LOG = 30;
const DAY_MS = 86_400_000;
/** Log ids carry the writer's clock; today's range starts this much earlier, then filters by time. */
const TODAY_MARGIN_MS = DAY_MS;
/** Records per transaction for bulk writes (import, repair, seeding). */
const CHUNK = 2000;
/**
 * The ids of the last RECENT_LOG actions on this device, in the order they were taken, written
 * with each commit and undo: a clock that went back must not make undo pick another entry.
 */
const META_UNDO = 'meta:undo';

const undoIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/** Keeps the undo record in step with a commit (`add`) or an undo (`remove`), in its transaction. */
function trackUndo(os: IDBObjectStore, change: { add?: string; remove?: string }): void {
  const req = os.get(META_UNDO);
  req.onsuccess = () => {
    const ids = undoIds(req.result).filter((id) => id !== change.add && id !== change.remove);
    if (change.add) ids.push(change.add);
    os.put(ids.slice(-RECENT_LOG), META_UNDO);
  };
}

export type RepoMessage =
  | { type: 'commit'; entry: ReviewLogEntry; state: CardState }
  | { type: 'undo'; entryId: string; cardId: CardId; state: CardState | null }
  | { type: 'settings' }
  /** Progress changed in bulk (import, repair): read states and settings again. */
  | { type: 'reload' };

/**
 * What a change to a card was built on, so that its commit can tell whether another tab changed
 * the card meanwhile: then the change is built again on the state actually stored, in the same
 * transaction, and stored state stays what replaying the log gives.
 */
export interface CommitBasis {
  /** The `lastLogId` of the stored state the change was built on; undefined when there was none. */
  lastLogId: string | null | undefined;
  /** The same change (same entry id and time) built on `stored`; must not throw. */
  rebase: (stored: CardState | undefined) => { entry: ReviewLogEntry; state: CardState };
}

export interface LoadResult {
  settings: Settings;
  states: Map<CardId, CardState>;
  /** Log entries with `dayStart <= time < dayEnd`, oldest first (never ones from the future). */
  todayLog: ReviewLogEntry[];
  /** The last ≤ 30 actions taken on this device, the last one last (for undo). */
  recentLog: ReviewLogEntry[];
  problems: { corrupt: number; messages: string[] };
  schemaVersion: number;
}

/** Records read so far and how many there are in all. */
export type ReadProgress = (read: number, total: number) => void;

export interface Repository {
  /**
   * Start-up reads: settings, all card states, today's log and the last 30 actions. `dayEnd` is
   * the next day's start (a day after `dayStart` unless told: DST days are 23 or 25 h).
   */
  load(dayStart: number, dayEnd?: number): Promise<LoadResult>;
  /** The whole review log, sorted by id (that is, by time). */
  /** The whole log, oldest first, read in chunks; `onProgress` hears entries read so far. */
  readFullLog(onProgress?: ReadProgress): Promise<ReviewLogEntry[]>;
  readStates(): Promise<CardState[]>;
  readSettings(): Promise<Settings>;
  /**
   * Log entry and card state in one transaction; rejects with QuotaExceeded/StorageUnavailable.
   * With a basis, a card changed by another tab since is rebased (this tab's listeners then
   * hear `reload`).
   */
  commit(entry: ReviewLogEntry, state: CardState, basis?: CommitBasis): Promise<void>;
  /**
   * Deletes the entry and restores the state (or deletes it when null) in one transaction. When
   * the card's stored state no longer comes from `entry` (another tab changed the card since),
   * nothing is undone and this tab's listeners hear `reload`.
   */
  undo(entry: ReviewLogEntry, restored: CardState | null): Promise<void>;
  /** Tells other tabs that progress changed in bulk (after an import). */
  announceReload(): void;
  saveSettings(settings: Settings): Promise<void>;
  /** Rebuilds every card state that has log entries from the log; damaged records go aside. */
  repair(replay: Replay): Promise<{ rebuilt: number }>;
  logIds(): Promise<Set<string>>;
  /**
   * Deletes a deck's progress: every card state and log entry of a card whose id is
   * `<deckId>:…`, in one transaction (a person removing an opened deck with its history).
   */
  deleteDeckProgress(deckId: string): Promise<{ states: number; entries: number }>;
  /** Bulk writes in chunked transactions (not atomic as a whole). */
  putMany(records: [string, unknown][]): Promise<void>;
  /** Deletes these keys in one transaction (old card states whose progress moved to a new id). */
  deleteMany(keys: string[]): Promise<void>;
  /**
   * Hears commits, undos, settings saves and bulk changes of other tabs (never this tab's own),
   * and `reload` when this tab's own change met a card another tab had changed.
   */
  subscribe(listener: (msg: RepoMessage) => void): () => void;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

export interface RepositoryOptions {
  dbName?: string;
  storeName?: string;
  /** Defaults to the database name ('recall'), so tabs of one database hear each other. */
  channelName?: string;
  now?: () => number;
}

const problemMessages = (count: number): string[] =>
  count === 0
    ? []
    : [
        `${count} stored ${count === 1 ? 'record was' : 'records were'} damaged and set aside; the rest of your progress is intact. Settings → “Rebuild card states from the log” repairs what the review log can.`,
      ];

/** Entries dated more than a day ahead: a device clock that was wrong when they were made. */
export function futureMessages(future: readonly ReviewLogEntry[]): string[] {
  if (future.length === 0) return [];
  const latest = Math.max(...future.map((e) => e.time));
  const date = new Date(latest).toLocaleDateString(undefined, { dateStyle: 'long' });
  const n = future.length;
  return [
    `${n} ${n === 1 ? 'answer is' : 'answers are'} dated in the future (up to ${date}): your device clock may have been wrong. ${n === 1 ? 'It is' : 'They are'} kept, and ${n === 1 ? 'does' : 'do'} not count toward today.`,
  ];
}

const getAllPair = async (os: IDBObjectStore, range: IDBKeyRange) => {
  const [keys, values] = await Promise.all([
    promisifyRequest(os.getAllKeys(range)),
    promisifyRequest(os.getAll(range)),
  ]);
  return { keys, values: values as unknown[] };
};

/**
 * Records read per transaction when reading a whole prefix (the full log): reading and checking
 * 100,000 entries in one go blocks the page for seconds; in chunks, each task stays short and the
 * page keeps drawing in between.
 */
export const READ_CHUNK = 4000;

const getAllPairFrom = async (os: IDBObjectStore, range: IDBKeyRange, count: number) => {
  const [keys, values] = await Promise.all([
    promisifyRequest(os.getAllKeys(range, count)),
    promisifyRequest(os.getAll(range, count)),
  ]);
  return { keys, values: values as unknown[] };
};

/** Lets the page draw and handle input before the next chunk. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const byKey = (bad: BadRecord[]) => [...new Map(bad.map((b) => [b.key, b])).values()];

export async function openRepository(opts: RepositoryOptions = {}): Promise<Repository> {
  const dbName = opts.dbName ?? 'recall';
  const now = opts.now ?? (() => Date.now());
  const connection = createRecallStore(dbName, opts.storeName ?? 'kv');
  const store = connection.useStore;

  try {
    await upgradeStore(store, now());
  } catch (err) {
    connection.close();
    throw err;
  }
  // Off the start-up path: an old safety copy goes when the app is already showing.
  void pruneSnapshots(store, now()).catch(() => undefined);
  const schemaVersion = CURRENT_SCHEMA;

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
      // Another tab missing one message catches up on its next reload; the write itself landed.
    }
  };

  const tellSelf = (msg: RepoMessage) => listeners.forEach((l) => l(msg));

  const setAside = (bad: BadRecord[]) => quarantineAll(store, bad, now());

  /** Values of a range validated; keys are read only when some value turns out damaged. */
  const checkRange = async <T>(range: IDBKeyRange, values: unknown[], validate: Validator) => {
    if (values.every((v) => validate(v) === null)) return { good: values as T[], bad: [] };
    const pair = await readTx(store, (os) => getAllPair(os, range));
    return checkRecords<T>(pair.keys, pair.values, validate);
  };

  const readChecked = <T>(range: IDBKeyRange, validate: Validator) =>
    readTx(store, async (os) => {
      const { keys, values } = await getAllPair(os, range);
      return checkRecords<T>(keys, values, validate);
    });

  /** Every record under a prefix, in key order, READ_CHUNK per transaction. */
  const readCheckedInChunks = async <T>(
    prefix: string,
    validate: Validator,
    onProgress?: ReadProgress,
  ) => {
    const good: T[] = [];
    const bad: BadRecord[] = [];
    let range = rangeOf(prefix);
    const total = onProgress ? await readTx(store, (os) => promisifyRequest(os.count(range))) : 0;
    for (;;) {
      const chunk = await readTx(store, (os) => getAllPairFrom(os, range, READ_CHUNK));
      const checked = checkRecords<T>(chunk.keys, chunk.values, validate);
      for (const record of checked.good) good.push(record);
      for (const record of checked.bad) bad.push(record);
      const read = good.length + bad.length;
      // Answers written meanwhile can make the count grow: the total is never below what was read.
      onProgress?.(read, Math.max(total, read));
      const last = chunk.keys[chunk.keys.length - 1];
      if (chunk.keys.length < READ_CHUNK || last === undefined) break;
      range = IDBKeyRange.bound(last, `${prefix}\uffff`, true, false);
      await yieldToPage();
    }
    return { good, bad };
  };

  const writeChunks = async (records: [string, unknown][]) => {
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      await writeTx(store, (os) => {
        for (const [key, value] of chunk) os.put(value, key);
      });
    }
  };

  const repo: Repository = {
    async load(dayStart, dayEnd = dayStart + DAY_MS) {
      const todayRange = IDBKeyRange.bound(logKeyAt(dayStart - TODAY_MARGIN_MS), `${LOG}\uffff`);
      const raw = await readTx(store, async (os) => {
        const [cards, today, byTime, settings, undo] = await Promise.all([
          promisifyRequest(os.getAll(rangeOf(CARD))) as Promise<unknown[]>,
          promisifyRequest(os.getAll(todayRange)) as Promise<unknown[]>,
          lastValues<unknown>(os, rangeOf(LOG), RECENT_LOG),
          promisifyRequest(os.get(META_SETTINGS)),
          promisifyRequest(os.get(META_UNDO)),
        ]);
        // Undo follows the order actions were taken; stores from before that record go by time.
        const recent =
          undo === undefined
            ? byTime
            : await Promise.all(
                undoIds(undo).map(async (id): Promise<[string, unknown]> => {
                  const key = `${LOG}${id}`;
                  return [key, await promisifyRequest(os.get(key))];
                }),
              );
        return { cards, today, recent, settings };
      });
      const cards = await checkRange<CardState>(rangeOf(CARD), raw.cards, validateCardState);
      const today = await checkRange<ReviewLogEntry>(todayRange, raw.today, validateLogEntry);
      const kept = raw.recent.filter(([, v]) => v !== undefined); // undone in another tab
      const recent = checkRecords<ReviewLogEntry>(
        kept.map(([k]) => k),
        kept.map(([, v]) => v),
        validateLogEntry,
      );
      const bad = [...cards.bad, ...today.bad, ...recent.bad];
      const settingsProblem =
        raw.settings === undefined ? null : validateStoredSettings(raw.settings);
      if (settingsProblem !== null)
        bad.push({
          key: META_SETTINGS,
          value: raw.settings,
          reason: settingsProblem,
          validate: validateStoredSettings,
        });
      const unique = byKey(bad);
      if (unique.length > 0) await setAside(unique);
      const checked = checkStoredSettings(raw.settings);
      // The damaged record is kept aside as it was; its sound fields stay the settings in use.
      if (settingsProblem !== null)
        await writeTx(store, (os) => os.put(checked.settings, META_SETTINGS)).catch(
          () => undefined,
        );

      const states = new Map<CardId, CardState>();
      for (const s of cards.good) states.set(s.cardId, s);
      const future = today.good.filter((e) => e.time > now() + DAY_MS);
      return {
        // Fields of a damaged settings record that are still sound are kept.
        settings: checked.settings,
        states,
        todayLog: today.good.filter((e) => e.time >= dayStart && e.time < dayEnd),
        recentLog: recent.good,
        problems: {
          corrupt: unique.length,
          messages: [
            ...checked.problems,
            // Settings have their own sentences above; the count is of the other records.
            ...problemMessages(unique.filter((b) => b.key !== META_SETTINGS).length),
            ...futureMessages(future),
          ],
        },
        schemaVersion,
      };
    },

    async readFullLog(onProgress) {
      const log = await readCheckedInChunks<ReviewLogEntry>(LOG, validateLogEntry, onProgress);
      if (log.bad.length > 0) await setAside(log.bad);
      return log.good;
    },

    async readStates() {
      const cards = await readChecked<CardState>(rangeOf(CARD), validateCardState);
      if (cards.bad.length > 0) await setAside(cards.bad);
      return cards.good;
    },

    async readSettings() {
      return readSettings(await repo.getMeta(META_SETTINGS));
    },

    async commit(entry, state, basis) {
      let written: { entry: ReviewLogEntry; state: CardState } | null = { entry, state };
      let rebased = false;
      await writeTx(store, (os) => {
        const put = (w: { entry: ReviewLogEntry; state: CardState }) => {
          os.put(w.entry, `${LOG}${w.entry.id}`);
          os.put(w.state, `${CARD}${w.state.cardId}`);
          trackUndo(os, { add: w.entry.id });
        };
        if (!basis) return put({ entry, state });
        // Read and write in one transaction: no other tab's write can land in between.
        const req = os.get(`${CARD}${entry.cardId}`);
        req.onsuccess = () => {
          const stored = req.result as CardState | undefined;
          if ((stored === undefined ? undefined : stored.lastLogId) !== basis.lastLogId) {
            rebased = true;
            try {
              written = basis.rebase(stored);
            } catch {
              // The change cannot apply to what is stored now: nothing is written, the tab reloads.
              written = null;
              return;
            }
          }
          put(written ?? { entry, state });
        };
      });
      if (written) post({ type: 'commit', entry: written.entry, state: written.state });
      if (rebased) tellSelf({ type: 'reload' });
    },

    async undo(entry, restored) {
      let undone = false;
      await writeTx(store, (os) => {
        const req = os.get(`${CARD}${entry.cardId}`);
        req.onsuccess = () => {
          const stored = req.result as CardState | undefined;
          // Another tab built on this entry: undoing it now would leave a state no log gives.
          if (stored !== undefined && stored.lastLogId !== entry.id) return;
          undone = true;
          os.delete(`${LOG}${entry.id}`);
          trackUndo(os, { remove: entry.id });
          if (restored) os.put(restored, `${CARD}${restored.cardId}`);
          else os.delete(`${CARD}${entry.cardId}`);
        };
      });
      if (!undone) return tellSelf({ type: 'reload' });
      post({ type: 'undo', entryId: entry.id, cardId: entry.cardId, state: restored });
    },

    announceReload() {
      post({ type: 'reload' });
    },

    async saveSettings(settings) {
      await writeTx(store, (os) => os.put(settings, META_SETTINGS));
      post({ type: 'settings' });
    },

    async repair(replay) {
      // Damaged states are set aside first, so no rebuilt state overwrites one without a copy.
      const previous = new Map((await repo.readStates()).map((s) => [s.cardId, s]));
      const log = await repo.readFullLog();
      const states = rebuildStates(log, replay, (id) => previous.get(id));
      await writeChunks([...states.values()].map((s) => [`${CARD}${s.cardId}`, s]));
      post({ type: 'reload' });
      return { rebuilt: states.size };
    },

    async logIds() {
      const keys = await readTx(store, (os) => promisifyRequest(os.getAllKeys(rangeOf(LOG))));
      return new Set(keys.map((k) => String(k).slice(LOG.length)));
    },

    async deleteDeckProgress(deckId) {
      const prefix = `${deckId}:`;
      const counts = { states: 0, entries: 0 };
      await writeTx(store, (os) => {
        const states = os.getAllKeys(rangeOf(`${CARD}${prefix}`));
        states.onsuccess = () => {
          counts.states = states.result.length;
          for (const k of states.result) os.delete(k);
        };
        // Log keys sort by time, not by card: every entry is looked at once.
        const cursor = os.openCursor(rangeOf(LOG));
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          const cardId = (c.value as { cardId?: unknown } | undefined)?.cardId;
          if (typeof cardId === 'string' && cardId.startsWith(prefix)) {
            counts.entries += 1;
            c.delete();
          }
          c.continue();
        };
      });
      post({ type: 'reload' });
      return counts;
    },

    putMany: writeChunks,

    deleteMany: (keys) =>
      writeTx(store, (os) => {
        for (const key of keys) os.delete(key);
      }),

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    getMeta: (key) => readTx(store, (os) => promisifyRequest(os.get(key))),
    setMeta: (key, value) => writeTx(store, (os) => os.put(value, key)),

    close() {
      channel?.close();
      listeners.clear();
      connection.close();
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

/**
 * Asks the browser once (ever, remembered in `meta:persist-asked`) to keep Recall's storage.
 * Resolves whether storage is persistent, or null when the browser has no such API.
 */
export async function requestPersistence(
  repo: Pick<Repository, 'getMeta' | 'setMeta'>,
  storage: PersistApi | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persisted || !storage.persist) return null;
  try {
    if (await storage.persisted()) return true;
    if ((await repo.getMeta(META_PERSIST_ASKED)) === true) return false;
    await repo.setMeta(META_PERSIST_ASKED, true);
    return await storage.persist();
  } catch {
    return null;
  }
}
