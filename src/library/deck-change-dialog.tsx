import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { DeckDiff, DiffCard } from '../deck/deck-diff.ts';
import type { Card, CardId } from '../shared/types.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { previewText } from './browse-rows.ts';
import './deck-change.css';

/** Cards listed per section; the rest are counted. */
const SHOWN = 50;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The change report of a deck read again (issue 13): counts, then the cards added, removed,
 * whose answer changed, and each question that looks edited with "Keep progress" (ticked).
 * Enter confirms, Escape cancels; focus stays inside.
 */
export function DeckChangeDialog({
  title,
  kind,
  diff,
  withProgress,
  nextWithProgress,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  kind: 'opened' | 'bundled';
  diff: DeckDiff<DiffCard, Card>;
  withProgress: ReadonlySet<CardId>;
  nextWithProgress: ReadonlySet<CardId>;
  busy: boolean;
  error: string | null;
  onConfirm: (keep: CardId[]) => void;
  onCancel: () => void;
}) {
  const movable = (p: { prev: DiffCard; next: DiffCard }) =>
    withProgress.has(p.prev.id) && !nextWithProgress.has(p.next.id);
  const [keep, setKeep] = useState<ReadonlySet<CardId>>(
    () => new Set(diff.edited.filter(movable).map((p) => p.prev.id)),
  );
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The dialog focuses its Close button as it opens; the primary action takes focus after that.
  useEffect(() => {
    const id = setTimeout(() => confirmRef.current?.focus(), 0);
    return () => clearTimeout(id);
  }, []);

  const confirm = () => {
    if (!busy) onConfirm([...keep]);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Enter on a button presses that button; anywhere else (a checkbox, the list) it confirms.
    if (e.key !== 'Enter' || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.closest('button, a, summary')) return;
    e.preventDefault();
    confirm();
  };
  const toggle = (id: CardId, on: boolean) =>
    setKeep((k) => {
      const next = new Set(k);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const counts = [
    diff.added.length > 0 && plural(diff.added.length, 'card') + ' added',
    diff.removed.length > 0 && plural(diff.removed.length, 'card') + ' removed',
    diff.answerChanged.length > 0 && plural(diff.answerChanged.length, 'answer') + ' changed',
    diff.edited.length > 0 && plural(diff.edited.length, 'question') + ' edited',
    diff.unchanged > 0 && `${diff.unchanged} unchanged`,
  ].filter(Boolean);
  const removedWithProgress = diff.removed.filter((c) => withProgress.has(c.id)).length;

  return (
    <Dialog title={title} onClose={busy ? () => undefined : onCancel}>
      <div className="deck-change" onKeyDown={onKeyDown} data-testid="deck-change">
        <p className="deck-change-counts">{counts.join(' · ')}</p>
        {diff.edited.length > 0 && (
          <Section
            heading={`Questions that look edited (${diff.edited.length})`}
            note="Ticked: the new question keeps the old one’s progress."
          >
            <ul className="deck-change-list edited">
              {diff.edited.slice(0, SHOWN).map((p) => (
                <li key={p.prev.id}>
                  <span className="old">{previewText(p.prev.question)}</span>
                  <span aria-hidden="true">{' → '}</span>
                  <span className="sr-only"> becomes </span>
                  <span className="new">{previewText(p.next.question)}</span>
                  {p.answerChanged && <span className="muted small"> (answer changed too)</span>}
                  <div className="keep">
                    {movable(p) ? (
                      <label>
                        <input
                          type="checkbox"
                          checked={keep.has(p.prev.id)}
                          onChange={(e) => toggle(p.prev.id, e.target.checked)}
                        />{' '}
                        Keep progress
                      </label>
                    ) : (
                      <span className="muted small">
                        {nextWithProgress.has(p.next.id)
                          ? 'The new question has progress of its own; both are kept.'
                          : 'No progress yet.'}
                      </span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            <More total={diff.edited.length} />
          </Section>
        )}
        {diff.answerChanged.length > 0 && (
          <Section
            heading={`Answer changed (${diff.answerChanged.length})`}
            note="Their progress stays."
          >
            <Questions cards={diff.answerChanged.map((p) => p.next)} />
          </Section>
        )}
        {diff.added.length > 0 && (
          <Section heading={`Added (${diff.added.length})`} note="New cards.">
            <Questions cards={diff.added} />
          </Section>
        )}
        {diff.removed.length > 0 && (
          <Section
            heading={`Removed (${diff.removed.length})`}
            note={
              removedWithProgress > 0
                ? `Their progress is kept (${plural(removedWithProgress, 'card')}); link it to another card later from the deck browser, or it comes back if the question does.`
                : 'None of them has progress.'
            }
          >
            <Questions cards={diff.removed} />
          </Section>
        )}
        {error && (
          <p className="banner error" role="alert">
            Nothing was changed: {error}
          </p>
        )}
        <div className="row deck-change-actions">
          <Button onClick={onCancel} disabled={busy}>
            {kind === 'bundled' ? 'Not now' : 'Cancel'}
          </Button>
          <Button
            variant="primary"
            onClick={confirm}
            disabled={busy}
            ref={confirmRef}
            aria-keyshortcuts="Enter"
          >
            {busy ? 'Updating…' : 'Update deck'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function Section({
  heading,
  note,
  children,
}: {
  heading: string;
  note: string;
  children: ReactNode;
}) {
  return (
    <section className="deck-change-section">
      <h3>{heading}</h3>
      <p className="muted small">{note}</p>
      {children}
    </section>
  );
}

function Questions({ cards }: { cards: readonly DiffCard[] }) {
  return (
    <>
      <ul className="deck-change-list">
        {cards.slice(0, SHOWN).map((c) => (
          <li key={c.id}>{previewText(c.question)}</li>
        ))}
      </ul>
      <More total={cards.length} />
    </>
  );
}

function More({ total }: { total: number }) {
  return total > SHOWN ? <p className="muted small">… and {total - SHOWN} more.</p> : null;
}
