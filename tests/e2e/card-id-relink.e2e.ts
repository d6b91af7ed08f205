// Guards: a question written with a non-breaking space got a new card id when such spaces began
// to count as spaces; the progress stored under the old id must follow the card after a reload.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardId, legacyCardId } from '../../src/deck/card-id.ts';
import {
  launchPersistent,
  removeDir,
  serveAppWithDecks,
  screenshotPath,
  storedRecords,
  watchErrors,
} from './harness.ts';

const QUESTION = 'What is a non\u00a0breaking space?';
const DECK = [
  '# Spaces',
  '',
  '!!! Question ""',
  '    === "Question"',
  `        ${QUESTION}`,
  '    === "Answer"',
  '        A space that keeps two words on one line.',
  '',
].join('\n');
const NEW_ID = cardId('spaces', QUESTION);
const OLD_ID = legacyCardId('spaces', QUESTION);

let work = '';
let server: PreviewServer | null = null;
let url = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'recall-relink-'));
  ({ server, url } = await serveAppWithDecks(work, { 'spaces.md': DECK }));
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) removeDir(work);
});

/** Moves every stored record of card `from` to card `to` (as storage held it before the change). */
function moveStoredCard(page: Page, from: string, to: string): Promise<void> {
  return page.evaluate(
    ([from, to]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('kv', 'readwrite');
          const kv = tx.objectStore('kv');
          const states = kv.get(`card:${from}`);
          states.onsuccess = () => {
            kv.put({ ...states.result, cardId: to }, `card:${to}`);
            kv.delete(`card:${from}`);
          };
          const log = kv.openCursor(IDBKeyRange.bound('log:', 'log:\uffff'));
          log.onsuccess = () => {
            const cursor = log.result;
            if (!cursor) return;
            const entry = cursor.value as { cardId: string };
            if (entry.cardId === from) cursor.update({ ...entry, cardId: to });
            cursor.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [from, to] as const,
  );
}

describe('a card whose id changed with the non-breaking-space rule', () => {
  it('keeps the progress stored under its old id', async () => {
    expect(OLD_ID).not.toBe(NEW_ID);
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${url}#/review/spaces`);
      await page.locator('section.question').waitFor();
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      await page.keyboard.press('3');
      await expect
        .poll(async () => (await storedRecords<{ cardId: string }>(page, 'log:')).length)
        .toBe(1);
      // As it was stored before the change: under the id the old rule gave.
      await moveStoredCard(page, NEW_ID, OLD_ID);
      await page.goto(`${url}#/`);
      expect((await storedRecords<{ cardId: string }>(page, 'card:')).map((s) => s.cardId)).toEqual(
        [OLD_ID],
      );

      await page.reload();
      const row = page.locator('tr[data-deck="spaces"]');
      await row.waitFor();
      await expect.poll(async () => row.getByTestId('new').textContent()).toBe('0');
      await page.screenshot({ path: screenshotPath('card-id-relink-home.png') });
      const states = await storedRecords<{ cardId: string; sched: { reps: number } }>(
        page,
        'card:',
      );
      expect(states.find((s) => s.cardId === NEW_ID)?.sched.reps).toBe(1);
      const log = await storedRecords<{ cardId: string }>(page, 'log:');
      expect(log.map((e) => e.cardId)).toEqual([NEW_ID]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
