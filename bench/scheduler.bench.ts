// The scheduler's costs: today's queue over 10,000 cards, rebuilding every state from 100,000 log
// entries, and one answer against a bare ts-fsrs `next` call in the same run.
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { answer, newSchedulingState, previewIntervals } from '../src/scheduler/fsrs.ts';
import { buildQueue } from '../src/scheduler/queue.ts';
import { replayAll } from '../src/scheduler/replay.ts';
import type { CardState } from '../src/shared/types.ts';
import { DEFAULT_SETTINGS } from '../src/shared/types.ts';
import { benchCards, buildCollection } from './seed-collection.ts';
import type { BenchRow } from './table.ts';

const CARDS = 10_000;
const ENTRIES = 100_000;

function median(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function run(): Promise<BenchRow[]> {
  const settings = { ...DEFAULT_SETTINGS, enableFuzz: true };
  const cards = benchCards(CARDS);
  const now = Date.now();
  const { states, log } = buildCollection(cards, ENTRIES, now);
  const stateMap = new Map<string, CardState>(states.map((s) => [s.cardId, s]));
  const todayLog = log.filter((e) => e.time >= now - 86_400_000);

  const queueMs = median(
    () => void buildQueue({ cards, states: stateMap, todayLog, settings, now }),
    21,
  );
  const replayMs = median(() => void replayAll(log, settings), 3);

  // One answer as the app does it: schedule, plus the four button intervals for the next card.
  const sched = answer(newSchedulingState(now), 3, now, settings);
  const N = 5000;
  const oursMs =
    median(() => {
      for (let i = 0; i < N; i++) {
        answer(sched, 3, now + 600_000 + i, settings);
        previewIntervals(sched, now + 600_000 + i, settings);
      }
    }, 5) / N;
  const engine = fsrs(generatorParameters({ enable_fuzz: true }));
  const card = engine.next(createEmptyCard(new Date(now)), new Date(now), Rating.Good).card;
  const bareMs =
    median(() => {
      for (let i = 0; i < N; i++) engine.next(card, new Date(now + 600_000 + i), Rating.Good);
    }, 5) / N;

  return [
    {
      name: `scheduler: today's queue, ${CARDS} cards, ${log.length} log entries`,
      value: queueMs,
      unit: 'ms',
      target: 'well under a frame (16 ms)',
      ok: queueMs < 16,
    },
    {
      name: `scheduler: rebuild all states from ${log.length} log entries`,
      value: replayMs,
      unit: 'ms',
      baselineName: 'entries/s',
      baselineValue: log.length / (replayMs / 1000),
    },
    {
      name: 'scheduler: one answer + 4 button intervals',
      value: oursMs * 1000,
      unit: 'µs',
      baselineName: 'bare ts-fsrs next()',
      baselineValue: bareMs * 1000,
      ratio: oursMs / bareMs,
      ratioLabel: '×',
    },
  ];
}
