// Damaged records are moved aside to `quarantine:<key>`, never deleted: each in a transaction of
// its own that touches only that record, so one failure cannot block or damage any other.
import type { UseStore } from 'idb-keyval';
import { writeTx } from './idb.ts';
import { QUARANTINE } from './keys.ts';

export type Validator = (value: unknown) => string | null;

export interface BadRecord {
  key: string;
  value: unknown;
  reason: string;
  validate: Validator;
}

export interface QuarantinedRecord {
  key: string;
  value: unknown;
  reason: string;
  at: number;
}

export function checkRecords<T>(
  keys: readonly IDBValidKey[],
  values: readonly unknown[],
  validate: Validator,
): { good: T[]; bad: BadRecord[] } {
  const good: T[] = [];
  const bad: BadRecord[] = [];
  values.forEach((value, i) => {
    const reason = validate(value);
    if (reason === null) good.push(value as T);
    else bad.push({ key: String(keys[i]), value, reason, validate });
  });
  return { good, bad };
}

/**
 * Moves one record aside if it is still the damaged one: another tab may have moved or rewritten
 * it since it was read, and a good record is never moved. Resolves whether it was moved.
 */
export async function quarantineRecord(store: UseStore, bad: BadRecord, at: number) {
  let moved = false;
  await writeTx(store, (os) => {
    const current = os.get(bad.key);
    current.onsuccess = () => {
      if (current.result === undefined || bad.validate(current.result) === null) return;
      const target = `${QUARANTINE}${bad.key}`;
      const earlier = os.getKey(target);
      earlier.onsuccess = () => {
        const record: QuarantinedRecord = {
          key: bad.key,
          value: current.result,
          reason: bad.validate(current.result) ?? bad.reason,
          at,
        };
        // An earlier damaged copy of the same key stays where it is.
        os.put(record, earlier.result === undefined ? target : `${target}@${at}`);
        os.delete(bad.key);
        moved = true;
      };
    };
  });
  return moved;
}

/** Moves every record aside, one by one; a failure leaves that record to be tried next time. */
export async function quarantineAll(store: UseStore, bad: BadRecord[], at: number) {
  let moved = 0;
  for (const b of bad) {
    try {
      if (await quarantineRecord(store, b, at)) moved += 1;
    } catch {
      // Still skipped on every read, so it does no harm where it is.
    }
  }
  return moved;
}
