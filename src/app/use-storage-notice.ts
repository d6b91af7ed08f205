// Whether to show the "storage may be cleared" notice, and the two things a person can do with it:
// ask the browser for persistent storage (from a click, when browsers are likeliest to grant it)
// or dismiss it for good. The dismissal is a display preference of this browser, so it lives in
// localStorage rather than in the synced collection.
import { useState } from 'react';
import type { StorageNoticeState } from '../library/storage-notice.tsx';
import { getAppStore } from './store.ts';

export const NOTICE_DISMISSED_KEY = 'recall:storage-notice-dismissed';

function readDismissed(): boolean {
  try {
    return window.localStorage.getItem(NOTICE_DISMISSED_KEY) === '1';
  } catch {
    return false; // storage blocked: the notice shows, which is the safe side
  }
}

export function useStorageNotice(persistent: boolean | null): {
  state: StorageNoticeState | null;
  ask: () => void;
  dismiss: () => void;
} {
  const [dismissed, setDismissed] = useState(readDismissed);
  const [asked, setAsked] = useState<StorageNoticeState>('ask');

  // A grant goes to the store, so the notice stays away when Home is opened again.
  const answered = (granted: boolean) =>
    granted ? getAppStore().setState({ persistent: true }) : setAsked('refused');
  const ask = () => {
    setAsked('asking');
    const persist = navigator.storage?.persist?.bind(navigator.storage);
    if (!persist) return answered(false);
    persist().then(answered, () => answered(false));
  };
  const dismiss = () => {
    setDismissed(true);
    try {
      window.localStorage.setItem(NOTICE_DISMISSED_KEY, '1');
    } catch {
      // Storage blocked: dismissed for this visit only.
    }
  };
  const state = persistent !== false || dismissed ? null : asked;
  return { state, ask, dismiss };
}
