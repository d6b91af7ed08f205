// A keyboard-only session in real Chromium (issue 9): Tab/Shift+Tab to a button and Enter (or
// Space) press exactly that button. Guards the bug where Enter on "Again" stored Good, Enter on
// "End session" rated the card Good, and Space on "Suspend card" showed the answer instead.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  launch,
  questionText,
  serveBuiltApp,
  storedRecords,
  waitForNextCard,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();
const DECK = 'ml-interview-questions';

async function storedRatings(page: Page): Promise<number[]> {
  const log = await storedRecords<{ kind: string; rating: number | null }>(page, 'log:');
  return log.filter((e) => e.kind === 'review').map((e) => e.rating ?? 0);
}

/** The accessible-ish name of the focused element: its aria-label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name starts with `name`. */
async function tabTo(page: Page, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await focusedName(page)).startsWith(name)) return;
    await page.keyboard.press(key);
  }
  throw new Error(
    `Could not reach "${name}" with ${key}; focus is on "${await focusedName(page)}"`,
  );
}

/**
 * Starts recording the buttons clicked from here on. A key's release clicks a button during the
 * key event itself, so once `keyboard.press` has returned, any such click is recorded.
 */
async function recordClicks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { clicked?: string[] };
    if (!w.clicked) {
      window.addEventListener(
        'click',
        (e) => {
          const button = (e.target as Element | null)?.closest('button');
          const name = button?.getAttribute('aria-label') ?? button?.firstChild?.textContent;
          w.clicked?.push((name ?? '').trim());
        },
        true,
      );
    }
    w.clicked = [];
  });
}

const clicks = (page: Page) =>
  page.evaluate(() => (window as unknown as { clicked: string[] }).clicked);

describe('a keyboard-only session', () => {
  it('Tab and Enter give exactly the rating chosen, and Enter on End session rates nothing', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(`${app.url()}#/review/${DECK}`);
      await page.locator('section.question').waitFor();

      const plan: [string, 'Tab' | 'Shift+Tab'][] = [
        ['Again', 'Shift+Tab'],
        ['Hard', 'Shift+Tab'],
        ['Good', 'Tab'],
        ['Easy', 'Tab'],
      ];
      for (const [label, direction] of plan) {
        const before = await questionText(page);
        await tabTo(page, 'Show answer', 'Shift+Tab');
        await page.keyboard.press('Enter');
        await page.getByTestId('answer').waitFor();
        await tabTo(page, label, direction);
        if (label === 'Again') {
          // The focused rating button shows a focus ring.
          const outline = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = getComputedStyle(el);
            return { visible: el.matches(':focus-visible'), style: style.outlineStyle };
          });
          expect(outline).toEqual({ visible: true, style: 'solid' });
        }
        await page.keyboard.press('Enter');
        await waitForNextCard(page, before);
      }
      expect(await storedRatings(page)).toEqual([1, 2, 3, 4]);

      // Enter on "End session" ends it: the summary of these four answers, no rating added.
      await tabTo(page, 'End session');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Session ended' }).waitFor();
      expect(await page.getByText(/You studied 4 cards in/).count()).toBe(1);
      expect(await storedRatings(page)).toEqual([1, 2, 3, 4]);
      expect(await focusedName(page)).toMatch(/^Back to decks/);
      await page.keyboard.press('Enter');
      await page.locator(`tr[data-deck="${DECK}"]`).waitFor();
      expect(await storedRatings(page)).toEqual([1, 2, 3, 4]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('Space on "Suspend card" suspends; Space on "Show answer" never presses Good; Esc closes only the shortcut list', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${app.url()}#/review/${DECK}`);
      await page.locator('section.question').waitFor();
      const first = await page.locator('article.review-card').getAttribute('data-card-id');

      await tabTo(page, 'Suspend card');
      await page.keyboard.press('Space');
      await page.waitForFunction(
        (id) => document.querySelector('article.review-card')?.getAttribute('data-card-id') !== id,
        first,
      );
      expect(await page.getByTestId('answer').count()).toBe(0);
      const cards = await storedRecords<{ cardId: string; suspended: boolean }>(page, 'card:');
      expect(cards.find((c) => c.cardId === first)?.suspended).toBe(true);
      expect(await storedRatings(page)).toEqual([]);

      // Space on the focused "Show answer": it reveals, focus moves to Good, and the key's
      // release does not press Good as well.
      await recordClicks(page);
      await tabTo(page, 'Show answer', 'Shift+Tab');
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      expect(await focusedName(page)).toMatch(/^Good/);
      expect(await clicks(page)).toEqual(['Show answer']);
      expect(await page.getByTestId('answer').count()).toBe(1);
      expect(await storedRatings(page)).toEqual([]);

      // The shortcut list: focus goes in, stays in, and Esc closes only the list, giving focus
      // back to Good with the answer still showing.
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await focusedName(page)).toBe('Close Esc');
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('Close Esc');
      await page.keyboard.press('Shift+Tab');
      expect(await focusedName(page)).toBe('Close Esc');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await focusedName(page)).toMatch(/^Good/);
      expect(await page.getByTestId('answer').count()).toBe(1);
      expect(await storedRatings(page)).toEqual([]);

      // The same from the page itself (nothing focused): Space reveals, then its release on the
      // now-focused Good does nothing; the next Space presses Good.
      await page.keyboard.press('Enter'); // Good, natively
      await page.getByTestId('answer').waitFor({ state: 'detached' });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await recordClicks(page);
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      expect(await clicks(page)).toEqual([]);
      expect(await page.getByTestId('answer').count()).toBe(1);
      expect(await storedRatings(page)).toEqual([3]);
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor({ state: 'detached' });
      expect(await storedRatings(page)).toEqual([3, 3]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
