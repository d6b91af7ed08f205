// Guards issue 13's Q&A styles in the built app: a file in each style opened through the file
// input becomes a deck of its cards, and a card's question and revealed answer render as the
// style means them (the code of a "What's the output?" question, the folded hint, the answer
// with its note as a callout), at 1280 and 360 px.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, serveBuiltApp, watchErrors } from './harness.ts';

const app = serveBuiltApp();

const STYLES = [
  {
    file: 'admonition-title',
    cards: 6,
    question: 'What does len([]) return?',
    answer: '0: an empty list has no items.',
  },
  {
    file: 'heading-collapsible',
    cards: 6,
    question: 'What does zip(*rows) return?',
    answer: 'The columns: [(1, 3), (2, 4)].',
  },
  {
    file: 'details',
    cards: 6,
    question: 'What is a closure?',
    answer: 'A function together with the variables it captured.',
  },
  {
    file: 'heading',
    cards: 5,
    question: 'What is a monad?',
    answer: 'A monoid in the category of endofunctors.',
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function openAll(page: Page) {
  await page.goto(app.url());
  for (const { file, cards } of STYLES) {
    await page.getByTestId('open-deck').setInputFiles({
      name: `${file}.md`,
      mimeType: 'text/markdown',
      buffer: readFileSync(`tests/fixtures/styles/${file}.md`),
    });
    await expect
      .poll(() => page.getByTestId('open-message').innerText())
      .toBe(`Opened 1 deck (${cards} cards).`);
  }
}

describe.each([1280, 360])('deck styles at %i px', (width) => {
  it('opens a file in each style and shows its first card and answer', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAll(page);
    for (const { file, question, answer } of STYLES) {
      await page.goto(app.url());
      await page
        .locator(`[data-deck="${file}"]`)
        .getByRole('button', { name: /^Study/ })
        .click();
      const shown = page.locator('section.question');
      await shown.waitFor();
      expect((await shown.innerText()).trim().split('\n')[0]).toBe(question);
      await page.keyboard.press('Space');
      const revealed = page.getByTestId('answer');
      await revealed.waitFor();
      expect(await revealed.innerText()).toContain(answer);
      await page.screenshot({ path: screenshotPath(`deck-style-${file}-${width}.png`) });
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
