// Two tabs of one browser on one database: an import or an answer in one tab reaches the other
// before its next card, and stored card states always equal what the review log implies.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserForFile,
  questionText,
  serveBuiltApp,
  storedRecords,
  answerCard,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();
const browser = browserForFile();
const DECK = 'ml-interview-questions';

interface Sched {
  reps: number;
  phase: string;
}
interface Entry {
  id: string;
  cardId: string;
  kind: string;
  time: number;
  before: Sched;
  after: Sched;
}
interface State {
  cardId: string;
  lastLogId: string | null;
  sched: Sched;
}

async function newCount(page: Page): Promise<number> {
  const row = page.locator(`tr[data-deck="${DECK}"]`);
  await row.waitFor();
  return Number(await row.getByTestId('new').textContent());
}

/** Each stored state against its card's log: reps, phase and last entry as replaying gives. */
async function expectStatesMatchLog(page: Page): Promise<Entry[]> {
  const log = (await storedRecords<Entry>(page, 'log:')).sort(
    (a, b) => a.time - b.time || (a.id < b.id ? -1 : 1),
  );
  const states = await storedRecords<State>(page, 'card:');
  for (const state of states) {
    const entries = log.filter((e) => e.cardId === state.cardId);
    const last = entries.at(-1)!;
    // Every answer builds on the one before it: none was made from a stale state.
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.before.reps).toBe(entries[i - 1]!.after.reps);
    expect({
      reps: state.sched.reps,
      phase: state.sched.phase,
      lastLogId: state.lastLogId,
    }).toEqual({
      reps: entries.filter((e) => e.kind === 'review').length,
      phase: last.after.phase,
      lastLogId: last.id,
    });
  }
  return log;
}

describe('two tabs', () => {
  // Guards: an import in one tab was not broadcast, so another tab answered an imported card as
  // new and overwrote its state.
  it('an import in tab A reaches tab B, whose next answer builds on the imported state', async () => {
    // A backup from another device: the deck's first card answered Good once.
    const device = await browser().newContext({ acceptDownloads: true });
    const other = await device.newPage();
    await other.goto(`${app.url()}#/review/${DECK}`);
    await other.locator('section.question').waitFor();
    const firstQuestion = await questionText(other);
    await answerCard(other, '3');
    await other.goto(`${app.url()}#/settings`);
    const [download] = await Promise.all([
      other.waitForEvent('download'),
      other.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const backup = readFileSync(await download.path(), 'utf8');
    await device.close();
    expect((JSON.parse(backup) as { log: Entry[] }).log).toHaveLength(1);

    const context = await browser().newContext();
    try {
      const a = await context.newPage();
      const b = await context.newPage();
      const errors = [...watchErrors(a), ...watchErrors(b)];
      // Settings stored here already, so the import below changes progress only.
      await a.goto(`${app.url()}#/settings`);
      await a.getByRole('button', { name: 'Save settings' }).click();
      await a.getByText('Saved.').waitFor();
      await b.goto(app.url());
      expect(await newCount(b)).toBe(9);
      await b.getByRole('button', { name: /Study ml/i }).click();
      await b.locator('section.question').waitFor();
      expect(await questionText(b)).toBe(firstQuestion);
      await b.locator('.review-counts').getByText('9 new, 0 learning, 0 to review').waitFor();

      // Tab A imports while tab B shows the first card's question.
      await a.getByTestId('import-backup').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(backup),
      });
      await a.getByText(/Imported 1 new answers/).waitFor();
      // B hears of it at once: its counts follow the imported state, the card on screen stays.
      await b
        .locator('.review-counts')
        .getByText('8 new, 1 learning, 0 to review')
        .waitFor({ timeout: 5000 });
      expect(await questionText(b)).toBe(firstQuestion);

      // B answers the card it shows: the answer builds on the imported one (reps 1 → 2).
      await answerCard(b, '3');
      const log = await expectStatesMatchLog(b);
      expect(log).toHaveLength(2);
      expect(log[1]!.before.reps).toBe(1);

      // A answers the card B shows: B's counts follow at once, and B's answer builds on A's.
      await a.goto(`${app.url()}#/review/${DECK}`);
      await a.locator('section.question').waitFor();
      const second = await questionText(a);
      expect(await questionText(b)).toBe(second);
      await b.locator('.review-counts').getByText('8 new, 0 learning, 0 to review').waitFor();
      await answerCard(a, '3');
      await b.locator('.review-counts').getByText('7 new, 1 learning, 0 to review').waitFor();
      await answerCard(b, '3');
      expect((await expectStatesMatchLog(b)).at(-1)!.before.reps).toBe(1);

      // Both tabs answer the next card at the same moment.
      const third = await questionText(a);
      expect(await questionText(b)).toBe(third);
      await Promise.all([answerCard(a, '3'), answerCard(b, '3')]);
      expect(await expectStatesMatchLog(a)).toHaveLength(6);

      // Tab B's home screen counts what tab A did, without a reload.
      await b.goto(`${app.url()}#/`);
      expect(await newCount(b)).toBe(6);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
