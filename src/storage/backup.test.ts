import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
// The real scheduler, in tests only: storage itself takes replay as a parameter.
import { reviewEntry } from '../scheduler/actions.ts';
import { replayAll } from '../scheduler/replay.ts';
import { ImportIncomplete, ImportRejected, QuotaExceeded } from '../shared/errors.ts';
import { DEFAULT_SETTINGS, type ReviewLogEntry } from '../shared/types.ts';
import { exportBackup, importBackup, parseBackup } from './backup.ts';
import { CURRENT_SCHEMA } from './migrations.ts';
import type { Repository } from './repository.ts';
import {
  T0,
  freshDb,
  lastAfterReplay,
  makeEntry,
  makeState,
  openTest,
  stateAfter,
} from './test-support.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const replay = (entries: ReviewLogEntry[]) => replayAll(entries, settings);
let name = '';
beforeEach(() => {
  name = freshDb();
});

/** Answers cards `from`…`from + n - 1` of deck d once each through the real scheduler. */
async function answer(repo: Repository, n: number, from = 0, start = T0) {
  for (let i = from; i < from + n; i++) {
    const r = reviewEntry({
      card: { id: `d:${i}`, deckId: 'd' },
      state: (await repo.load(0)).states.get(`d:${i}`),
      rating: 3,
      now: start + i * 1000,
      durationMs: 2000,
      settings,
    });
    await repo.commit(r.entry, r.state);
  }
}

const roundTrip = async (repo: Repository) => JSON.stringify(await exportBackup(repo, T0));

