import { useId, useState } from 'react';
import { Button } from '../ui/button.tsx';
import { previewText } from './browse-rows.ts';
import type { OrphanChoice } from './orphans.ts';
import './deck-change.css';

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * "Link progress from a removed card…": for a card with no progress, the deck's orphans to give
 * it the history of one (a question edited since it was studied).
 */
export function LinkProgress({
  orphans,
  onLink,
}: {
  orphans: OrphanChoice[];
  onLink: (id: string) => Promise<void>;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const link = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await onLink(chosen);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <details className="link-progress">
      <summary>Link progress from a removed card…</summary>
      <p className="muted small">
        This card has no progress. If it is a question you edited, choose the card it was; its
        reviews move to this card.
      </p>
      <fieldset>
        <legend className="sr-only">Removed cards with progress</legend>
        {orphans.map((o) => (
          <label key={o.id} className="link-progress-choice">
            <input
              type="radio"
              name={name}
              value={o.id}
              checked={chosen === o.id}
              onChange={() => setChosen(o.id)}
            />
            <span>
              {o.question ? previewText(o.question) : 'A removed card (its question was not kept)'}
              <span className="muted small">
                {' '}
                · {o.reps} {o.reps === 1 ? 'review' : 'reviews'}
                {o.lastReview !== null && `, last on ${DAY.format(o.lastReview)}`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <Button small onClick={() => void link()} disabled={!chosen || busy}>
        {busy ? 'Linking…' : 'Link progress'}
      </Button>
    </details>
  );
}
