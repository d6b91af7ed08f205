// Guards: changes kept in memory for retry while storage was full were lost on reload (2 of 7
// actions stored); the journal keeps them in localStorage and replays them once.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QuotaExceeded } from '../shared/errors.ts';
import {
  createJournal,
  JOURNAL_KEY,
  replayJournal,
  stillPending,
  type JournalOp,
} from './journal.ts';
import { fakeStorage } from './journal-test-support.ts';
import { T0, freshDb, makeEntry, openTest, stateAfter } from './test-support.ts';

let name = '';
beforeEach(() => {
  name = freshDb();
});

const commitOp = (i: number): Extract<JournalOp, { kind: 'commit' }> => {
  const entry = makeEntry({ cardId: `d:${i}`, time: T0 + i });
  return { kind: 'commit', entry, state: stateAfter(entry) };
};

describe('the journal of unsaved changes', () => {
  it('writes each change to storage at once and removes it when told', () => {
    const storage = fakeStorage();
    const journal = createJournal(storage);
    const [a, b] = [commitOp(1), commitOp(2)];
    expect(journal.add(a)).toBe(true);
    expect(journal.add(b)).toBe(true);
    expect(journal.add(a)).toBe(true); // once only
    // Another page (a reload) reads the same list.
    expect(createJournal(storage).ops()).toEqual([a, b]);
    journal.remove(a);
    expect(createJournal(storage).ops()).toEqual([b]);
    journal.remove(b);
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('refuses changes past its cap and when localStorage itself is full', () => {
    const storage = fakeStorage();
    const journal = createJournal(storage, { cap: 2 });
    expect([1, 2, 3].map((i) => journal.add(commitOp(i)))).toEqual([true, true, false]);
    expect(journal.ops()).toHaveLength(2);
    storage.failWrites = true;
    journal.remove(journal.ops()[0]!);
    expect(journal.add(commitOp(4))).toBe(false);
    expect(createJournal(null).add(commitOp(5))).toBe(false);
  });

  it('ignores corrupt JSON with a message, and damaged items with a count', () => {
    const storage = fakeStorage();
    storage.setItem(JOURNAL_KEY, '[{"kind":"commit",');
    const journal = createJournal(storage);
    expect(journal.ops()).toEqual([]);
    expect(journal.problem()).toMatch(/journal of changes not yet saved was damaged/);
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
    const good = commitOp(1);
    storage.setItem(JOURNAL_KEY, JSON.stringify([good, { kind: 'commit' }, 7]));
    const again = createJournal(storage);
    expect(again.ops()).toEqual([good]);
    expect(again.problem()).toBe(
      '2 damaged unsaved changes were left out of the journal of changes not yet saved.',
    );
  });

  it('keeps a commit the log lacks and an undo of an entry the log (or journal) has', () => {
    const [a, b] = [commitOp(1), commitOp(2)];
    const undoA: JournalOp = { kind: 'undo', entry: a.entry, restored: null };
    const undoB: JournalOp = { kind: 'undo', entry: b.entry, restored: null };
    expect(stillPending([a, b, undoA, undoB], new Set([a.entry.id]))).toEqual([b, undoA, undoB]);
    expect(stillPending([undoA], new Set())).toEqual([]);
  });

  it('replays into the repository once: a second replay writes nothing', async () => {
    const repo = await openTest(name);
    const stored = commitOp(0);
    await repo.commit(stored.entry, stored.state);
    const storage = fakeStorage();
    const journal = createJournal(storage);
    const ops = [stored, commitOp(1), commitOp(2)];
    ops.forEach((op) => journal.add(op));
    const commit = vi.spyOn(repo, 'commit');
    expect(await replayJournal(journal, repo)).toEqual([]);
    expect(commit).toHaveBeenCalledTimes(2);
    expect(journal.ops()).toEqual([]);
    const log = (await repo.readFullLog()).map((e) => e.id);
    expect(log).toEqual(ops.map((o) => o.entry.id));

    // The same journal written again (another tab's copy, say): nothing new is written.
    ops.forEach((op) => journal.add(op));
    expect(await replayJournal(journal, repo)).toEqual([]);
    expect(commit).toHaveBeenCalledTimes(2);
    expect((await repo.readFullLog()).map((e) => e.id)).toEqual(log);
    expect(journal.ops()).toEqual([]);
  });

  it('stops at the first failure and keeps the rest in the journal', async () => {
    const repo = await openTest(name);
    const journal = createJournal(fakeStorage());
    const ops = [commitOp(1), commitOp(2)];
    ops.forEach((op) => journal.add(op));
    vi.spyOn(repo, 'commit').mockRejectedValue(new QuotaExceeded('The device storage is full.'));
    expect(await replayJournal(journal, repo)).toEqual(ops);
    expect(journal.ops()).toEqual(ops);
  });
});
