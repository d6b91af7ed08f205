// A deck that changed on disk (a file opened again, a folder re-read, a bundled deck of a new app
// version) is applied through here, so the person sees what changes before it does (issue 13):
// the change report (deck/deck-diff.ts) waits in `pendingDeckChange` until they confirm or
// cancel. Confirming stores the new source, loads the deck and moves the progress of each edited
// question they kept ticked to its new id (its state and every log entry, as carry-over-progress
// does). Cancelling changes nothing stored. Removed cards keep their progress as orphans, which
// can be linked to a card later from the deck browser (`linkProgress`).
import {
  diffDecks,
  hasChanges,
  snapshotCard,
  type DeckDiff,
  type DiffCard,
} from '../deck/deck-diff.ts';
import { relinkedRecords, type ProgressMove } from '../scheduler/relink.ts';
import type { Card, CardId, Deck, DeckId } from '../shared/types.ts';
import {
  addRemovedQuestions,
  readDeckSnapshot,
  readRemovedQuestions,
  writeDeckSnapshot,
} from '../storage/deck-snapshots.ts';
import { CARD, LOG } from '../storage/keys.ts';
import { describeError } from './describe-error.ts';
import type { SliceCreator } from './store.ts';

export interface PendingDeckChange {
  /** Tells one proposal from the next (the dialog starts afresh for each). */
  seq: number;
  deckId: DeckId;
  /** The dialog's heading. */
  title: string;
  /** 'bundled': a deck of a new app version (already loaded; confirming moves progress). */
  kind: 'opened' | 'bundled';
  diff: DeckDiff<DiffCard, Card>;
  /** Ids of the old cards (removed, edited, answer changed) that have stored progress. */
  withProgress: ReadonlySet<CardId>;
  /** Ids of new cards that already have progress of their own (nothing is moved onto them). */
  nextWithProgress: ReadonlySet<CardId>;
  busy: boolean;
  error: string | null;
}

export interface DeckChangeSlice {
  pendingDeckChange: PendingDeckChange | null;
  /** A sentence about the last change applied when part of it failed (shown until dismissed). */
  deckChangeNotice: string | null;
  /**
   * `next` replaces the loaded deck with the same id (or is added when there is none). `save`
   * stores the new source (called only if the change is applied). Resolves true when applied,
   * false when the person cancelled (nothing stored changes then).
   */
  proposeDeckChange: (next: Deck, save: () => Promise<void>) => Promise<boolean>;
  /** Applies the pending change; `keep` lists the old ids of the edited pairs whose progress moves. */
  confirmDeckChange: (keep: readonly CardId[]) => Promise<void>;
  cancelDeckChange: () => void;
  /** At start-up: compares each bundled deck with its snapshot (once per store). */
  checkBundledDecks: () => Promise<void>;
  /** Moves the progress of a card no deck has (`from`) to a card without progress (`to`). */
  linkProgress: (from: CardId, to: CardId) => Promise<void>;
  /** Questions of removed cards of the deck, by old id, as far as they were recorded. */
  removedQuestions: (deckId: DeckId) => Promise<Map<CardId, string>>;
  dismissDeckChangeNotice: () => void;
}

interface Waiting {
  next: Deck;
  save: () => Promise<void>;
  resolve: (applied: boolean) => void;
}

