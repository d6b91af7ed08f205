// How many cards are in each state: one stacked bar and a table beside it with the numbers.
import { EmptyNote } from './chart-controls.tsx';
import { formatCount, formatRate } from './format.ts';
import type { CardCounts } from './types.ts';

const ROWS: [keyof CardCounts, string, string][] = [
  ['new', 'New', 'var(--chart-new)'],
  ['learning', 'Learning', 'var(--chart-learning)'],
  ['relearning', 'Relearning', 'var(--chart-relearning)'],
  ['young', 'Young', 'var(--chart-young)'],
  ['mature', 'Mature', 'var(--chart-review)'],
  ['suspended', 'Suspended', 'var(--chart-suspended)'],
  ['orphans', 'Question no longer in a deck', 'var(--chart-orphan)'],
];

export function CountsChart({ counts }: { counts: CardCounts }) {
  const total = ROWS.reduce((a, [k]) => a + counts[k], 0);
  if (total === 0) return <EmptyNote>No cards here yet.</EmptyNote>;
  let x = 0;
  return (
    <>
      <svg
        className="counts-bar"
        viewBox="0 0 1000 24"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {ROWS.map(([k, , color]) => {
          const w = (counts[k] / total) * 1000;
          const r = w > 0 ? <rect key={k} x={x} width={w} y={0} height={24} fill={color} /> : null;
          x += w;
          return r;
        })}
      </svg>
      <table className="data counts" aria-label="Cards by state">
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Cards
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([k, label, color]) => (
            <tr key={k} data-state={k}>
              <th scope="row">
                <span className="swatch" style={{ background: color }} aria-hidden="true" /> {label}
              </th>
              <td className="num">{formatCount(counts[k])}</td>
              <td className="num">{formatRate(counts[k] / total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{formatCount(counts.total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </>
  );
}
