// Which decks the Stats screen counts: all, one deck, or a folder (decks whose path starts with
// it). Pure: narrows the log, states and cards of a StatsInput by deck id.
import type { CardId, CardState, Deck, DeckId } from '../shared/types.ts';
import type { StatsInput } from './types.ts';

export type StatsScope =
  { kind: 'all' } | { kind: 'deck'; deckId: DeckId } | { kind: 'folder'; folder: string };

export interface ScopeOption {
  /** Stable value for a <select>: "all", "deck:<id>" or "folder:<path>". */
  value: string;
  label: string;
  scope: StatsScope;
}

type DeckLike = Pick<Deck, 'id' | 'path' | 'title'>;

/** Every folder that holds a deck (each level of a nested path), then every deck. */
export function scopeOptions(decks: readonly DeckLike[]): ScopeOption[] {
  const folders = new Set<string>();
  for (const d of decks) {
    const parts = d.path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [
    { value: 'all', label: 'All decks', scope: { kind: 'all' } },
    ...[...folders].sort().map((folder) => ({
      value: `folder:${folder}`,
      label: `Folder ${folder}/`,
      scope: { kind: 'folder', folder } as const,
    })),
    ...[...decks]
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((d) => ({
        value: `deck:${d.id}`,
        label: d.title,
        scope: { kind: 'deck', deckId: d.id } as const,
      })),
  ];
}

/** The deck ids a scope counts; null means every deck (orphans of removed decks included). */
export function scopeDeckIds(scope: StatsScope, decks: readonly DeckLike[]): Set<DeckId> | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'deck':
      return new Set([scope.deckId]);
    case 'folder':
      return new Set(decks.filter((d) => d.path.startsWith(`${scope.folder}/`)).map((d) => d.id));
  }
}

/** The input narrowed to the decks in `deckIds` (unchanged when null). */
export function narrowInput(input: StatsInput, deckIds: ReadonlySet<DeckId> | null): StatsInput {
  if (!deckIds) return input;
  const states = new Map<CardId, CardState>();
  for (const [id, s] of input.states) if (deckIds.has(s.deckId)) states.set(id, s);
  return {
    ...input,
    log: input.log.filter((e) => deckIds.has(e.deckId)),
    states,
    cards: input.cards.filter((c) => deckIds.has(c.deckId)),
  };
}
