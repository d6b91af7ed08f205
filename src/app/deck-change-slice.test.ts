// Guards issue 13's change report: a deck opened again (or a bundled deck of a new version) is
// applied only when the person confirms, cancelling stores nothing, and an edited question they
// keep ticked carries its progress (state and every log entry) to its new id.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cardId } from '../deck/card-id.ts';
import { parseDeck } from '../deck/parse-deck.ts';
import type { Deck } from '../shared/types.ts';
import { readDeckSnapshot, readRemovedQuestions } from '../storage/deck-snapshots.ts';
import { openRepository } from '../storage/repository.ts';
import { createRecallStore } from './store.ts';

const block = (q: string, a: string) =>
  `!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        ${a}\n`;
const deckText = (cards: [string, string][]) => cards.map(([q, a]) => block(q, a)).join('\n');

const V1: [string, string][] = [
  ['What is entorpy?', 'Expected information.'],
  ['What is a tensor?', 'An array.'],
  ['Why do we use dropout?', 'To regularise.'],
];
/** An answer edited, the typo fixed, a card deleted, one added. */
const V2: [string, string][] = [
  ['What is entropy?', 'Expected information.'],
  ['What is a tensor?', 'An n-dimensional array.'],
  ['What does Adam do?', 'Adapts step sizes.'],
];
const OLD = cardId('notes', 'What is entorpy?');
const NEW = cardId('notes', 'What is entropy?');
const DROPOUT = cardId('notes', 'Why do we use dropout?');
const notes = (cards: [string, string][]) => parseDeck(deckText(cards), 'notes.md');

const clock = new Date('2026-11-24T15:00:00-05:00').getTime();
let n = 0;

async function openApp(dbName: string, bundled: Deck[] = [notes(V1)]) {
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: `${dbName}-${++n}` }),
    loadDecks: () => bundled,
    now: () => clock,
  });
  await store.getState().init();
  expect(store.getState().status).toBe('ready');
  return store;
}
type App = Awaited<ReturnType<typeof openApp>>;

/** Answers the first card of the deck (file order: the first question) Good. */
async function answerFirst(store: App, deckId = 'notes') {
  store.getState().startSession([deckId]);
  const id = store.getState().session!.current!.cardId;
  store.getState().reveal();
  await store.getState().rate(3);
  return id;
}

