// Every `decks/**/*.md` is bundled at build time (scripts/decks-plugin.ts): adding a file to
// decks/ is all it takes.
import files from 'virtual:recall-decks';
import { distinctDeckIds } from '../deck/distinct-deck-ids.ts';
import { parseDeck } from '../deck/parse-deck.ts';
import type { Deck } from '../shared/types.ts';

/** The bundled decks, two files whose names give one id told apart (`drill`, `drill~2`). */
export function loadBundledDecks(): Deck[] {
  return distinctDeckIds(files.map(([path, text]) => parseDeck(text, path)));
}
