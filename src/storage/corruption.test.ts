import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CardState, type ReviewLogEntry } from '../shared/types.ts';
import { quarantineRecord } from './quarantine.ts';
import { createRecallStore } from './store.ts';
import {
  T0,
  freshDb,
  lastAfterReplay,
  makeEntry,
  makeState,
  openTest,
  rawAll,
  rawPut,
  stateAfter,
} from './test-support.ts';
import { validateCardState } from './validate.ts';

let name = '';
beforeEach(() => {
  name = freshDb();
});

/** Two sound cards with one answer each, committed the normal way. */
async function seed() {
  const repo = await openTest(name);
  const good = ['d:0', 'd:1'].map((cardId, i) => makeEntry({ cardId, time: T0 + i * 1000 }));
  for (const e of good) await repo.commit(e, stateAfter(e));
  return { repo, good };
}

const state = makeState({ cardId: 'x:1' });
const entry = makeEntry({ cardId: 'x:1', time: T0 + 5000 });
const damage: [string, string, unknown, RegExp][] = [
  [
    'a card state missing its due date',
    'card:x:1',
    { ...state, sched: { ...state.sched, due: undefined } },
    /due/,
  ],
  [
    'a card state with NaN stability',
    'card:x:1',
    { ...state, sched: { ...state.sched, stability: Number.NaN } },
    /stability/,
  ],
  [
    'a card state with a field of the wrong type',
    'card:x:1',
    { ...state, suspended: 'no' },
    /suspended/,
  ],
  ['a card state that is not an object', 'card:x:1', 'card', /not an object/],
  [
    'a card state in an unknown phase',
    'card:x:1',
    { ...state, sched: { ...state.sched, phase: 'limbo' } },
    /phase/,
  ],
  ['a log entry with an unknown rating', `log:${entry.id}`, { ...entry, rating: 7 }, /rating/],
  [
    'a log entry with a time of the wrong type',
    `log:${entry.id}`,
    { ...entry, time: '10:00' },
    /time/,
  ],
  [
    'a log entry without its before state',
    `log:${entry.id}`,
    { ...entry, before: null },
    /scheduling/,
  ],
];

describe('damaged records', () => {
  it.each(damage)(
    '%s is set aside and counted; every other record stays',
    async (_, key, value, reason) => {
      const { good } = await seed();
      await rawPut(name, [[key, value]]);
      const before = await rawAll(name);

      const loaded = await (await openTest(name)).load(T0 - 3_600_000);
      expect(loaded.problems.corrupt).toBe(1);
      expect(loaded.problems.messages).toEqual([
        expect.stringMatching(
          /^1 stored record was damaged and set aside; the rest of your progress is intact/,
        ),
      ]);
      expect([...loaded.states.keys()].sort()).toEqual(['d:0', 'd:1']);
      expect(loaded.todayLog).toEqual(good);
      expect(loaded.recentLog).toEqual(good);

      const after = await rawAll(name);
      expect(after.has(key)).toBe(false);
      expect(after.get(`quarantine:${key}`)).toEqual({
        key,
        value,
        reason: expect.stringMatching(reason),
        at: T0,
      });
      // Every other record is exactly as it was.
      for (const [k, v] of before) if (k !== key) expect(after.get(k)).toEqual(v);
      // Reported once, not on every start.
      expect((await (await openTest(name)).load(T0)).problems.corrupt).toBe(0);
    },
  );

  it('the full log skips and sets aside a damaged entry, keeping the rest', async () => {
    const { repo, good } = await seed();
    await rawPut(name, [[`log:${entry.id}`, { ...entry, rating: 0 }]]);
    expect(await repo.readFullLog()).toEqual(good);
    expect((await rawAll(name)).has(`quarantine:log:${entry.id}`)).toBe(true);
  });

  it('damaged settings are set aside; their sound fields are kept', async () => {
    const { repo } = await seed();
    await rawPut(name, [
      ['meta:settings', { ...DEFAULT_SETTINGS, newPerDay: 'ten', reviewsPerDay: 50 }],
    ]);
    const loaded = await repo.load(T0);
    expect(loaded.problems.corrupt).toBe(1);
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, reviewsPerDay: 50 });
    expect((await rawAll(name)).get('quarantine:meta:settings')).toMatchObject({
      reason: /newPerDay/,
    });
  });

  it('a record another tab rewrote since it was read is not moved', async () => {
    const { good } = await seed();
    const { useStore, close } = createRecallStore(name, 'kv');
    const sound = stateAfter(good[0]!);
    const moved = await quarantineRecord(
      useStore,
      {
        key: 'card:d:0',
        value: 'stale damaged copy',
        reason: 'not an object',
        validate: validateCardState,
      },
      T0,
    );
    close();
    expect(moved).toBe(false);
    const all = await rawAll(name);
    expect(all.get('card:d:0')).toEqual(sound);
    expect(all.has('quarantine:card:d:0')).toBe(false);
  });

  it('a key damaged twice keeps both damaged copies', async () => {
    await seed();
    await rawPut(name, [['card:x:1', 'first']]);
    await (await openTest(name)).load(T0);
    await rawPut(name, [['card:x:1', 'second']]);
    await (await openTest(name)).load(T0);
    const all = await rawAll(name);
    expect(all.get('quarantine:card:x:1')).toMatchObject({ value: 'first' });
    expect(all.get(`quarantine:card:x:1@${T0}`)).toMatchObject({ value: 'second' });
  });
});

describe('repair', () => {
  const review = (cardId: string, time: number, over: Partial<ReviewLogEntry> = {}) =>
    makeEntry({ cardId, time, ...over });

  it('rebuilds states from the log, setting damaged states aside first', async () => {
    const repo = await openTest(name);
    const a1 = review('d:a', T0);
    const a2 = review('d:a', T0 + 1000, { after: { ...a1.after, reps: 2, stability: 9 } });
    await repo.commit(a1, stateAfter(a1));
    await repo.commit(a2, stateAfter(a2));
    const damaged = { ...stateAfter(a2), sched: { ...a2.after, due: 'garbage' } };
    await rawPut(name, [['card:d:a', damaged]]);

    expect(await repo.repair(lastAfterReplay)).toEqual({ rebuilt: 1 });
    expect((await repo.load(T0)).states.get('d:a')).toEqual(stateAfter(a2));
    expect((await rawAll(name)).get('quarantine:card:d:a')).toMatchObject({ value: damaged });
  });

  it('keeps suspension the log does not record, follows the log where it does, and leaves cards without a log alone', async () => {
    const repo = await openTest(name);
    const a = review('d:a', T0);
    const b = review('d:b', T0 + 1);
    const bSuspend = review('d:b', T0 + 2, { kind: 'suspend', rating: null, durationMs: 0 });
    const bUnsuspend = review('d:b', T0 + 3, { kind: 'unsuspend', rating: null, durationMs: 0 });
    for (const e of [a, b, bSuspend, bUnsuspend]) await repo.commit(e, stateAfter(e));
    // Suspended by version 1, which logged no entry for it; d:b's state wrongly says suspended.
    const lone: CardState = makeState({ cardId: 'd:c', suspended: true });
    await rawPut(name, [
      ['card:d:a', stateAfter(a, true)],
      ['card:d:b', stateAfter(bUnsuspend, true)],
      ['card:d:c', lone],
    ]);
    await repo.repair(lastAfterReplay);
    const { states } = await repo.load(T0);
    expect(states.get('d:a')?.suspended).toBe(true);
    expect(states.get('d:b')?.suspended).toBe(false);
    expect(states.get('d:c')).toEqual(lone);
  });
});
