// Guards: Anki's leech action. The lapse that reaches the leech threshold tags the card, and with
// "Suspend card" also suspends it through a real suspend entry in the log, so a replay of the log
// and an undo see it.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import { replayAll } from '../scheduler/replay.ts';
import { openRepository } from '../storage/repository.ts';
import { DEFAULT_SETTINGS, type LeechAction } from '../shared/types.ts';
import { createRecallStore } from './store.ts';

const DECK = `!!! Question ""\n    === "Question"\n        Alpha?\n    === "Answer"\n        Alpha.\n`;
const DAY = 86_400_000;
let clock = 0;
let n = 0;

async function openApp(dbName: string) {
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: `${dbName}-${++n}` }),
    loadDecks: () => [parseDeck(DECK, 'alpha.md')],
    now: () => clock,
  });
  await store.getState().init();
  return store;
}
type Store = Awaited<ReturnType<typeof openApp>>;

async function answer(store: Store, rating: 1 | 3 | 4) {
  const deckId = store.getState().decks[0]!.id;
  store.getState().startSession([deckId]);
  expect(store.getState().session!.current).not.toBeNull();
  store.getState().reveal();
  await store.getState().rate(rating);
  store.getState().endSession();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = new Date(2026, 10, 24, 10, 0).getTime();
});

describe('leech action (Anki states/review.rs answer_again, deckconfig leech_action)', () => {
  it.each([
    ['tag', false],
    ['suspend', true],
  ] as const)('%s: the threshold-th lapse tags the card; suspended: %s', async (action, susp) => {
    const store = await openApp(`recall-leech-${action}`);
    const saved = await store.getState().saveSettings({
      ...DEFAULT_SETTINGS,
      leechThreshold: 2,
      leechAction: action satisfies LeechAction,
      relearningSteps: [],
    });
    expect(saved.ok).toBe(true);
    await answer(store, 4); // new → review
    const id = store.getState().decks[0]!.cards[0]!.id;
    for (let lapse = 1; lapse <= 2; lapse++) {
      clock = store.getState().states.get(id)!.sched.due + DAY / 2;
      await answer(store, 1);
      const st = store.getState().states.get(id)!;
      expect(st.sched.lapses).toBe(lapse);
      expect(st.sched.leech === true).toBe(lapse === 2);
      expect(st.suspended).toBe(lapse === 2 && susp);
    }
    const log = await store.getState().loadFullLog();
    // (The clock stands still here, so the suspend entry may sort either side of the answer.)
    expect(log.map((e) => e.kind).sort()).toEqual(
      susp ? ['review', 'review', 'review', 'suspend'] : ['review', 'review', 'review'],
    );
    // The log alone gives the same card back, trusting the recorded states or recomputing them.
    const settings = store.getState().settings;
    for (const recompute of [false, true]) {
      const again = replayAll(log, settings, { recompute }).get(id)!;
      expect(again.sched.leech).toBe(true);
      expect(again.suspended).toBe(susp);
    }
    const replayed = replayAll(log, settings).get(id)!;
    expect(replayed.sched.leech).toBe(true);
    expect(replayed.suspended).toBe(susp);
    expect(replayed.sched).toEqual(store.getState().states.get(id)!.sched);
  });
});
