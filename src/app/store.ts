// The one zustand store, built from slices: the collection (decks, settings, progress) and the
// review session. Components read it through selectors; nothing else touches storage.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createCollectionSlice, type CollectionSlice } from './collection-slice.ts';
import { createDeckChangeSlice, type DeckChangeSlice } from './deck-change-slice.ts';
import { createOpenedDecksSlice, type OpenedDecksSlice } from './opened-decks-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';
import type { AppServices } from './services.ts';

export type RecallState = CollectionSlice & SessionSlice & DeckChangeSlice & OpenedDecksSlice;
export type SliceCreator<T> = (
  set: StoreApi<RecallState>['setState'],
  get: StoreApi<RecallState>['getState'],
  services: AppServices,
) => T;

export function createRecallStore(services: AppServices): StoreApi<RecallState> {
  return createStore<RecallState>()((set, get) => ({
    ...createCollectionSlice(set, get, services),
    ...createSessionSlice(set, get, services),
    ...createDeckChangeSlice(set, get, services),
    ...createOpenedDecksSlice(set, get, services),
  }));
}

let appStore: StoreApi<RecallState> | null = null;

export function setAppStore(store: StoreApi<RecallState>): void {
  appStore = store;
}

export function getAppStore(): StoreApi<RecallState> {
  if (!appStore) throw new Error('The Recall store is used before the app created it.');
  return appStore;
}

export function useRecall<T>(selector: (s: RecallState) => T): T {
  return useStore(getAppStore(), selector);
}
