// The review session: which card is showing, reveal, rate, undo, and what was done so far.
import { newSchedulingState, previewIntervals } from '../scheduler/fsrs.ts';
import { nextDayStart } from '../scheduler/day.ts';
import { isLeechLapse } from '../scheduler/leech.ts';
import { buildQueue } from '../scheduler/queue.ts';
import { rebasedClock, reviewEntry } from '../scheduler/actions.ts';
import type { Card, CardId, CardState, DeckId, Rating, SchedulingState } from '../shared/types.ts';
import { withEntry } from './collection-slice.ts';
import type { RecallState, SliceCreator } from './store.ts';

export type QueueKind = 'new' | 'learning' | 'review';

/** Anki's "maximum answer seconds": a card left open over lunch counts as one minute. */
export const MAX_ANSWER_MS = 60_000;

export interface SessionAnswer {
  entryId: string;
  cardId: CardId;
  rating: Rating;
  durationMs: number;
}

export interface Session {
  deckIds: DeckId[];
  /** The folder studied as a whole, whose own limits cap its decks (Anki's parent deck). */
  folder?: string;
  cards: Card[];
  current: { cardId: CardId; kind: QueueKind } | null;
  revealed: boolean;
  shownAt: number;
  intervals: Record<Rating, string> | null;
  counts: Record<QueueKind, number>;
  answers: SessionAnswer[];
  startedAt: number;
  /** When the next card of these decks falls due, once nothing is left for now. */
  nextDue: number | null;
  busy: boolean;
}

export interface SessionSlice {
  session: Session | null;
  startSession: (deckIds: DeckId[], folder?: string) => void;
  reveal: () => void;
  rate: (rating: Rating) => Promise<void>;
  undoAnswer: () => Promise<void>;
  suspendCurrent: () => Promise<void>;
  endSession: () => void;
  /**
   * After progress changed elsewhere (another tab's import, repair or settings): the card on
   * screen stays, its buttons and the counts follow the new states, and the next card is picked
   * from them.
   */
  refreshSession: () => void;
}

