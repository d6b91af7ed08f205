// Stability, difficulty and current retrievability of the cards, one histogram at a time.
import { useState } from 'react';
import { BarChart } from './bar-chart.tsx';
import { EmptyNote, Segmented } from './chart-controls.tsx';
import { formatCount, formatOne } from './format.ts';
import type { DistributionStats, Histogram } from './types.ts';

type Kind = 'stability' | 'difficulty' | 'retrievability';
const KINDS = [
  ['stability', 'Stability'],
  ['difficulty', 'Difficulty'],
  ['retrievability', 'Retrievability'],
] as const;
const UNIT: Record<Kind, (v: number) => string> = {
  stability: (v) => `${formatOne(v)} d`,
  difficulty: (v) => `${formatOne(v)}%`,
  retrievability: (v) => `${formatOne(v)}%`,
};
const ABOUT: Record<Kind, string> = {
  stability: 'Days until the chance of recalling a card falls to 90%.',
  difficulty: 'How hard each card is to raise in stability, 0–100%.',
  retrievability: 'The chance of recalling each card right now.',
};
const SERIES = [{ key: 'cards', label: 'Cards', color: 'var(--chart-bar)' }];

export function DistributionsChart({ distributions }: { distributions: DistributionStats }) {
  const [kind, setKind] = useState<Kind>('retrievability');
  const histogram: Histogram = distributions[kind];
  const unit = UNIT[kind];
  return (
    <>
      <div className="stats-controls">
        <Segmented label="Distribution" options={KINDS} value={kind} onChange={setKind} />
      </div>
      <p className="muted small">{ABOUT[kind]}</p>
      <p className="stats-facts">
        <span>
          Cards: <strong>{formatCount(histogram.total)}</strong>
        </span>
        {histogram.median !== null && (
          <span>
            Median: <strong>{unit(histogram.median)}</strong>
          </span>
        )}
        {histogram.mean !== null && (
          <span>
            Mean: <strong>{unit(histogram.mean)}</strong>
          </span>
        )}
        <span>
          Cards you would recall now: <strong>{formatCount(distributions.knownNow)}</strong>
        </span>
      </p>
      {histogram.total === 0 || histogram.bins.length === 0 ? (
        <EmptyNote>No cards have been reviewed yet, so there is nothing to show here.</EmptyNote>
      ) : (
        <BarChart
          title={`${KINDS.find(([k]) => k === kind)![1]} of the cards`}
          series={SERIES}
          bars={histogram.bins.map((b) => ({
            key: `${b.from}`,
            label: `${unit(b.from)}–${unit(b.to)}`,
            tick: unit(b.from),
            values: [b.count],
          }))}
          labelHeader={KINDS.find(([k]) => k === kind)![1]}
          minStep={10}
        />
      )}
    </>
  );
}
