// Cards due each day ahead (30 or 90 days), with today's overdue backlog as its own bar.
import { useState } from 'react';
import { BarChart } from './bar-chart.tsx';
import { EmptyNote, Segmented } from './chart-controls.tsx';
import { formatCount, formatDay, formatOne } from './format.ts';
import type { FutureDueStats } from './types.ts';

const RANGES = [
  [30, '30 days'],
  [90, '90 days'],
] as const;
const SERIES = [{ key: 'due', label: 'Due', color: 'var(--chart-due)' }];

export function FutureDueChart({ futureDue }: { futureDue: FutureDueStats }) {
  const [range, setRange] = useState<number>(30);
  const [overdue, setOverdue] = useState(true);
  const days = futureDue.days.slice(0, range);
  const bars = [
    ...(overdue && futureDue.backlog > 0
      ? [{ key: 'overdue', label: 'Overdue', values: [futureDue.backlog], special: true }]
      : []),
    ...days.map((d) => ({
      key: d.date,
      label: d.index === 0 ? 'Today' : d.index === 1 ? 'Tomorrow' : formatDay(d.date),
      values: [d.count],
    })),
  ];
  const inRange = days.reduce((a, d) => a + d.count, 0);
  return (
    <>
      <div className="stats-controls">
        <Segmented label="Days ahead" options={RANGES} value={range} onChange={setRange} />
        <label className="stats-check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />{' '}
          Show overdue
        </label>
      </div>
      <p className="stats-facts">
        <span>
          Due in the next {range} days: <strong>{formatCount(inRange)}</strong>
        </span>
        <span>
          Overdue: <strong data-testid="backlog">{formatCount(futureDue.backlog)}</strong>
        </span>
        <span>
          Tomorrow: <strong>{formatCount(futureDue.dueTomorrow)}</strong>
        </span>
        <span>
          Daily load: <strong>{formatOne(futureDue.dailyLoad)}</strong> reviews a day
        </span>
      </p>
      {inRange + (overdue ? futureDue.backlog : 0) === 0 ? (
        <EmptyNote>Nothing is due in the next {range} days.</EmptyNote>
      ) : (
        <BarChart
          title="Cards due per day"
          series={SERIES}
          bars={bars}
          labelHeader="Day"
          minStep={range === 90 ? 4 : 8}
        />
      )}
    </>
  );
}
