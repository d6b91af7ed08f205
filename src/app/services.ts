// What the store needs from the outside world, passed in so tests can give fakes and fixed clocks.
import type { Card, Deck } from '../shared/types.ts';
import type { OpenedDeckStore } from '../storage/opened-decks.ts';
import type { Repository } from '../storage/repository.ts';

export interface AppServices {
  /** Opens (or reuses) the IndexedDB repository. */
  openRepository: () => Promise<Repository>;
  /** The decks bundled with the app (parsed at start-up). */
  loadDecks: () => Deck[];
  /** Where decks a person opened are kept (none: they last until the page reloads). */
  openedDecks?: OpenedDeckStore;
  now: () => number;
  /** Asks the browser to keep storage persistent; resolves whether it is. */
  requestPersistence?: (repo: Repository) => Promise<boolean | null>;
  /** Renders a card ahead of time, while the answer before it is read (a head start only). */
  prepareCard?: (card: Card, deck: Deck | undefined) => void;
}
