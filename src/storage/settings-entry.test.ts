// Guards issue 10: a stored record or a backup with desiredRetention 5 or learningSteps ["abc"]
// reached the scheduler (a blank review page) because only types were checked on the way in.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateSettings } from '../shared/settings-rules.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { importBackup, parseBackup } from './backup.ts';
import { freshDb, lastAfterReplay, openTest, rawAll, rawPut, T0 } from './test-support.ts';

let name = '';
beforeEach(() => {
  name = freshDb();
});

const impossible = {
  ...DEFAULT_SETTINGS,
  desiredRetention: 5,
  learningSteps: ['abc'],
  newPerDay: 9,
};

describe('settings entering from storage or a backup', () => {
  it('a stored record with impossible values loads as defaults for those fields, said in a sentence', async () => {
    const repo = await openTest(name);
    await rawPut(name, [['meta:settings', impossible]]);
    const loaded = await repo.load(T0);
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 9 });
    // One sentence per field, not also the count of damaged records meant for cards and log.
    expect(loaded.problems.messages).toHaveLength(2);
    expect(loaded.problems.messages.join(' ')).toMatch(/desired retention setting \(5\)/);
    expect(loaded.problems.messages.join(' ')).toMatch(/learning steps setting \(\["abc"\]\)/);
    // The original is kept aside; what is stored now is the repaired record.
    const raw = await rawAll(name);
    expect(raw.get('quarantine:meta:settings')).toMatchObject({ value: impossible });
    expect(raw.get('meta:settings')).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 9 });
    expect(await repo.readSettings()).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 9 });
  });

  it('a backup with impossible values imports repaired settings and the message names the fields', async () => {
    const file = JSON.stringify({
      format: 'recall-backup',
      schemaVersion: 2,
      exportedAt: '',
      settings: impossible,
      cards: [],
      log: [],
    });
    const parsed = parseBackup(file);
    expect(validateSettings(parsed.settings).ok).toBe(true);
    const repo = await openTest(name);
    const result = await importBackup(repo, parsed, lastAfterReplay);
    expect(result.settingsImported).toBe(true);
    expect(result.settingsProblems).toHaveLength(2);
    expect(result.settingsProblems?.[0]).toMatch(/^The backup’s desired retention setting \(5\)/);
    expect((await rawAll(name)).get('meta:settings')).toEqual({
      ...DEFAULT_SETTINGS,
      newPerDay: 9,
    });
  });

  it('an unparsed backup object handed to import is checked too', async () => {
    const repo = await openTest(name);
    const result = await importBackup(
      repo,
      {
        format: 'recall-backup',
        schemaVersion: 2,
        exportedAt: '',
        settings: impossible,
        cards: [],
        log: [],
      },
      lastAfterReplay,
    );
    expect(result.settingsProblems).toHaveLength(2);
    expect(validateSettings(await repo.readSettings()).ok).toBe(true);
  });
});
