// The Stats screen in the built app, in real Chromium: review 5 cards (over a short history seeded
// into IndexedDB, so retention has answers to count), then open Stats from the nav.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCollection, storeProgress } from '../../bench/seed-collection.ts';
import { parseDeck } from '../../src/deck/parse-deck.ts';
import {
  answerCard,
  browserForFile,
  screenshotPath,
  serveBuiltApp,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();
const browser = browserForFile();
const DAY = 86_400_000;

/** Answers for the deck's last four cards, all more than two days old (so none is today's). */
function history() {
  const deck = parseDeck(
    readFileSync('decks/ml-interview-questions.md', 'utf8'),
    'ml-interview-questions.md',
  );
  return buildCollection(deck.cards.slice(-4), 40, Date.now() - 2 * DAY);
}

async function seed(page: Page) {
  const { states, log } = history();
  await storeProgress(page, states, log);
}

async function reviewFive(page: Page) {
  await page.getByRole('button', { name: 'Study all' }).click();
  for (let i = 0; i < 5; i++) await answerCard(page);
}

describe('the Stats screen', () => {
  it('counts the five answers of today, marks today, draws the forecast and retention', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(app.url());
      await page.locator('table.decks tbody tr').first().waitFor();
      await seed(page);
      await page.reload();
      await page.locator('table.decks tbody tr').first().waitFor();
      await reviewFive(page);
      // The review path never downloads the stats chunk or the chart library.
      expect(requested.filter((u) => /stats-container|d3-array/.test(u))).toEqual([]);

      await page.getByRole('link', { name: 'Stats', exact: true }).click();
      await page.getByRole('heading', { name: 'Statistics' }).waitFor();
      expect(requested.some((u) => /stats-container/.test(u))).toBe(true);
      expect(await page.getByTestId('today-answers').textContent()).toBe('5');

      const today = page.locator('rect.heat.today');
      expect(await today.getAttribute('data-count')).toBe('5');
      expect(await today.getAttribute('class')).not.toMatch(/heat-0/);

      // Values on hover: the caption names the bar under the pointer (today's, at the right end).
      const perDay = page.getByRole('region', { name: 'Answers per day, chart' }).locator('svg');
      const box = (await perDay.boundingBox())!;
      await perDay.hover({ position: { x: box.width - 12, y: box.height / 2 } });
      expect(
        await page.locator('[data-section="stats-reviews"] .chart-caption').innerText(),
      ).toMatch(/^Today: 5 \(Learning \d, Review \d, Relearning \d\)$/);

      const forecast = page.getByRole('region', { name: 'Cards due per day, chart' });
      expect(await forecast.locator('svg rect').count()).toBeGreaterThan(0);

      const retention = page.locator('[data-section="stats-retention"]');
      const all = retention.locator('tr[data-period="all"]');
      expect(await all.innerText()).toMatch(/\d+(\.\d)?%/);
      expect(await all.locator('svg.retention-bar rect.fill').count()).toBe(1);
      expect(await all.locator('.verdict').innerText()).toMatch(/above|below/);

      // The workload forecast finishes in its worker.
      await page.getByTestId('known-at-end').waitFor();

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          // The page itself never scrolls sideways; wide charts scroll inside their frame.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
          await page.screenshot({
            path: screenshotPath(`stats-${width}-${colorScheme}.png`),
            fullPage: true,
          });
        }
      }
      // A hardest card's link opens the deck browser with that card's details.
      const link = page.locator('[data-section="stats-hard"] a[data-card]').first();
      const cardId = await link.getAttribute('data-card');
      await link.click();
      await page.getByRole('region', { name: 'Card details' }).waitFor();
      expect(await page.locator(`tr[data-card="${cardId}"]`).getAttribute('aria-selected')).toBe(
        'true',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
