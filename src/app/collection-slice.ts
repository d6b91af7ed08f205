// Decks, settings and progress: loading from storage, card actions, undo, backup.
import {
  rebasedClock,
  resetEntry,
  suspendEntry,
  unsuspendEntry,
  undoTarget,
} from '../scheduler/actions.ts';
import { dayStartOf, nextDayStart } from '../scheduler/day.ts';
import { answerZones, reviewLogToCsv, type AnswerZoneSpan } from '../scheduler/optimizer-csv.ts';
import { replayAll } from '../scheduler/replay.ts';
import { validateSettings } from '../scheduler/settings.ts';
import type {
  Card,
  CardId,
  CardState,
  Deck,
  DeckId,
  ReviewLogEntry,
  Settings,
} from '../shared/types.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import {
  exportBackup,
  importBackup,
  type ImportProgress,
  type ImportResult,
} from '../storage/backup.ts';
import type { CommitBasis, Repository } from '../storage/repository.ts';
import { countOrphans } from '../storage/repository.ts';
import { createJournal, replayJournal, type StorageLike } from '../storage/journal.ts';
import { createWriteQueue, type WriteQueue } from '../storage/pending.ts';
import { carryOverProgress } from './carry-over-progress.ts';
import { describeError } from './describe-error.ts';
import { parseBackupOffThread } from './parse-backup-off-thread.ts';
import type { RecallState, SliceCreator } from './store.ts';

// Start-up phases, read by `npm run bench` (absent outside browsers that have marks).
const mark = (name: string) => globalThis.performance?.mark?.(name);

/** Anki keeps this many answers undoable; so do we, across reloads. */
export const UNDO_LIMIT = 30;

export interface CollectionSlice {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  decks: Deck[];
  cardsById: Map<CardId, Card>;
  deckById: Map<DeckId, Deck>;
  settings: Settings;
  states: Map<CardId, CardState>;
  /** Log entries since the start of the current study day. */
  todayLog: ReviewLogEntry[];
  dayStart: number;
  /** The newest log entries, newest last; undo pops from here. */
  undoStack: ReviewLogEntry[];
  /** The whole log, read only when a screen needs it (browser history, stats). */
  fullLog: ReviewLogEntry[] | null;
  /** Sentences about stored data that had problems. */
  problems: string[];
  /** One sentence when saving is failing (answers are kept in memory and retried). */
  saveStatus: string | null;
  persistent: boolean | null;
  orphans: number;
  /** Changes not yet written (the page warns before unloading while there are any). */
  pendingWrites: () => number;

  init: () => Promise<void>;
  addDeck: (deck: Deck) => void;
  /** Unloads a deck (its progress stays, as orphans) or, with `deleteHistory`, deletes that too. */
  removeDeck: (id: DeckId, deleteHistory?: boolean) => Promise<void>;
  renameDeck: (id: DeckId, title: string) => void;
  /**
   * Writes an answer built by the scheduler (log entry and card state in one transaction); the
   * caller applies it to memory with `withEntry` once this resolves.
   */
  saveAnswer: (entry: ReviewLogEntry, state: CardState, basis?: CommitBasis) => Promise<void>;
  saveSettings: (
    input: unknown,
  ) => Promise<{ ok: true } | { ok: false; errors: { field: string; message: string }[] }>;
  suspend: (cardId: CardId) => Promise<void>;
  unsuspend: (cardId: CardId) => Promise<void>;
  reset: (cardId: CardId) => Promise<void>;
  /** Undoes the newest log entry; resolves to it (or null when there is nothing to undo). */
  undo: () => Promise<ReviewLogEntry | null>;
  /** The whole log (read once, then kept); `onProgress` hears entries read so far, of how many. */
  loadFullLog: (onProgress?: (read: number, total: number) => void) => Promise<ReviewLogEntry[]>;
  exportBackup: () => Promise<string>;
  /** Checks the file (or its text) off the main thread, merges it, and reports how far it is. */
  importBackup: (
    file: string | Blob,
    onProgress?: (progress: ImportProgress) => void,
  ) => Promise<string>;
  /** The optimizer CSV, and the zones and day-start hours its answers were counted in. */
  exportCsv: () => Promise<{ csv: string; zones: AnswerZoneSpan[] }>;
  repair: () => Promise<string>;
  /** Moves "today" forward when the day-start hour has passed. */
  refreshDay: () => void;
  /** The open repository, for other slices' bulk changes (a deck change moving progress). */
  repository: () => Repository;
  /** Reads settings, card states and today's log again (after such a bulk change). */
  reloadProgress: () => Promise<void>;
}

