// Decks a person opens: files, a folder's files, pasted text. Each is checked (refused with a
// sentence when it is not Markdown text or holds no question), goes through proposeDeckChange
// (new or changed), and its source is stored so it is there after a reload. Granted folders are
// read again when the window regains focus: only changed files are parsed (issue 13).
import { checkDeckFile, checkPastedText, refuseDeck } from '../deck/open-file-check.ts';
import { parseDeck } from '../deck/parse-deck.ts';
import { slug } from '../deck/card-id.ts';
import {
  filesOfDirectory,
  filesOfInput,
  folderOf,
  readChangedFiles,
  type DirectoryLike,
  type FolderFile,
  type ReadFile,
  type SeenFile,
} from '../library/folder-scan.ts';
import type { Deck } from '../shared/types.ts';
import type { OpenedDeckSource, OpenedOrigin } from '../storage/opened-decks.ts';
import { describeError } from './describe-error.ts';
import type { SliceCreator } from './store.ts';

/** What an opening did, in a sentence or a few; `refused` when any file was refused. */
export interface OpenReport {
  text: string;
  refused: boolean;
}

export type FolderPermission = 'granted' | 'prompt' | 'denied';

/** A folder Recall reads from: granted through File System Access, or opened through an input. */
export interface OpenedFolderView {
  name: string;
  /** 'input' folders are read again only when opened again. */
  via: 'handle' | 'input';
  permission: FolderPermission;
}

/** The File System Access handle's permission calls (absent from TypeScript's DOM types). */
interface PermissionHandle extends DirectoryLike {
  queryPermission?: (d: { mode: 'read' }) => Promise<PermissionState>;
  requestPermission?: (d: { mode: 'read' }) => Promise<PermissionState>;
}

