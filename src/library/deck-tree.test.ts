// Guards: decks in sub-folders nest under folder rows (issue 13), in path order, with full names.
import { describe, expect, it } from 'vitest';
import {
  deckFullName,
  deckTree,
  decksBelow,
  flattenTree,
  foldersOf,
  visibleRows,
  type TreeDeck,
  type TreeNode,
} from './deck-tree.ts';

const deck = (path: string, title = path.replace(/^.*\//, '').replace(/\.md$/, '')): TreeDeck => ({
  id: path.replace(/\.md$/, ''),
  path,
  title,
});

/** The flattened tree as indented lines: folders end in '/', decks show their title. */
const outline = (nodes: TreeNode<TreeDeck>[]) =>
  flattenTree(nodes).map(
    (n) => '  '.repeat(n.depth) + (n.kind === 'folder' ? `${n.name}/` : n.deck.title),
  );

describe('deck tree', () => {
  it('nests two levels deep, folders before what they hold', () => {
    const tree = deckTree([
      deck('ml/nlp/tokens.md'),
      deck('ml/nlp/attention.md'),
      deck('ml/vision.md'),
    ]);
    expect(outline(tree)).toEqual(['ml/', '  nlp/', '    attention', '    tokens', '  vision']);
    const ml = tree[0]!;
    expect(ml).toMatchObject({ kind: 'folder', path: 'ml', name: 'ml', depth: 0 });
    expect(flattenTree(tree)[1]).toMatchObject({ kind: 'folder', path: 'ml/nlp', name: 'nlp' });
    expect(decksBelow(ml).map((d) => d.id)).toEqual([
      'ml/nlp/attention',
      'ml/nlp/tokens',
      'ml/vision',
    ]);
  });

  it('keeps a folder that holds a single deck', () => {
    expect(outline(deckTree([deck('solo/only.md')]))).toEqual(['solo/', '  only']);
  });

  it('keeps files at the root at depth 0, without a folder', () => {
    const tree = deckTree([deck('top.md'), deck('ml/nlp.md'), deck('alpha.md')]);
    expect(outline(tree)).toEqual(['alpha', 'ml/', '  nlp', 'top']);
    expect(tree.map((n) => n.kind)).toEqual(['deck', 'folder', 'deck']);
  });

  it('sorts siblings by path, folders among files, numbers as numbers', () => {
    const paths = [
      'z.md',
      'lesson 10.md',
      'b/x.md',
      'Lesson 2.md',
      'a.md',
      'b-side.md',
      'notes/ml/nlp.md',
    ];
    const tree = deckTree(paths.map((p) => deck(p)));
    expect(
      flattenTree(tree).map((n) => (n.kind === 'folder' ? `${n.path}/` : n.deck.path)),
    ).toEqual([
      'a.md',
      'b/',
      'b/x.md',
      'b-side.md',
      'Lesson 2.md',
      'lesson 10.md',
      'notes/',
      'notes/ml/',
      'notes/ml/nlp.md',
      'z.md',
    ]);
  });

  it('uses the deck’s own title as its name and its folders for the full name', () => {
    const nlp = deck('ml/nlp.md', 'NLP basics');
    expect(outline(deckTree([nlp]))).toEqual(['ml/', '  NLP basics']);
    expect(deckFullName(nlp)).toBe('ml › NLP basics');
    expect(deckFullName(deck('top.md', 'Top'))).toBe('Top');
    expect(deckFullName(deck('a/b/c.md', 'C'))).toBe('a › b › C');
  });

  it('keeps two decks with one path, in their given order', () => {
    const bundled = { id: 'x', path: 'ml/x.md', title: 'Bundled' };
    const opened = { id: 'x~2', path: 'ml/x.md', title: 'Opened' };
    expect(outline(deckTree([bundled, opened]))).toEqual(['ml/', '  Bundled', '  Opened']);
  });

  it('lists the folders a path lies in, outermost first', () => {
    expect(foldersOf('a/b/c.md')).toEqual(['a', 'a/b']);
    expect(foldersOf('c.md')).toEqual([]);
  });

  it('hides every row inside a collapsed folder, at any depth, and not the folder itself', () => {
    const rows = [
      { id: 'ml', folders: [] },
      { id: 'ml/nlp', folders: ['ml'] },
      { id: 'ml/nlp/a', folders: ['ml', 'ml/nlp'] },
      { id: 'ml/b', folders: ['ml'] },
      { id: 'top', folders: [] },
    ];
    const ids = (collapsed: string[]) => visibleRows(rows, new Set(collapsed)).map((r) => r.id);
    expect(ids([])).toEqual(['ml', 'ml/nlp', 'ml/nlp/a', 'ml/b', 'top']);
    expect(ids(['ml/nlp'])).toEqual(['ml', 'ml/nlp', 'ml/b', 'top']);
    expect(ids(['ml'])).toEqual(['ml', 'top']);
  });
});
