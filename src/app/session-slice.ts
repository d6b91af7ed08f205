// The review session: which card is showing, reveal, rate, undo, and what was done so far.
import { newSchedulingState, previewIntervals } from '../scheduler/fsrs.ts';
import { buildQueue } from '../scheduler/queue.ts';
import type { Card, CardId, DeckId, Rating, ReviewLogEntry } from '../shared/types.ts';
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
  startSession: (deckIds: DeckId[]) => void;
  reveal: () => void;
  rate: (rating: Rating) => Promise<void>;
  undoAnswer: () => Promise<void>;
  suspendCurrent: () => Promise<void>;
  endSession: () => void;
}

const phaseKind = (phase: string): QueueKind =>
  phase === 'new' ? 'new' : phase === 'review' ? 'review' : 'learning';

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, services) => {
  /** Picks the next card for the session from the current progress. */
  const nextView = (s: RecallState, session: Session): Partial<Session> => {
    const now = services.now();
    const queue = buildQueue({
      cards: session.cards,
      states: s.states,
      todayLog: s.todayLog,
      settings: s.settings,
      now,
    });
    const next = queue.next;
    let intervals: Record<Rating, string> | null = null;
    if (next) {
      const sched = s.states.get(next.cardId)?.sched ?? newSchedulingState(now);
      const preview = previewIntervals(sched, now, s.settings);
      intervals = {
        1: preview[1].label,
        2: preview[2].label,
        3: preview[3].label,
        4: preview[4].label,
      };
    }
    return {
      current: next ? { cardId: next.cardId, kind: next.kind } : null,
      revealed: false,
      shownAt: now,
      intervals,
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

    startSession(deckIds) {
      const s = get();
      s.refreshDay();
      const wanted = new Set(deckIds);
      const cards = s.decks.filter((d) => wanted.has(d.id)).flatMap((d) => d.cards);
      const session: Session = {
        deckIds,
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
      if (session?.current && !session.revealed) update({ revealed: true });
    },

    async rate(rating) {
      const s = get();
      const session = s.session;
      if (!session?.current || !session.revealed || session.busy) return;
      const card = s.cardsById.get(session.current.cardId);
      if (!card) return advance();
      const durationMs = Math.min(Math.max(0, services.now() - session.shownAt), MAX_ANSWER_MS);
      update({ busy: true });
      let entry: ReviewLogEntry;
      try {
        entry = await s.recordAnswer(card, rating, durationMs);
      } catch (err) {
        update({ busy: false });
        throw err;
      }
      const answers = [
        ...session.answers,
        { entryId: entry.id, cardId: card.id, rating, durationMs },
      ];
      update({ answers });
      get().refreshDay();
      advance();
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
      const preview = previewIntervals(entry.before, now, s.settings);
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
  };
};

/** The earliest due time among the session's unsuspended cards that have been studied. */
function nextDueOf(s: RecallState, cards: Card[], now: number): number | null {
  let best: number | null = null;
  for (const c of cards) {
    const st = s.states.get(c.id);
    if (!st || st.suspended || st.sched.phase === 'new') continue;
    const due = Math.max(st.sched.due, now);
    if (best === null || due < best) best = due;
  }
  return best;
}
