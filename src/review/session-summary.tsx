import { formatDueIn } from '../shared/time-span.ts';
import { RATINGS, RATING_LABELS, type Rating } from '../shared/types.ts';
import { Button } from '../ui/button.tsx';
import { useSummaryKeys } from './use-review-keys.ts';

export interface SessionSummaryData {
  cards: number;
  timeMs: number;
  ratings: Record<Rating, number>;
  /** When the next card of these decks is due (ms), or null when none is scheduled. */
  nextDue: number | null;
  /** Cards still waiting today when the session was ended before they were all done. */
  remaining: number;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

const cardsWord = (n: number) => (n === 1 ? 'card' : 'cards');

/**
 * What this session did: shown when every card is done for now, or when the person ends the
 * session partway (`ended`). U or Ctrl/Cmd+Z undoes the last answer, Esc goes home.
 */
export function SessionSummary({
  summary,
  now,
  ended,
  onHome,
  onUndo,
  statsHref,
}: {
  summary: SessionSummaryData;
  now: number;
  ended: boolean;
  onHome: () => void;
  /** Undoes the last answer of this session; null when there is none. */
  onUndo: (() => void) | null;
  /** Address of the Stats screen, linked under the summary. */
  statsHref?: string;
}) {
  useSummaryKeys({ onUndo, onHome });
  return (
    <section className="card summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        {ended ? 'Session ended' : 'Congratulations! You have finished for now.'}
      </h2>
      <p>
        {ended ? 'You studied ' : ''}
        {summary.cards} {cardsWord(summary.cards)} in {formatDuration(summary.timeMs)}.
      </p>
      {summary.cards > 0 && (
        <ul className="summary-ratings" aria-label="Your answers">
          {RATINGS.map((r) => (
            <li key={r} className={`rating-${r}`}>
              {RATING_LABELS[r]}: {summary.ratings[r]}
            </li>
          ))}
        </ul>
      )}
      {ended ? (
        <p data-testid="remaining">
          {summary.remaining > 0
            ? `${summary.remaining} ${cardsWord(summary.remaining)} ${summary.remaining === 1 ? 'is' : 'are'} still waiting for today.`
            : 'Nothing else is waiting for today.'}
        </p>
      ) : (
        <p data-testid="next-due">
          {summary.nextDue === null
            ? 'No more cards are scheduled in these decks.'
            : `The next card is due ${formatDueIn(summary.nextDue, now)} (${new Date(summary.nextDue).toLocaleString()}).`}
        </p>
      )}
      <div className="summary-actions">
        <Button variant="primary" onClick={onHome} autoFocus aria-keyshortcuts="Escape">
          Back to decks <kbd>Esc</kbd>
        </Button>
        {onUndo && (
          <Button onClick={onUndo} aria-keyshortcuts="u Control+z Meta+z">
            Undo the last answer <kbd>U</kbd>
          </Button>
        )}
        {statsHref && (
          <a className="btn" href={statsHref}>
            See your statistics
          </a>
        )}
      </div>
    </section>
  );
}