/** A log entry and its resulting state applied to memory (from this tab or another). */
export function withEntry(
  s: Pick<RecallState, 'states' | 'todayLog' | 'undoStack' | 'fullLog' | 'dayStart' | 'settings'>,
  entry: ReviewLogEntry,
  state: CardState,
): Partial<RecallState> {
  if (s.undoStack.some((e) => e.id === entry.id) || s.todayLog.some((e) => e.id === entry.id))
    return {};
  const states = new Map(s.states);
  states.set(state.cardId, state);
  const todayLog = isToday(entry.time, s.dayStart, s.settings.dayStartHour)
    ? [...s.todayLog, entry]
    : s.todayLog;
  const undoStack = [...s.undoStack, entry].slice(-UNDO_LIMIT);
  const fullLog = s.fullLog ? [...s.fullLog, entry] : null;
  return { states, todayLog, undoStack, fullLog };
}

export const createCollectionSlice: SliceCreator<CollectionSlice> = (set, get, services) => {
  let repo: Repository | null = null;
  let writer: WriteQueue | null = null;
  /** What each change not yet written was built on, by entry id (read when it is written). */
  const bases = new Map<string, CommitBasis>();

  const requireRepo = (): [Repository, WriteQueue] => {
    if (!repo || !writer) throw new Error('Progress is still loading; try again in a moment.');
    return [repo, writer];
  };

  const indexDecks = (decks: Deck[]) => {
    const cardsById = new Map<CardId, Card>();
    const deckById = new Map<DeckId, Deck>();
    for (const d of decks) {
      deckById.set(d.id, d);
      for (const c of d.cards) cardsById.set(c.id, c);
    }
    return { decks, cardsById, deckById };
  };

  const removeEntry = (
    s: RecallState,
    entryId: string,
    state: CardState | null,
    cardId: CardId,
  ) => {
    const states = new Map(s.states);
    if (state) states.set(state.cardId, state);
    else states.delete(cardId);
    return {
      states,
      todayLog: s.todayLog.filter((e) => e.id !== entryId),
      undoStack: s.undoStack.filter((e) => e.id !== entryId),
      fullLog: s.fullLog ? s.fullLog.filter((e) => e.id !== entryId) : null,
    };
  };

  const persistAction = async (entry: ReviewLogEntry, state: CardState, basis: CommitBasis) => {
    const [, w] = requireRepo();
    set((s) => withEntry(s, entry, state));
    bases.set(entry.id, basis);
    await w.commit(entry, state);
  };

  /** Suspend, unsuspend or reset: a log entry and the card's new state, written together. */
  const cardAction = async (build: typeof suspendEntry, cardId: CardId) => {
    const card = cardFor(cardId);
    const stored = get().states.get(cardId);
    const now = services.now();
    const { entry, state } = build({ card, state: stored, now });
    await persistAction(entry, state, {
      lastLogId: stored?.lastLogId,
      rebase: (current) => build({ card, state: current, ...rebasedClock(now, entry.id, current) }),
    });
  };

  const cardFor = (cardId: CardId): Card => {
    const card = get().cardsById.get(cardId);
    if (!card) throw new Error(`No card with id ${cardId} is in the loaded decks.`);
    return card;
  };

  const reload = async () => {
    const [r] = requireRepo();
    const now = services.now();
    const settings = get().settings;
    const dayStart = dayStartOf(now, settings.dayStartHour);
    const loaded = await r.load(dayStart, nextDayStart(now, settings.dayStartHour));
    set((s) => ({
      settings: loaded.settings,
      states: loaded.states,
      todayLog: loaded.todayLog,
      undoStack: loaded.recentLog.slice(-UNDO_LIMIT),
      dayStart: dayStartOf(now, loaded.settings.dayStartHour),
      fullLog: null,
      problems: loaded.problems.messages,
      orphans: countOrphans(knownCardIds(s.cardsById), loaded.states),
    }));
  };

  return {
    status: 'loading',
    loadError: null,
    decks: [],
    cardsById: new Map(),
    deckById: new Map(),
    settings: DEFAULT_SETTINGS,
    states: new Map(),
    todayLog: [],
    dayStart: 0,
    undoStack: [],
    fullLog: null,
    problems: [],
    saveStatus: null,
    persistent: null,
    orphans: 0,
    pendingWrites: () => writer?.pending() ?? 0,

    async init() {
      try {
        // Storage opens on its own thread while the decks are parsed here.
        const opening = services.openRepository();
        opening.catch(() => undefined); // awaited below; this only avoids an unhandled warning
        set(indexDecks(services.loadDecks()));
        mark('recall:decks-parsed');
        repo = await opening;
        mark('recall:storage-open');
        // Decks the person opened, beside the bundled ones before orphans are counted.
        const stored = await get().loadOpenedDecks();
        if (stored.length > 0) {
          const ids = new Set(stored.map((d) => d.id));
          set(indexDecks([...get().decks.filter((d) => !ids.has(d.id)), ...stored]));
        }
        const opened = repo;
        const journal = createJournal(localStorageOrNull());
        writer = createWriteQueue(
          {
            commit: async (entry, state) => {
              await opened.commit(entry, state, bases.get(entry.id));
              bases.delete(entry.id);
            },
            undo: (entry, restored) => opened.undo(entry, restored),
          },
          { onStatus: (saveStatus) => set({ saveStatus }), journal },
        );
        // Changes a reload or a closed tab left unsaved: written now, or queued while it fails.
        const left = await replayJournal(journal, opened);
        writer.resume(left);
        await reload();
        const stillQueued = new Set(journal.ops().map((op) => `${op.kind}:${op.entry.id}`));
        for (const op of left.filter((o) => stillQueued.has(`${o.kind}:${o.entry.id}`)))
          set((s) =>
            op.kind === 'commit'
              ? withEntry(s, op.entry, op.state)
              : removeEntry(s, op.entry.id, op.restored, op.entry.cardId),
          );
        const journalProblem = journal.problem();
        if (journalProblem) set((s) => ({ problems: [...s.problems, journalProblem] }));
        // Progress under a card's previous id (the card-id rule changed) moves to its id.
        if (await carryOverProgress(repo, get().cardsById.values(), get().states)) await reload();
        mark('recall:progress-loaded');
        const current = repo;
        current.subscribe((msg) => {
          // The card on screen stays; its buttons, the counts and the next card follow.
          if (msg.type === 'commit') {
            set((s) => withEntry(s, msg.entry, msg.state));
            get().refreshSession();
          } else if (msg.type === 'undo') {
            set((s) => removeEntry(s, msg.entryId, msg.state, msg.cardId));
            get().refreshSession();
          }
          // Settings, an import or a repair elsewhere: read everything again before the next card.
          else
            void reload()
              .then(() => get().refreshSession())
              .catch(() => undefined);
        });
        set({ status: 'ready' });
        if (services.requestPersistence) {
          const persistent = await services.requestPersistence(current);
          set({ persistent });
        }
      } catch (err) {
        set({ status: 'failed', loadError: describeError(err) });
      }
    },

    addDeck(deck) {
      const decks = [...get().decks.filter((d) => d.id !== deck.id), deck];
      set((s) => ({
        ...indexDecks(decks),
        orphans: countOrphans(knownCardIds(indexDecks(decks).cardsById), s.states),
      }));
    },

    async removeDeck(id, deleteHistory = false) {
      const decks = get().decks.filter((d) => d.id !== id);
      set((s) => ({
        ...indexDecks(decks),
        orphans: countOrphans(knownCardIds(indexDecks(decks).cardsById), s.states),
      }));
      if (!deleteHistory) return;
      const [r] = requireRepo();
      await r.deleteDeckProgress(id);
      await reload();
    },

    renameDeck(id, title) {
      set(indexDecks(get().decks.map((d) => (d.id === id ? { ...d, title } : d))));
    },

    async saveAnswer(entry, state, basis) {
      const [, w] = requireRepo();
      if (basis) bases.set(entry.id, basis);
      await w.commit(entry, state);
    },

    async saveSettings(input) {
      const result = validateSettings(input);
      if (!result.ok) return { ok: false, errors: result.errors };
      const [r] = requireRepo();
      await r.saveSettings(result.settings);
      set({ settings: result.settings });
      await reload();
      return { ok: true };
    },

    suspend: (cardId) => cardAction(suspendEntry, cardId),
    unsuspend: (cardId) => cardAction(unsuspendEntry, cardId),
    reset: (cardId) => cardAction(resetEntry, cardId),

    async undo() {
      const [, w] = requireRepo();
      const s = get();
      const entry = s.undoStack.at(-1);
      if (!entry) return null;
      const previous = [...s.undoStack.slice(0, -1)]
        .reverse()
        .find((e) => e.cardId === entry.cardId);
      const restored = undoTarget(
        entry,
        s.states.get(entry.cardId),
        previous?.id ?? null,
        services.now(),
      );
      set((cur) => removeEntry(cur, entry.id, restored, entry.cardId));
      await w.undo(entry, restored);
      return entry;
    },

    async loadFullLog(onProgress) {
      const [r] = requireRepo();
      const cached = get().fullLog;
      if (cached) return cached;
      const log = await r.readFullLog(onProgress);
      set({ fullLog: log });
      return log;
    },

    async exportBackup() {
      const [r] = requireRepo();
      const opened = (await services.openedDecks?.list()) ?? [];
      return JSON.stringify(await exportBackup(r, undefined, opened), null, 1);
    },

    async importBackup(file, onProgress) {
      const [r] = requireRepo();
      const backup = await parseBackupOffThread(file, onProgress);
      const settings = get().settings;
      const result = await importBackup(
        r,
        backup,
        (entries) => replayAll(entries, settings),
        onProgress,
      ).finally(() => r.announceReload());
      // Opened decks of the file that this device does not have (its own are kept as they are).
      const decks = await get().importOpenedDecks(backup.openedDecks ?? []);
      await reload();
      const message = importMessage(result, backup.rejected.messages);
      return decks > 0
        ? `${message} ${decks} opened ${decks === 1 ? 'deck' : 'decks'} added.`
        : message;
    },

    async exportCsv() {
      const log = await get().loadFullLog();
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return {
        csv: reviewLogToCsv(log),
        zones: answerZones(log, zone, get().settings.dayStartHour),
      };
    },

    async repair() {
      const [r] = requireRepo();
      const settings = get().settings;
      const { rebuilt } = await r.repair((entries) => replayAll(entries, settings));
      await reload();
      return `Rebuilt ${rebuilt} card states from the review log.`;
    },

    refreshDay() {
      const s = get();
      const dayStart = dayStartOf(services.now(), s.settings.dayStartHour);
      if (dayStart === s.dayStart) return;
      set({
        dayStart,
        todayLog: s.todayLog.filter((e) => isToday(e.time, dayStart, s.settings.dayStartHour)),
      });
    },

    repository: () => requireRepo()[0],
    reloadProgress: () => reload(),
  };
};

