import { useEffect, useRef } from 'react';
import { MarkdownView } from '../render/markdown-view.tsx';
import { RATINGS, RATING_LABELS, type Card, type Rating } from '../shared/types.ts';
import { Button } from '../ui/button.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { useReviewKeys } from './use-review-keys.ts';

export interface ReviewCounts {
  new: number;
  learning: number;
  review: number;
}

export interface ReviewScreenProps {
  card: Card;
  deckTitle: string;
  deckPath: string;
  revealed: boolean;
  /** Button labels for the next interval of each rating ("<10m", "3d"). */
  intervals: Record<Rating, string>;
  counts: ReviewCounts;
  /** The kind of the current card, to underline its count as Anki does. */
  currentKind: keyof ReviewCounts;
  done: number;
  canUndo: boolean;
  busy: boolean;
  /** A dialog is open over the screen: its keys are the dialog's. */
  paused?: boolean;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
  onUndo: () => void;
  onSuspend: () => void;
  onExit: () => void;
  onHelp: () => void;
}

export function ReviewScreen(props: ReviewScreenProps) {
  const { card, revealed, intervals, counts, done, canUndo, busy } = props;
  useReviewKeys({
    revealed,
    enabled: !busy && !props.paused,
    onReveal: props.onReveal,
    onRate: props.onRate,
    onUndo: props.onUndo,
    onSuspend: props.onSuspend,
    onHelp: props.onHelp,
    onExit: props.onExit,
  });
  const answerRef = useRef<HTMLElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const goodRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (revealed ? goodRef : revealRef).current?.focus({ preventScroll: true });
  }, [revealed, card.id]);
  useEffect(() => {
    // Read by `npm run bench` (cold load to first card, rating to next card).
    performance.mark('recall:card-shown', { detail: card.id });
  }, [card.id]);

  const remaining = counts.new + counts.learning + counts.review;
  const crumbs = [props.deckTitle, ...card.section];
  return (
    <div className="review">
      <div className="review-top">
        <nav aria-label="Card location" className="breadcrumb muted">
          {crumbs.join(' › ')}
        </nav>
        <div className="review-counts" aria-label="Cards left">
          <span className={`count-new${props.currentKind === 'new' ? ' current' : ''}`} title="New">
            {counts.new}
          </span>
          <span
            className={`count-learning${props.currentKind === 'learning' ? ' current' : ''}`}
            title="Learning"
          >
            {counts.learning}
          </span>
          <span
            className={`count-review${props.currentKind === 'review' ? ' current' : ''}`}
            title="To review"
          >
            {counts.review}
          </span>
          <span className="sr-only">
            {counts.new} new, {counts.learning} learning, {counts.review} to review
          </span>
        </div>
      </div>
      <ProgressBar value={done} max={done + remaining} label="Session progress" />
      <article className="card review-card" aria-label="Card" data-card-id={card.id}>
        <section className="question" aria-label="Question">
          <MarkdownView markdown={card.question} basePath={props.deckPath} />
        </section>
        {revealed && (
          <section
            className="answer"
            aria-label="Answer"
            aria-live="polite"
            ref={answerRef}
            data-testid="answer"
          >
            <hr />
            <MarkdownView markdown={card.answer} basePath={props.deckPath} />
          </section>
        )}
      </article>
      <div className="review-actions">
        {revealed ? (
          <div className="ratings" role="group" aria-label="Rate your answer">
            {RATINGS.map((r) => (
              <button
                key={r}
                type="button"
                className={`btn rating rating-${r}`}
                onClick={() => props.onRate(r)}
                disabled={busy}
                ref={r === 3 ? goodRef : undefined}
                aria-keyshortcuts={String(r)}
                title={`${RATING_LABELS[r]}: next in ${intervals[r]} (key ${r})`}
              >
                {/* Name = visible text ("Good 10m"); CSS shows the interval above the label. */}
                <span className="label">{RATING_LABELS[r]}</span>{' '}
                <span className="interval">{intervals[r]}</span>
              </button>
            ))}
          </div>
        ) : (
          <Button variant="primary" className="reveal" onClick={props.onReveal} ref={revealRef}>
            Show answer <kbd>Space</kbd>
          </Button>
        )}
      </div>
      <div className="review-tools">
        <Button small onClick={props.onUndo} disabled={!canUndo || busy} aria-keyshortcuts="u">
          Undo <kbd>U</kbd>
        </Button>
        <Button small onClick={props.onSuspend} disabled={busy} aria-keyshortcuts="@">
          Suspend card <kbd>@</kbd>
        </Button>
        <Button small onClick={props.onHelp} aria-keyshortcuts="?">
          Shortcuts <kbd>?</kbd>
        </Button>
        <Button small onClick={props.onExit} aria-keyshortcuts="Escape">
          End session <kbd>Esc</kbd>
        </Button>
      </div>
    </div>
  );
}