const phaseKind = (phase: string): QueueKind =>
  phase === 'new' ? 'new' : phase === 'review' ? 'review' : 'learning';

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, services) => {
  // Blocks a second rating while the first is being saved, without a render for it.
  let ratingInFlight = false;
  /**
   * While the answer shows, the card after this one is worked out ahead (it is the same whatever
   * the rating, since the rated card is never due again at once), so rating only has to write.
   */
  let ahead: {
    cardId: CardId;
    basis: Pick<RecallState, 'states' | 'todayLog' | 'settings'>;
    view: Partial<Session>;
  } | null = null;

  const precompute = () => {
    const s = get();
    const session = s.session;
    if (!session?.current || !session.revealed) return;
    const currentId = session.current.cardId;
    const others = { ...session, cards: session.cards.filter((c) => c.id !== currentId) };
    // The answer about to be given counts against today's limits whatever its rating.
    const pending = s.states.get(currentId)?.sched ?? newSchedulingState(services.now());
    const answered = s.cardsById.get(currentId);
    const view = nextView(s, others, pending, answered?.deckId, answered?.noteId);
    // Only a card due now is safe to reuse; "learn ahead" depends on the rated card's new due.
    const due =
      view.current && view.current.kind !== 'learning'
        ? true
        : isDueLearning(s, view.current?.cardId, services.now());
    const upcoming = view.current ? s.cardsById.get(view.current.cardId) : undefined;
    if (upcoming && services.prepareCard) {
      const prepare = services.prepareCard;
      const deck = s.deckById.get(upcoming.deckId);
      whenIdle(() => prepare(upcoming, deck));
    }
    ahead = due
      ? {
          cardId: currentId,
          basis: { states: s.states, todayLog: s.todayLog, settings: s.settings },
          view,
        }
      : null;
  };

  /** Picks the next card for the session from the current progress. */
  const nextView = (
    s: RecallState,
    session: Session,
    pendingAnswer?: SchedulingState,
    pendingDeckId?: DeckId,
    pendingNoteId?: string,
  ): Partial<Session> => {
    const now = services.now();
    const queue = buildQueue({
      cards: session.cards,
      states: s.states,
      todayLog: s.todayLog,
      settings: s.settings,
      now,
      pendingAnswer,
      pendingDeckId,
      pendingNoteId,
      // Limits per deck and folder, as Home counts them (library/deck-rows.ts).
      deckPaths: new Map([...s.deckById].map(([id, d]) => [id, d.path])),
      root: session.folder,
    });
    const next = queue.next;
    return {
      current: next ? { cardId: next.cardId, kind: next.kind } : null,
      revealed: false,
      shownAt: now,
      intervals: next ? intervalsOf(s, next.cardId, now) : null,
      counts: queue.counts,
      nextDue: next ? null : nextDueOf(s, session.cards, now),
      busy: false,
    };
  };

  const update = (patch: Partial<Session>) =>
    set((s) => (s.session ? { session: { ...s.session, ...patch } } : {}));

  const advance = () => {
    const s = get();
    if (s.session) update(nextView(s, s.session));
  };

  return {
    session: null,

    startSession(deckIds, folder) {
      const s = get();
      s.refreshDay();
      const wanted = new Set(deckIds);
      const cards = s.decks.filter((d) => wanted.has(d.id)).flatMap((d) => d.cards);
      const session: Session = {
        deckIds,
        ...(folder ? { folder } : {}),
        cards,
        current: null,
        revealed: false,
        shownAt: services.now(),
        intervals: null,
        counts: { new: 0, learning: 0, review: 0 },
        answers: [],
        startedAt: services.now(),
        nextDue: null,
        busy: false,
      };
      set({ session: { ...session, ...nextView(get(), session) } });
    },

    reveal() {
      const session = get().session;
      if (session?.current && !session.revealed) {
        update({ revealed: true });
        setTimeout(precompute, 0);
      }
    },

    async rate(rating) {
      const s = get();
      const session = s.session;
      if (ratingInFlight || !session?.current || !session.revealed || session.busy) return;
      const card = s.cardsById.get(session.current.cardId);
      if (!card) return advance();
      ratingInFlight = true;
      try {
        const now = services.now();
        const durationMs = Math.min(Math.max(0, now - session.shownAt), MAX_ANSWER_MS);
        const basisState = s.states.get(card.id);
        const args = { card, rating, now, durationMs, settings: s.settings };
        const { entry, state } = reviewEntry({ ...args, state: basisState });
        // The answer is stored (or queued for retry) before the next card shows. The next card
        // is worked out while the write is in flight; memory, the answers so far and the next
        // card then change in one update, so one render. If another tab answered this card
        // meanwhile, the answer is built again on that tab's state as it is written.
        const saved = s.saveAnswer(entry, state, {
          lastLogId: basisState?.lastLogId,
          rebase: (stored) =>
            reviewEntry({ ...args, ...rebasedClock(now, entry.id, stored), state: stored }),
        });
        const patchAhead = withEntry(s, entry, state);
        const applied = { ...s, ...patchAhead };
        const answers = [
          ...session.answers,
          { entryId: entry.id, cardId: card.id, rating, durationMs },
        ];
        const pre = ahead;
        ahead = null;
        const reuse =
          pre !== null &&
          pre.cardId === card.id &&
          pre.basis.states === s.states &&
          pre.basis.todayLog === s.todayLog &&
          pre.basis.settings === s.settings &&
          state.sched.due > now;
        const view = reuse
          ? withRatedCard(pre.view, state, now + s.settings.learnAheadMins * 60_000)
          : nextView(applied, { ...session, answers });
        await saved;
        set((cur) => {
          // Another tab or a day change moved things meanwhile: work the next card out again.
          const fresh =
            cur.states === s.states &&
            cur.todayLog === s.todayLog &&
            cur.undoStack === s.undoStack &&
            cur.fullLog === s.fullLog &&
            cur.dayStart === s.dayStart &&
            cur.session === session;
          const patch = fresh ? patchAhead : withEntry(cur, entry, state);
          if (!cur.session) return patch;
          const next = { ...cur.session, answers };
          return {
            ...patch,
            session: {
              ...next,
              ...(fresh ? view : nextView({ ...cur, ...patch }, next)),
              shownAt: services.now(),
            },
          };
        });
        // Anki's "Suspend card" leech action: the lapse that made it a leech suspends it too,
        // as its own log entry.
        if (
          s.settings.leechAction === 'suspend' &&
          isLeechLapse(entry.before, rating, entry.after, s.settings)
        ) {
          await get().suspend(card.id);
          if (get().session?.current?.cardId === card.id) advance();
          else get().refreshSession();
        }
        get().refreshDay();
      } finally {
        ratingInFlight = false;
      }
    },

    async undoAnswer() {
      const session = get().session;
      if (session?.busy) return;
      update({ busy: true });
      const entry = await get().undo();
      const s = get();
      if (!s.session) return;
      if (!entry) return update({ busy: false });
      const answers = s.session.answers.filter((a) => a.entryId !== entry.id);
      const inSession = s.session.cards.some((c) => c.id === entry.cardId);
      if (!inSession || entry.kind !== 'review') {
        update({ answers });
        return advance();
      }
      // Show the undone card again, question side up, as Anki does.
      const view = nextView(s, { ...s.session, answers });
      const now = services.now();
      const preview = previewIntervals(entry.before, now, s.settings, entry.cardId);
      update({
        ...view,
        answers,
        current: { cardId: entry.cardId, kind: phaseKind(entry.before.phase) },
        intervals: {
          1: preview[1].label,
          2: preview[2].label,
          3: preview[3].label,
          4: preview[4].label,
        },
        nextDue: null,
      });
    },

    async suspendCurrent() {
      const session = get().session;
      if (!session?.current || session.busy) return;
      update({ busy: true });
      try {
        await get().suspend(session.current.cardId);
      } finally {
        advance();
      }
    },

    endSession() {
      set({ session: null });
    },

    refreshSession() {
      const s = get();
      const session = s.session;
      if (!session || session.busy) return;
      ahead = null;
      const view = nextView(s, session);
      if (!session.current) return update(view);
      update({
        counts: view.counts,
        intervals: intervalsOf(s, session.current.cardId, services.now()),
      });
    },
  };
};

