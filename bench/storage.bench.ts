// Storage costs on fake-indexeddb in Node (the figures in Chromium come from the browser suite):
// one commit (log entry + card state in one transaction) against a bare idb-keyval `set` of one
// value, interleaved in the same run; and the start-up read (`load`) of a collection with 10,000
// card states and 100,000 log entries against reading the whole log.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, set } from 'idb-keyval';
import { dayStartOf } from '../src/scheduler/day.ts';
import { DEFAULT_SETTINGS } from '../src/shared/types.ts';
import { openRepository } from '../src/storage/repository.ts';
import { benchCards, buildCollection } from './seed-collection.ts';
import { medianMs, type BenchRow } from './table.ts';

const ANSWERS = 400;
const COMMIT_TARGET = 2;
const LOAD_TARGET = 0.25;

async function commitVsSet(now: number): Promise<{ ours: number; bare: number }> {
  const repo = await openRepository({ dbName: 'bench-answer', channelName: 'bench-answer' });
  const bareStore = createStore('bench-bare', 'kv');
  // Real entries and states (built outside the timed part); each commit writes new keys.
  const { states, log } = buildCollection(benchCards(ANSWERS), ANSWERS, now);
  const stateOf = new Map(states.map((s) => [s.cardId, s]));
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < log.length; i++) {
    // Interleaved, so both see the same state of the process and of the store.
    const entry = log[i]!;
    let t0 = performance.now();
    await repo.commit(entry, stateOf.get(entry.cardId)!);
    const a = performance.now() - t0;
    t0 = performance.now();
    await set(`k${i}`, entry, bareStore);
    const b = performance.now() - t0;
    if (i >= 40) {
      ours.push(a);
      bare.push(b);
    }
  }
  repo.close();
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { ours: median(ours), bare: median(bare) };
}

export async function run(): Promise<BenchRow[]> {
  globalThis.indexedDB = new IDBFactory();
  const now = Date.now();
  const commit = await commitVsSet(now);

  globalThis.indexedDB = new IDBFactory();
  const big = await openRepository({ dbName: 'bench-load', channelName: 'bench-load' });
  const { states, log } = buildCollection(benchCards(10_000), 100_000, now);
  // Seeded through the repository's chunked transactions, as an import writes.
  await big.putMany([
    ...states.map((s): [string, unknown] => [`card:${s.cardId}`, s]),
    ...log.map((e): [string, unknown] => [`log:${e.id}`, e]),
  ]);
  const dayStart = dayStartOf(now, DEFAULT_SETTINGS.dayStartHour);
  const loadMs = await medianMs(() => big.load(dayStart), 5, 1);
  const fullMs = await medianMs(() => big.readFullLog(), 5, 1);
  big.close();

  const commitRatio = commit.ours / commit.bare;
  const loadRatio = loadMs / fullMs;
  return [
    {
      name: 'storage (fake-indexeddb, Node): one commit, log entry + card state in one transaction',
      value: commit.ours * 1000,
      unit: 'µs',
      baselineName: 'bare idb-keyval set of one value',
      baselineValue: commit.bare * 1000,
      ratio: commitRatio,
      ratioLabel: '×',
      target: `ratio <= ${COMMIT_TARGET} (Chromium figure: browser rows)`,
      ok: commitRatio <= COMMIT_TARGET,
    },
    {
      name: `storage (fake-indexeddb, Node): load(), ${states.length} states + ${log.length} log entries`,
      value: loadMs,
      unit: 'ms',
      baselineName: 'readFullLog() of the same store',
      baselineValue: fullMs,
      ratio: loadRatio,
      ratioLabel: '×',
      target: `ratio <= ${LOAD_TARGET}: start-up never reads the whole log`,
      ok: loadRatio <= LOAD_TARGET,
    },
  ];
}
