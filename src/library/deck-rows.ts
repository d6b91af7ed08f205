// What the home screen shows, computed from decks and progress: pure, so it is tested without a DOM.
import { buildQueue } from '../scheduler/queue.ts';
import type { CardId, CardState, Deck, ReviewLogEntry, Settings } from '../shared/types.ts';
import {
  decksBelow,
  deckFullName,
  deckTree,
  flattenTree,
  folderFullName,
  foldersOf,
} from './deck-tree.ts';
import type { HomeRow, TodayStats } from './home-screen.tsx';

export interface HomeInput {
  decks: Deck[];
  states: Map<CardId, CardState>;
  todayLog: ReviewLogEntry[];
  settings: Settings;
  now: number;
}

/** Each deck's path, so limits are per deck with its preset and folders (deck-limits.ts). */
export const deckPathMap = (decks: readonly Deck[]) => new Map(decks.map((d) => [d.id, d.path]));

/**
 * Home's rows: the decks as a tree (deck-tree.ts), each folder before what it holds. A deck's row
 * counts what studying that deck offers, a folder's what studying the folder offers (every deck
 * below it, under its own limits too): the same buildQueue call as the session.
 */
export function deckRows({ decks, states, todayLog, settings, now }: HomeInput): HomeRow[] {
  const deckPaths = deckPathMap(decks);
  const counts = (cards: Deck['cards'], root?: string) => {
    const q = buildQueue({ cards, states, todayLog, settings, now, deckPaths, root });
    return { due: q.counts.review, learning: q.counts.learning, new: q.counts.new };
  };
  return flattenTree(deckTree(decks)).map((node): HomeRow => {
    if (node.kind === 'deck') {
      const { deck } = node;
      return {
        kind: 'deck',
        id: deck.id,
        title: deck.title,
        fullName: deckFullName(deck),
        path: deck.path,
        depth: node.depth,
        folders: foldersOf(deck.path),
        total: deck.cards.length,
        ...counts(deck.cards),
        diagnostics: deck.diagnostics,
      };
    }
    const below = decksBelow(node);
    const cards = below.flatMap((d) => d.cards);
    return {
      kind: 'folder',
      id: node.path,
      title: node.name,
      fullName: folderFullName(node.path),
      path: node.path,
      depth: node.depth,
      folders: foldersOf(node.path + '/'),
      deckIds: below.map((d) => d.id),
      total: cards.length,
      ...counts(cards, node.path),
      problems: below.reduce(
        (n, d) => n + d.diagnostics.filter((x) => x.severity === 'error').length,
        0,
      ),
    };
  });
}

/** Today's progress over all decks: answers given, cards still to do, time spent answering. */
export function todayStats({ decks, states, todayLog, settings, now }: HomeInput): TodayStats {
  const q = buildQueue({
    cards: decks.flatMap((d) => d.cards),
    states,
    todayLog,
    settings,
    now,
    deckPaths: deckPathMap(decks),
  });
  let reviewed = 0;
  let timeMs = 0;
  for (const e of todayLog) {
    if (e.kind !== 'review') continue;
    reviewed += 1;
    timeMs += e.durationMs;
  }
  return { reviewed, remaining: q.counts.new + q.counts.learning + q.counts.review, timeMs };
}
