// Schema versions and data migrations. A migration copies the fields it does not know and removes
// only the legacy fields it names. Every record is copied to `snapshot:v<N>:<key>` (in a committed
// transaction of its own) before an upgrade from version N touches anything (one copy for all its
// steps), and each step itself is one transaction: it lands whole or not at all. Only the newest safety copy is kept,
// and only for SNAPSHOT_KEEP_MS: an old copy would otherwise double the stored data for good.
import type { UseStore } from 'idb-keyval';
import { MigrationFailed } from '../shared/errors.ts';
import { promisifyRequest, readTx, writeTx } from './idb.ts';
import {
  CARD,
  LOG,
  META_SCHEMA,
  META_SETTINGS,
  META_SNAPSHOT,
  QUARANTINE,
  SNAPSHOT,
  rangeOf,
  snapshotKey,
} from './keys.ts';
import type { QuarantinedRecord } from './quarantine.ts';

export const CURRENT_SCHEMA = 3;

/** Thrown by a record migration for a record it cannot read; that record is set aside. */
export class DamagedRecord extends Error {}

/** What a migration may need besides the record: where and how this device counts days. */
export interface MigrationContext {
  /** This device's IANA time zone when the migration runs. */
  timeZone: string;
  /** The stored settings' day-start hour (the default when they have none). */
  dayStartHour: number;
}

/** Turns one stored record of version N into version N + 1. */
export type RecordMigration = (key: string, value: unknown, context: MigrationContext) => unknown;

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

const isHour = (h: unknown): h is number =>
  Number.isInteger(h) && (h as number) >= 0 && (h as number) <= 23;

/** Stored Recall's default "next day starts at" before settings were ever saved. */
const DEFAULT_DAY_START_HOUR = 4;

/** The context for records whose settings record is `settings` (a store's or a backup file's). */
export function migrationContext(settings: unknown): MigrationContext {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    dayStartHour:
      isObj(settings) && isHour(settings.dayStartHour)
        ? settings.dayStartHour
        : DEFAULT_DAY_START_HOUR,
  };
}

const toMs = (v: unknown, what: string): number => {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(ms)) throw new DamagedRecord(`${what} "${String(v)}" is not a date`);
  return ms;
};

function schedV1toV2(s: unknown, prefix = ''): unknown {
  if (!isObj(s)) return s;
  return {
    ...s,
    due: toMs(s.due, `${prefix}due date`),
    lastReview: s.lastReview == null ? null : toMs(s.lastReview, `${prefix}last review`),
  };
}

/**
 * Version 1 stored every time inside scheduling fields and the log entry's `time` as an ISO
 * string, the answer's duration in seconds as `duration`, and had no `kind` (every entry was an
 * answer; suspension lived only in the card state, so rebuilds keep it from there).
 */
export const v1toV2 = (key: string, value: unknown): unknown => {
  if (!isObj(value)) return value;
  if (key.startsWith(CARD)) return { ...value, sched: schedV1toV2(value.sched) };
  if (key.startsWith(LOG)) {
    const { duration, ...rest } = value;
    const seconds = typeof duration === 'number' && Number.isFinite(duration) ? duration : 0;
    return {
      ...rest,
      kind: typeof value.kind === 'string' ? value.kind : 'review',
      time: toMs(value.time, 'answer time'),
      durationMs:
        typeof value.durationMs === 'number' ? value.durationMs : Math.round(seconds * 1000),
      before: schedV1toV2(value.before, 'previous '),
      after: schedV1toV2(value.after),
    };
  }
  return value;
};

/**
 * Version 3 answers record the time zone and day-start hour their study days were counted in, so
 * a replay after a move to another zone counts the same days. Older answers did not, and nothing
 * stored says where they were given; the device's zone at migration time and the settings' hour
 * are the best guess there is: those answers were counted in the device's local zone with the
 * settings' hour when they were made, and for nearly everyone (who has not moved or changed the
 * hour since) both are still those; any other guess would recount most people's days. Only
 * answers get them (other entries count no days); a zone or hour already there is kept, and so is
 * every field this code does not know.
 */