/** The answer buttons' labels for a card in its current state. */
function intervalsOf(s: RecallState, cardId: CardId, now: number): Record<Rating, string> {
  const sched = s.states.get(cardId)?.sched ?? newSchedulingState(now);
  const preview = previewIntervals(sched, now, s.settings, cardId);
  return { 1: preview[1].label, 2: preview[2].label, 3: preview[3].label, 4: preview[4].label };
}

/** Runs `fn` when the page is idle (soon after, where the browser cannot tell). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 0);
}

/**
 * A view worked out without the rated card, with that card's new state counted in: a learning
 * step due within the learn-ahead limit adds to the learning count (a step that reached a later
 * day does not).
 */
function withRatedCard(
  view: Partial<Session>,
  state: CardState,
  learnAheadUntil: number,
): Partial<Session> {
  const counts = view.counts ?? { new: 0, learning: 0, review: 0 };
  const { phase, due } = state.sched;
  const learning =
    (phase === 'learning' || phase === 'relearning') && due <= learnAheadUntil && !state.suspended;
  return { ...view, counts: { ...counts, learning: counts.learning + (learning ? 1 : 0) } };
}

function isDueLearning(s: RecallState, cardId: CardId | undefined, now: number): boolean {
  const st = cardId ? s.states.get(cardId) : undefined;
  return st !== undefined && st.sched.due <= now;
}

/**
 * When the next card of the session's decks comes: the earliest due of a studied card, or the
 * next study day when new cards wait behind today's limit.
 */
function nextDueOf(s: RecallState, cards: Card[], now: number): number | null {
  let best: number | null = null;
  let newWaiting = false;
  for (const c of cards) {
    const st = s.states.get(c.id);
    if (st?.suspended) continue;
    if (!st || st.sched.phase === 'new') {
      newWaiting = true;
      continue;
    }
    const due = Math.max(st.sched.due, now);
    if (best === null || due < best) best = due;
  }
  if (newWaiting) {
    const tomorrow = nextDayStart(now, s.settings.dayStartHour);
    if (best === null || tomorrow < best) best = tomorrow;
  }
  return best;
}
