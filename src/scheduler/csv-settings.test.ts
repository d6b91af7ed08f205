import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { reviewEntry, suspendEntry } from './actions.ts';
import { reviewLogToCsv } from './optimizer-csv.ts';
import { parseStep, validateSettings } from './settings.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t = new Date('2026-11-24T10:00:00Z').getTime();

describe('optimizer CSV', () => {
  it('writes one row per review with integer card ids and the state before', () => {
    const a = { id: 'd:a', deckId: 'd' };
    const b = { id: 'd:b', deckId: 'd' };
    const r1 = reviewEntry({
      card: a,
      state: undefined,
      rating: 3,
      now: t,
      durationMs: 4200,
      settings,
    });
    const r2 = reviewEntry({
      card: b,
      state: undefined,
      rating: 1,
      now: t,
      durationMs: 900,
      settings,
    });
    const r3 = reviewEntry({
      card: a,
      state: r1.state,
      rating: 3,
      now: t + 600_000,
      durationMs: 3000,
      settings,
    });
    const s = suspendEntry({ card: b, state: r2.state, now: t + 1 });
    const csv = reviewLogToCsv([r3.entry, s.entry, r2.entry, r1.entry]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(lines).toHaveLength(4);
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(new Set(rows.map((r) => r[0])).size).toBe(2);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [t, expect.any(Number), 0, expect.any(Number)],
      [t, expect.any(Number), 0, expect.any(Number)],
      [t + 600_000, 3, 1, 3000],
    ]);
  });
});

describe('settings validation', () => {
  it("accepts Anki's defaults", () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('rejects out-of-range values with a sentence per field', () => {
    const r = validateSettings({
      ...DEFAULT_SETTINGS,
      desiredRetention: 0.5,
      newPerDay: -1,
      reviewsPerDay: 1.5,
      learningSteps: ['1x'],
      dayStartHour: 24,
      weights: [1, 2],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.field).sort()).toEqual(
        [
          'dayStartHour',
          'desiredRetention',
          'learningSteps',
          'newPerDay',
          'reviewsPerDay',
          'weights',
        ].sort(),
      );
    expect(validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: Number.NaN }).ok).toBe(false);
  });

  it('parses steps', () => {
    expect(parseStep('10m')).toBe(600_000);
    expect(parseStep('1d')).toBe(86_400_000);
    expect(parseStep('0m')).toBeNull();
    expect(parseStep('5s')).toBeNull();
  });
});
