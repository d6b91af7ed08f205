// What the home screen shows, computed from decks and progress: pure, so it is tested without a DOM.
import { buildQueue } from '../scheduler/queue.ts';
import type { CardId, CardState, Deck, ReviewLogEntry, Settings } from '../shared/types.ts';
import type { DeckRow, TodayStats } from './home-screen.tsx';

export interface HomeInput {
  decks: Deck[];
  states: Map<CardId, CardState>;
  todayLog: ReviewLogEntry[];
  settings: Settings;
  now: number;
}

/** Each deck's path, so limits are per deck with its preset and folders (deck-limits.ts). */
export const deckPathMap = (decks: readonly Deck[]) => new Map(decks.map((d) => [d.id, d.path]));

/** A deck's row counts what studying that deck offers: the same buildQueue call as the session. */
export function deckRows({ decks, states, todayLog, settings, now }: HomeInput): DeckRow[] {
  const deckPaths = deckPathMap(decks);
  return decks.map((deck) => {
    const q = buildQueue({ cards: deck.cards, states, todayLog, settings, now, deckPaths });
    return {
      id: deck.id,
      title: deck.title,
      path: deck.path,
      total: deck.cards.length,
      due: q.counts.review,
      learning: q.counts.learning,
      new: q.counts.new,
      diagnostics: deck.diagnostics,
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
