import { useEffect, useMemo, useState } from 'react';
import { browseRows } from '../library/browse-rows.ts';
import { CardDetails } from '../library/card-details.tsx';
import { DeckBrowser } from '../library/deck-browser.tsx';
import { deckFullName } from '../library/deck-tree.ts';
import type { DeckId } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import { LinkProgressContainer } from './link-progress-container.tsx';
import { useRecall } from './store.ts';
import { useNow } from './use-now.ts';

/** `card`: a card whose details are open on arrival (a link from the Stats screen). */
export function BrowseContainer({ deckId, card: opened }: { deckId: DeckId; card: string | null }) {
  const deck = useRecall((s) => s.deckById.get(deckId));
  const states = useRecall((s) => s.states);
  const settings = useRecall((s) => s.settings);
  const fullLog = useRecall((s) => s.fullLog);
  const loadFullLog = useRecall((s) => s.loadFullLog);
  const suspend = useRecall((s) => s.suspend);
  const unsuspend = useRecall((s) => s.unsuspend);
  const reset = useRecall((s) => s.reset);
  const now = useNow(60_000);
  const [selected, setSelected] = useState<string | null>(opened);
  const [error, setError] = useState<string | null>(null);

  const rows = useMemo(
    () => (deck ? browseRows(deck.cards, states, settings, now) : []),
    [deck, states, settings, now],
  );
  useEffect(() => {
    if (selected) void loadFullLog();
  }, [selected, loadFullLog]);

  if (!deck)
    return <Banner kind="error">There is no deck “{deckId}”. It may have been renamed.</Banner>;
  const row = rows.find((r) => r.cardId === selected);
  const card = selected ? deck.cards.find((c) => c.id === selected) : undefined;
  const act = (p: Promise<void>) =>
    p.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const details =
    row && card ? (
      <CardDetails
        row={row}
        question={row.preview}
        history={fullLog ? fullLog.filter((e) => e.cardId === card.id) : null}
        onSuspend={() => void act(suspend(card.id))}
        onUnsuspend={() => void act(unsuspend(card.id))}
        onReset={() => void act(reset(card.id))}
      >
        <LinkProgressContainer deckId={deck.id} cardId={card.id} />
      </CardDetails>
    ) : null;
  return (
    <>
      {error && <Banner kind="error">{error}</Banner>}
      {deck.diagnostics.length > 0 && (
        <details className="diagnostics card">
          <summary>
            {deck.diagnostics.length} {deck.diagnostics.length === 1 ? 'note' : 'notes'} about{' '}
            {deck.path}
          </summary>
          <ul>
            {deck.diagnostics.map((d) => (
              <li key={`${d.line}:${d.message}`}>
                {deck.path}:{d.line}: {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <DeckBrowser
        title={deckFullName(deck)}
        rows={rows}
        selected={selected}
        onSelect={setSelected}
        details={details}
      />
    </>
  );
}
