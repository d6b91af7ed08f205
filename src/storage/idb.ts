// Small promise helpers over raw IndexedDB requests, and storage errors turned into sentences.
import { QuotaExceeded, RecordNotStorable, StorageUnavailable } from '../shared/errors.ts';
import { promisifyRequest, type UseStore } from 'idb-keyval';

export { promisifyRequest };

export function toStorageError(err: unknown): Error {
  if (
    err instanceof QuotaExceeded ||
    err instanceof StorageUnavailable ||
    err instanceof RecordNotStorable
  )
    return err;
  const name =
    err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException)
      ? (err as Error).name
      : '';
  if (name === 'QuotaExceededError')
    return new QuotaExceeded(
      'The device storage is full: free some space (or remove other sites’ data), then try again.',
    );
  // Not the browser's storage being off: one record it cannot copy (too deep, not plain data).
  if (name === 'DataCloneError' || err instanceof RangeError)
    return new RecordNotStorable(
      'A record could not be stored: it is not plain data or is nested too deeply.',
    );
  const detail = err instanceof Error ? err.message : String(err);
  return new StorageUnavailable(
    `This browser's storage is not available (${detail || name || 'unknown error'}): in a private window or with site data blocked, Recall cannot save progress.`,
  );
}

/** One readwrite transaction; resolves when it commits, rejects (and aborts) on any failure. */
export async function writeTx(store: UseStore, fn: (os: IDBObjectStore) => void): Promise<void> {
  try {
    await store('readwrite', (os) => {
      try {
        fn(os);
      } catch (err) {
        os.transaction.abort();
        throw err;
      }
      return promisifyRequest(os.transaction);
    });
  } catch (err) {
    throw toStorageError(err);
  }
}

export async function readTx<T>(
  store: UseStore,
  fn: (os: IDBObjectStore) => Promise<T>,
): Promise<T> {
  try {
    return await store('readonly', fn);
  } catch (err) {
    throw toStorageError(err);
  }
}

/** The last `limit` values of a key range, oldest first, through a reverse cursor. */
export function lastValues<T>(
  os: IDBObjectStore,
  range: IDBKeyRange,
  limit: number,
): Promise<[string, T][]> {
  return new Promise((resolve, reject) => {
    const out: [string, T][] = [];
    const req = os.openCursor(range, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.length >= limit) return resolve(out.reverse());
      out.push([String(cursor.key), cursor.value as T]);
      cursor.continue();
    };
  });
}
