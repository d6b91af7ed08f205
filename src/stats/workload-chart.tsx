// The workload forecast as drawn: the pace chosen, the simulation's progress, then reviews or
// minutes a day and the cards known at the end. The container runs the simulation.
import { useState } from 'react';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { BarChart } from './bar-chart.tsx';
import { EmptyNote, Segmented } from './chart-controls.tsx';
import { formatCount, formatOne } from './format.ts';
import type { WorkloadDay } from './types.ts';

export interface WorkloadView {
  status: 'idle' | 'running' | 'done' | 'error';
  /** 0–1. */
  progress: number;
  days: WorkloadDay[] | null;
  error: string | null;
}

const RANGES = [
  [30, '30 days'],
  [90, '90 days'],
  [365, '1 year'],
] as const;
const MEASURES = [
  ['reviews', 'Reviews'],
  ['minutes', 'Minutes'],
] as const;
const SERIES_REVIEWS = [
  { key: 'reviews', label: 'Reviews', color: 'var(--chart-review)' },
  { key: 'new', label: 'New cards', color: 'var(--chart-new)' },
];
const SERIES_MINUTES = [{ key: 'minutes', label: 'Minutes', color: 'var(--chart-bar)' }];

export function WorkloadChart({
  view,
  newPerDay,
  onNewPerDay,
  days,
  onDays,
}: {
  view: WorkloadView;
  newPerDay: number;
  onNewPerDay: (n: number) => void;
  days: number;
  onDays: (n: number) => void;
}) {
  const [measure, setMeasure] = useState<'reviews' | 'minutes'>('reviews');
  const result = view.days;
  const last = result?.[result.length - 1];
  const mean = (f: (d: WorkloadDay) => number) =>
    result && result.length > 0 ? result.reduce((a, d) => a + f(d), 0) / result.length : 0;
  const setN = (v: string) => {
    const n = Math.round(Number(v));
    if (Number.isFinite(n)) onNewPerDay(Math.min(500, Math.max(0, n)));
  };
  return (
    <>
      <p className="muted small">
        If you add this many new cards a day, how many reviews and minutes a day follow, and how
        many cards you will know — simulated with your scheduler settings and your own answer times.
        Your decks&apos; new cards come first; after them the forecast assumes you keep writing that
        many a day.
      </p>
      <div className="stats-controls workload-controls">
        <label className="workload-n">
          New cards a day{' '}
          <input
            type="number"
            min={0}
            max={500}
            value={newPerDay}
            onChange={(e) => setN(e.target.value)}
          />
        </label>
        <input
          type="range"
          min={0}
          max={100}
          value={Math.min(100, newPerDay)}
          aria-label="New cards a day, slider"
          onChange={(e) => setN(e.target.value)}
        />
        <Segmented label="Days ahead" options={RANGES} value={days} onChange={onDays} />
        <Segmented label="Show" options={MEASURES} value={measure} onChange={setMeasure} />
      </div>
      {view.status === 'running' && (
        <ProgressBar value={Math.round(view.progress * 100)} max={100} label="Simulating" />
      )}
      {view.status === 'error' && (
        <p role="alert" className="stats-error">
          The forecast could not be simulated: {view.error}
        </p>
      )}
      {result && last ? (
        <>
          <p className="stats-facts">
            <span>
              Reviews a day: <strong>{formatOne(mean((d) => d.reviews))}</strong>
            </span>
            <span>
              Minutes a day: <strong>{formatOne(mean((d) => d.seconds / 60))}</strong>
            </span>
            <span>
              Cards known at the end:{' '}
              <strong data-testid="known-at-end">{formatCount(last.memorized)}</strong>
            </span>
          </p>
          <BarChart
            title={measure === 'reviews' ? 'Forecast reviews per day' : 'Forecast minutes per day'}
            series={measure === 'reviews' ? SERIES_REVIEWS : SERIES_MINUTES}
            bars={result.map((d) => ({
              key: String(d.day),
              label: d.day === 0 ? 'Today' : `Day ${d.day + 1}`,
              values: measure === 'reviews' ? [d.reviews, d.newCards] : [d.seconds / 60],
            }))}
            format={measure === 'reviews' ? formatCount : formatOne}
            integer={measure === 'reviews'}
            labelHeader="Day"
            minStep={days === 365 ? 2 : 6}
          />
        </>
      ) : (
        view.status !== 'running' &&
        view.status !== 'error' && <EmptyNote>Choose a pace to see the forecast.</EmptyNote>
      )}
    </>
  );
}
