// Guards the schema 2 → 3 migration of issue 12: answers stored before they recorded a time zone
// get this device's zone and the settings' day-start hour, so that a later move to another zone
// leaves their replay unchanged; unknown fields are kept and the store is copied first.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewEntry } from '../scheduler/actions.ts';
import { replayAll } from '../scheduler/replay.ts';
import {
  DEFAULT_SETTINGS,
  type CardState,
  type Rating,
  type ReviewLogEntry,
} from '../shared/types.ts';
import { parseBackup } from './backup.ts';
import { CURRENT_SCHEMA } from './migrations.ts';
import { T0, freshDb, makeEntry, openTest, rawAll, rawPut, stateAfter } from './test-support.ts';
import { validateLogEntry } from './validate.ts';

const originalTz = process.env.TZ;
let name = '';
beforeEach(() => {
  name = freshDb();
});
afterEach(() => {
  process.env.TZ = originalTz;
});

/** A version-2 answer: no zone, no hour, as answers were stored before version 3. */
function v2Entry(
  overrides: Partial<ReviewLogEntry> = {},
): Omit<ReviewLogEntry, 'timeZone' | 'dayStartHour'> {
  const { timeZone: _z, dayStartHour: _h, ...rest } = makeEntry(overrides);
  return rest;
}

describe('schema version 2 → 3: answers get a time zone and a day-start hour', () => {
  it('gives old answers the device zone and the settings hour, keeps the rest, snapshots first', async () => {
    const old = { ...v2Entry(), device: 'laptop' };
    const recorded = makeEntry({ time: T0 + 1000, timeZone: 'Asia/Tokyo', dayStartHour: 3 });
    const {
      timeZone: _z,
      dayStartHour: _h,
      ...suspend
    } = makeEntry({
      time: T0 + 2000,
      kind: 'suspend',
      rating: null,
    });
    const settings = { ...DEFAULT_SETTINGS, dayStartHour: 6 };
    const records: [string, unknown][] = [
      ['meta:schema', 2],
      ['meta:settings', settings],
      [`log:${old.id}`, old],
      [`log:${recorded.id}`, recorded],
      [`log:${suspend.id}`, suspend],
      ['card:d:1', stateAfter(recorded)],
    ];
    await rawPut(name, records);
    process.env.TZ = 'Europe/Berlin';
    const loaded = await (await openTest(name)).load(0);
    expect(loaded.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(loaded.problems.corrupt).toBe(0);

    const all = await rawAll(name);
    expect(all.get(`log:${old.id}`)).toEqual({
      ...old,
      timeZone: 'Europe/Berlin',
      dayStartHour: 6,
    });
    // A zone already recorded is kept; an entry that counts no days is left as it was.
    expect(all.get(`log:${recorded.id}`)).toEqual(recorded);
    expect(all.get(`log:${suspend.id}`)).toEqual(suspend);
    for (const [k, v] of records)
      if (k !== 'meta:schema') expect(all.get(`snapshot:v2:${k}`)).toEqual(v);
    expect(all.get('meta:snapshot')).toEqual({ version: 2, at: T0 });
  });

  it('a log answered in New York before version 3, migrated there, replays the same in Tokyo later', async () => {
    const settings = { ...DEFAULT_SETTINGS, enableFuzz: true };
    const card = { id: 'd:1', deckId: 'd' };
    const log: ReviewLogEntry[] = [];
    let state: CardState | undefined;
    // Answers at 19:30 New York: already the next date in Tokyo.
    let now = Date.parse('2026-01-05T19:30:00-05:00');
    for (const rating of [3, 3, 1, 3, 3, 4, 3] as Rating[]) {
      const r = reviewEntry({ card, state, now, rating, durationMs: 1000, settings });
      log.push(r.entry);
      state = r.state;
      now = r.state.sched.due + 15.5 * 3_600_000;
    }
    const records: [string, unknown][] = [
      ['meta:schema', 2],
      ['meta:settings', settings],
      ['card:d:1', state],
      ...log.map((e): [string, unknown] => {
        const { timeZone: _z, dayStartHour: _h, ...rest } = e;
        return [`log:${e.id}`, rest];
      }),
    ];
    await rawPut(name, records);
    const repo = await openTest(name);
    const migrated = await repo.readFullLog();
    expect(migrated.every((e) => e.timeZone === 'America/New_York' && e.dayStartHour === 4)).toBe(
      true,
    );
    process.env.TZ = 'Asia/Tokyo';
    expect(replayAll(migrated, settings, { recompute: true }).get('d:1')?.sched).toEqual(
      state!.sched,
    );
  });

  it('a version-2 backup gets this device zone and the file settings hour', () => {
    process.env.TZ = 'Asia/Tokyo';
    const e = v2Entry();
    const parsed = parseBackup(
      JSON.stringify({
        format: 'recall-backup',
        schemaVersion: 2,
        exportedAt: '',
        settings: { ...DEFAULT_SETTINGS, dayStartHour: 5 },
        cards: [],
        log: [e],
      }),
    );
    expect(parsed.log).toEqual([{ ...e, timeZone: 'Asia/Tokyo', dayStartHour: 5 }]);
  });

  it('stored entries may have the zone and hour or not; wrong ones are refused', () => {
    expect(validateLogEntry(makeEntry())).toBeNull();
    expect(validateLogEntry(v2Entry())).toBeNull();
    expect(validateLogEntry(makeEntry({ timeZone: 'Pluto/Base' }))).toBeNull();
    expect(validateLogEntry({ ...makeEntry(), timeZone: 5 })).toBe('time zone is not a name');
    expect(validateLogEntry(makeEntry({ timeZone: 'x'.repeat(101) }))).toBe(
      'time zone is not a name',
    );
    expect(validateLogEntry(makeEntry({ dayStartHour: 24 }))).toBe('day-start hour is not an hour');
  });
});
