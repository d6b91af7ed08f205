// Styles 5, 6, 7 and 9 of issue 13 in real Chromium: each fixture opened through the file input
// becomes a deck of its style; a cloze card hides its deletion as "[…]" and shows it in bold on
// reveal; a cloze note's siblings are buried (one new card per note a day, and answering one card
// does not bring its sibling up next).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerCard,
  launch,
  questionText,
  screenshotPath,
  serveBuiltApp,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const fixture = (style: string) =>
  readFileSync(join(process.cwd(), 'tests/fixtures/styles', `${style}.md`));

async function openStyle(
  style: string,
  options: { width?: number; dark?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url());
  await page
    .getByTestId('open-deck')
    .setInputFiles({ name: `${style}.md`, mimeType: 'text/markdown', buffer: fixture(style) });
  await page.locator(`[data-deck="${style}"]`).waitFor();
  return { page, errors };
}

const newCount = async (page: Page, style: string) =>
  Number((await page.locator(`[data-deck="${style}"]`).getByTestId('new').innerText()).trim());

async function study(page: Page, style: string): Promise<void> {
  await page
    .locator(`[data-deck="${style}"]`)
    .getByRole('button', { name: /^Study/ })
    .click();
  await page.locator('section.question').waitFor();
}

describe('decks in the line-based styles', () => {
  it.each([
    ['bold', 6, 'What is a closure?', 'A function together with the variables it captured.'],
    ['qa', 6, 'What is the capital of France?', 'Paris'],
    ['obsidian-sr', 10, 'What is the capital of Kenya', 'Nairobi'],
  ] as const)('%s: %i new cards today, the first card as written', async (style, count, q, a) => {
    const { page, errors } = await openStyle(style);
    expect(await newCount(page, style)).toBe(count);
    await study(page, style);
    expect(await questionText(page)).toBe(q);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('answer').innerText()).resolves.toContain(a);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cloze: hides the deletion as […], shows it in bold, and buries its siblings', async () => {
    for (const [width, dark] of [
      [1280, false],
      [360, true],
    ] as const) {
      const { page, errors } = await openStyle('cloze', { width, dark });
      // 11 cards in 6 notes: one new card per note today.
      expect(await newCount(page, 'cloze')).toBe(6);
      await study(page, 'cloze');
      expect(await questionText(page)).toBe(
        'The first female prime minister of Australia was […].',
      );
      await page.screenshot({ path: screenshotPath(`line-styles-cloze-${width}-q.png`) });
      await page.keyboard.press('Space');
      await expect(page.getByTestId('answer').locator('strong').innerText()).resolves.toBe(
        'Julia Gillard',
      );
      await page.screenshot({ path: screenshotPath(`line-styles-cloze-${width}-a.png`) });
      await page.keyboard.press('3');
      await page.getByTestId('answer').waitFor({ state: 'detached' });
      await page.waitForFunction(() =>
        document.querySelector<HTMLElement>('section.question')?.innerText.includes('powerhouse'),
      );
      expect(await questionText(page)).toBe('The […] is the powerhouse of the cell.');
      await answerCard(page, '3');
      // Not "The mitochondria is the […] of the cell.": that sibling waits for tomorrow.
      expect(await questionText(page)).toBe(
        '[…] is the capital of Australia, and […] of New Zealand.',
      );
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
