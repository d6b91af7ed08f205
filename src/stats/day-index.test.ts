// Guards the fast day lookup against drifting from StudyDays.index around DST changes.
import { describe, expect, it } from 'vitest';
import { dayIndexer } from './day-index.ts';
import { studyDays } from './study-days.ts';

const utc = (s: string) => Date.parse(s + 'Z');
const HOUR = 3_600_000;

describe('dayIndexer', () => {
  it('agrees with days.index every 10 minutes around both Berlin DST changes, at every start hour', () => {
    const now = utc('2025-11-05T12:00:00');
    // The 02:00 start on the fall-back night is the case where days.start and days.index differ.
    const nights = [utc('2025-03-30T01:00:00'), utc('2025-10-26T01:00:00')];
    for (let hour = 0; hour < 24; hour++) {
      const days = studyDays(now, hour, 'Europe/Berlin');
      const index = dayIndexer(days);
      for (const night of nights) {
        for (let t = night - 60 * HOUR; t < night + 60 * HOUR; t += 10 * 60_000) {
          if (index(t) !== days.index(t)) {
            expect.fail(
              `hour ${hour}, ${new Date(t).toISOString()}: ${index(t)} ≠ ${days.index(t)}`,
            );
          }
        }
      }
    }
  });

  it('finds days far back and forth, in any order', () => {
    const days = studyDays(utc('2026-01-15T15:00:00'), 4, 'America/New_York');
    const index = dayIndexer(days);
    const ts = [utc('2024-02-29T08:59:59'), utc('2026-01-15T09:00:00'), utc('2025-07-04T20:00:00')];
    expect(ts.map(index)).toEqual(ts.map((t) => days.index(t)));
    expect(index(utc('2026-01-15T08:59:59'))).toBe(-1);
    expect(index(utc('2026-01-16T09:00:00'))).toBe(1);
  });
});
