// A Map-backed stand-in for localStorage (tests only); `failWrites` makes setItem throw as a
// full localStorage does.
import type { StorageLike } from './journal.ts';

export function fakeStorage(): StorageLike & { failWrites: boolean; data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    failWrites: false,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (this.failWrites)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, String(v));
    },
    removeItem: (k) => void data.delete(k),
  };
}
