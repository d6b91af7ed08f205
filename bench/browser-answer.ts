// Runs inside Chromium (bundled by browser.bench.ts): the cost of one answer as the app makes it
// (schedule + log entry and card state in one IndexedDB transaction) against a bare ts-fsrs
// `next` plus a bare idb-keyval `set`, measured in the same page.
import { createStore, set } from 'idb-keyval';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { reviewEntry } from '../src/scheduler/actions.ts';
import { DEFAULT_SETTINGS } from '../src/shared/types.ts';
import { openRepository } from '../src/storage/repository.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function answerBench(n: number): Promise<{ ours: number; bare: number }> {
  const now = Date.now();
  const repo = await openRepository({ dbName: 'recall-bench-answer' });
  const bareStore = createStore('recall-bench-bare', 'kv');
  const engine = fsrs(generatorParameters({ enable_fuzz: true }));
  const fresh = createEmptyCard(new Date(now));
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    // Interleaved, so both see the same machine state.
    let t0 = performance.now();
    const r = reviewEntry({
      card: { id: `bench:${i}`, deckId: 'bench' },
      state: undefined,
      rating: 3,
      now: now + i,
      durationMs: 1000,
      settings: DEFAULT_SETTINGS,
    });
    await repo.commit(r.entry, r.state);
    const a = performance.now() - t0;
    t0 = performance.now();
    const next = engine.next(fresh, new Date(now + i), Rating.Good);
    await set(`k${i}`, next.card, bareStore);
    const b = performance.now() - t0;
    if (i >= 20) {
      ours.push(a);
      bare.push(b);
    }
  }
  repo.close();
  return { ours: median(ours), bare: median(bare) };
}

(globalThis as unknown as { __answerBench: typeof answerBench }).__answerBench = answerBench;
