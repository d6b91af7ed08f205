// Guards: with storage full, answers kept in memory for retry were lost on reload (2 of 7
// actions stored afterwards); now they wait in a localStorage journal and are stored on start.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import { QuotaExceeded } from '../shared/errors.ts';
import { fakeStorage } from '../storage/journal-test-support.ts';
import { openRepository, type Repository } from '../storage/repository.ts';
import { createRecallStore } from './store.ts';

const DECK = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta']
  .map(
    (q) => `!!! Question ""\n    === "Question"\n        ${q}?\n    === "Answer"\n        ${q}.\n`,
  )
  .join('\n');
const clock = new Date('2026-11-24T15:00:00-05:00').getTime();
const dbName = 'recall-storage-full';
let n = 0;

async function openApp(full: boolean) {
  const opened: Repository[] = [];
  const store = createRecallStore({
    openRepository: async () => {
      const repo = await openRepository({ dbName, channelName: `${dbName}-${++n}` });
      opened.push(repo);
      if (full)
        vi.spyOn(repo, 'commit').mockRejectedValue(
          new QuotaExceeded('The device storage is full.'),
        );
      return repo;
    },
    loadDecks: () => [parseDeck(DECK, 'greek.md')],
    now: () => clock,
  });
  await store.getState().init();
  return { store, repo: opened[0]! };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('localStorage', fakeStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('storage full, then a reload', () => {
  it('stores all 7 actions taken while full, and the log holds exactly those', async () => {
    const { store } = await openApp(true);
    const s = store.getState();
    s.startSession([s.decks[0]!.id]);
    const answered: string[] = [];
    for (let i = 0; i < 6; i++) {
      const cardId = store.getState().session!.current!.cardId;
      store.getState().reveal();
      await store.getState().rate(3);
      answered.push(cardId);
    }
    const suspended = [...store.getState().cardsById.keys()].find((id) => !answered.includes(id))!;
    await store.getState().suspend(suspended);
    expect(store.getState().pendingWrites()).toBe(7);
    expect(store.getState().saveStatus).toBe(
      '7 changes not saved yet — the device storage is full. Recall keeps them on this device and will retry.',
    );
    const ids = store.getState().undoStack.map((e) => e.id);
    expect(ids).toHaveLength(7);
    const sorted = [...ids].sort();

    // The page reloads (the old one is gone, its retries with it); storage has room again.
    const { store: again, repo } = await openApp(false);
    expect((await repo.readFullLog()).map((e) => e.id)).toEqual(sorted);
    expect(again.getState().saveStatus).toBeNull();
    expect(again.getState().pendingWrites()).toBe(0);
    expect(again.getState().undoStack.map((e) => e.id)).toEqual(ids);
    expect(again.getState().states.get(suspended)?.suspended).toBe(true);
    expect(localStorage.getItem('recall:pending-journal')).toBeNull();

    // A second reload replays nothing twice.
    const { repo: third } = await openApp(false);
    expect((await third.readFullLog()).map((e) => e.id)).toEqual(sorted);
  });

  it('keeps what is still not stored after a reload while storage stays full, and shows it', async () => {
    const { store } = await openApp(true);
    const s = store.getState();
    s.startSession([s.decks[0]!.id]);
    store.getState().reveal();
    await store.getState().rate(3);
    const ids = store.getState().undoStack.map((e) => e.id);

    const { store: again, repo } = await openApp(true);
    expect(await repo.readFullLog()).toEqual([]);
    expect(again.getState().pendingWrites()).toBe(1);
    expect(again.getState().undoStack.map((e) => e.id)).toEqual(ids);
    expect(again.getState().saveStatus).toMatch(
      /^1 change not saved yet — the device storage is full/,
    );
  });
});
