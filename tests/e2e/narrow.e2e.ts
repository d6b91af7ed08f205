// Layout in real Chromium: deck rows line up, and a 360 px phone screen keeps every count in view
// and never scrolls the page sideways (wide tables scroll in their own box, with a hint).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, screenshotPath, serveBuiltApp, watchErrors } from './harness.ts';

const app = serveBuiltApp();
const DECK = 'ml-interview-questions';
const browser = browserForFile();

async function withPage(width: number, run: (page: Page, errors: string[]) => Promise<void>) {
  const context: BrowserContext = await browser().newContext({ viewport: { width, height: 740 } });
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await run(page, errors);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Answers the first card Good so the deck has a learning card and a review history. */
async function answerOne(page: Page) {
  await page.goto(`${app.url()}#/review/${DECK}`);
  await page.locator('section.question').waitFor();
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  await page.keyboard.press('3');
  await page.waitForFunction(() => !document.querySelector('[data-testid="answer"]'));
}

/** How far the page is wider than the viewport, with the widest element to blame. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let culprit = '';
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && !el.closest('.table-scroll') && culprit === '')
        culprit = `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`;
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprit };
  });

describe('at 360 px', () => {
  // Guards: the Learning column was hidden on phones, and the review history and card table
  // pushed the page wider than the screen.
  it('shows due, learning and new on Home, and no screen is wider than the viewport', async () => {
    await withPage(360, async (page) => {
      await answerOne(page);
      await page.goto(app.url());
      const row = page.locator(`tr[data-deck="${DECK}"]`);
      await row.waitFor();
      for (const id of ['due', 'learning', 'new'])
        expect(await row.getByTestId(id).isVisible()).toBe(true);
      expect(await row.getByTestId('learning').textContent()).toBe('1');
      expect(await page.getByRole('columnheader', { name: 'Learning' }).isVisible()).toBe(true);
      expect(await overflow(page)).toEqual({ scrollWidth: 360, culprit: '' });
      await page.screenshot({ path: screenshotPath('narrow-home.png'), fullPage: true });

      await page.goto(`${app.url()}#/browse/${DECK}`);
      await page.locator('table.browse').waitFor();
      expect(await overflow(page)).toEqual({ scrollWidth: 360, culprit: '' });
      // The columns that do not fit are reachable, and the page says so.
      const scroller = page.getByRole('region', { name: 'Card table' });
      expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await page.getByText('Scroll the table sideways for more columns.').isVisible()).toBe(
        true,
      );

      await page.locator('table.browse tbody tr').first().locator('button.linklike').click();
      const history = page.locator('table.history');
      await history.waitFor();
      expect(await overflow(page)).toEqual({ scrollWidth: 360, culprit: '' });
      const box = await page.locator('section.card-details').boundingBox();
      const table = await history.boundingBox();
      expect(table && box && table.x + table.width <= box.x + box.width).toBe(true);
      await page.screenshot({ path: screenshotPath('narrow-card-details.png'), fullPage: true });
    });
  });
});

describe('at 1280 px', () => {
  // Guards: the Study/Browse cell was a flex box, not a table cell, so its row line sat higher.
  it('draws each deck row’s line at one height across every cell', async () => {
    await withPage(1280, async (page) => {
      await page.goto(app.url());
      const row = page.locator(`tr[data-deck="${DECK}"]`);
      await row.waitFor();
      const bottoms = await row
        .locator('td')
        .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().bottom)));
      expect(bottoms.length).toBe(5);
      expect(new Set(bottoms).size).toBe(1);
    });
  });
});
