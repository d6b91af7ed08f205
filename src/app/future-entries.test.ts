// Guards: answers dated a year ahead (a clock that was wrong, then corrected, or a backup from
// such a device) counted as today's forever ("20 reviewed today", New 0), and nobody was told.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import { reviewEntry } from '../scheduler/actions.ts';
import { dayStartOf } from '../scheduler/day.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { openRepository } from '../storage/repository.ts';
import { withEntry } from './collection-slice.ts';
import { createRecallStore } from './store.ts';

const DECK = ['Alpha', 'Beta', 'Gamma']
  .map(
    (q) => `!!! Question ""\n    === "Question"\n        ${q}?\n    === "Answer"\n        ${q}.\n`,
  )
  .join('\n');
const NOW = new Date('2026-11-24T15:00:00-05:00').getTime();
const YEAR_AHEAD = NOW + 365 * 86_400_000;
const deck = parseDeck(DECK, 'greek.md');

const answerAt = (i: number, now: number) =>
  reviewEntry({
    card: deck.cards[i]!,
    state: undefined,
    rating: 3,
    now,
    durationMs: 1000,
    settings: DEFAULT_SETTINGS,
  });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('answers dated in the future', () => {
  it('are not added to today’s log, from this tab or another', () => {
    const s = {
      states: new Map(),
      todayLog: [],
      undoStack: [],
      fullLog: null,
      dayStart: dayStartOf(NOW, DEFAULT_SETTINGS.dayStartHour),
      settings: DEFAULT_SETTINGS,
    };
    const ahead = answerAt(0, YEAR_AHEAD);
    const patch = withEntry(s, ahead.entry, ahead.state);
    expect(patch.todayLog).toEqual([]);
    expect(patch.undoStack).toEqual([ahead.entry]);
    const now = answerAt(1, NOW);
    expect(withEntry(s, now.entry, now.state).todayLog).toEqual([now.entry]);
  });

  it('are kept, do not count toward today, and the home screen is told', async () => {
    const dbName = 'recall-future';
    const device = await openRepository({
      dbName,
      channelName: `${dbName}-a`,
      now: () => YEAR_AHEAD,
    });
    for (const i of [0, 1]) {
      const { entry, state } = answerAt(i, YEAR_AHEAD + i * 1000);
      await device.commit(entry, state);
    }
    device.close();

    const store = createRecallStore({
      openRepository: () => openRepository({ dbName, channelName: `${dbName}-b`, now: () => NOW }),
      loadDecks: () => [deck],
      now: () => NOW,
    });
    await store.getState().init();
    const s = store.getState();
    expect(s.todayLog).toEqual([]);
    expect(s.states.size).toBe(2);
    expect(s.problems).toEqual([
      expect.stringMatching(/^2 answers are dated in the future \(up to .*\): your device clock/),
    ]);
  });
});
