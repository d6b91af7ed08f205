// The log as columns of numbers, read once and shared by every figure. The figures each walk the
// whole log (100,000 entries on a big collection), and reading an entry's `before` state costs a
// pointer chase per entry; reading it once into typed arrays makes every later walk a scan of
// plain numbers. The columns are cached per log array, and read again when the array has grown
// or its last entry changed (entries themselves are never edited).
import type { DeckId, ReviewLogEntry } from '../shared/types.ts';
import { answerType, isAnswer, lastIntervalDays } from './answers.ts';
import type { AnswerType } from './types.ts';

/** Answer types by their code in `LogColumns.type`. */
export const ANSWER_TYPES: readonly AnswerType[] = ['learning', 'review', 'relearning'];
const TYPE_CODE: Record<AnswerType, number> = { learning: 0, review: 1, relearning: 2 };
export const REVIEW_TYPE = TYPE_CODE.review;

export interface LogColumns {
  /** The entries read, in log order: column i describes log[i]. */
  log: readonly ReviewLogEntry[];
  length: number;
  time: Float64Array;
  durationMs: Float64Array;
  /** The rating 1–4 of an answer; 0 for every entry that is not one (see answers.ts isAnswer). */
  rating: Uint8Array;
  /** Index into ANSWER_TYPES: the revlog type from the phase before the answer. */
  type: Uint8Array;
  /** 1 when the card was new before the answer. */
  wasNew: Uint8Array;
  /** The interval before the answer in days (answers.ts lastIntervalDays). */
  lastIvl: Float64Array;
  /** Index into `deckIds`. */
  deck: Uint32Array;
  deckIds: DeckId[];
}

type Cached = LogColumns & { lastEntry: ReviewLogEntry | undefined };
const cache = new WeakMap<readonly ReviewLogEntry[], Cached>();

export function logColumns(log: readonly ReviewLogEntry[]): LogColumns {
  const cached = cache.get(log);
  if (cached && cached.length === log.length && cached.lastEntry === log[log.length - 1]) {
    return cached;
  }
  const columns = readColumns(log);
  cache.set(log, columns);
  return columns;
}

function readColumns(log: readonly ReviewLogEntry[]): Cached {
  const n = log.length;
  const time = new Float64Array(n);
  const durationMs = new Float64Array(n);
  const rating = new Uint8Array(n);
  const type = new Uint8Array(n);
  const wasNew = new Uint8Array(n);
  const lastIvl = new Float64Array(n);
  const deck = new Uint32Array(n);
  const deckIds: DeckId[] = [];
  const deckIndex = new Map<DeckId, number>();
  let lastDeckId: DeckId | null = null;
  let lastDeck = 0;
  for (let i = 0; i < n; i++) {
    const entry = log[i]!;
    time[i] = entry.time;
    durationMs[i] = entry.durationMs;
    if (entry.deckId !== lastDeckId) {
      lastDeckId = entry.deckId;
      let found = deckIndex.get(lastDeckId);
      if (found === undefined) {
        found = deckIds.push(lastDeckId) - 1;
        deckIndex.set(lastDeckId, found);
      }
      lastDeck = found;
    }
    deck[i] = lastDeck;
    if (!isAnswer(entry)) continue;
    rating[i] = entry.rating!;
    type[i] = TYPE_CODE[answerType(entry)];
    wasNew[i] = entry.before.phase === 'new' ? 1 : 0;
    lastIvl[i] = lastIntervalDays(entry);
  }
  return {
    log,
    length: n,
    lastEntry: log[n - 1],
    time,
    durationMs,
    rating,
    type,
    wasNew,
    lastIvl,
    deck,
    deckIds,
  };
}