describe('backup', () => {
  it('export → import into an empty store gives identical state (real replay)', async () => {
    const repo = await openTest(name);
    await answer(repo, 4);
    await answer(repo, 2, 0, T0 + 86_400_000);
    await repo.saveSettings({ ...settings, newPerDay: 7 });
    const file = await roundTrip(repo);
    const copy = await openTest(`${name}-copy`);
    const result = await importBackup(copy, parseBackup(file), replay);
    expect(result).toEqual({
      added: 6,
      skipped: 0,
      cards: 4,
      rejected: 0,
      trimmed: 0,
      settingsImported: true,
    });
    expect(await exportBackup(copy, T0)).toEqual(await exportBackup(repo, T0));
  });

  it('round-trips suspension version 1 kept only in the card state', async () => {
    const repo = await openTest(name);
    const e = makeEntry({ cardId: 'd:a' });
    await repo.commit(e, stateAfter(e, true));
    await repo.putMany([['card:d:b', makeState({ cardId: 'd:b', suspended: true })]]);
    const copy = await openTest(`${name}-copy`);
    await importBackup(copy, parseBackup(await roundTrip(repo)), lastAfterReplay);
    expect(await exportBackup(copy, T0)).toEqual(await exportBackup(repo, T0));
  });

  it('merging two devices loses no answer from either and keeps this store’s settings', async () => {
    const laptop = await openTest(name);
    await answer(laptop, 3, 0, T0);
    await laptop.saveSettings({ ...settings, newPerDay: 99 });
    const fromLaptop = await roundTrip(laptop);
    const phone = await openTest(`${name}-phone`);
    await answer(phone, 3, 2, T0 + 50_000); // d:2 answered on both devices
    const untouched = (await phone.load(0)).states.get('d:3');

    const result = await importBackup(phone, parseBackup(fromLaptop), replay);
    expect(result).toMatchObject({ added: 3, skipped: 0, settingsImported: false });
    const log = await phone.readFullLog();
    expect(log).toHaveLength(6);
    const { states, settings: kept } = await phone.load(0);
    expect(states.size).toBe(5);
    expect(states.get('d:2')?.sched.reps).toBe(2);
    expect(states.get('d:2')).toEqual(replay(log.filter((e) => e.cardId === 'd:2')).get('d:2'));
    expect(states.get('d:3')).toEqual(untouched);
    expect(kept.newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
    // The same file again adds nothing.
    expect(await importBackup(phone, parseBackup(fromLaptop), replay)).toMatchObject({
      added: 0,
      skipped: 3,
      cards: 0,
    });
  });

  it('rejects files that are not Recall backups with a sentence', () => {
    const rejected = (text: string) => {
      try {
        parseBackup(text);
      } catch (err) {
        expect(err).toBeInstanceOf(ImportRejected);
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    expect(rejected('{nope')).toBe(
      'This file is not a Recall backup: it is not valid JSON. Nothing was imported.',
    );
    expect(rejected('{"format":"anki"}')).toMatch(/^This file is not a Recall backup \(export/);
    expect(rejected('null')).toMatch(/not a Recall backup/);
    expect(rejected('{"format":"recall-backup","cards":[],"log":[]}')).toMatch(/version number/);
    expect(rejected('{"format":"recall-backup","schemaVersion":99,"cards":[],"log":[]}')).toMatch(
      /newer version of Recall; update Recall/,
    );
  });

  it('leaves damaged records of a file out and says which', async () => {
    const e = makeEntry();
    const file = {
      format: 'recall-backup',
      schemaVersion: 2,
      exportedAt: '',
      settings: DEFAULT_SETTINGS,
      cards: [stateAfter(e), { ...stateAfter(e), cardId: 'd:2', sched: null }],
      log: [e, { ...e, id: 'x', rating: 9 }],
    };
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.cards).toEqual([stateAfter(e)]);
    expect(parsed.log).toEqual([e]);
    expect(parsed.rejected).toEqual({
      count: 2,
      messages: [
        'Card 2 was left out: scheduling fields are missing.',
        'Log entry 2 was left out: unknown rating 9.',
      ],
    });
    const repo = await openTest(name);
    expect(await importBackup(repo, parsed, lastAfterReplay)).toMatchObject({
      added: 1,
      rejected: 2,
    });
  });

  it('reads a version-1 backup through the same migration as the store', () => {
    const v1 = (
      JSON.parse(
        readFileSync(join(process.cwd(), 'tests/fixtures/storage/v1-store.json'), 'utf8'),
      ) as { records: [string, unknown][] }
    ).records;
    const pick = (prefix: string) => v1.filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
    const parsed = parseBackup(
      JSON.stringify({
        format: 'recall-backup',
        schemaVersion: 1,
        exportedAt: '2025-11-18T00:00:00.000Z',
        settings: new Map(v1).get('meta:settings'),
        cards: pick('card:'),
        log: pick('log:'),
      }),
    );
    expect(parsed.rejected.count).toBe(0);
    expect(parsed.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(parsed.log.map((e) => [e.kind, e.durationMs])).toEqual([
      ['review', 6000],
      ['review', 4500],
    ]);
    expect(parsed.cards[0]?.sched.due).toBe(Date.parse('2025-11-20T09:00:00.000Z'));
    expect(parsed.settings.desiredRetention).toBe(0.85);
  });
});

describe('backup import limits', () => {
  // Guards the import that wrote 2000 of 3000 entries, rebuilt nothing and blamed private browsing.
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  const fileText = (log: ReviewLogEntry[], extra: Record<number, string> = {}) => {
    const entries = log.map((e, i) => {
      const json = JSON.stringify(e);
      return extra[i] ? `${json.slice(0, -1)},${extra[i]}}` : json;
    });
    return `{"format":"recall-backup","schemaVersion":2,"exportedAt":"","settings":{},"cards":[],"log":[${entries.join(',')}]}`;
  };
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      makeEntry({ id: `e${String(i).padStart(5, '0')}`, cardId: `d:${i % 7}`, time: T0 + i }),
    );

  it('keeps a record whose unknown field is nested 5000 deep or 10 MB, without that field', () => {
    const log = entries(3);
    const parsed = parseBackup(
      fileText(log, {
        0: `"junk":${deep(5000)}`,
        1: `"big":"${'x'.repeat(10_000_000)}","device":"phone"`,
        2: `"before":${JSON.stringify({ ...log[2]!.before, note: JSON.parse(deep(40)) as unknown })}`,
      }),
    );
    expect(parsed.rejected.count).toBe(0);
    expect(parsed.trimmed).toBe(3);
    expect(parsed.log[0]).toEqual(log[0]);
    expect(parsed.log[1]).toEqual({ ...log[1], device: 'phone' });
    expect(parsed.log[2]).toEqual(log[2]);
  });

  it('an import whose storing fails partway says exactly what was saved and rebuilds it', async () => {
    const repo = await openTest(name);
    let calls = 0;
    const failing: Repository = {
      ...repo,
      putMany: async (records) => {
        if (records[0]?.[0].startsWith('log:') && ++calls === 3)
          throw new QuotaExceeded('The device storage is full.');
        return repo.putMany(records);
      },
    };
    const err = await importBackup(
      failing,
      parseBackup(fileText(entries(3000))),
      lastAfterReplay,
    ).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(ImportIncomplete);
    expect((err as Error).message).toMatch(
      /^The import stopped partway: 2000 of 3000 new answers were saved, and the 7 cards they touch are up to date\. Storing the rest failed: The device storage is full\. Import the same file again/,
    );
    expect((err as Error).message).not.toMatch(/private/);
    expect(await repo.readFullLog()).toHaveLength(2000);
    const { states } = await repo.load(0);
    expect(states.size).toBe(7);
    expect(states.get('d:0')?.lastLogId).toBe('e01995');
    // Importing again adds the rest.
    expect(
      await importBackup(repo, parseBackup(fileText(entries(3000))), lastAfterReplay),
    ).toMatchObject({ added: 1000, skipped: 2000 });
  });
});
