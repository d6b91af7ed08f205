// idb-keyval's store, opened exactly as its createStore opens it (so idb-keyval's get/set work on
// the same database), with two differences:
// - write transactions ask for `durability: 'relaxed'`: the data is handed to the operating
//   system before `complete` fires, so a crashed tab or browser loses nothing; only a power cut in
//   the following moment could. Chromium already defaults to it; other engines may not.
// - the connection can be closed, and closes itself when another tab needs to upgrade the
//   database, so an open tab never blocks one that is newer.
import { promisifyRequest, type UseStore } from 'idb-keyval';

export interface RecallStore {
  useStore: UseStore;
  close(): void;
}

export function createRecallStore(dbName: string, storeName: string): RecallStore {
  let dbp: Promise<IDBDatabase> | undefined;
  let closed = false;
  const getDB = () => {
    if (dbp) return dbp;
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    dbp = promisifyRequest(request);
    dbp.then(
      (db) => {
        db.onclose = () => (dbp = undefined);
        db.onversionchange = () => {
          db.close();
          dbp = undefined;
        };
      },
      () => (dbp = undefined),
    );
    return dbp;
  };
  const useStore: UseStore = (txMode, callback) => {
    if (closed) return Promise.reject(new Error('the repository was closed'));
    return getDB().then((db) =>
      callback(db.transaction(storeName, txMode, { durability: 'relaxed' }).objectStore(storeName)),
    );
  };
  return {
    useStore,
    close() {
      closed = true;
      const pending = dbp;
      dbp = undefined;
      void pending?.then(
        (db) => db.close(),
        () => undefined,
      );
    },
  };
}
