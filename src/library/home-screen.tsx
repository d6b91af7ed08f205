import type { Diagnostic } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';

export interface DeckRow {
  id: string;
  title: string;
  path: string;
  total: number;
  due: number;
  learning: number;
  new: number;
  diagnostics: Diagnostic[];
}

export interface TodayStats {
  reviewed: number;
  remaining: number;
  timeMs: number;
}

export interface HomeScreenProps {
  decks: DeckRow[];
  today: TodayStats;
  warnings: string[];
  onStudy: (deckIds: string[]) => void;
  onBrowse: (deckId: string) => void;
  /** Address of the Stats screen, linked from Today. */
  statsHref?: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);

export function HomeScreen({
  decks,
  today,
  warnings,
  onStudy,
  onBrowse,
  statsHref,
}: HomeScreenProps) {
  const anythingDue = decks.some((d) => d.due + d.learning + d.new > 0);
  return (
    <div className="home">
      {warnings.map((w) => (
        <Banner key={w}>{w}</Banner>
      ))}
      <section className="today card" aria-label="Today">
        <div>
          <strong data-testid="today-reviewed">{today.reviewed}</strong> reviewed today
        </div>
        <div>
          <strong data-testid="today-remaining">{today.remaining}</strong> remaining
        </div>
        <div>
          <strong>{minutes(today.timeMs)}</strong> min studied
        </div>
        {statsHref && <a href={statsHref}>Statistics</a>}
        <Button
          variant="primary"
          onClick={() => onStudy(decks.map((d) => d.id))}
          disabled={!anythingDue}
        >
          Study all
        </Button>
      </section>
      <h2>Decks</h2>
      {decks.length === 0 && <p>No decks yet. Add a Markdown file to decks/ or open one.</p>}
      <table className="data decks" aria-label="Decks">
        <thead>
          <tr>
            <th scope="col">Deck</th>
            <th scope="col" className="num count-review" title="Reviews due today">
              Due
            </th>
            <th scope="col" className="num count-learning">
              Learning
            </th>
            <th scope="col" className="num count-new">
              New
            </th>
            <th scope="col" className="actions-head">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {decks.map((d) => {
            const errors = d.diagnostics.filter((x) => x.severity === 'error').length;
            return (
              <tr key={d.id} data-deck={d.id}>
                <td>
                  <div className="deck-title">{d.title}</div>
                  <div className="muted small">
                    {d.total} {d.total === 1 ? 'card' : 'cards'}
                    {errors > 0 ? ` · ${errors} problem${errors === 1 ? '' : 's'} in the file` : ''}
                  </div>
                </td>
                <td className="num count-review" data-testid="due">
                  {d.due}
                </td>
                <td className="num count-learning" data-testid="learning">
                  {d.learning}
                </td>
                <td className="num count-new" data-testid="new">
                  {d.new}
                </td>
                <td className="deck-actions-cell">
                  {/* The cell stays a table cell (its row line aligns); the flex box is inside. */}
                  <div className="deck-actions">
                    <Button
                      variant="primary"
                      small
                      onClick={() => onStudy([d.id])}
                      disabled={d.due + d.learning + d.new === 0}
                      aria-label={`Study ${d.title}`}
                    >
                      Study
                    </Button>
                    <Button small onClick={() => onBrowse(d.id)} aria-label={`Browse ${d.title}`}>
                      Browse
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
