// The workload forecast: 10,000 cards (the stats suite's collection, 100,000 log entries) over
// 365 days at 20 new cards a day, against one bare pass of ts-fsrs's forgetting_curve over the
// same card-days (the least a day-by-day "cards known" figure can cost), in the same run.
import { default_w, forgetting_curve } from 'ts-fsrs';
import { simulateWorkload, workloadInput } from '../src/stats/workload.ts';
import { statsInput } from './stats.bench.ts';
import { medianMs, type BenchRow } from './table.ts';

const DAYS = 365;
const NEW_PER_DAY = 20;
export const FORECAST_TARGET_MS = 1000;

export async function run(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 27, 17, 0);
  const stats = statsInput(now);
  const opts = { newPerDay: NEW_PER_DAY, reviewsPerDay: 9999, days: DAYS, maximumInterval: 36500 };
  // Enough new cards to introduce 20 every day of the year, whatever the decks hold now.
  const newNow = workloadInput(stats, opts).cards.filter((c) => c.stability === null).length;
  const extraNewCards = Math.max(0, NEW_PER_DAY * DAYS - newNow);
  const prepareMs = await medianMs(() => workloadInput(stats, { ...opts, extraNewCards }), 5, 1);
  const input = workloadInput(stats, { ...opts, extraNewCards });
  const existing = input.cards.length - newNow;
  const cards = input.cards.length + extraNewCards;
  const result = simulateWorkload(input);
  const reviews = result.reduce((a, d) => a + d.reviews, 0);
  process.stderr.write(
    `  ${existing} cards with progress, ${newNow + extraNewCards} new; ${reviews} reviews simulated, ${Math.round(result.at(-1)!.memorized)} known at the end\n`,
  );

  const forecastMs = await medianMs(() => simulateWorkload(input), 5, 1);
  const monthMs = await medianMs(() => simulateWorkload({ ...input, days: 30 }), 5, 1);
  // Baseline: R for every card on every day, through the library, nothing else.
  const cardDays = cards * DAYS;
  const bareMs = await medianMs(
    () => {
      let sum = 0;
      for (const c of input.cards) {
        const s = c.stability ?? 2.3;
        for (let d = 0; d < DAYS; d++) sum += forgetting_curve(default_w, d + c.elapsedDays, s);
      }
      for (let i = 0; i < extraNewCards; i++)
        for (let d = 0; d < DAYS; d++) sum += forgetting_curve(default_w, d, 2.3);
      return sum;
    },
    5,
    1,
  );
  const label = `${cards.toLocaleString('en')} cards`;
  return [
    {
      name: `workload: forecast, ${label}, ${DAYS} days at ${NEW_PER_DAY} new/day`,
      value: forecastMs,
      unit: 'ms',
      baselineName: `bare forgetting_curve × ${cardDays.toLocaleString('en')} card-days`,
      baselineValue: bareMs,
      ratio: forecastMs / bareMs,
      ratioLabel: '×',
      target: `< ${FORECAST_TARGET_MS} ms (redraw within a second)`,
      ok: forecastMs < FORECAST_TARGET_MS,
    },
    {
      name: `workload: same, 30 days`,
      value: monthMs,
      unit: 'ms',
      baselineName: `${DAYS} days`,
      baselineValue: forecastMs,
      ratio: forecastMs / monthMs,
      ratioLabel: '× (365 d / 30 d)',
    },
    {
      name: `workload: workloadInput (log of ${stats.log.length.toLocaleString('en')} entries measured, cards placed)`,
      value: prepareMs,
      unit: 'ms',
      target: '< 200 ms (main thread)',
      ok: prepareMs < 200,
    },
  ];
}