/** The page's localStorage (journal of unsaved changes), or null where it is not allowed. */
function localStorageOrNull(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Within the study day that starts at `dayStart`: an entry from the future is not today's. */
function isToday(time: number, dayStart: number, dayStartHour: number): boolean {
  return time >= dayStart && time < nextDayStart(dayStart, dayStartHour);
}

/** What an import did, in a sentence or three: damaged and trimmed records are counted. */
export function importMessage(result: ImportResult, rejectedMessages: string[]): string {
  const parts = [
    `Imported ${result.added} new answers (${result.skipped} already here); ${result.cards} cards updated.`,
  ];
  if (result.rejected > 0)
    parts.push(
      `${result.rejected} damaged ${result.rejected === 1 ? 'record was' : 'records were'} left out: ${rejectedMessages.join(' ')}${result.rejected > rejectedMessages.length ? ' …' : ''}`,
    );
  parts.push(...(result.settingsProblems ?? []));
  if (result.trimmed > 0)
    parts.push(
      `${result.trimmed} unknown ${result.trimmed === 1 ? 'field was' : 'fields were'} too large or too deeply nested to keep and left out.`,
    );
  return parts.join(' ');
}

/**
 * Ids whose progress belongs to a card of the decks: each card's id and the ids it had before
 * (progress under those is carried over to it, so it is not an orphan).
 */
export function knownCardIds(cardsById: ReadonlyMap<CardId, Card>): Set<CardId> {
  const ids = new Set<CardId>(cardsById.keys());
  for (const card of cardsById.values()) for (const id of card.previousIds ?? []) ids.add(id);
  return ids;
}