export const createDeckChangeSlice: SliceCreator<DeckChangeSlice> = (set, get, services) => {
  /** One proposal at a time: opening many files asks about each in turn. */
  let queue: Promise<unknown> = Promise.resolve();
  let waiting: Waiting | null = null;
  let bundledChecked = false;
  let seq = 0;

  const enqueue = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run);
    queue = result.catch(() => undefined);
    return result;
  };

  /** Rewrites the moves' states and log entries under the new ids; the old states go. */
  const moveProgress = async (pairs: readonly { from: CardId; to: CardId }[]) => {
    const s = get();
    const moves: ProgressMove[] = pairs
      .filter((p) => s.states.has(p.from) && !s.states.has(p.to))
      .map((p) => ({
        from: p.from,
        to: p.to,
        deckId: s.cardsById.get(p.to)?.deckId ?? deckOf(p.to),
      }));
    if (moves.length === 0) return 0;
    const repo = s.repository();
    const moved = relinkedRecords(moves, s.states, await repo.readFullLog());
    // The log first, then the new states, then the old states: a failure part-way leaves the old
    // state in place (an orphan with its history) and never a card without its log.
    await repo.putMany([
      ...moved.log.map((e): [string, unknown] => [`${LOG}${e.id}`, e]),
      ...moved.states.map((st): [string, unknown] => [`${CARD}${st.cardId}`, st]),
    ]);
    await repo.deleteMany(moves.map((m) => `${CARD}${m.from}`));
    repo.announceReload();
    const logShown = get().fullLog !== null;
    await get().reloadProgress();
    // A screen showing the log (the browser's history) reads it again, with the moved entries.
    if (logShown) await get().loadFullLog();
    return moves.length;
  };

  const pendingFor = (
    deckId: DeckId,
    title: string,
    kind: PendingDeckChange['kind'],
    diff: DeckDiff<DiffCard, Card>,
  ): PendingDeckChange => {
    const states = get().states;
    const old = [
      ...diff.removed,
      ...diff.edited.map((p) => p.prev),
      ...diff.answerChanged.map((p) => p.prev),
    ];
    return {
      seq: ++seq,
      deckId,
      title,
      kind,
      diff,
      withProgress: new Set(old.filter((c) => states.has(c.id)).map((c) => c.id)),
      nextWithProgress: new Set(
        diff.edited.filter((p) => states.has(p.next.id)).map((p) => p.next.id),
      ),
      busy: false,
      error: null,
    };
  };

  const ask = (pending: PendingDeckChange, next: Deck, save: () => Promise<void>) =>
    new Promise<boolean>((resolve) => {
      waiting = { next, save, resolve };
      set({ pendingDeckChange: pending });
    });

  const recordRemoved = async (deckId: DeckId, cards: readonly DiffCard[]) => {
    if (cards.length === 0) return;
    await addRemovedQuestions(
      get().repository(),
      deckId,
      cards.map((c) => [c.id, c.question]),
    );
  };

  return {
    pendingDeckChange: null,
    deckChangeNotice: null,

    proposeDeckChange(next, save) {
      return enqueue(async () => {
        const loaded = get().deckById.get(next.id);
        const diff = loaded ? diffDecks<DiffCard, Card>(loaded.cards, next.cards) : null;
        if (!diff || !hasChanges(diff)) {
          await save();
          get().addDeck(next);
          return true;
        }
        const title = `Update “${next.title}”?`;
        return ask(pendingFor(next.id, title, 'opened', diff), next, save);
      });
    },

    async confirmDeckChange(keep) {
      const pending = get().pendingDeckChange;
      const w = waiting;
      if (!pending || !w || pending.busy) return;
      set({ pendingDeckChange: { ...pending, busy: true, error: null } });
      try {
        await w.save();
      } catch (err) {
        // Nothing was applied: the dialog stays, saying why.
        set({ pendingDeckChange: { ...pending, busy: false, error: describeError(err) } });
        return;
      }
      // A bundled deck of the new version is loaded already.
      if (pending.kind === 'opened') get().addDeck(w.next);
      const kept = new Set(keep);
      const pairs = pending.diff.edited
        .filter((p) => kept.has(p.prev.id))
        .map((p) => ({ from: p.prev.id, to: p.next.id }));
      const unlinked = [
        ...pending.diff.removed,
        ...pending.diff.edited.filter((p) => !kept.has(p.prev.id)).map((p) => p.prev),
      ];
      try {
        await recordRemoved(pending.deckId, unlinked);
        await moveProgress(pairs);
      } catch (err) {
        set({
          deckChangeNotice: `The deck was updated, but moving progress to the edited questions failed (${describeError(err)}). The progress is kept under the old questions; link it from the deck browser.`,
        });
      }
      waiting = null;
      set({ pendingDeckChange: null });
      w.resolve(true);
    },

    cancelDeckChange() {
      const w = waiting;
      if (!w || get().pendingDeckChange?.busy) return;
      waiting = null;
      set({ pendingDeckChange: null });
      w.resolve(false);
    },

    checkBundledDecks() {
      if (bundledChecked) return Promise.resolve();
      bundledChecked = true;
      return enqueue(async () => {
        const repo = get().repository();
        // The bundled decks are the loaded ones the person did not open (not parsed again).
        const opened = new Set(get().openedDecks.map((d) => d.id));
        for (const deck of get().decks.filter((d) => !opened.has(d.id))) {
          const snapshot = deck.cards.map(snapshotCard);
          const save = () => writeDeckSnapshot(repo, deck.id, snapshot, services.now());
          const before = await readDeckSnapshot(repo, deck.id);
          if (!before) {
            await save();
            continue;
          }
          const diff = diffDecks<DiffCard, Card>(before, deck.cards);
          if (!hasChanges(diff)) continue;
          const pending = pendingFor(
            deck.id,
            `“${deck.title}” changed in this version`,
            'bundled',
            diff,
          );
          // Only a change to cards with progress needs the person; the rest is recorded quietly.
          const affected = [...diff.removed, ...diff.edited.map((p) => p.prev)];
          if (!affected.some((c) => pending.withProgress.has(c.id))) {
            await save();
            continue;
          }
          await ask(pending, deck, save);
        }
      });
    },

    async linkProgress(from, to) {
      const moved = await moveProgress([{ from, to }]);
      if (moved === 0)
        throw new Error(
          'Nothing was linked: that card already has progress, or the old one has none.',
        );
    },

    async removedQuestions(deckId) {
      return readRemovedQuestions(get().repository(), deckId);
    },

    dismissDeckChangeNotice: () => set({ deckChangeNotice: null }),
  };
};

/** `deck:hash` → `deck` (a card id starts with its deck's id). */
function deckOf(cardId: CardId): DeckId {
  const i = cardId.lastIndexOf(':');
  return i < 0 ? cardId : cardId.slice(0, i);
}