export const v2toV3: RecordMigration = (key, value, context) => {
  if (!key.startsWith(LOG) || !isObj(value) || value.kind !== 'review') return value;
  return {
    ...value,
    timeZone:
      typeof value.timeZone === 'string' && value.timeZone !== ''
        ? value.timeZone
        : context.timeZone,
    dayStartHour: isHour(value.dayStartHour) ? value.dayStartHour : context.dayStartHour,
  };
};

export const MIGRATIONS: Readonly<Record<number, RecordMigration>> = { 1: v1toV2, 2: v2toV3 };

/** Records a migration works on: everything but earlier snapshots and quarantined copies. */
const isData = (key: string) =>
  !key.startsWith(SNAPSHOT) && !key.startsWith(QUARANTINE) && key !== META_SNAPSHOT;

/** How long the safety copy of the last migration is kept: 30 days. */
export const SNAPSHOT_KEEP_MS = 30 * 86_400_000;

const isVersion = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1;

/**
 * The stored schema version: the `meta:schema` record; a fresh (empty) store is current; a store
 * with data but no readable version predates versioning (version 1 migrations are idempotent on
 * version-2 records, so guessing low is safe).
 */
export async function readSchemaVersion(
  store: UseStore,
): Promise<{ version: number; stored: boolean }> {
  const { version, empty } = await readTx(store, async (os) => {
    const version = (await promisifyRequest(os.get(META_SCHEMA))) as unknown;
    if (isVersion(version)) return { version, empty: false };
    // Only a store without a version is looked into, and only for one key: counting every record
    // of a large collection costs Chromium a walk over all of them at each start-up.
    const firstKey = await promisifyRequest(os.getAllKeys(null, 1));
    return { version, empty: firstKey.length === 0 };
  });
  if (isVersion(version)) return { version, stored: true };
  return { version: empty ? CURRENT_SCHEMA : 1, stored: false };
}

/**
 * Calls `fn` with every data record, inside `os`'s transaction, if the stored version is still
 * `version` (another tab may have migrated meanwhile; readwrite transactions on one store run one
 * at a time, so this check and the writes cannot interleave with another tab's).
 */
function withRecordsAt(
  os: IDBObjectStore,
  version: number,
  fn: (records: [string, unknown][]) => void,
): void {
  const current = os.get(META_SCHEMA);
  current.onsuccess = () => {
    const v = current.result as unknown;
    if (v !== version && !(version === 1 && typeof v !== 'number')) return;
    const keys = os.getAllKeys();
    keys.onsuccess = () => {
      const values = os.getAll();
      values.onsuccess = () => {
        const records = keys.result
          .map((k, i): [string, unknown] => [String(k), values.result[i]])
          .filter(([k]) => isData(k));
        fn(records);
      };
    };
  };
}

