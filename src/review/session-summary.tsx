import { RATINGS, RATING_LABELS, type Rating } from '../shared/types.ts';
import { Button } from '../ui/button.tsx';

export interface SessionSummaryData {
  cards: number;
  timeMs: number;
  ratings: Record<Rating, number>;
  /** When the next card of these decks is due (ms), or null when none is scheduled. */
  nextDue: number | null;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatWhen(due: number, now: number): string {
  const diff = due - now;
  if (diff <= 60_000) return 'now';
  if (diff < 3_600_000) return `in ${Math.round(diff / 60_000)} minutes`;
  if (diff < 86_400_000) return `in ${Math.round(diff / 3_600_000)} hours`;
  const days = Math.round(diff / 86_400_000);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export function SessionSummary({
  summary,
  now,
  onHome,
}: {
  summary: SessionSummaryData;
  now: number;
  onHome: () => void;
}) {
  return (
    <section className="card summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Congratulations! You have finished for now.</h2>
      <p>
        {summary.cards} {summary.cards === 1 ? 'card' : 'cards'} in {formatDuration(summary.timeMs)}
        .
      </p>
      {summary.cards > 0 && (
        <ul className="summary-ratings">
          {RATINGS.map((r) => (
            <li key={r} className={`rating-${r}`}>
              {RATING_LABELS[r]}: {summary.ratings[r]}
            </li>
          ))}
        </ul>
      )}
      <p data-testid="next-due">
        {summary.nextDue === null
          ? 'No more cards are scheduled in these decks.'
          : `The next card is due ${formatWhen(summary.nextDue, now)} (${new Date(summary.nextDue).toLocaleString()}).`}
      </p>
      <Button variant="primary" onClick={onHome} autoFocus>
        Back to decks
      </Button>
    </section>
  );
}
