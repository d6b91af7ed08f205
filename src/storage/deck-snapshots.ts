// What each bundled deck held when this device last saw it: its cards' ids, questions and answer
// hashes, so that a new app version whose deck changed can say what changed and carry the
// progress of edited questions over (issue 13). Decks a person opened need none: their stored
// source is their snapshot.
import type { SnapshotCard } from '../deck/deck-diff.ts';
import type { DeckId } from '../shared/types.ts';
import type { Repository } from './repository.ts';

/** One record per bundled deck: `deck-snapshot:<deck id>` → { cards, savedAt }. */
export const DECK_SNAPSHOT = 'deck-snapshot:';

const isSnapshotCard = (v: unknown): v is SnapshotCard =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SnapshotCard).id === 'string' &&
  typeof (v as SnapshotCard).question === 'string' &&
  typeof (v as SnapshotCard).answerHash === 'string';

/** The deck's stored snapshot, or null when there is none (or it is not one: then taken anew). */
export async function readDeckSnapshot(
  repo: Pick<Repository, 'getMeta'>,
  deckId: DeckId,
): Promise<SnapshotCard[] | null> {
  const value = (await repo.getMeta(`${DECK_SNAPSHOT}${deckId}`)) as { cards?: unknown } | null;
  const cards = value?.cards;
  if (!Array.isArray(cards) || !cards.every(isSnapshotCard)) return null;
  return cards;
}

export function writeDeckSnapshot(
  repo: Pick<Repository, 'setMeta'>,
  deckId: DeckId,
  cards: SnapshotCard[],
  now: number,
): Promise<void> {
  return repo.setMeta(`${DECK_SNAPSHOT}${deckId}`, { cards, savedAt: now });
}

/**
 * Questions of cards removed from a deck whose progress stayed behind (orphans), by old card id:
 * the deck browser shows them when the person links that progress to a card later.
 */
export const DECK_REMOVED = 'deck-removed:';
/** Kept per deck at most (the oldest go first); a question is cut to this many characters. */
const REMOVED_LIMIT = 2000;
const QUESTION_CHARS = 300;

export async function readRemovedQuestions(
  repo: Pick<Repository, 'getMeta'>,
  deckId: DeckId,
): Promise<Map<string, string>> {
  const value = (await repo.getMeta(`${DECK_REMOVED}${deckId}`)) as { cards?: unknown } | null;
  const out = new Map<string, string>();
  if (!Array.isArray(value?.cards)) return out;
  for (const pair of value.cards as unknown[])
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
      out.set(pair[0], pair[1]);
  return out;
}

export async function addRemovedQuestions(
  repo: Pick<Repository, 'getMeta' | 'setMeta'>,
  deckId: DeckId,
  cards: [string, string][],
): Promise<void> {
  const known = await readRemovedQuestions(repo, deckId);
  for (const [id, question] of cards) {
    known.delete(id);
    known.set(id, question.slice(0, QUESTION_CHARS));
  }
  const kept = [...known].slice(-REMOVED_LIMIT);
  await repo.setMeta(`${DECK_REMOVED}${deckId}`, { cards: kept });
}
