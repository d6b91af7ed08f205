import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { resetEntry, reviewEntry, suspendEntry } from './actions.ts';
import { answerZones, OPTIMIZER_CSV_HEADER, reviewLogToCsv } from './optimizer-csv.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t = new Date('2026-11-24T10:00:00Z').getTime();
const a = { id: 'd:a', deckId: 'd' };
const b = { id: 'd:b', deckId: 'd' };
const rows = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));

describe('optimizer CSV', () => {
  it('writes one row per answer, oldest first, with integer card ids and the state before', () => {
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
    expect(csv.split('\n')[0]).toBe(OPTIMIZER_CSV_HEADER);
    expect(OPTIMIZER_CSV_HEADER).toBe(
      'card_id,review_time,review_rating,review_state,review_duration',
    );
    const out = rows(csv);
    expect(out).toHaveLength(3);
    const idOf = new Map([
      [r1.entry.id, out.find((r) => r[2] === 3 && r[1] === t)![0]],
      [r2.entry.id, out.find((r) => r[2] === 1)![0]],
    ]);
    // Two cards first answered in the same ms get distinct ids; a's second row keeps a's id.
    expect(new Set(idOf.values()).size).toBe(2);
    expect([...idOf.values()].sort()).toEqual([t, t + 1]);
    expect(out[2]).toEqual([idOf.get(r1.entry.id), t + 600_000, 3, 1, 3000]);
    expect(out.every((r) => r.every(Number.isInteger))).toBe(true);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('starts a new card id after a reset, so the optimizer sees two clean histories', () => {
    const r1 = reviewEntry({
      card: a,
      state: undefined,
      rating: 4,
      now: t,
      durationMs: 1,
      settings,
    });
    const reset = resetEntry({ card: a, state: r1.state, now: t + 86_400_000 });
    const r2 = reviewEntry({
      card: a,
      state: reset.state,
      rating: 3,
      now: t + 2 * 86_400_000,
      durationMs: 1,
      settings,
    });
    const out = rows(reviewLogToCsv([r1.entry, reset.entry, r2.entry]));
    expect(out.map((r) => [r[0], r[3]])).toEqual([
      [t, 0],
      [t + 2 * 86_400_000, 0],
    ]);
  });

  it('is only the header for a log without answers', () => {
    expect(reviewLogToCsv([])).toBe(`${OPTIMIZER_CSV_HEADER}\n`);
  });

  it('lists the zones and day-start hours the answers were counted in, as runs in time order', () => {
    const answer = (state: Parameters<typeof reviewEntry>[0]['state'], now: number, zone: string) =>
      reviewEntry({ card: a, state, rating: 3, now, durationMs: 1000, settings, timeZone: zone });
    const day = 86_400_000;
    const ny1 = answer(undefined, t, 'America/New_York');
    const ny2 = answer(ny1.state, t + day, 'America/New_York');
    const be = answer(ny2.state, t + 5 * day, 'Europe/Berlin');
    const ny3 = answer(be.state, t + 9 * day, 'America/New_York');
    const later = { ...ny3.entry, id: `${ny3.entry.id}x`, time: t + 10 * day, dayStartHour: 6 };
    const legacy = { ...later, id: `${later.id}y`, time: t + 11 * day };
    delete (legacy as { timeZone?: string }).timeZone;
    const reset = resetEntry({ card: a, state: ny3.state, now: t + 12 * day }).entry;
    // Given out of order, with a reset between: only answers count, sorted by time.
    const spans = answerZones(
      [later, be.entry, ny3.entry, ny1.entry, reset, ny2.entry, legacy],
      'Asia/Tokyo',
      4,
    );
    expect(spans).toEqual([
      { timeZone: 'America/New_York', dayStartHour: 4, from: t, to: t + day, answers: 2 },
      {
        timeZone: 'Europe/Berlin',
        dayStartHour: 4,
        from: t + 5 * day,
        to: t + 5 * day,
        answers: 1,
      },
      {
        timeZone: 'America/New_York',
        dayStartHour: 4,
        from: t + 9 * day,
        to: t + 9 * day,
        answers: 1,
      },
      {
        timeZone: 'America/New_York',
        dayStartHour: 6,
        from: t + 10 * day,
        to: t + 10 * day,
        answers: 1,
      },
      { timeZone: 'Asia/Tokyo', dayStartHour: 6, from: t + 11 * day, to: t + 11 * day, answers: 1 },
    ]);
  });
});
