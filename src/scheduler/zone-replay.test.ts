// Guards issue 12's "replay stays deterministic when the person changes time zone": every answer
// records the zone and day-start hour its study days were counted in, and a recomputing replay
// counts in those, so a log built in New York rebuilds the same states in Berlin or Tokyo.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type CardState,
  type Rating,
  type ReviewLogEntry,
} from '../shared/types.ts';
import { resetEntry, reviewEntry } from './actions.ts';
import { logToFsrsItems } from './fsrs-items.ts';
import { replayAll } from './replay.ts';

const HOUR = 3_600_000;
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

/** A small deterministic random stream (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

const settings = { ...DEFAULT_SETTINGS, enableFuzz: true };

/**
 * Twelve cards answered through 2026 in the process's zone (New York under vitest): each answer
 * comes some hours to days after the card is due, at any hour of the day, so many fall between
 * 18:00 and 04:00 New York, where Berlin and Tokyo have another date, and across DST changes.
 */
function buildLog(): { log: ReviewLogEntry[]; states: Map<string, CardState> } {
  const random = lcg(12);
  const log: ReviewLogEntry[] = [];
  const states = new Map<string, CardState>();
  for (let c = 0; c < 12; c++) {
    const card = { id: `d:${c}`, deckId: 'd' };
    let state: CardState | undefined;
    let now = Date.parse('2026-01-05T09:00:00-05:00') + Math.floor(random() * 20 * HOUR);
    for (let i = 0; i < 25; i++) {
      const r =
        i === 14 && c % 4 === 0
          ? resetEntry({ card, state, now, random })
          : reviewEntry({
              card,
              state,
              now,
              rating: (1 + Math.floor(random() ** 2 * 4)) as Rating,
              durationMs: 5000,
              settings,
              random,
            });
      log.push(r.entry);
      state = r.state;
      now = Math.max(now + 60_000, r.state.sched.due) + Math.floor(random() * 40 * HOUR);
    }
    states.set(card.id, state!);
  }
  return { log, states };
}

const schedules = (m: Map<string, CardState>) =>
  Object.fromEntries([...m].map(([id, s]) => [id, s.sched]));

describe('replay after a move to another time zone', () => {
  it('an answer records the zone and the day-start hour it counted days in', () => {
    const r = reviewEntry({
      card: { id: 'd:1', deckId: 'd' },
      state: undefined,
      now: Date.parse('2026-11-24T21:00:00-05:00'),
      rating: 3,
      durationMs: 1000,
      settings: { ...settings, dayStartHour: 6 },
    });
    expect(r.entry.timeZone).toBe('America/New_York');
    expect(r.entry.dayStartHour).toBe(6);
  });

  it.each(['Europe/Berlin', 'Asia/Tokyo', 'America/New_York'])(
    'a log built in New York recomputes to the same states in %s',
    (zone) => {
      const { log, states } = buildLog();
      process.env.TZ = zone;
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      expect(schedules(replayAll(log, settings, { recompute: true }))).toEqual(schedules(states));
      // The day-start hour is the recorded one too: changing the setting later changes nothing.
      const later = { ...settings, dayStartHour: 0 };
      expect(schedules(replayAll(log, later, { recompute: true }))).toEqual(schedules(states));
    },
  );

  it('without the recorded zone the same recompute in Berlin would move states (the bug guarded)', () => {
    const { log, states } = buildLog();
    const bare = log.map(({ timeZone: _z, dayStartHour: _h, ...rest }) => rest);
    process.env.TZ = 'Europe/Berlin';
    const moved = replayAll(bare, settings, { recompute: true });
    const differ = [...states].filter(([id, s]) => {
      const m = moved.get(id)!.sched;
      return m.due !== s.sched.due || m.stability !== s.sched.stability;
    });
    expect(differ.length).toBeGreaterThan(0);
  });

  it('the optimizer counts the same study days between answers in any zone', () => {
    const { log } = buildLog();
    const atHome = logToFsrsItems(log, 4);
    process.env.TZ = 'Asia/Tokyo';
    expect(logToFsrsItems(log, 4)).toEqual(atHome);
  });
});
