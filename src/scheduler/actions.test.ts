import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import {
  rebasedClock,
  resetEntry,
  reviewEntry,
  suspendEntry,
  undoTarget,
  unsuspendEntry,
} from './actions.ts';
import { logIdTime, newLogId } from './ids.ts';
import { answer, newSchedulingState } from './fsrs.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const card = { id: 'd:1', deckId: 'd' };
const now = new Date('2026-11-24T10:00:00-05:00').getTime();
const random = () => 0.25;

describe('card actions write a log entry and the new state together', () => {
  it('an answer records before, after, rating and time, and the state points at the entry', () => {
    const { entry, state } = reviewEntry({
      card,
      state: undefined,
      rating: 3,
      now,
      durationMs: 5200,
      settings,
      random,
    });
    expect(entry).toMatchObject({
      cardId: 'd:1',
      deckId: 'd',
      kind: 'review',
      rating: 3,
      time: now,
      durationMs: 5200,
    });
    expect(entry.before).toEqual(newSchedulingState(now));
    expect(entry.after).toEqual(answer(newSchedulingState(now), 3, now, settings, 'd:1'));
    expect(state).toEqual({
      cardId: 'd:1',
      deckId: 'd',
      sched: entry.after,
      suspended: false,
      lastLogId: entry.id,
      updatedAt: now,
    });
  });

  it('suspend and unsuspend keep the schedule; reset makes the card new and keeps suspension', () => {
    const r = reviewEntry({ card, state: undefined, rating: 4, now, durationMs: 1, settings });
    const s = suspendEntry({ card, state: r.state, now: now + 1 });
    expect(s.state).toMatchObject({ suspended: true, sched: r.state.sched, lastLogId: s.entry.id });
    expect(s.entry).toMatchObject({ kind: 'suspend', rating: null, durationMs: 0 });
    const reset = resetEntry({ card, state: s.state, now: now + 2 });
    expect(reset.state.sched).toEqual(newSchedulingState(now + 2));
    expect(reset.state.suspended).toBe(true);
    expect(reset.entry.before).toEqual(r.state.sched);
    const u = unsuspendEntry({ card, state: reset.state, now: now + 3 });
    expect(u.state).toMatchObject({ suspended: false, updatedAt: now + 3 });
  });

  it('undo restores the state before, pointing at the previous entry', () => {
    const r1 = reviewEntry({ card, state: undefined, rating: 3, now, durationMs: 1, settings });
    const r2 = reviewEntry({
      card,
      state: r1.state,
      rating: 3,
      now: now + 600_000,
      durationMs: 1,
      settings,
    });
    expect(undoTarget(r2.entry, r2.state, r1.entry.id, now + 700_000)).toEqual({
      ...r1.state,
      updatedAt: now + 700_000,
    });
    const s = suspendEntry({ card, state: r2.state, now: now + 800_000 });
    expect(undoTarget(s.entry, s.state, r2.entry.id, now + 900_000)).toMatchObject({
      suspended: false,
      sched: r2.state.sched,
      lastLogId: r2.entry.id,
    });
    // Undoing a card's first answer leaves no stored state: the card is new again.
    expect(undoTarget(r1.entry, r1.state, null, now)).toBeNull();
  });
});

describe('rebasedClock', () => {
  // Guards: two tabs answering one card at once left the rebased answer with its earlier time and
  // id, before the other tab's answer it was built on, so the log replayed in the wrong order.
  const at = (t: number) => newLogId(t, () => 0.5);
  it('keeps time and id when the stored change is older', () => {
    const id = at(2_000);
    expect(rebasedClock(2_000, id, { lastLogId: at(1_000), updatedAt: 1_000 })).toEqual({
      now: 2_000,
      id,
    });
    expect(rebasedClock(2_000, id, undefined)).toEqual({ now: 2_000, id });
  });
  it('moves the change after a stored change made at the same time or later', () => {
    const stored = { lastLogId: at(2_005), updatedAt: 2_005 };
    const moved = rebasedClock(2_000, at(2_000), stored);
    expect(moved.now).toBe(2_006);
    expect(moved.id > stored.lastLogId).toBe(true);
    expect(logIdTime(moved.id)).toBe(2_006);
  });
});
