// Decks a person opened (files, a folder's files, pasted text) kept on the device: their Markdown
// source in the repository's object store, one record per deck under OPENED_DECK, parsed again at
// start-up beside the bundled decks. Folder handles (File System Access) are kept too, so a granted
// notes folder is remembered across reloads. Recall never writes to the person's files.
import { promisifyRequest, readTx, writeTx } from './idb.ts';
import { OPENED_DECK, OPENED_FOLDER, rangeOf } from './keys.ts';
import { createRecallStore } from './store.ts';

export type OpenedOrigin = 'file' | 'folder' | 'paste';

export interface OpenedDeckSource {
  /** The deck id the text parses to (the key it is stored under). */
  id: string;
  /** The file name, or the title typed for pasted text. */
  name: string;
  /** What the deck is parsed as: the file name, or `folder/sub/file.md` for a folder's file. */
  path: string;
  text: string;
  origin: OpenedOrigin;
  /** The folder it was read from (origin 'folder'). */
  folder?: string;
  /** A title the person gave it (Rename); the deck's own title otherwise. */
  title?: string;
  addedAt: number;
  updatedAt: number;
  /** The file's lastModified and size when it was read (tells a changed file apart). */
  lastModified?: number;
  size?: number;
}

/** A folder granted through showDirectoryPicker; the handle is structured-cloneable. */
export interface OpenedFolder {
  name: string;
  handle: unknown;
  addedAt: number;
  /** Files whose decks the person removed: reading the folder again leaves them out. */
  skipped?: string[];
}

export interface OpenedDeckStore {
  list(): Promise<OpenedDeckSource[]>;
  get(id: string): Promise<OpenedDeckSource | undefined>;
  /** Stores the source (a new deck or a new version of one); keeps `addedAt` and `title`. */
  put(source: OpenedDeckSource): Promise<OpenedDeckSource>;
  /** Many sources in one transaction (a folder's new files), kept as `put` keeps them. */
  putMany(sources: readonly OpenedDeckSource[]): Promise<OpenedDeckSource[]>;
  rename(id: string, title: string | undefined, now: number): Promise<OpenedDeckSource | undefined>;
  remove(id: string): Promise<void>;
  listFolders(): Promise<OpenedFolder[]>;
  putFolder(folder: OpenedFolder): Promise<void>;
  removeFolder(name: string): Promise<void>;
  /** Hears that another tab changed the opened decks (never this store's own writes). */
  subscribe(listener: () => void): () => void;
  close(): void;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const origins: readonly unknown[] = ['file', 'folder', 'paste'];

/** A stored record as a source, or null when it is not one (left alone, never shown). */
export function readSource(value: unknown): OpenedDeckSource | null {
  if (!isObj(value)) return null;
  const { id, name, path, text, origin, addedAt, updatedAt } = value;
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof path !== 'string' ||
    typeof text !== 'string' ||
    !origins.includes(origin) ||
    typeof addedAt !== 'number' ||
    typeof updatedAt !== 'number'
  )
    return null;
  return value as unknown as OpenedDeckSource;
}

export function openOpenedDecks(dbName = 'recall', storeName = 'kv'): OpenedDeckStore {
  const connection = createRecallStore(dbName, storeName);
  const store = connection.useStore;
  const key = (id: string) => `${OPENED_DECK}${id}`;
  // Other tabs of the same database hear each change and read the decks again.
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${dbName}:opened-decks`);
  const listeners = new Set<() => void>();
  if (channel) channel.onmessage = () => listeners.forEach((l) => l());
  const changed = () => {
    try {
      channel?.postMessage('changed');
    } catch {
      // Another tab missing one message reads the decks again on its next start.
    }
  };

  const get = async (id: string) =>
    readSource((await readTx(store, (os) => promisifyRequest(os.get(key(id))))) ?? undefined) ??
    undefined;

  const putAll = async (sources: readonly OpenedDeckSource[]) => {
    const stored: OpenedDeckSource[] = [];
    await writeTx(store, (os) => {
      sources.forEach((source, i) => {
        // Read and write in one transaction: the first time it was added and its name stay.
        const req = os.get(key(source.id));
        req.onsuccess = () => {
          const before = readSource(req.result);
          const next: OpenedDeckSource = before
            ? { ...source, addedAt: before.addedAt, title: source.title ?? before.title }
            : { ...source };
          if (next.title === undefined) delete next.title;
          stored[i] = next;
          os.put(next, key(source.id));
        };
      });
    });
    changed();
    return stored;
  };

  return {
    async list() {
      const values = await readTx(
        store,
        (os) => promisifyRequest(os.getAll(rangeOf(OPENED_DECK))) as Promise<unknown[]>,
      );
      return values.map(readSource).filter((s): s is OpenedDeckSource => s !== null);
    },

    get,

    async put(source) {
      const [stored] = await putAll([source]);
      return stored ?? source;
    },

    putMany: (sources) => putAll(sources),

    async rename(id, title, now) {
      let renamed: OpenedDeckSource | undefined;
      await writeTx(store, (os) => {
        const req = os.get(key(id));
        req.onsuccess = () => {
          const before = readSource(req.result);
          if (!before) return;
          const { title: _old, ...rest } = before;
          renamed = title ? { ...rest, title, updatedAt: now } : { ...rest, updatedAt: now };
          os.put(renamed, key(id));
        };
      });
      changed();
      return renamed;
    },

    async remove(id) {
      await writeTx(store, (os) => os.delete(key(id)));
      changed();
    },

    async listFolders() {
      const values = await readTx(
        store,
        (os) => promisifyRequest(os.getAll(rangeOf(OPENED_FOLDER))) as Promise<unknown[]>,
      );
      return values.filter(
        (v): v is OpenedFolder => isObj(v) && typeof v.name === 'string' && 'handle' in v,
      );
    },

    putFolder: (folder) => writeTx(store, (os) => os.put(folder, `${OPENED_FOLDER}${folder.name}`)),
    removeFolder: (name) => writeTx(store, (os) => os.delete(`${OPENED_FOLDER}${name}`)),

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    close() {
      channel?.close();
      listeners.clear();
      connection.close();
    },
  };
}
