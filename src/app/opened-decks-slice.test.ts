// Guards issue 13's opened decks in the store: kept across a restart beside the bundled decks with
// their progress (no orphans); a deck already loaded goes through proposeDeckChange, and a
// cancelled change stores nothing; refusals change nothing; a granted folder re-read proposes only
// the changed file; removing keeps progress as orphans unless its deletion is asked for.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import type { DirectoryLike, FileHandleLike } from '../library/folder-scan.ts';
import type { Deck } from '../shared/types.ts';
import { openOpenedDecks, type OpenedDeckStore } from '../storage/opened-decks.ts';
import { openRepository } from '../storage/repository.ts';
import { createRecallStore } from './store.ts';

const card = (q: string, a = 'Yes.') =>
  `!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        ${a}\n`;
const NOTES = `# Notes\n\n${card('What is a heap?')}\n${card('What is a trie?')}`;
const BUNDLED = card('Bundled?');
const clock = new Date('2026-11-24T15:00:00-05:00').getTime();
let n = 0;
let dbName = '';

async function openApp(openedDecks: OpenedDeckStore = openOpenedDecks(dbName)) {
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: `${dbName}-${++n}` }),
    loadDecks: () => [parseDeck(BUNDLED, 'bundled.md')],
    openedDecks,
    now: () => clock,
  });
  await store.getState().init();
  expect(store.getState().status).toBe('ready');
  return store;
}
type App = Awaited<ReturnType<typeof openApp>>;

const file = (name: string, text: string | Uint8Array<ArrayBuffer>, type = 'text/markdown') =>
  new File([text], name, { type, lastModified: clock });

async function answerFirst(app: App, deckId: string) {
  app.getState().startSession([deckId]);
  app.getState().reveal();
  await app.getState().rate(3);
}

/** A directory handle over a mutable map (methods on a prototype, so IndexedDB can store it). */
class FakeDir implements DirectoryLike {
  kind = 'directory' as const;
  constructor(
    public name: string,
    public files: Map<string, { text: string; lastModified: number }>,
  ) {}
  async *values(): AsyncIterable<FileHandleLike> {
    for (const [name, f] of this.files) {
      const bytes = new TextEncoder().encode(f.text);
      yield {
        kind: 'file',
        name,
        getFile: async () => ({
          lastModified: f.lastModified,
          size: bytes.length,
          arrayBuffer: async () => bytes.slice().buffer,
        }),
      };
    }
  }
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  dbName = `recall-opened-${++n}`;
});