async function step(
  store: UseStore,
  from: number,
  migration: RecordMigration,
  now: number,
  snapshot: boolean,
): Promise<void> {
  const failed = (why: string) =>
    new MigrationFailed(
      from,
      from + 1,
      `${why.replace(/\.$/, '')}. Your data was not changed; reload to try again.`,
    );
  if (snapshot) {
    try {
      await writeTx(store, (os) =>
        withRecordsAt(os, from, (records) => {
          // The copy made before an earlier migration is replaced: the newest one is kept only.
          os.delete(rangeOf(SNAPSHOT));
          for (const [k, value] of records) os.put(value, snapshotKey(from, k));
          os.put({ version: from, at: now }, META_SNAPSHOT);
        }),
      );
    } catch (err) {
      throw failed(`a safety copy could not be written (${(err as Error).message})`);
    }
  }
  let bug: unknown = null;
  try {
    await writeTx(store, (os) =>
      withRecordsAt(os, from, (records) => {
        try {
          const out: [string, unknown][] = [];
          const damaged: QuarantinedRecord[] = [];
          const context = migrationContext(records.find(([k]) => k === META_SETTINGS)?.[1]);
          for (const [k, value] of records) {
            try {
              out.push([k, migration(k, value, context)]);
            } catch (err) {
              if (!(err instanceof DamagedRecord)) throw err;
              damaged.push({ key: k, value, reason: err.message, at: now });
            }
          }
          for (const [k, value] of out) os.put(value, k);
          // A record that cannot be read is set aside, not allowed to block everyone's upgrade.
          for (const d of damaged) {
            os.put(d, `${QUARANTINE}${d.key}`);
            os.delete(d.key);
          }
          os.put(from + 1, META_SCHEMA);
        } catch (err) {
          bug = err;
          os.transaction.abort();
        }
      }),
    );
  } catch (err) {
    const cause = bug ?? err;
    throw failed(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Brings the store to `target`, one version at a time; a fresh store just gets the version.
 * Throws MigrationFailed (and changes nothing but the snapshot) when a step fails, or when the
 * store is newer than this code.
 */
export async function upgradeStore(
  store: UseStore,
  now: number,
  migrations: Readonly<Record<number, RecordMigration>> = MIGRATIONS,
  target: number = CURRENT_SCHEMA,
): Promise<void> {
  const { version: found, stored } = await readSchemaVersion(store);
  if (found > target)
    throw new MigrationFailed(
      found,
      target,
      'your progress was saved by a newer version of Recall. Reload the page to get the newest version; nothing was changed.',
    );
  if (found === target) {
    if (stored) return;
    // A fresh store: no migration, just the version.
    await writeTx(store, (os) => {
      const current = os.get(META_SCHEMA);
      current.onsuccess = () => {
        if (current.result === undefined) os.put(target, META_SCHEMA);
      };
    });
    return;
  }
  for (let v = found; v < target; v++) {
    const migration = migrations[v];
    if (!migration) throw new MigrationFailed(v, target, `no migration from version ${v} exists.`);
    // One safety copy per upgrade, of the records as they were before its first step: a later
    // step's copy would hold what an earlier step made of them, not the person's data.
    await step(store, v, migration, now, v === found);
  }
}

/**
 * Deletes the migration safety copy once it is older than `keepMs`. A copy from before its time
 * was recorded starts its clock now. Returns whether a copy was deleted.
 */
export async function pruneSnapshots(
  store: UseStore,
  now: number,
  keepMs: number = SNAPSHOT_KEEP_MS,
): Promise<boolean> {
  const found = await readTx(store, async (os) => {
    const meta = (await promisifyRequest(os.get(META_SNAPSHOT))) as unknown;
    if (isObj(meta) && typeof meta.at === 'number' && Number.isFinite(meta.at))
      return { at: meta.at };
    // One key cursor step over the snapshot range only, never a walk over the store.
    const cursor = await promisifyRequest(os.openKeyCursor(rangeOf(SNAPSHOT)));
    return cursor ? { at: null } : null;
  });
  if (!found) return false;
  if (found.at === null) {
    await writeTx(store, (os) => os.put({ version: null, at: now }, META_SNAPSHOT));
    return false;
  }
  if (now - found.at < keepMs) return false;
  await writeTx(store, (os) => {
    os.delete(rangeOf(SNAPSHOT));
    os.delete(META_SNAPSHOT);
  });
  return true;
}

/**
 * One record of an older version (a backup file's) brought to `target`; throws DamagedRecord.
 * `context` should come from the file's own settings (migrationContext).
 */
export function migrateRecord(
  key: string,
  value: unknown,
  from: number,
  target: number = CURRENT_SCHEMA,
  migrations: Readonly<Record<number, RecordMigration>> = MIGRATIONS,
  context?: MigrationContext,
): unknown {
  let out = value;
  let ctx = context;
  for (let v = from; v < target; v++) {
    const migration = migrations[v];
    if (!migration) throw new DamagedRecord(`no migration from version ${v} exists`);
    out = migration(key, out, (ctx ??= migrationContext(undefined)));
  }
  return out;
}
