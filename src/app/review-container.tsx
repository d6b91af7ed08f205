import { useEffect, useState } from 'react';
import { preloadMarkdownRenderer } from '../render/markdown-view.tsx';
import { ReviewScreen } from '../review/review-screen.tsx';
import { deckFullName } from '../library/deck-tree.ts';
import { SessionSummary, type SessionSummaryData } from '../review/session-summary.tsx';
import { ShortcutsDialog } from '../review/shortcuts-dialog.tsx';
import type { DeckId, Rating } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import type { Session } from './session-slice.ts';
import { getAppStore, useRecall } from './store.ts';
import { navigate, routeHref } from './use-route.ts';

function summaryOf(session: Session, now: number): SessionSummaryData {
  const ratings: Record<Rating, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let timeMs = 0;
  for (const a of session.answers) {
    ratings[a.rating] += 1;
    timeMs += a.durationMs;
  }
  const { counts } = session;
  return {
    cards: session.answers.length,
    timeMs: timeMs || (session.answers.length ? now - session.startedAt : 0),
    ratings,
    nextDue: session.nextDue,
    remaining: session.current ? counts.new + counts.learning + counts.review : 0,
  };
}

export function ReviewContainer({ deckIds, folder }: { deckIds: DeckId[]; folder?: string }) {
  const session = useRecall((s) => s.session);
  const cardsById = useRecall((s) => s.cardsById);
  const deckById = useRecall((s) => s.deckById);
  const canUndo = useRecall((s) => s.undoStack.length > 0);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The session (by its deck key) the person ended before its cards were done. */
  const [endedFor, setEndedFor] = useState<string | null>(null);
  const key = deckIds.join(',') + (folder ? `?${folder}` : '');
  const rendererReady = useRendererReady();

  useEffect(() => {
    const store = getAppStore();
    const ids = deckIds.length ? deckIds : [...store.getState().deckById.keys()];
    store.getState().startSession(ids, folder);
    return () => store.getState().endSession();
    // The key names the decks and folder; a new array with the same ids is the same session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!session || !rendererReady) return null;
  const actions = getAppStore().getState();
  const guard = (p: Promise<void>) =>
    p.then(
      () => setError(null),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  const goHome = () => navigate({ name: 'home' });
  // Ending partway shows what this session did; with nothing done there is nothing to show.
  const endSession = () => (session.answers.length ? setEndedFor(key) : goHome());
  const undo = () => {
    setEndedFor(null);
    void guard(actions.undoAnswer());
  };

  const { current, intervals } = session;
  const card = current ? cardsById.get(current.cardId) : undefined;
  const finished = !current || !card || !intervals;
  if (finished || endedFor === key) {
    const now = Date.now();
    return (
      <>
        {error && <Banner kind="error">{error}</Banner>}
        <SessionSummary
          summary={summaryOf(session, now)}
          now={now}
          ended={!finished}
          onHome={goHome}
          onUndo={session.answers.length > 0 && canUndo ? undo : null}
          statsHref={routeHref({ name: 'stats' })}
        />
      </>
    );
  }
  const deck = deckById.get(card.deckId);
  return (
    <>
      {error && <Banner kind="error">{error}</Banner>}
      <ReviewScreen
        card={card}
        deckTitle={deck ? deckFullName(deck) : card.deckId}
        deckPath={deck?.path ?? ''}
        revealed={session.revealed}
        intervals={intervals}
        counts={session.counts}
        currentKind={current.kind}
        done={session.answers.length}
        canUndo={canUndo}
        busy={session.busy}
        paused={help}
        onReveal={actions.reveal}
        onRate={(r) => void guard(actions.rate(r))}
        onUndo={() => void guard(actions.undoAnswer())}
        onSuspend={() => void guard(actions.suspendCurrent())}
        onExit={endSession}
        onHelp={() => setHelp(true)}
      />
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </>
  );
}

/** Holds the first card back until the Markdown renderer has loaded, so it never flashes as source. */
function useRendererReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    preloadMarkdownRenderer().then(
      () => live && setReady(true),
      () => live && setReady(true), // the card then shows its source; better than nothing
    );
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
