import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA } from './migrations.ts';
import {
  IMPORT_CHUNK,
  PARSE_PROGRESS_EVERY,
  importBackup,
  parseBackup,
  type ImportProgress,
} from './backup.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { T0, freshDb, lastAfterReplay, makeEntry, openTest, stateAfter } from './test-support.ts';

// Guards issue 10's big import: parsing and importing report progress (counts, in order, ending
// at the total) so the Backup panel can show a bar instead of a frozen page.

let name = '';
beforeEach(() => {
  name = freshDb();
});

/** A backup text of `cards` cards with `perCard` answers each. */
function backupText(cards: number, perCard: number) {
  const log = [];
  const states = [];
  for (let c = 0; c < cards; c++) {
    let last = null;
    for (let k = 0; k < perCard; k++) {
      last = makeEntry({ cardId: `d:${c}`, time: T0 + (c * perCard + k) * 1000 });
      log.push(last);
    }
    if (last) states.push(stateAfter(last));
  }
  const text = JSON.stringify({
    format: 'recall-backup',
    schemaVersion: CURRENT_SCHEMA,
    exportedAt: new Date(T0).toISOString(),
    settings: DEFAULT_SETTINGS,
    cards: states,
    log,
  });
  return { text, records: states.length + log.length, entries: log.length };
}

const phase = (all: ImportProgress[], p: ImportProgress['phase']) =>
  all.filter((x) => x.phase === p);

function expectCounting(steps: ImportProgress[], total: number) {
  expect(steps.length).toBeGreaterThan(0);
  for (const s of steps) expect(s.total).toBe(total);
  const done = steps.map((s) => s.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(new Set(done).size).toBe(done.length);
  expect(done.at(-1)).toBe(total);
}

describe('import progress', () => {
  it('parseBackup reports records checked every 5,000 and the total at the end', () => {
    const { text, records } = backupText(1200, 10); // 1,200 cards + 12,000 entries
    const seen: ImportProgress[] = [];
    const parsed = parseBackup(text, (p) => seen.push(p));
    expect(parsed.log).toHaveLength(12_000);
    expect(seen.every((p) => p.phase === 'checking')).toBe(true);
    expectCounting(seen, records);
    expect(seen.map((p) => p.done)).toEqual([
      PARSE_PROGRESS_EVERY,
      2 * PARSE_PROGRESS_EVERY,
      records,
    ]);
  });

  it('parseBackup reports once for a small file and works without a callback', () => {
    const { text, records } = backupText(2, 2);
    const seen: ImportProgress[] = [];
    parseBackup(text, (p) => seen.push(p));
    expect(seen).toEqual([{ phase: 'checking', done: records, total: records }]);
    expect(parseBackup(text).log).toHaveLength(4);
  });

  it('importBackup reports answers saved per chunk, then cards rebuilt, ending at the totals', async () => {
    const { text, entries } = backupText(700, 5); // 3,500 entries over 700 cards
    const repo = await openTest(name);
    const seen: ImportProgress[] = [];
    const result = await importBackup(repo, parseBackup(text), lastAfterReplay, (p) =>
      seen.push(p),
    );
    expect(result.added).toBe(entries);
    const saving = phase(seen, 'saving');
    expectCounting(saving.slice(1), entries);
    expect(saving[0]).toEqual({ phase: 'saving', done: 0, total: entries });
    expect(saving.slice(1).map((p) => p.done)).toEqual([
      IMPORT_CHUNK,
      2 * IMPORT_CHUNK,
      3 * IMPORT_CHUNK,
      entries,
    ]);
    const rebuilding = phase(seen, 'rebuilding');
    expectCounting(rebuilding.slice(1), 700);
    // Saving comes first, then rebuilding; nothing after the last rebuild report.
    expect(seen.map((p) => p.phase)).toEqual([
      ...saving.map(() => 'saving'),
      ...rebuilding.map(() => 'rebuilding'),
    ]);
    expect((await repo.readStates()).length).toBe(700);
  });

  it('rebuilds in slices that give the same states as one replay of the merged log', async () => {
    // 12,000 entries over 1,200 cards: more than two rebuild slices, into a store with answers.
    const { text } = backupText(1200, 10);
    const repo = await openTest(name);
    const mine = makeEntry({ cardId: 'd:3', time: T0 + 999_999_000 });
    await repo.commit(mine, stateAfter(mine));
    const seen: ImportProgress[] = [];
    await importBackup(repo, parseBackup(text), lastAfterReplay, (p) => seen.push(p));
    expect(phase(seen, 'rebuilding').length).toBeGreaterThan(3);
    const states = new Map((await repo.readStates()).map((s) => [s.cardId, s]));
    expect(states.size).toBe(1200);
    expect(states).toEqual(lastAfterReplay(await repo.readFullLog()));
    expect(states.get('d:3')?.lastLogId).toBe(mine.id);
  });
});
