// Reading a notes folder as decks, and reading it again: only files whose lastModified or size
// changed since the last read are read and parsed (a per-file cache), so re-reading a folder of
// 200 notes after one edit parses one file. The folder comes from a File System Access directory
// handle (kept across reloads) or from a `webkitdirectory` input; both become FolderFile lists.
// Nothing here writes to the person's files.
import { checkDeckFile, MARKDOWN_NAME, refuseDeck } from '../deck/open-file-check.ts';
import type { Deck } from '../shared/types.ts';

export interface FolderFile {
  /** `folder/sub/file.md`, with the folder's own name first. */
  path: string;
  lastModified: number;
  size: number;
  read: () => Promise<Uint8Array>;
}

/** What was seen of a file at its last read. */
export interface SeenFile {
  lastModified: number;
  size: number;
}

export interface ReadFile {
  path: string;
  name: string;
  text: string;
  deck: Deck;
  lastModified: number;
  size: number;
}

export interface FolderReading {
  /** Files new or changed since the last read that parse to a deck with questions. */
  decks: ReadFile[];
  /** One sentence per new or changed file refused (not text, or no question). */
  refused: string[];
  /** Paths read before that the folder no longer holds. */
  gone: string[];
  /** Files read and parsed in this pass (the rest were unchanged). */
  parsed: number;
  unchanged: number;
}

/** The parts of a FileSystemDirectoryHandle this reads (a fake one in tests). */
export interface DirectoryLike {
  kind: 'directory';
  name: string;
  values: () => AsyncIterable<DirectoryLike | FileHandleLike>;
}
export interface FileHandleLike {
  kind: 'file';
  name: string;
  getFile: () => Promise<{
    lastModified: number;
    size: number;
    arrayBuffer: () => Promise<ArrayBuffer>;
  }>;
}

/** Hidden folders (`.git`, `.obsidian`) and node_modules hold no notes of the person's. */
const skipDir = (name: string) => name.startsWith('.') || name === 'node_modules';

/** The Markdown files under a directory handle, sub-folders as `folder/sub/file.md`. */
export async function filesOfDirectory(
  dir: DirectoryLike,
  prefix: string = dir.name,
): Promise<FolderFile[]> {
  const out: FolderFile[] = [];
  for await (const entry of dir.values()) {
    const path = `${prefix}/${entry.name}`;
    if (entry.kind === 'directory') {
      if (!skipDir(entry.name)) out.push(...(await filesOfDirectory(entry, path)));
    } else if (MARKDOWN_NAME.test(entry.name)) {
      const file = await entry.getFile();
      out.push({
        path,
        lastModified: file.lastModified,
        size: file.size,
        read: async () => new Uint8Array(await file.arrayBuffer()),
      });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The files of a `webkitdirectory` input (each carries its `webkitRelativePath`). */
export function filesOfInput(
  files: readonly {
    name: string;
    webkitRelativePath?: string;
    lastModified: number;
    size: number;
    arrayBuffer: () => Promise<ArrayBuffer>;
  }[],
): FolderFile[] {
  return files
    .map((f) => ({ f, path: f.webkitRelativePath || f.name }))
    .filter(({ path }) => MARKDOWN_NAME.test(path) && !path.split('/').slice(0, -1).some(skipDir))
    .map(({ f, path }) => ({
      path,
      lastModified: f.lastModified,
      size: f.size,
      read: async () => new Uint8Array(await f.arrayBuffer()),
    }));
}

/** The folder's name: the first segment of its files' paths. */
export const folderOf = (path: string): string => path.split('/')[0] ?? path;

const baseName = (path: string) => path.split('/').pop() ?? path;

/**
 * Reads the files that changed since `seen` (by lastModified and size) and parses them; `seen` is
 * updated for every file read. Paths in `seen` under the same folder that are missing are `gone`.
 */
export async function readChangedFiles(
  files: readonly FolderFile[],
  seen: Map<string, SeenFile>,
  parse: (text: string, path: string) => Deck,
): Promise<FolderReading> {
  const reading: FolderReading = { decks: [], refused: [], gone: [], parsed: 0, unchanged: 0 };
  for (const file of files) {
    const before = seen.get(file.path);
    if (before && before.lastModified === file.lastModified && before.size === file.size) {
      reading.unchanged += 1;
      continue;
    }
    const name = baseName(file.path);
    const verdict = checkDeckFile(name, await file.read());
    seen.set(file.path, { lastModified: file.lastModified, size: file.size });
    if (!verdict.ok) {
      reading.refused.push(verdict.reason);
      continue;
    }
    const deck = parse(verdict.text, file.path);
    reading.parsed += 1;
    const refusal = refuseDeck(name, deck);
    if (refusal) reading.refused.push(refusal);
    else
      reading.decks.push({
        path: file.path,
        name,
        text: verdict.text,
        deck,
        lastModified: file.lastModified,
        size: file.size,
      });
  }
  const folders = new Set(files.map((f) => folderOf(f.path)));
  const present = new Set(files.map((f) => f.path));
  for (const path of seen.keys())
    if (folders.has(folderOf(path)) && !present.has(path)) {
      reading.gone.push(path);
      seen.delete(path);
    }
  return reading;
}