/** Waits until the proposal is shown (or the promise settled without one). */
async function shown(store: App) {
  await vi.waitFor(() => expect(store.getState().pendingDeckChange).not.toBeNull());
  return store.getState().pendingDeckChange!;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('proposeDeckChange', () => {
  it('a new deck is saved and added at once', async () => {
    const store = await openApp('dc-new', []);
    const save = vi.fn(async () => undefined);
    await expect(store.getState().proposeDeckChange(notes(V1), save)).resolves.toBe(true);
    expect(save).toHaveBeenCalledOnce();
    expect(store.getState().deckById.get('notes')?.cards).toHaveLength(3);
    expect(store.getState().pendingDeckChange).toBeNull();
  });

  it('the same cards in another order are saved quietly', async () => {
    const store = await openApp('dc-same');
    const save = vi.fn(async () => undefined);
    const reordered = notes([V1[2]!, V1[0]!, V1[1]!]);
    await expect(store.getState().proposeDeckChange(reordered, save)).resolves.toBe(true);
    expect(save).toHaveBeenCalledOnce();
    expect(store.getState().deckById.get('notes')).toBe(reordered);
  });

  it('a changed deck waits for the person; Cancel stores nothing', async () => {
    const store = await openApp('dc-cancel');
    await answerFirst(store);
    const before = store.getState().deckById.get('notes');
    const save = vi.fn(async () => undefined);
    const applied = store.getState().proposeDeckChange(notes(V2), save);
    const pending = await shown(store);
    expect(pending.title).toBe('Update “Notes”?');
    expect(pending.diff.edited.map((p) => [p.prev.id, p.next.id])).toEqual([[OLD, NEW]]);
    expect(pending.diff.answerChanged).toHaveLength(1);
    expect(pending.diff.removed.map((c) => c.id)).toEqual([DROPOUT]);
    expect(pending.diff.added.map((c) => c.question)).toEqual(['What does Adam do?']);
    expect([...pending.withProgress]).toEqual([OLD]);

    store.getState().cancelDeckChange();
    await expect(applied).resolves.toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(store.getState().deckById.get('notes')).toBe(before);
    expect(store.getState().pendingDeckChange).toBeNull();
    const again = await openApp('dc-cancel');
    expect([...again.getState().states.keys()]).toEqual([OLD]);
  });

  it('Confirm saves, loads the deck and moves the kept pair’s state and log to the new id', async () => {
    const store = await openApp('dc-confirm');
    expect(await answerFirst(store)).toBe(OLD);
    const stateBefore = store.getState().states.get(OLD)!;
    const save = vi.fn(async () => undefined);
    const applied = store.getState().proposeDeckChange(notes(V2), save);
    await shown(store);
    await store.getState().confirmDeckChange([OLD]);
    await expect(applied).resolves.toBe(true);
    expect(save).toHaveBeenCalledOnce();
    const s = store.getState();
    expect(s.deckById.get('notes')!.cards.map((c) => c.question)).toEqual(V2.map(([q]) => q));
    expect(s.states.has(OLD)).toBe(false);
    expect(s.states.get(NEW)).toEqual({ ...stateBefore, cardId: NEW });
    expect(s.orphans).toBe(0);
    expect(s.todayLog.map((e) => e.cardId)).toEqual([NEW]);

    // Stored, not only in memory: a reload (with the new deck) finds it under the new id.
    const reloaded = await openApp('dc-confirm', [notes(V2)]);
    expect([...reloaded.getState().states.keys()]).toEqual([NEW]);
    expect((await reloaded.getState().loadFullLog()).map((e) => e.cardId)).toEqual([NEW]);
    expect(reloaded.getState().orphans).toBe(0);
  });

  it('an unticked pair keeps its progress under the old id, as an orphan with its question', async () => {
    const store = await openApp('dc-untick');
    await answerFirst(store);
    const applied = store.getState().proposeDeckChange(notes(V2), async () => undefined);
    await shown(store);
    await store.getState().confirmDeckChange([]);
    await expect(applied).resolves.toBe(true);
    expect([...store.getState().states.keys()]).toEqual([OLD]);
    expect(store.getState().orphans).toBe(1);
    const removed = await store.getState().removedQuestions('notes');
    expect(removed.get(OLD)).toBe('What is entorpy?');
    expect(removed.get(DROPOUT)).toBe('Why do we use dropout?');

    // Linked later from the deck browser: the progress moves then.
    await store.getState().linkProgress(OLD, NEW);
    expect([...store.getState().states.keys()]).toEqual([NEW]);
    expect(store.getState().orphans).toBe(0);
    await expect(store.getState().linkProgress(OLD, NEW)).rejects.toThrow(/Nothing was linked/);
  });

  it('a save that fails applies nothing and says why; the dialog stays', async () => {
    const store = await openApp('dc-fail');
    await answerFirst(store);
    const applied = store
      .getState()
      .proposeDeckChange(notes(V2), () => Promise.reject(new Error('The disk is full.')));
    await shown(store);
    await store.getState().confirmDeckChange([OLD]);
    expect(store.getState().pendingDeckChange?.error).toBe('The disk is full.');
    expect(store.getState().deckById.get('notes')!.cards[0]!.id).toBe(OLD);
    expect(store.getState().states.has(OLD)).toBe(true);
    store.getState().cancelDeckChange();
    await expect(applied).resolves.toBe(false);
  });

  it('proposals wait their turn: the second is shown after the first is decided', async () => {
    const store = await openApp('dc-queue', []);
    await store.getState().proposeDeckChange(notes(V1), async () => undefined);
    const other = parseDeck(deckText([['What is a gradient?', 'A slope.']]), 'other.md');
    await store.getState().proposeDeckChange(other, async () => undefined);
    const first = store.getState().proposeDeckChange(notes(V2), async () => undefined);
    const second = store
      .getState()
      .proposeDeckChange(
        parseDeck(deckText([['What is a gradient?', 'The slope.']]), 'other.md'),
        async () => undefined,
      );
    expect((await shown(store)).deckId).toBe('notes');
    store.getState().cancelDeckChange();
    await expect(first).resolves.toBe(false);
    await vi.waitFor(() => expect(store.getState().pendingDeckChange?.deckId).toBe('other'));
    await store.getState().confirmDeckChange([]);
    await expect(second).resolves.toBe(true);
  });
});

describe('bundled decks between app versions', () => {
  it('the first start takes a snapshot quietly', async () => {
    const store = await openApp('dc-b-first');
    await store.getState().checkBundledDecks();
    expect(store.getState().pendingDeckChange).toBeNull();
    const repo = store.getState().repository();
    expect((await readDeckSnapshot(repo, 'notes'))?.map((c) => c.id)).toEqual(
      notes(V1).cards.map((c) => c.id),
    );
  });

  it('a new version that edits a reviewed question asks, and carries its progress over', async () => {
    const v1 = await openApp('dc-b-edit');
    await v1.getState().checkBundledDecks();
    await answerFirst(v1);

    const v2 = await openApp('dc-b-edit', [notes(V2)]);
    expect(v2.getState().orphans).toBe(1);
    const checking = v2.getState().checkBundledDecks();
    const pending = await shown(v2);
    expect(pending.kind).toBe('bundled');
    expect(pending.title).toBe('“Notes” changed in this version');
    expect(pending.diff.edited.map((p) => p.prev.question)).toEqual(['What is entorpy?']);
    await v2.getState().confirmDeckChange([OLD]);
    await checking;
    expect([...v2.getState().states.keys()]).toEqual([NEW]);
    expect(v2.getState().orphans).toBe(0);

    // The snapshot is the new version's now: the next start asks nothing.
    const again = await openApp('dc-b-edit', [notes(V2)]);
    await again.getState().checkBundledDecks();
    expect(again.getState().pendingDeckChange).toBeNull();
  });

  it('Cancel leaves the snapshot, so the next start asks again', async () => {
    const v1 = await openApp('dc-b-cancel');
    await v1.getState().checkBundledDecks();
    await answerFirst(v1);
    const v2 = await openApp('dc-b-cancel', [notes(V2)]);
    const checking = v2.getState().checkBundledDecks();
    await shown(v2);
    v2.getState().cancelDeckChange();
    await checking;
    expect([...v2.getState().states.keys()]).toEqual([OLD]);
    const again = await openApp('dc-b-cancel', [notes(V2)]);
    void again.getState().checkBundledDecks();
    expect((await shown(again)).diff.edited).toHaveLength(1);
  });

  it('a deck the person opened is not a bundled deck: no snapshot is taken of it', async () => {
    const store = await openApp('dc-b-opened');
    const source = { id: 'notes', name: 'notes.md', path: 'notes.md', text: deckText(V1) };
    store.setState({
      openedDecks: [{ ...source, origin: 'file', addedAt: clock, updatedAt: clock }],
    });
    await store.getState().checkBundledDecks();
    expect(await readDeckSnapshot(store.getState().repository(), 'notes')).toBeNull();
  });

  it('a change to cards without progress updates the snapshot without asking', async () => {
    const v1 = await openApp('dc-b-quiet');
    await v1.getState().checkBundledDecks();
    const v2 = await openApp('dc-b-quiet', [notes(V2)]);
    await v2.getState().checkBundledDecks();
    expect(v2.getState().pendingDeckChange).toBeNull();
    const repo = v2.getState().repository();
    expect((await readDeckSnapshot(repo, 'notes'))?.map((c) => c.question)).toEqual(
      V2.map(([q]) => q),
    );
    expect((await readRemovedQuestions(repo, 'notes')).size).toBe(0);
  });
});
