// The daily review in the built app, in real Chromium: keyboard review, reload, math, diagrams.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  launchPersistent,
  questionText,
  removeDir,
  screenshotPath,
  serveBuiltApp,
  storedRecords,
  waitForNextCard,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();

const deckRow = (page: Page, deckId: string) => page.locator(`tr[data-deck="${deckId}"]`);

async function counts(page: Page, deckId: string) {
  const row = deckRow(page, deckId);
  await row.waitFor();
  const read = async (id: string) => Number(await row.getByTestId(id).textContent());
  return { due: await read('due'), learning: await read('learning'), new: await read('new') };
}

/** Number of review entries stored in IndexedDB, read the way the app stores them. */
async function storedReviews(page: Page): Promise<number> {
  const log = await storedRecords<{ kind: string }>(page, 'log:');
  return log.filter((e) => e.kind === 'review').length;
}

describe('reviewing the seed deck', () => {
  it('reviews five cards by keyboard, and a reload keeps counts and answers', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(app.url());
      expect(await counts(page, 'ml-interview-questions')).toEqual({ due: 0, learning: 0, new: 9 });

      await page.getByRole('button', { name: /Study ml/i }).click();
      await page.locator('section.question').waitFor();
      expect(await questionText(page)).toContain('why do we prefer training on mini-batch');

      for (let i = 0; i < 5; i++) {
        const before = await questionText(page);
        await page.keyboard.press('Space');
        await page.getByTestId('answer').waitFor();
        if (before.includes('Entropy')) {
          // KaTeX output, not the formula's source.
          await page.locator('[data-testid="answer"] .katex').first().waitFor();
        }
        await page.keyboard.press(i % 2 === 0 ? '3' : 'Space');
        await waitForNextCard(page, before);
      }
      expect(await storedReviews(page)).toBe(5);

      await page.reload();
      await page.getByRole('link', { name: 'Decks' }).click();
      const after = await counts(page, 'ml-interview-questions');
      expect(after.new).toBe(4);
      expect(after.learning + after.due).toBeLessThanOrEqual(5);
      expect(await storedReviews(page)).toBe(5);
      expect(await page.getByTestId('today-reviewed').textContent()).toBe('5');
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });

  it('shows KaTeX for the Entropy card and a mermaid SVG for the Logits card', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${app.url()}#/review/ml-interview-questions`);
      await page.locator('section.question').waitFor();
      let sawEntropy = false;
      let sawLogits = false;
      for (let i = 0; i < 9; i++) {
        const q = await questionText(page);
        await page.keyboard.press('Enter');
        const answer = page.getByTestId('answer');
        await answer.waitFor();
        if (q.includes('Entropy')) {
          await answer.locator('.katex').first().waitFor();
          expect(await answer.locator('.katex-error').count()).toBe(0);
          sawEntropy = true;
        }
        if (q.includes('Logits')) {
          await answer
            .locator('svg[id^="mermaid"], .mermaid svg')
            .first()
            .waitFor({ timeout: 20_000 });
          sawLogits = true;
          break;
        }
        await page.keyboard.press('4');
        await waitForNextCard(page, q);
      }
      expect(sawEntropy).toBe(true);
      expect(sawLogits).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });

  it('saves phone-sized screenshots of home and of a session', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(app.url());
      await deckRow(page, 'ml-interview-questions').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath('home-360.png'), fullPage: true });
      await page.getByRole('button', { name: /Study ml/i }).click();
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      const good = page.getByRole('button', { name: /^Good/ });
      const box = await good.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: screenshotPath('session-360.png'), fullPage: true });
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
