// Answers and time per day over the last 1, 3 or 12 months, stacked by answer type.
import { useState } from 'react';
import { BarChart } from './bar-chart.tsx';
import { EmptyNote, Segmented } from './chart-controls.tsx';
import { formatCount, formatDay, formatOne, formatTime } from './format.ts';
import { ANSWER_SERIES, ANSWER_TYPES } from './series.ts';
import type { ReviewsStats } from './types.ts';

const RANGES = [
  [30, '1 month'],
  [90, '3 months'],
  [365, '1 year'],
] as const;
const MEASURES = [
  ['count', 'Answers'],
  ['time', 'Time'],
] as const;

export function ReviewsChart({ reviews }: { reviews: ReviewsStats[] }) {
  const [range, setRange] = useState<number>(30);
  const [measure, setMeasure] = useState<'count' | 'time'>('count');
  const window = reviews.find((r) => r.range === range) ?? reviews[0];
  if (!window) return <EmptyNote>No answers yet.</EmptyNote>;
  const byTime = measure === 'time';
  // Time in seconds while no day reaches two minutes, else in minutes, so axis steps stay whole.
  const busiest = Math.max(
    0,
    ...window.days.map((d) => ANSWER_TYPES.reduce((a, t) => a + d.timeMs[t], 0)),
  );
  const [perUnit, unit] = busiest < 120_000 ? [1000, 's'] : [60_000, 'min'];
  const bars = window.days.map((d) => ({
    key: d.date,
    label: d.index === 0 ? 'Today' : formatDay(d.date),
    values: ANSWER_TYPES.map((t) => (byTime ? d.timeMs[t] / perUnit : d.count[t])),
  }));
  return (
    <>
      <div className="stats-controls">
        <Segmented label="Period" options={RANGES} value={range} onChange={setRange} />
        <Segmented label="Show" options={MEASURES} value={measure} onChange={setMeasure} />
      </div>
      <p className="stats-facts">
        <span>
          Total: <strong>{formatCount(window.totalCount)}</strong> answers in{' '}
          <strong>{formatTime(window.totalTimeMs)}</strong>
        </span>
        <span>
          Days studied: <strong>{formatCount(window.daysStudied)}</strong> of{' '}
          {formatCount(window.range)}
        </span>
        <span>
          Per day: <strong>{formatOne(window.countPerDay)}</strong> answers in{' '}
          {formatTime(window.timeMsPerDay)}; on days studied{' '}
          <strong>{formatOne(window.countPerStudiedDay)}</strong> in{' '}
          {formatTime(window.timeMsPerStudiedDay)}
        </span>
      </p>
      {window.totalCount === 0 ? (
        <EmptyNote>No answers in this period yet.</EmptyNote>
      ) : (
        <BarChart
          title={byTime ? 'Time per day' : 'Answers per day'}
          series={ANSWER_SERIES}
          bars={bars}
          format={byTime ? (v) => `${formatOne(v)} ${unit}` : formatCount}
          labelHeader="Day"
          minStep={range === 365 ? 2 : 8}
          integer={!byTime}
          startAtEnd
        />
      )}
    </>
  );
}
