import { describe, expect, it } from 'vitest';
import { csvExportMessage } from './backup-panel.tsx';

const day = 86_400_000;
const t = Date.UTC(2026, 0, 5, 12);

describe('the message after the CSV export', () => {
  it('names the one zone and day-start hour every answer was counted in', () => {
    const text = csvExportMessage([
      { timeZone: 'America/New_York', dayStartHour: 4, from: t, to: t + day, answers: 9 },
    ]);
    expect(text).toContain('All its answers were given in America/New_York, days starting at 4:00');
  });

  it('lists each run of zone and hour with its dates when the person moved', () => {
    const text = csvExportMessage([
      { timeZone: 'America/New_York', dayStartHour: 4, from: t, to: t + day, answers: 2 },
      {
        timeZone: 'Europe/Berlin',
        dayStartHour: 4,
        from: t + 5 * day,
        to: t + 5 * day,
        answers: 1,
      },
    ]);
    expect(text).toContain(
      'America/New_York, days starting at 4:00: 2 answers, 2026-01-05 to 2026-01-06; Europe/Berlin, days starting at 4:00: 1 answer, 2026-01-10 to 2026-01-10',
    );
  });

  it('says so when there is nothing to fit', () => {
    expect(csvExportMessage([])).toContain('no answers yet');
  });
});
