// The Stats screen's figures: every figure from 100,000 log entries over two years for 10,000
// cards, against one pass that only sums the log's answer times (the least any figure can cost).
import { computeStats } from '../src/stats/compute-stats.ts';
import type { StatsInput } from '../src/stats/types.ts';
import type { CardState } from '../src/shared/types.ts';
import { benchCards, buildCollection } from './seed-collection.ts';
import { medianMs, type BenchRow } from './table.ts';

const CARDS = 10_000;
const ENTRIES = 100_000;
export const FIGURES_TARGET_MS = 200;

export function statsInput(now: number): StatsInput {
  const cards = benchCards(CARDS);
  const { states, log } = buildCollection(cards, ENTRIES, now);
  log.sort((a, b) => a.time - b.time);
  return {
    log,
    states: new Map<string, CardState>(states.map((s) => [s.cardId, s])),
    cards,
    now,
    dayStartHour: 4,
    timeZone: 'America/New_York',
    desiredRetention: 0.9,
    weights: null,
  };
}

export async function run(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 27, 17, 0);
  const input = statsInput(now);
  // A fresh copy of the log each run, so nothing cached on the array from the run before counts.
  const sumOnly = await medianMs(() => {
    let total = 0;
    for (const e of input.log.slice()) total += e.durationMs;
    return total;
  });
  const figures = await medianMs(() => computeStats({ ...input, log: input.log.slice() }));
  return [
    {
      name: `stats: every figure, ${input.log.length.toLocaleString('en')} entries, ${CARDS.toLocaleString('en')} cards`,
      value: figures,
      unit: 'ms',
      baselineName: 'one pass summing the log',
      baselineValue: sumOnly,
      ratio: figures / sumOnly,
      target: `< ${FIGURES_TARGET_MS} ms`,
      ok: figures < FIGURES_TARGET_MS,
    },
  ];
}
