// Data migrations. Each copies fields it does not know and removes only the legacy fields it
// names. Every record is copied to `snapshot:v<N>:<key>` before a migration touches anything.
import type { UseStore } from 'idb-keyval';
import { MigrationFailed } from '../shared/errors.ts';
import { promisifyRequest, readTx, writeTx } from './idb.ts';
import { CARD, LOG, META_SCHEMA, snapshotKey } from './keys.ts';

type Rec = Record<string, unknown>;
type Migration = (key: string, value: unknown) => unknown;

const toMs = (v: unknown, what: string): number => {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(ms)) throw new Error(`${what} "${String(v)}" is not a date`);
  return ms;
};

function schedV1toV2(s: unknown, where: string): unknown {
  if (typeof s !== 'object' || s === null) return s;
  const r = s as Rec;
  return {
    ...r,
    due: toMs(r.due, `${where} due`),
    lastReview: r.lastReview == null ? null : toMs(r.lastReview, `${where} lastReview`),
  };
}

/**
 * Version 1 stored times as ISO strings inside scheduling fields, log times as ISO strings, the
 * answer's duration in seconds as `duration`, and had no `kind` (every entry was an answer).
 */
const v1toV2: Migration = (key, value) => {
  if (typeof value !== 'object' || value === null) return value;
  const r = value as Rec;
  if (key.startsWith(CARD)) return { ...r, sched: schedV1toV2(r.sched, key) };
  if (key.startsWith(LOG)) {
    const { duration, ...rest } = r;
    return {
      ...rest,
      kind: typeof r.kind === 'string' ? r.kind : 'review',
      time: toMs(r.time, `${key} time`),
      durationMs:
        typeof r.durationMs === 'number' ? r.durationMs : Math.round(Number(duration ?? 0) * 1000),
      before: schedV1toV2(r.before, key),
      after: schedV1toV2(r.after, key),
    };
  }
  return value;
};

const MIGRATIONS: Record<number, Migration> = { 1: v1toV2 };

export async function migrate(store: UseStore, from: number, to: number): Promise<void> {
  for (let v = from; v < to; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new MigrationFailed(v, to, `no migration from version ${v} exists.`);
    const all = await readTx(store, async (os) => {
      const [keys, values] = await Promise.all([
        promisifyRequest(os.getAllKeys()),
        promisifyRequest(os.getAll()),
      ]);
      return keys.map((k, i): [string, unknown] => [String(k), values[i]]);
    });
    const data = all.filter(([k]) => !k.startsWith('snapshot:') && !k.startsWith('quarantine:'));
    // The snapshot lands in its own transaction first, so it exists whatever happens next.
    await writeTx(store, (os) => {
      for (const [k, value] of data) os.put(value, snapshotKey(v, k));
    });
    let migrated: [string, unknown][];
    try {
      migrated = data.map(([k, value]) => [k, step(k, value)]);
    } catch (err) {
      throw new MigrationFailed(
        v,
        v + 1,
        `${err instanceof Error ? err.message : String(err)}. Your data is unchanged and a copy was kept.`,
      );
    }
    await writeTx(store, (os) => {
      for (const [k, value] of migrated) if (k !== META_SCHEMA) os.put(value, k);
      os.put(v + 1, META_SCHEMA);
    });
  }
}
