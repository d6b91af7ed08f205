import type { ReactNode } from 'react';
import { RATING_LABELS, type ReviewLogEntry } from '../shared/types.ts';
import { Button } from '../ui/button.tsx';
import type { BrowseRow } from './browse-rows.ts';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const KIND_LABEL = { reset: 'Reset', suspend: 'Suspended', unsuspend: 'Unsuspended' } as const;

export function CardDetails({
  row,
  question,
  history,
  onSuspend,
  onUnsuspend,
  children,
  onReset,
}: {
  row: BrowseRow;
  question: string;
  history: ReviewLogEntry[] | null;
  onSuspend: () => void;
  onUnsuspend: () => void;
  onReset: () => void;
  /** More actions on the card (linking progress from a removed card). */
  children?: ReactNode;
}) {
  return (
    <section className="card card-details" aria-label="Card details">
      <p className="details-question">{question}</p>
      <div className="row">
        {row.status === 'suspended' ? (
          <Button small onClick={onUnsuspend}>
            Unsuspend
          </Button>
        ) : (
          <Button small onClick={onSuspend}>
            Suspend
          </Button>
        )}
        <Button small onClick={onReset} disabled={row.reps === 0 && row.status !== 'suspended'}>
          Reset progress
        </Button>
      </div>
      {children}
      <h3>Review history</h3>
      {history === null ? (
        <p className="muted">Loading…</p>
      ) : history.length === 0 ? (
        <p className="muted">Never reviewed.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Review history table" tabIndex={0}>
          <table className="data history" aria-label="Review history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Answer</th>
                <th scope="col">Interval</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {history.map((e) => (
                <tr key={e.id}>
                  <td>{WHEN.format(e.time)}</td>
                  <td>
                    {e.kind === 'review' && e.rating
                      ? RATING_LABELS[e.rating]
                      : KIND_LABEL[e.kind as keyof typeof KIND_LABEL]}
                  </td>
                  <td>{e.kind === 'review' ? formatDays(e.after.due - e.time) : ''}</td>
                  <td>{e.durationMs ? `${Math.round(e.durationMs / 1000)} s` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function formatDays(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  if (minutes < 1440) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}
