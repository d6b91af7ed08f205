// Guards issue 10's blank pages in real Chromium: a backup (or a stored record) with impossible
// settings values (retention 5, step "abc") blanked the review page once a card was studied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, serveBuiltApp, waitForNextCard, watchErrors } from './harness.ts';

const app = serveBuiltApp();
const browser = browserForFile();
const BACKUP = readFileSync(
  join(process.cwd(), 'tests/fixtures/storage/impossible-settings-backup.json'),
);

/** Studies the seed deck: shows an answer, rates Good, and waits for the next card. */
async function studyOne(page: Page) {
  await page.getByRole('link', { name: 'Decks' }).click();
  await page.getByRole('button', { name: /Study ml/i }).click();
  const question = page.locator('section.question');
  await question.waitFor();
  const before = (await question.innerText()).trim();
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  // The Good button shows the first (default) learning step, not an error.
  expect(await page.getByRole('button', { name: /Good/ }).innerText()).toMatch(/1m|10m/);
  await page.keyboard.press('3');
  await waitForNextCard(page, before);
}

describe('impossible settings values', () => {
  it('a backup with retention 5 and step "abc" imports with defaults said, and studying works', async () => {
    const page = await browser().newPage();
    const errors = watchErrors(page);
    await page.goto(app.url());
    await page.locator('table.decks tbody tr').first().waitFor();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByTestId('import-backup').setInputFiles({
      name: 'impossible.json',
      mimeType: 'application/json',
      buffer: BACKUP,
    });
    const status = page.getByRole('status').filter({ hasText: /Imported/ });
    await status.waitFor();
    expect(await status.innerText()).toMatch(/The backup’s desired retention setting \(5\)/);
    expect(await status.innerText()).toMatch(/The backup’s learning steps setting \(\["abc"\]\)/);
    expect(await page.getByLabel('Desired retention', { exact: true }).inputValue()).toBe('0.9');
    expect(await page.getByLabel('Learning steps', { exact: true }).inputValue()).toBe('1m 10m');

    await studyOne(page);
    expect(await page.getByText('This screen stopped working').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a stored record with retention 5 loads with the problem listed, and studying works', async () => {
    const page = await browser().newPage();
    const errors = watchErrors(page);
    await page.goto(app.url());
    await page.locator('table.decks tbody tr').first().waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('recall');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('kv', 'readwrite');
            tx.objectStore('kv').put(
              {
                desiredRetention: 5,
                learningSteps: ['1m', '10m'],
                relearningSteps: ['10m'],
                maximumInterval: 36500,
                enableFuzz: true,
                newPerDay: 20,
                reviewsPerDay: 200,
                dayStartHour: 4,
                weights: null,
              },
              'meta:settings',
            );
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.getByText(/The stored desired retention setting \(5\) cannot be used/).waitFor();
    await studyOne(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a clock moved back across UTC midnight', () => {
  it('learning cards answered at 00:03 UTC still show and answer at 23:56 the day before', async () => {
    const context = await browser().newContext({ timezoneId: 'UTC' });
    await context.clock.setFixedTime(new Date('2026-11-25T00:03:00Z'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url());
    await page.getByRole('button', { name: /Study ml/i }).click();
    const question = page.locator('section.question');
    // Every new card answered Again: each is now learning, last reviewed at 00:03.
    for (let i = 0; i < 9; i++) {
      await question.waitFor();
      const before = (await question.innerText()).trim();
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      await page.keyboard.press('1');
      await waitForNextCard(page, before);
    }
    await context.clock.setFixedTime(new Date('2026-11-24T23:56:00Z'));
    await page.reload();
    for (let i = 0; i < 3; i++) {
      await question.waitFor();
      const before = (await question.innerText()).trim();
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      expect(await page.getByRole('button', { name: /Good/ }).innerText()).toMatch(/10m/);
      await page.keyboard.press('3');
      await waitForNextCard(page, before);
    }
    expect(await page.getByText('This screen stopped working').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
