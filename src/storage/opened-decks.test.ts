// Guards issue 13's storage of opened decks: sources are kept across a reopen of the database,
// beside (never over) progress, renamed and removed; a deck's history is deleted only on request.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, parseBackup } from './backup.ts';
import { openOpenedDecks, readSource, type OpenedDeckSource } from './opened-decks.ts';
import { T0, freshDb, makeEntry, openTest, rawAll, stateAfter } from './test-support.ts';

let name = '';
beforeEach(() => {
  name = freshDb();
});

const source = (overrides: Partial<OpenedDeckSource> = {}): OpenedDeckSource => ({
  id: 'notes',
  name: 'notes.md',
  path: 'notes.md',
  text: '# Notes',
  origin: 'file',
  addedAt: T0,
  updatedAt: T0,
  lastModified: T0 - 1000,
  size: 7,
  ...overrides,
});

describe('opened decks storage', () => {
  it('keeps sources in the repository’s store, beside progress, across a reopen', async () => {
    const repo = await openTest(name);
    const entry = makeEntry();
    await repo.commit(entry, stateAfter(entry));
    const store = openOpenedDecks(name);
    await store.put(source());
    await store.put(
      source({ id: 'b/c', name: 'c.md', path: 'b/c.md', origin: 'folder', folder: 'b' }),
    );
    store.close();

    const again = openOpenedDecks(name);
    expect((await again.list()).map((s) => s.id)).toEqual(['b/c', 'notes']);
    expect(await again.get('notes')).toEqual(source());
    const raw = await rawAll(name);
    expect(raw.get('opened-deck:notes')).toEqual(source());
    expect(raw.get(`log:${entry.id}`)).toEqual(entry);
    again.close();
    repo.close();
  });

  it('a new version keeps when it was added and the title the person gave it', async () => {
    const store = openOpenedDecks(name);
    await store.put(source());
    await store.rename('notes', 'My notes', T0 + 5);
    const stored = await store.put(
      source({ text: '# Notes v2', addedAt: T0 + 10, updatedAt: T0 + 10 }),
    );
    expect(stored).toMatchObject({
      text: '# Notes v2',
      addedAt: T0,
      updatedAt: T0 + 10,
      title: 'My notes',
    });
    expect(await store.get('notes')).toEqual(stored);
  });

  it('stores many sources in one go, keeping a known one’s title', async () => {
    const store = openOpenedDecks(name);
    await store.put(source());
    await store.rename('notes', 'Mine', T0 + 1);
    const saved = await store.putMany([
      source({ text: '# v2', updatedAt: T0 + 2 }),
      source({ id: 'v/a', name: 'a.md', path: 'v/a.md', origin: 'folder', folder: 'v' }),
    ]);
    expect(saved.map((s) => [s.id, s.title])).toEqual([
      ['notes', 'Mine'],
      ['v/a', undefined],
    ]);
    expect((await store.list()).map((s) => s.text)).toEqual(['# v2', '# Notes']);
  });

  it('renames, and an empty title goes back to the file’s own', async () => {
    const store = openOpenedDecks(name);
    await store.put(source());
    expect(await store.rename('notes', 'Algorithms', T0 + 1)).toMatchObject({
      title: 'Algorithms',
    });
    const reset = await store.rename('notes', undefined, T0 + 2);
    expect(reset).not.toHaveProperty('title');
    expect(await store.get('notes')).toEqual(reset);
    expect(await store.rename('missing', 'X', T0)).toBeUndefined();
    expect(await store.list()).toHaveLength(1);
  });

  it('removes a source and nothing else', async () => {
    const repo = await openTest(name);
    const entry = makeEntry({ cardId: 'notes:a', deckId: 'notes' });
    await repo.commit(entry, stateAfter(entry));
    const store = openOpenedDecks(name);
    await store.put(source());
    await store.remove('notes');
    expect(await store.list()).toEqual([]);
    expect((await repo.load(0)).states.has('notes:a')).toBe(true);
    repo.close();
  });

  it('keeps folder records apart from deck records', async () => {
    const store = openOpenedDecks(name);
    await store.putFolder({
      name: 'vault',
      handle: { kind: 'directory', name: 'vault' },
      addedAt: T0,
    });
    await store.put(source());
    expect(await store.listFolders()).toEqual([
      { name: 'vault', handle: { kind: 'directory', name: 'vault' }, addedAt: T0 },
    ]);
    expect(await store.list()).toHaveLength(1);
    await store.removeFolder('vault');
    expect(await store.listFolders()).toEqual([]);
  });

  it('reads only sound records', () => {
    expect(readSource(source())).toEqual(source());
    expect(readSource({ ...source(), origin: 'web' })).toBeNull();
    expect(readSource({ ...source(), text: 3 })).toBeNull();
    expect(readSource(null)).toBeNull();
  });
});

describe('deleteDeckProgress', () => {
  it('deletes one deck’s card states and log entries only (not a deck whose id it prefixes)', async () => {
    const repo = await openTest(name);
    const mine = [
      makeEntry({ cardId: 'ml:a', deckId: 'ml', time: T0 }),
      makeEntry({ cardId: 'ml:b', deckId: 'ml', time: T0 + 1 }),
      makeEntry({ cardId: 'ml:a', deckId: 'ml', time: T0 + 2 }),
    ];
    const others = [
      makeEntry({ cardId: 'ml/nlp:a', deckId: 'ml/nlp', time: T0 + 3 }),
      makeEntry({ cardId: 'mlx:a', deckId: 'mlx', time: T0 + 4 }),
    ];
    for (const e of [...mine, ...others]) await repo.commit(e, stateAfter(e));
    expect(await repo.deleteDeckProgress('ml')).toEqual({ states: 2, entries: 3 });
    const { states } = await repo.load(0);
    expect([...states.keys()].sort()).toEqual(['ml/nlp:a', 'mlx:a']);
    expect((await repo.readFullLog()).map((e) => e.cardId)).toEqual(['ml/nlp:a', 'mlx:a']);
    repo.close();
  });
});

describe('opened decks in a backup', () => {
  it('are exported with their Markdown, and read back; a damaged one is left out and counted', async () => {
    const repo = await openTest(name);
    const file = await exportBackup(repo, T0, [source()]);
    expect(file.openedDecks).toEqual([source()]);
    const text = JSON.stringify({ ...file, openedDecks: [source(), { id: 'x', text: 5 }] });
    const parsed = parseBackup(text);
    expect(parsed.openedDecks).toEqual([source()]);
    expect(parsed.rejected).toEqual({
      count: 1,
      messages: ["Opened deck 2 was left out: it is not a deck's Markdown source."],
    });
    repo.close();
  });

  it('a backup without opened decks stays as it was', async () => {
    const repo = await openTest(name);
    const file = await exportBackup(repo, T0);
    expect(file).not.toHaveProperty('openedDecks');
    expect(parseBackup(JSON.stringify(file))).not.toHaveProperty('openedDecks');
    repo.close();
  });
});
