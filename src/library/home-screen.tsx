import type { CSSProperties } from 'react';
import type { Diagnostic } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { visibleRows } from './deck-tree.ts';
import './deck-tree.css';
import { useCollapsedFolders } from './use-collapsed-folders.ts';

interface RowCounts {
  /** Cards in the deck, or in every deck below the folder. */
  total: number;
  due: number;
  learning: number;
  new: number;
}

interface TreePlace {
  /** The full name with folders, "ml › NLP basics", for labels and titles. */
  fullName: string;
  /** How deep it nests: 0 at the top. */
  depth: number;
  /** The folders it lies in, outermost first ('ml', 'ml/nlp'): collapsing one hides it. */
  folders: string[];
}

export interface DeckRow extends RowCounts, TreePlace {
  kind: 'deck';
  id: string;
  title: string;
  path: string;
  diagnostics: Diagnostic[];
}

/** A folder of decks, studied as a whole as Anki's parent decks are. */
export interface FolderRow extends RowCounts, TreePlace {
  kind: 'folder';
  /** The folder's path ('ml'), which is also its id. */
  id: string;
  /** The folder's own name ('nlp' for 'ml/nlp'). */
  title: string;
  path: string;
  /** Every deck below it, at any depth. */
  deckIds: string[];
  /** Errors in the files below it. */
  problems: number;
}

export type HomeRow = DeckRow | FolderRow;

export interface TodayStats {
  reviewed: number;
  remaining: number;
  timeMs: number;
}

export interface HomeScreenProps {
  /** The decks and their folders in tree order (deck-rows.ts). */
  decks: HomeRow[];
  today: TodayStats;
  warnings: string[];
  /** Study these decks; `folder` when a folder is studied as a whole (its limits apply). */
  onStudy: (deckIds: string[], folder?: string) => void;
  onBrowse: (deckId: string) => void;
  /** Address of the Stats screen, linked from Today. */
  statsHref?: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function HomeScreen({
  decks: rows,
  today,
  warnings,
  onStudy,
  onBrowse,
  statsHref,
}: HomeScreenProps) {
  const [collapsed, toggle] = useCollapsedFolders();
  const decks = rows.filter((r) => r.kind === 'deck');
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
      <table
        className={`data decks${rows.some((r) => r.kind === 'folder') ? ' has-folders' : ''}`}
        aria-label="Decks"
      >
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
          {visibleRows(rows, collapsed).map((row) => (
            <tr
              key={`${row.kind}:${row.id}`}
              {...(row.kind === 'deck' ? { 'data-deck': row.id } : { 'data-folder': row.id })}
              className={row.kind === 'folder' ? 'folder-row' : undefined}
              style={{ '--depth': row.depth } as CSSProperties}
            >
              <td className="deck-name-cell">
                {row.kind === 'folder' ? (
                  <FolderName row={row} open={!collapsed.has(row.id)} onToggle={toggle} />
                ) : (
                  <DeckName row={row} />
                )}
              </td>
              <td className="num count-review" data-testid="due">
                {row.due}
              </td>
              <td className="num count-learning" data-testid="learning">
                {row.learning}
              </td>
              <td className="num count-new" data-testid="new">
                {row.new}
              </td>
              <td className="deck-actions-cell">
                {/* The cell stays a table cell (its row line aligns); the flex box is inside. */}
                <div className="deck-actions">
                  <Button
                    variant="primary"
                    small
                    onClick={() =>
                      row.kind === 'folder' ? onStudy(row.deckIds, row.path) : onStudy([row.id])
                    }
                    disabled={row.due + row.learning + row.new === 0}
                    aria-label={`Study ${row.fullName}`}
                  >
                    Study
                  </Button>
                  {row.kind === 'folder' ? (
                    // Keeps the folder's Study button in line with its decks' Study buttons.
                    <span className="btn small browse-spacer" aria-hidden="true">
                      Browse
                    </span>
                  ) : (
                    <Button
                      small
                      onClick={() => onBrowse(row.id)}
                      aria-label={`Browse ${row.fullName}`}
                    >
                      Browse
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeckName({ row }: { row: DeckRow }) {
  const errors = row.diagnostics.filter((x) => x.severity === 'error').length;
  return (
    <>
      <div className="deck-title">{row.title}</div>
      <div className="muted small">
        {plural(row.total, 'card')}
        {errors > 0 ? ` · ${plural(errors, 'problem')} in the file` : ''}
      </div>
    </>
  );
}

function FolderName({
  row,
  open,
  onToggle,
}: {
  row: FolderRow;
  open: boolean;
  onToggle: (folder: string) => void;
}) {
  return (
    <>
      <button
        type="button"
        className="folder-toggle deck-title"
        aria-expanded={open}
        title={open ? `Collapse ${row.fullName}` : `Expand ${row.fullName}`}
        onClick={() => onToggle(row.id)}
      >
        <span className="disclosure" aria-hidden="true" />
        {row.title}
      </button>
      <div className="muted small folder-meta">
        {plural(row.deckIds.length, 'deck')} · {plural(row.total, 'card')}
        {row.problems > 0 ? ` · ${plural(row.problems, 'problem')} in the files` : ''}
      </div>
    </>
  );
}
