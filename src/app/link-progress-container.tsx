// The deck browser's "Link progress from a removed card…" (issue 13), for a card with no
// progress in a deck that has orphans: their questions as the change report recorded them.
import { useEffect, useMemo, useState } from 'react';
import { LinkProgress } from '../library/link-progress.tsx';
import { deckOrphans } from '../library/orphans.ts';
import type { CardId, DeckId } from '../shared/types.ts';
import { knownCardIds } from './collection-slice.ts';
import { useRecall } from './store.ts';

export function LinkProgressContainer({ deckId, cardId }: { deckId: DeckId; cardId: CardId }) {
  const states = useRecall((s) => s.states);
  const cardsById = useRecall((s) => s.cardsById);
  const removedQuestions = useRecall((s) => s.removedQuestions);
  const linkProgress = useRecall((s) => s.linkProgress);
  const [questions, setQuestions] = useState<ReadonlyMap<CardId, string>>(new Map());
  useEffect(() => {
    let live = true;
    removedQuestions(deckId)
      .then((q) => live && setQuestions(q))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [deckId, removedQuestions]);
  const orphans = useMemo(
    () => deckOrphans(deckId, states, knownCardIds(cardsById), questions),
    [deckId, states, cardsById, questions],
  );
  if (states.has(cardId) || orphans.length === 0) return null;
  return <LinkProgress orphans={orphans} onLink={(from) => linkProgress(from, cardId)} />;
}
