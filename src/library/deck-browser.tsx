import { useMemo, useState, type ReactNode } from 'react';
import { filterRows, sortRows, type BrowseRow, type SortKey } from './browse-rows.ts';

const PAGE = 200;

const COLUMNS: [SortKey, string][] = [
  ['preview', 'Question'],
  ['status', 'State'],
  ['due', 'Due'],
  ['stability', 'Stability'],
  ['difficulty', 'Difficulty'],
  ['retrievability', 'Recall'],
  ['lapses', 'Lapses'],
];

const STATUS_LABEL: Record<BrowseRow['status'], string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
};

function cell(row: BrowseRow, key: SortKey): ReactNode {
  switch (key) {
    case 'preview':
      return row.preview;
    case 'status':
      return row.leech ? `${STATUS_LABEL[row.status]} · leech` : STATUS_LABEL[row.status];
    case 'due':
      return row.due === null ? '—' : new Date(row.due).toLocaleDateString();
    case 'stability':
      return row.stability === null ? '—' : `${row.stability.toFixed(1)} d`;
    case 'difficulty':
      return row.difficulty === null ? '—' : row.difficulty.toFixed(1);
    case 'retrievability':
      return row.retrievability === null ? '—' : `${Math.round(row.retrievability * 100)}%`;
    default:
      return String(row[key]);
  }
}

export function DeckBrowser({
  title,
  rows,
  selected,
  onSelect,
  details,
}: {
  title: string;
  rows: BrowseRow[];
  selected: string | null;
  onSelect: (cardId: string | null) => void;
  details: ReactNode;
}) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({
    key: 'index',
    dir: 'asc',
  });
  const [limit, setLimit] = useState(PAGE);
  const [leechesOnly, setLeechesOnly] = useState(false);
  const leeches = useMemo(() => rows.filter((r) => r.leech).length, [rows]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, query, leechesOnly), sort.key, sort.dir),
    [rows, query, leechesOnly, sort],
  );
  const toggle = (key: SortKey) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  return (
    <div className="browser">
      <h2>{title}</h2>
      <input
        type="search"
        className="search"
        placeholder="Search questions"
        aria-label="Search cards"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <label className="leech-filter small">
        <input
          type="checkbox"
          checked={leechesOnly}
          onChange={(e) => setLeechesOnly(e.target.checked)}
        />{' '}
        Leeches only ({leeches})
      </label>
      <p className="muted small" role="status">
        {shown.length} of {rows.length} cards
      </p>
      {details}
      <p className="scroll-hint muted small" aria-hidden="true">
        Scroll the table sideways for more columns.
      </p>
      {/* Focusable so the columns past the edge can be scrolled to from the keyboard too. */}
      <div className="table-scroll" role="region" aria-label="Card table" tabIndex={0}>
        <table className="data browse" aria-label="Cards">
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={
                    sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button type="button" className="sort" onClick={() => toggle(key)}>
                    {label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((row) => (
              <tr key={row.cardId} aria-selected={row.cardId === selected} data-card={row.cardId}>
                {COLUMNS.map(([key]) => (
                  <td key={key}>
                    {key === 'preview' ? (
                      <button
                        type="button"
                        className="linklike"
                        onClick={() => onSelect(row.cardId === selected ? null : row.cardId)}
                      >
                        {cell(row, key)}
                      </button>
                    ) : (
                      cell(row, key)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <button type="button" className="btn small" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more
        </button>
      )}
    </div>
  );
}
