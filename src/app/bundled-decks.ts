// Every `decks/**/*.md` is bundled at build time (scripts/decks-plugin.ts): adding a file to
// decks/ is all it takes.
import files from 'virtual:recall-decks';
import { parseDeck } from '../deck/parse-deck.ts';
import type { Deck } from '../shared/types.ts';

export function loadBundledDecks(): Deck[] {
  return files.map(([path, text]) => parseDeck(text, path));
}
