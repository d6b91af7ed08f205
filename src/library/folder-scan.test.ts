// Guards issue 13's folder re-read: only files whose lastModified or size changed are read and
// parsed again; sub-folders nest as paths; hidden folders and non-Markdown files are skipped. A
// fake FileSystemDirectoryHandle stands in for the real one (headless Chromium has no picker).
import { describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import {
  filesOfDirectory,
  filesOfInput,
  readChangedFiles,
  type DirectoryLike,
  type FileHandleLike,
  type SeenFile,
} from './folder-scan.ts';

const deck = (q: string) =>
  [
    '!!! Question ""',
    '    === "Question"',
    `        ${q}`,
    '    === "Answer"',
    '        Yes.',
    '',
  ].join('\n');

interface FakeFile {
  text: string | Uint8Array;
  lastModified: number;
}
type Tree = { [name: string]: FakeFile | Tree };
const isFile = (v: FakeFile | Tree): v is FakeFile => 'lastModified' in v;

/** A directory handle over a mutable tree; counts every file read (arrayBuffer). */
function fakeDir(name: string, tree: Tree, reads: string[], prefix = name): DirectoryLike {
  return {
    kind: 'directory',
    name,
    async *values() {
      for (const [child, value] of Object.entries(tree)) {
        const path = `${prefix}/${child}`;
        if (isFile(value)) {
          const handle: FileHandleLike = {
            kind: 'file',
            name: child,
            getFile: async () => {
              const bytes =
                typeof value.text === 'string' ? new TextEncoder().encode(value.text) : value.text;
              return {
                lastModified: value.lastModified,
                size: bytes.length,
                arrayBuffer: async () => {
                  reads.push(path);
                  return bytes.slice().buffer;
                },
              };
            },
          };
          yield handle;
        } else yield fakeDir(child, value, reads, path);
      }
    },
  };
}

describe('filesOfDirectory', () => {
  it('lists Markdown files with sub-folders as paths, skipping hidden folders and other files', async () => {
    const tree: Tree = {
      'a.md': { text: deck('A?'), lastModified: 1 },
      'image.png': { text: 'x', lastModified: 1 },
      sub: {
        'b.markdown': { text: deck('B?'), lastModified: 1 },
        deeper: { 'c.MD': { text: deck('C?'), lastModified: 1 } },
      },
      '.obsidian': { 'workspace.md': { text: deck('W?'), lastModified: 1 } },
    };
    const reads: string[] = [];
    const files = await filesOfDirectory(fakeDir('vault', tree, reads));
    expect(files.map((f) => f.path)).toEqual([
      'vault/a.md',
      'vault/sub/b.markdown',
      'vault/sub/deeper/c.MD',
    ]);
    // Listing reads no file's content.
    expect(reads).toEqual([]);
  });
});

describe('readChangedFiles', () => {
  it('parses every file the first time, then only the one that changed', async () => {
    const tree: Tree = {};
    for (let i = 0; i < 20; i++)
      tree[`n${i}.md`] = { text: deck(`Question ${i}?`), lastModified: 100 };
    const reads: string[] = [];
    const dir = fakeDir('notes', tree, reads);
    const seen = new Map<string, SeenFile>();
    const parse = vi.fn(parseDeck);

    const first = await readChangedFiles(await filesOfDirectory(dir), seen, parse);
    expect(first.decks).toHaveLength(20);
    expect(first.decks[0]?.deck.id).toBe('notes/n0');
    expect(parse).toHaveBeenCalledTimes(20);

    const again = await readChangedFiles(await filesOfDirectory(dir), seen, parse);
    expect(again).toMatchObject({ decks: [], parsed: 0, unchanged: 20 });
    expect(parse).toHaveBeenCalledTimes(20);

    tree['n7.md'] = { text: deck('Question seven, edited?'), lastModified: 200 };
    reads.length = 0;
    const changed = await readChangedFiles(await filesOfDirectory(dir), seen, parse);
    expect(changed.decks.map((d) => d.path)).toEqual(['notes/n7.md']);
    expect(changed).toMatchObject({ parsed: 1, unchanged: 19 });
    expect(reads).toEqual(['notes/n7.md']);
    expect(parse).toHaveBeenCalledTimes(21);
  });

  it('sees a change of size with the same time', async () => {
    const tree: Tree = { 'a.md': { text: deck('A?'), lastModified: 5 } };
    const dir = fakeDir('f', tree, []);
    const seen = new Map<string, SeenFile>();
    await readChangedFiles(await filesOfDirectory(dir), seen, parseDeck);
    tree['a.md'] = { text: deck('A longer question?'), lastModified: 5 };
    const changed = await readChangedFiles(await filesOfDirectory(dir), seen, parseDeck);
    expect(changed.parsed).toBe(1);
  });

  it('refuses binary and question-less files with a sentence, and reports files gone', async () => {
    const tree: Tree = {
      'ok.md': { text: deck('Q?'), lastModified: 1 },
      'bad.md': { text: new Uint8Array([0x23, 0, 1]), lastModified: 1 },
      'plain.md': { text: '# Just notes\n', lastModified: 1 },
    };
    const dir = fakeDir('v', tree, []);
    const seen = new Map<string, SeenFile>();
    const first = await readChangedFiles(await filesOfDirectory(dir), seen, parseDeck);
    expect(first.decks.map((d) => d.path)).toEqual(['v/ok.md']);
    expect(first.refused).toEqual([
      'bad.md is not a Markdown text file; nothing was added.',
      'plain.md holds no question Recall can read; nothing was added.',
    ]);
    delete tree['ok.md'];
    const second = await readChangedFiles(await filesOfDirectory(dir), seen, parseDeck);
    expect(second).toMatchObject({ gone: ['v/ok.md'], refused: [], parsed: 0 });
  });

  it('starts from what was stored: after a reload an unchanged folder parses nothing', async () => {
    const tree: Tree = { 'a.md': { text: deck('A?'), lastModified: 9 } };
    const files = await filesOfDirectory(fakeDir('v', tree, []));
    const seen = new Map<string, SeenFile>([['v/a.md', { lastModified: 9, size: files[0]!.size }]]);
    const parse = vi.fn(parseDeck);
    expect((await readChangedFiles(files, seen, parse)).unchanged).toBe(1);
    expect(parse).not.toHaveBeenCalled();
  });
});

describe('filesOfInput', () => {
  it('takes a webkitdirectory input’s Markdown files by their relative paths', () => {
    const file = (webkitRelativePath: string) => ({
      name: webkitRelativePath.split('/').pop()!,
      webkitRelativePath,
      lastModified: 1,
      size: 1,
      arrayBuffer: async () => new ArrayBuffer(1),
    });
    const files = filesOfInput([
      file('vault/a.md'),
      file('vault/pic.png'),
      file('vault/.git/x.md'),
      file('vault/s/b.md'),
    ]);
    expect(files.map((f) => f.path)).toEqual(['vault/a.md', 'vault/s/b.md']);
  });
});
