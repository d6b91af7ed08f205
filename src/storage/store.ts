// idb-keyval's store, opened the same way as its createStore (so idb-keyval's get/set work on it),
// with one difference: write transactions ask for `durability: 'relaxed'`. The data is handed to
// the operating system before `complete` fires, so a crashed tab or browser loses nothing; only
// a power cut in the following moment could. It makes an answer's write several times faster.
import { promisifyRequest, type UseStore } from 'idb-keyval';

export function createRecallStore(dbName: string, storeName: string): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const getDB = () => {
    if (dbp) return dbp;
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    dbp = promisifyRequest(request);
    dbp.then(
      (db) => {
        db.onclose = () => (dbp = undefined);
      },
      () => (dbp = undefined),
    );
    return dbp;
  };
  return (txMode, callback) =>
    getDB().then((db) =>
      callback(db.transaction(storeName, txMode, { durability: 'relaxed' }).objectStore(storeName)),
    );
}
