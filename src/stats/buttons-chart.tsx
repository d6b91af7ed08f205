// Which answer button was pressed, for learning, young and mature cards, over a chosen period.
import { useState } from 'react';
import { RATINGS, RATING_LABELS, type Rating } from '../shared/types.ts';
import { EmptyNote, Segmented } from './chart-controls.tsx';
import { formatCount, formatRate } from './format.ts';
import type { ButtonCounts, ButtonStats } from './types.ts';

const RANGES = [
  ['30', '1 month'],
  ['90', '3 months'],
  ['365', '1 year'],
  ['all', 'All'],
] as const;
const GROUPS = [
  ['learning', 'Learning'],
  ['young', 'Young'],
  ['mature', 'Mature'],
] as const;
const COLOR: Record<Rating, string> = {
  1: 'var(--again)',
  2: 'var(--hard)',
  3: 'var(--good)',
  4: 'var(--easy)',
};

function Split({ counts }: { counts: ButtonCounts }) {
  const total = RATINGS.reduce((a, r) => a + counts[r], 0);
  let x = 0;
  return (
    <svg className="buttons-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      {total > 0 &&
        RATINGS.map((r) => {
          const w = (counts[r] / total) * 100;
          const rect = <rect key={r} x={x} width={w} y={0} height={10} fill={COLOR[r]} />;
          x += w;
          return rect;
        })}
    </svg>
  );
}

export function ButtonsChart({ buttons }: { buttons: ButtonStats[] }) {
  const [range, setRange] = useState<(typeof RANGES)[number][0]>('30');
  const stats = buttons.find((b) => String(b.range ?? 'all') === range);
  const sum = (c: ButtonCounts) => RATINGS.reduce((a, r) => a + c[r], 0);
  const total = stats ? GROUPS.reduce((a, [g]) => a + sum(stats[g]), 0) : 0;
  return (
    <>
      <div className="stats-controls">
        <Segmented label="Answers over" options={RANGES} value={range} onChange={setRange} />
      </div>
      {!stats || total === 0 ? (
        <EmptyNote>No answers in this period yet.</EmptyNote>
      ) : (
        <div className="table-scroll" role="region" aria-label="Answer buttons, table" tabIndex={0}>
          <table className="data buttons" aria-label="Answer buttons pressed">
            <thead>
              <tr>
                <th scope="col">Cards</th>
                {RATINGS.map((r) => (
                  <th key={r} scope="col" className="num">
                    {RATING_LABELS[r]}
                  </th>
                ))}
                <th scope="col">Split</th>
              </tr>
            </thead>
            <tbody>
              {GROUPS.map(([g, label]) => {
                const n = sum(stats[g]);
                return (
                  <tr key={g}>
                    <th scope="row">{label}</th>
                    {RATINGS.map((r) => (
                      <td key={r} className="num">
                        {formatCount(stats[g][r])}
                        <span className="muted small">
                          {' '}
                          {n > 0 ? formatRate(stats[g][r] / n) : ''}
                        </span>
                      </td>
                    ))}
                    <td>
                      <Split counts={stats[g]} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