describe('opened decks in the store', () => {
  it('are there after a restart beside the bundled decks, with their progress (no orphans)', async () => {
    const first = await openApp();
    const report = await first.getState().openDeckFiles([file('notes.md', NOTES)]);
    expect(report).toEqual({ text: 'Opened 1 deck (2 cards).', refused: false });
    await answerFirst(first, 'notes');
    expect(first.getState().states.size).toBe(1);

    const second = await openApp();
    expect(second.getState().decks.map((d) => d.id)).toEqual(['bundled', 'notes']);
    expect(second.getState().states.size).toBe(1);
    expect(second.getState().orphans).toBe(0);
    expect(second.getState().openedDecks.map((s) => [s.id, s.origin, s.name])).toEqual([
      ['notes', 'file', 'notes.md'],
    ]);
  });

  it('refuses what is not a deck, storing nothing', async () => {
    const app = await openApp();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    const report = await app
      .getState()
      .openDeckFiles([file('photo.png', png, 'image/png'), file('empty.md', '')]);
    expect(report).toEqual({
      text: 'photo.png is not a Markdown text file (it is an image); nothing was added. empty.md is empty; nothing was added.',
      refused: true,
    });
    expect(app.getState().decks.map((d) => d.id)).toEqual(['bundled']);
    expect(await openOpenedDecks(dbName).list()).toEqual([]);
  });

  it('a file opened again goes through proposeDeckChange; cancelled, nothing stored changes', async () => {
    const app = await openApp();
    await app.getState().openDeckFiles([file('notes.md', NOTES)]);
    const proposed: string[] = [];
    app.setState({
      proposeDeckChange: async (next) => {
        proposed.push(`${next.id}: ${next.cards.length}`);
        return false; // the person cancels: save is not called
      },
    });
    const edited = `${NOTES}\n${card('What is a graph?')}`;
    const report = await app.getState().openDeckFiles([file('notes.md', edited)]);
    expect(proposed).toEqual(['notes: 3']);
    expect(report.text).toBe('');
    expect((await openOpenedDecks(dbName).get('notes'))?.text).toBe(NOTES);
    expect(app.getState().deckById.get('notes')?.cards).toHaveLength(2);
  });

  it('pasted text is a deck under its title', async () => {
    const app = await openApp();
    expect(await app.getState().pasteDeck('Graphs', card('What is a DAG?'))).toEqual({
      ok: true,
      message: 'Opened 1 deck (1 card).',
    });
    expect(app.getState().deckById.get('graphs')?.title).toBe('Graphs');
    expect(await app.getState().pasteDeck('Empty', '# nothing\n')).toEqual({
      ok: false,
      message: 'Empty holds no question Recall can read; nothing was added.',
    });
    const again = await openApp();
    expect(again.getState().deckById.get('graphs')?.title).toBe('Graphs');
  });

  it('renames (kept across a restart) and removes, keeping progress as orphans', async () => {
    const app = await openApp();
    await app.getState().openDeckFiles([file('notes.md', NOTES)]);
    await answerFirst(app, 'notes');
    await app.getState().renameOpenedDeck('notes', 'Data structures');
    expect(app.getState().deckById.get('notes')?.title).toBe('Data structures');
    expect((await openApp()).getState().deckById.get('notes')?.title).toBe('Data structures');

    await app.getState().removeOpenedDeck('notes', false);
    expect(app.getState().deckById.has('notes')).toBe(false);
    expect(app.getState().orphans).toBe(1);
    const after = await openApp();
    expect(after.getState().deckById.has('notes')).toBe(false);
    expect(after.getState().orphans).toBe(1);
    // Opened again: the progress is the deck's again.
    await after.getState().openDeckFiles([file('notes.md', NOTES)]);
    expect(after.getState().orphans).toBe(0);
  });

  it('removing with its history deletes the deck’s card states and log entries', async () => {
    const app = await openApp();
    await app.getState().openDeckFiles([file('notes.md', NOTES)]);
    await answerFirst(app, 'notes');
    await answerFirst(app, 'bundled');
    await app.getState().removeOpenedDeck('notes', true);
    expect(app.getState().orphans).toBe(0);
    expect([...app.getState().states.keys()].every((id) => id.startsWith('bundled:'))).toBe(true);
    const log = await app.getState().loadFullLog();
    expect(log.map((e) => e.deckId)).toEqual(['bundled']);
  });

  it('a granted folder read again proposes only the file that changed', async () => {
    const app = await openApp();
    const files = new Map(
      Array.from({ length: 5 }, (_, i) => [`n${i}.md`, { text: card(`Q${i}?`), lastModified: 1 }]),
    );
    const dir = new FakeDir('vault', files);
    const report = await app.getState().openFolderHandle(dir);
    expect(report.text).toBe('Opened 5 decks (5 cards).');
    expect(app.getState().openedFolders).toEqual([
      { name: 'vault', via: 'handle', permission: 'granted' },
    ]);
    // Applied as soon as proposed: what is proposed is this test's concern, not the confirm.
    const propose = vi.fn(async (next: Deck, save: () => Promise<void>) => {
      await save();
      app.getState().addDeck(next);
      return true;
    });
    app.setState({ proposeDeckChange: propose });
    expect(await app.getState().rereadFolders()).toBeNull();
    expect(propose).not.toHaveBeenCalled();

    files.set('n3.md', { text: card('Q3, edited?'), lastModified: 2 });
    expect(await app.getState().rereadFolders()).toEqual({
      text: 'vault: Updated 1 deck (1 card).',
      refused: false,
    });
    expect(propose.mock.calls.map(([deck]) => deck.id)).toEqual(['vault/n3']);
    expect(app.getState().deckById.get('vault/n3')?.cards[0]?.question).toContain('Q3, edited?');
    expect((await openOpenedDecks(dbName).get('vault/n3'))?.text).toContain('Q3, edited?');

    // After a restart the folder is remembered and asks for permission again.
    const again = await openApp();
    expect(again.getState().openedFolders).toEqual([
      { name: 'vault', via: 'handle', permission: 'prompt' },
    ]);
    expect(again.getState().deckById.has('vault/n3')).toBe(true);
  });

  it('a backup carries opened decks: imported on another device, the deck and its progress are there', async () => {
    const first = await openApp();
    await first.getState().openDeckFiles([file('notes.md', NOTES)]);
    await first.getState().renameOpenedDeck('notes', 'Data structures');
    await answerFirst(first, 'notes');
    const backup = await first.getState().exportBackup();

    dbName = `recall-opened-${++n}`;
    const other = await openApp();
    const message = await other.getState().importBackup(backup);
    expect(message).toMatch(/ 1 opened deck added\.$/);
    expect(other.getState().deckById.get('notes')?.title).toBe('Data structures');
    expect(other.getState().orphans).toBe(0);
    expect(other.getState().states.size).toBe(1);
    // Imported again: the device's own copy is kept, nothing is added twice.
    expect(await other.getState().importBackup(backup)).not.toMatch(/opened deck/);
    const restarted = await openApp();
    expect(restarted.getState().deckById.has('notes')).toBe(true);
  });

  it('after a restart asks to read the folder again; a removed file stays out until the folder is opened again', async () => {
    const files = new Map(
      Array.from({ length: 4 }, (_, i) => [`n${i}.md`, { text: card(`Q${i}?`), lastModified: 1 }]),
    );
    const dir = new (class extends FakeDir {
      async queryPermission() {
        return 'prompt' as const;
      }
      async requestPermission() {
        return 'granted' as const;
      }
    })('vault', files);
    const first = await openApp();
    await first.getState().openFolderHandle(dir);
    await first.getState().removeOpenedDeck('vault/n1', false);

    // IndexedDB keeps a real FileSystemDirectoryHandle with its methods; this fake loses them in
    // the copy, so the store hands back the live one.
    const stored = openOpenedDecks(dbName);
    const live: OpenedDeckStore = {
      ...stored,
      listFolders: async () => (await stored.listFolders()).map((f) => ({ ...f, handle: dir })),
    };
    const again = await openApp(live);
    expect(again.getState().openedFolders).toEqual([
      { name: 'vault', via: 'handle', permission: 'prompt' },
    ]);
    expect(
      again
        .getState()
        .openedDecks.map((d) => d.id)
        .sort(),
    ).toEqual(['vault/n0', 'vault/n2', 'vault/n3']);
    files.set('n1.md', { text: card('Q1 edited?'), lastModified: 2 });
    files.set('n2.md', { text: card('Q2 edited?'), lastModified: 2 });
    const propose = vi.fn(async (next: Deck, save: () => Promise<void>) => {
      await save();
      again.getState().addDeck(next);
      return true;
    });
    again.setState({ proposeDeckChange: propose });
    expect(await again.getState().allowFolder('vault')).toEqual({
      text: 'vault: Updated 1 deck (1 card).',
      refused: false,
    });
    expect(propose.mock.calls.map(([deck]) => deck.id)).toEqual(['vault/n2']);
    expect(again.getState().openedFolders[0]?.permission).toBe('granted');

    // Opened again by the person: the removed file's deck comes back.
    propose.mockClear();
    await again.getState().openFolderHandle(dir);
    expect(propose.mock.calls.map(([deck]) => deck.id)).toEqual(['vault/n1']);
  });

  it('a second tab follows the decks opened, renamed and removed in the first', async () => {
    const tabA = await openApp();
    const tabB = await openApp();
    await tabA.getState().openDeckFiles([file('notes.md', NOTES)]);
    await vi.waitFor(() => expect(tabB.getState().deckById.get('notes')?.cards).toHaveLength(2));
    await tabA.getState().renameOpenedDeck('notes', 'Data structures');
    await vi.waitFor(() =>
      expect(tabB.getState().deckById.get('notes')?.title).toBe('Data structures'),
    );
    await answerFirst(tabA, 'notes');
    await tabA.getState().removeOpenedDeck('notes', false);
    await vi.waitFor(() => expect(tabB.getState().deckById.has('notes')).toBe(false));
    expect(tabB.getState().openedDecks).toEqual([]);
  });
});
