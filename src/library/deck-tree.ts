// Decks nest by the folders in their paths, as Anki's parent decks: `ml/nlp.md` sits under a
// folder "ml". Pure: the home screen's rows and a deck's full name ("ml › NLP") come from here.

/** What the tree needs of a deck. */
export interface TreeDeck {
  id: string;
  /** Path under decks/ (or of an opened file), `/`-separated: its folders give the nesting. */
  path: string;
  title: string;
}

export interface FolderNode<D extends TreeDeck> {
  kind: 'folder';
  /** 'ml' or 'ml/nlp': the key limit presets and the collapsed state use. */
  path: string;
  /** The last part of the path. */
  name: string;
  depth: number;
  children: TreeNode<D>[];
}

export interface DeckNode<D extends TreeDeck> {
  kind: 'deck';
  deck: D;
  depth: number;
}

export type TreeNode<D extends TreeDeck> = FolderNode<D> | DeckNode<D>;

/** The folders a path lies in, outermost first: 'a/b/c.md' → ['a', 'a/b']. */
export function foldersOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

/** The folder's own name: 'ml/nlp' → 'nlp'. */
export const folderName = (folder: string) => folder.slice(folder.lastIndexOf('/') + 1);

/** A deck's name with its folders, for breadcrumbs and titles: "ml › NLP basics". */
export function deckFullName(deck: Pick<TreeDeck, 'path' | 'title'>): string {
  return [...foldersOf(deck.path).map(folderName), deck.title].join(' › ');
}

/** A folder's name with the folders above it: 'ml/nlp' → "ml › nlp". */
export const folderFullName = (folder: string) => folder.split('/').join(' › ');

// Numbers in names sort as numbers ("lesson 2" before "lesson 10"); ties fall back to code units
// so the order never depends on the machine's language.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const compareNames = (a: string, b: string) =>
  collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The last part of a node's path, which it is sorted by among its siblings. */
const sortKey = <D extends TreeDeck>(n: TreeNode<D>) =>
  n.kind === 'folder' ? n.name : n.deck.path.slice(n.deck.path.lastIndexOf('/') + 1);

/**
 * The decks as a tree: a folder for every folder in a path, each folder's folders and decks
 * sorted by name (folders and files together, as a file manager lists a path). Two decks with
 * one path (a bundled deck and an opened file) both stay, in their given order.
 */
export function deckTree<D extends TreeDeck>(decks: readonly D[]): TreeNode<D>[] {
  const root: TreeNode<D>[] = [];
  const folders = new Map<string, FolderNode<D>>();
  const folderNode = (path: string): FolderNode<D> => {
    let f = folders.get(path);
    if (!f) {
      const parents = foldersOf(`${path}/x`);
      const parent = parents.length > 1 ? folderNode(parents[parents.length - 2]!) : null;
      f = { kind: 'folder', path, name: folderName(path), depth: parents.length - 1, children: [] };
      folders.set(path, f);
      (parent ? parent.children : root).push(f);
    }
    return f;
  };
  for (const deck of decks) {
    const parents = foldersOf(deck.path);
    const parent = parents.length ? folderNode(parents[parents.length - 1]!) : null;
    (parent ? parent.children : root).push({ kind: 'deck', deck, depth: parents.length });
  }
  const sort = (nodes: TreeNode<D>[]) => {
    nodes.sort((a, b) => compareNames(sortKey(a), sortKey(b)));
    for (const n of nodes) if (n.kind === 'folder') sort(n.children);
  };
  sort(root); // Array.prototype.sort is stable: same-path decks keep their order.
  return root;
}

/** Every deck below a folder node, in tree order. */
export function decksBelow<D extends TreeDeck>(node: TreeNode<D>): D[] {
  return node.kind === 'deck' ? [node.deck] : node.children.flatMap((c) => decksBelow(c));
}

/** The tree's nodes depth first, each folder before what it holds. */
export function flattenTree<D extends TreeDeck>(nodes: readonly TreeNode<D>[]): TreeNode<D>[] {
  return nodes.flatMap((n) => (n.kind === 'folder' ? [n, ...flattenTree(n.children)] : [n]));
}

/** The rows left to show when some folders are collapsed: none inside a collapsed folder. */
export function visibleRows<R extends { folders: readonly string[] }>(
  rows: readonly R[],
  collapsed: ReadonlySet<string>,
): R[] {
  if (collapsed.size === 0) return [...rows];
  return rows.filter((r) => !r.folders.some((f) => collapsed.has(f)));
}
