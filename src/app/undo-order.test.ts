// Guards: after the clock went back, undo (after a reload) undid the newest entry by time
// instead of the last answer given.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import { openRepository } from '../storage/repository.ts';
import { createRecallStore } from './store.ts';

const DECK = ['Alpha', 'Beta', 'Gamma']
  .map(
    (q) => `!!! Question ""\n    === "Question"\n        ${q}?\n    === "Answer"\n        ${q}.\n`,
  )
  .join('\n');
const HOUR = 3_600_000;
let clock = new Date('2026-11-24T15:00:00-05:00').getTime();
let n = 0;

async function openApp(dbName: string) {
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: `${dbName}-${++n}` }),
    loadDecks: () => [parseDeck(DECK, 'greek.md')],
    now: () => clock,
  });
  await store.getState().init();
  return store;
}

async function answerNext(store: Awaited<ReturnType<typeof openApp>>) {
  const id = store.getState().session!.current!.cardId;
  store.getState().reveal();
  await store.getState().rate(3);
  return id;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('undo after the clock went back', () => {
  it('undoes the last answer given, also after a reload, not the newest by time', async () => {
    const dbName = 'recall-undo-order';
    const first = await openApp(dbName);
    const deckId = first.getState().decks[0]!.id;
    first.getState().startSession([deckId]);
    const alpha = await answerNext(first);
    clock -= 2 * HOUR; // the device clock is corrected backwards
    const beta = await answerNext(first);
    clock -= HOUR;
    const gamma = await answerNext(first);
    expect(new Set([alpha, beta, gamma]).size).toBe(3);

    // A reload: the undo stack comes from storage.
    const again = await openApp(dbName);
    expect((await again.getState().undo())?.cardId).toBe(gamma);
    expect((await again.getState().undo())?.cardId).toBe(beta);
    const third = await openApp(dbName);
    expect(third.getState().undoStack.map((e) => e.cardId)).toEqual([alpha]);
    expect((await third.getState().undo())?.cardId).toBe(alpha);
    expect(third.getState().states.size).toBe(0);
  });
});