export interface OpenedDecksSlice {
  openedDecks: OpenedDeckSource[];
  openedFolders: OpenedFolderView[];
  /** Reads the stored decks (at start-up, once storage is open): parsed, titles applied. */
  loadOpenedDecks: () => Promise<Deck[]>;
  /** Opens files; resolves to one sentence per file refused and a summary of what was added. */
  openDeckFiles: (files: readonly File[]) => Promise<OpenReport>;
  /** Opens a folder's Markdown files (a `webkitdirectory` input, or one granted by a handle). */
  openFolderFiles: (files: readonly File[]) => Promise<OpenReport>;
  openFolderHandle: (handle: unknown) => Promise<OpenReport>;
  /** Asks for read permission again (after a reload) and reads the folder. */
  allowFolder: (name: string) => Promise<OpenReport>;
  /** Reads every granted folder again; only changed files are parsed. Null when nothing changed. */
  rereadFolders: () => Promise<OpenReport | null>;
  pasteDeck: (title: string, text: string) => Promise<{ ok: boolean; message: string }>;
  renameOpenedDeck: (id: string, title: string) => Promise<void>;
  /** A backup's opened decks that this device has not: stored and loaded; resolves how many. */
  importOpenedDecks: (sources: readonly OpenedDeckSource[]) => Promise<number>;
  removeOpenedDeck: (id: string, deleteHistory: boolean) => Promise<void>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const createOpenedDecksSlice: SliceCreator<OpenedDecksSlice> = (set, get, services) => {
  const store = services.openedDecks ?? null;
  /** Per folder file: what was seen at its last read (seeded from the stored sources). */
  const seen = new Map<string, SeenFile>();
  const handles = new Map<string, PermissionHandle>();
  /** Per granted folder: files whose decks were removed (opening the folder again clears it). */
  const skipped = new Map<string, Set<string>>();
  const folderAdded = new Map<string, number>();

  const saveFolder = async (name: string) => {
    const handle = handles.get(name);
    if (!handle || !store) return;
    const skip = [...(skipped.get(name) ?? [])];
    await store.putFolder({
      name,
      handle,
      addedAt: folderAdded.get(name) ?? services.now(),
      ...(skip.length > 0 ? { skipped: skip } : {}),
    });
  };

  /** Proposes the deck (added when new); stores its source only if the change is applied. */
  const apply = async (
    deck: Deck,
    source: Omit<OpenedDeckSource, 'id' | 'addedAt' | 'updatedAt'>,
  ): Promise<boolean> => {
    const now = services.now();
    const existing = get().openedDecks.find((d) => d.id === deck.id);
    const shown = existing?.title ? { ...deck, title: existing.title } : deck;
    return get().proposeDeckChange(shown, async () => {
      const full: OpenedDeckSource = { ...source, id: deck.id, addedAt: now, updatedAt: now };
      const stored = store ? await store.put(full) : full;
      set((s) => ({ openedDecks: [...s.openedDecks.filter((d) => d.id !== stored.id), stored] }));
    });
  };

  /** Decks applied by an opening: new ones and ones that were here (updated), with their cards. */
  interface Applied {
    added: number;
    cards: number;
    updated?: number;
    updatedCards?: number;
  }
  const summary = (done: Applied, refused: string[], extra: string[] = []): OpenReport => {
    const parts: string[] = [];
    if (done.added > 0)
      parts.push(`Opened ${plural(done.added, 'deck')} (${plural(done.cards, 'card')}).`);
    if (done.updated)
      parts.push(
        `Updated ${plural(done.updated, 'deck')} (${plural(done.updatedCards ?? 0, 'card')}).`,
      );
    return { text: [...parts, ...refused, ...extra].join(' '), refused: refused.length > 0 };
  };

  const sourceOf = (f: ReadFile, origin: OpenedOrigin) => ({
    name: f.name,
    path: f.path,
    text: f.text,
    origin,
    ...(origin === 'folder' ? { folder: folderOf(f.path) } : {}),
    lastModified: f.lastModified,
    size: f.size,
  });

  /**
   * Decks no loaded deck has the id of are stored together in one transaction first (a folder's
   * 200 new files: one write, and one redraw once every proposal has added its deck); changed
   * decks are stored only when their change is applied.
   */
  const applyReading = async (files: ReadFile[], origin: OpenedOrigin): Promise<Applied> => {
    const done = { added: 0, cards: 0, updated: 0, updatedCards: 0 };
    const now = services.now();
    const fresh = files.filter((f) => !get().deckById.has(f.deck.id));
    const isNew = new Set(fresh.map((f) => f.deck.id));
    const stored = new Map<string, OpenedDeckSource>();
    if (fresh.length > 1 && store) {
      const saved = await store.putMany(
        fresh.map((f) => ({ ...sourceOf(f, origin), id: f.deck.id, addedAt: now, updatedAt: now })),
      );
      for (const s of saved) stored.set(s.id, s);
    }
    const results = await Promise.all(
      files.map(async (f) => {
        const pre = stored.get(f.deck.id);
        const ok = pre
          ? await get().proposeDeckChange(f.deck, async () => {
              set((s) => ({ openedDecks: [...s.openedDecks.filter((d) => d.id !== pre.id), pre] }));
            })
          : await apply(f.deck, sourceOf(f, origin));
        // Stored ahead but not applied: it goes again (nothing stored changes).
        if (!ok && pre) await store?.remove(pre.id);
        return { f, ok };
      }),
    );
    for (const { f, ok } of results) {
      if (!ok)
        seen.delete(f.path); // not applied: the next read proposes it again
      else if (isNew.has(f.deck.id)) {
        done.added += 1;
        done.cards += f.deck.cards.length;
      } else {
        done.updated += 1;
        done.updatedCards += f.deck.cards.length;
      }
    }
    return done;
  };

  const readFolder = async (
    files: FolderFile[],
    name: string,
    reread: boolean,
  ): Promise<OpenReport | null> => {
    const reading = await readChangedFiles(files, seen, parseDeck);
    const done = await applyReading(reading.decks, 'folder');
    const extra: string[] = [];
    if (files.length === 0) extra.push(`${name} holds no Markdown files; nothing was added.`);
    if (reading.gone.length > 0)
      extra.push(
        `${plural(reading.gone.length, 'file is', 'files are')} no longer in ${name} (${reading.gone.join(', ')}); ${reading.gone.length === 1 ? 'its deck stays' : 'their decks stay'} until you remove ${reading.gone.length === 1 ? 'it' : 'them'}.`,
      );
    if (
      reread &&
      done.added + (done.updated ?? 0) === 0 &&
      reading.refused.length === 0 &&
      !extra.length
    )
      return null;
    const report = summary(done, reading.refused, extra);
    if (reread) return { ...report, text: `${name}: ${report.text}` };
    return report.text ? report : { text: `Nothing in ${name} changed.`, refused: false };
  };

  const setFolder = (view: OpenedFolderView) =>
    set((s) => ({
      openedFolders: [...s.openedFolders.filter((f) => f.name !== view.name), view],
    }));

  /** Another tab opened, renamed or removed decks (applied there): this tab follows. */
  const followOtherTab = async () => {
    if (!store) return;
    const sources = await store.list();
    const before = new Map(get().openedDecks.map((d) => [d.id, d]));
    const now = new Set(sources.map((d) => d.id));
    set({ openedDecks: sources });
    for (const s of sources) {
      const was = before.get(s.id);
      if (was && was.text === s.text && was.title === s.title && was.path === s.path) continue;
      const deck = parseDeck(s.text, s.path);
      get().addDeck(s.title ? { ...deck, title: s.title } : deck);
    }
    for (const id of before.keys()) if (!now.has(id)) await get().removeDeck(id, false);
  };

  /** One folder read at a time: a focus while a folder is being read waits for that read. */
  let reading: Promise<unknown> = Promise.resolve();
  const readHandle = (name: string, reread: boolean) => {
    const run = reading.then(() => readHandleNow(name, reread));
    reading = run.catch(() => undefined);
    return run;
  };
  const readHandleNow = async (name: string, reread: boolean) => {
    const handle = handles.get(name);
    if (!handle) return null;
    try {
      const skip = skipped.get(name);
      const files = (await filesOfDirectory(handle)).filter((f) => !skip?.has(f.path));
      return await readFolder(files, name, reread);
    } catch (err) {
      return {
        text: `${name} could not be read (${describeError(err)}); your decks from it are kept.`,
        refused: true,
      };
    }
  };

  return {
    openedDecks: [],
    openedFolders: [],

    async loadOpenedDecks() {
      if (!store) return [];
      try {
        const sources = await store.list();
        const decks = sources.map((s) => {
          const deck = parseDeck(s.text, s.path);
          if (s.lastModified !== undefined && s.size !== undefined)
            seen.set(s.path, { lastModified: s.lastModified, size: s.size });
          return s.title ? { ...deck, title: s.title } : deck;
        });
        set({ openedDecks: sources });
        store.subscribe(() => void followOtherTab().catch(() => undefined));
        const folders = await store.listFolders();
        for (const f of folders) {
          handles.set(f.name, f.handle as PermissionHandle);
          folderAdded.set(f.name, f.addedAt);
          if (f.skipped) skipped.set(f.name, new Set(f.skipped));
        }
        const views = await Promise.all(
          folders.map(async (f): Promise<OpenedFolderView> => {
            const h = f.handle as PermissionHandle;
            const permission = (await h.queryPermission?.({ mode: 'read' })) ?? 'prompt';
            return { name: f.name, via: 'handle', permission };
          }),
        );
        set({ openedFolders: views });
        return decks;
      } catch (err) {
        set((s) => ({
          problems: [...s.problems, `Your opened decks could not be read: ${describeError(err)}`],
        }));
        return [];
      }
    },

    async openDeckFiles(files) {
      const refused: string[] = [];
      const read: ReadFile[] = [];
      for (const file of files) {
        const verdict = checkDeckFile(
          file.name,
          new Uint8Array(await file.arrayBuffer()),
          file.type,
        );
        if (!verdict.ok) {
          refused.push(verdict.reason);
          continue;
        }
        const deck = parseDeck(verdict.text, file.name);
        const refusal = refuseDeck(file.name, deck);
        if (refusal) refused.push(refusal);
        else
          read.push({
            path: file.name,
            name: file.name,
            text: verdict.text,
            deck,
            lastModified: file.lastModified,
            size: file.size,
          });
      }
      const done = await applyReading(read, 'file');
      return summary(done, refused);
    },

    async openFolderFiles(files) {
      const list = filesOfInput(files);
      const name = list[0] ? folderOf(list[0].path) : 'The folder';
      setFolder({ name, via: 'input', permission: 'granted' });
      return (await readFolder(list, name, false)) ?? { text: '', refused: false };
    },

    async openFolderHandle(raw) {
      const handle = raw as PermissionHandle;
      handles.set(handle.name, handle);
      // Opened again by the person: files whose decks they removed come back too.
      skipped.delete(handle.name);
      if (!folderAdded.has(handle.name)) folderAdded.set(handle.name, services.now());
      await saveFolder(handle.name);
      setFolder({ name: handle.name, via: 'handle', permission: 'granted' });
      return (await readHandle(handle.name, false)) ?? { text: '', refused: false };
    },

    async allowFolder(name) {
      const handle = handles.get(name);
      if (!handle) return { text: '', refused: false };
      const permission = (await handle.requestPermission?.({ mode: 'read' })) ?? 'granted';
      setFolder({ name, via: 'handle', permission });
      if (permission !== 'granted')
        return { text: `Recall may not read ${name}; your decks from it are kept.`, refused: true };
      return (
        (await readHandle(name, true)) ?? { text: `Nothing in ${name} changed.`, refused: false }
      );
    },

    async rereadFolders() {
      const granted = get().openedFolders.filter(
        (f) => f.via === 'handle' && f.permission === 'granted',
      );
      const out: OpenReport[] = [];
      for (const f of granted) {
        const report = await readHandle(f.name, true);
        if (report) out.push(report);
      }
      if (out.length === 0) return null;
      return { text: out.map((r) => r.text).join(' '), refused: out.some((r) => r.refused) };
    },

    async pasteDeck(title, text) {
      const name = title.trim() || 'Pasted deck';
      const verdict = checkPastedText(name, text);
      if (!verdict.ok) return { ok: false, message: verdict.reason };
      const path = `${slug(name) || 'pasted'}.md`;
      const deck = parseDeck(verdict.text, path);
      const refusal = refuseDeck(name, deck);
      if (refusal) return { ok: false, message: refusal };
      const titled = title.trim() ? { ...deck, title: name } : deck;
      const ok = await apply(titled, {
        name,
        path,
        text: verdict.text,
        origin: 'paste',
        ...(title.trim() ? { title: name } : {}),
      });
      return ok
        ? { ok: true, message: summary({ added: 1, cards: deck.cards.length }, []).text }
        : { ok: false, message: 'Nothing was added.' };
    },

    async importOpenedDecks(sources) {
      const have = new Set(get().openedDecks.map((d) => d.id));
      const fresh = sources.filter((s) => !have.has(s.id) && !get().deckById.has(s.id));
      if (fresh.length === 0) return 0;
      const saved = store ? await store.putMany(fresh) : fresh;
      const results = await Promise.all(
        saved.map((source) => {
          const deck = parseDeck(source.text, source.path);
          return get().proposeDeckChange(
            source.title ? { ...deck, title: source.title } : deck,
            async () => {
              set((s) => ({
                openedDecks: [...s.openedDecks.filter((d) => d.id !== source.id), source],
              }));
            },
          );
        }),
      );
      return results.filter(Boolean).length;
    },

    async renameOpenedDeck(id, title) {
      const clean = title.trim();
      const renamed = store
        ? await store.rename(id, clean || undefined, services.now())
        : undefined;
      set((s) => ({
        openedDecks: s.openedDecks.map((d) =>
          d.id !== id ? d : (renamed ?? { ...d, title: clean || undefined }),
        ),
      }));
      const source = get().openedDecks.find((d) => d.id === id);
      get().renameDeck(id, clean || (source ? parseDeck(source.text, source.path).title : id));
    },

    async removeOpenedDeck(id, deleteHistory) {
      const source = get().openedDecks.find((d) => d.id === id);
      // A granted folder read again must not bring back a deck the person removed.
      if (source?.origin === 'folder' && source.folder && handles.has(source.folder)) {
        const skip = skipped.get(source.folder) ?? new Set<string>();
        skip.add(source.path);
        skipped.set(source.folder, skip);
        await saveFolder(source.folder);
      }
      if (source) seen.delete(source.path);
      await store?.remove(id);
      set((s) => ({ openedDecks: s.openedDecks.filter((d) => d.id !== id) }));
      await get().removeDeck(id, deleteHistory);
    },
  };
};
