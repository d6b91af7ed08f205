// A deck that changed on disk (a file opened again, a folder re-read, a bundled deck of a new app
// version) is applied through here, so the person sees what changes before it does (issue 13).
// STUB: applies at once. The change report and confirm replace it (deck/deck-diff.ts).
import type { Deck } from '../shared/types.ts';
import type { SliceCreator } from './store.ts';

export interface DeckChangeSlice {
  /**
   * `next` replaces the loaded deck with the same id (or is added when there is none). `save`
   * stores the new source (called only if the change is applied). Resolves true when applied,
   * false when the person cancelled (nothing stored changes then).
   */
  proposeDeckChange: (next: Deck, save: () => Promise<void>) => Promise<boolean>;
}

export const createDeckChangeSlice: SliceCreator<DeckChangeSlice> = (_set, get) => ({
  async proposeDeckChange(next, save) {
    await save();
    get().addDeck(next);
    return true;
  },
});
