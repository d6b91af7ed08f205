// Nested decks in real Chromium (issue 13): decks in sub-folders of decks/ show under a folder
// row, the folder is studied as a whole, and a collapsed folder stays collapsed after a reload.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerCard,
  browserForFile,
  buildWithDecksDir,
  questionText,
  removeDir,
  screenshotPath,
  watchErrors,
} from './harness.ts';

const deck = (title: string, questions: string[]) =>
  [
    `# ${title}`,
    '',
    ...questions.flatMap((q) => [
      '!!! Question ""',
      '    === "Question"',
      `        ${q}`,
      '    === "Answer"',
      '        An answer.',
      '',
    ]),
  ].join('\n');

const DECKS: Record<string, string> = {
  'ml/nlp.md': deck('NLP', ['What is a token?', 'What is attention?']),
  'ml/vision.md': deck('Vision', ['What is a convolution?', 'What is pooling?']),
  'top.md': deck('Top', ['What is at the top?']),
};
const ML_QUESTIONS = [
  'What is a token?',
  'What is attention?',
  'What is a convolution?',
  'What is pooling?',
];

let work = '';
let server: PreviewServer | null = null;
let url = '';
const browser = browserForFile();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'recall-nested-'));
  const decksDir = join(work, 'decks');
  for (const [name, text] of Object.entries(DECKS)) {
    mkdirSync(dirname(join(decksDir, name)), { recursive: true });
    writeFileSync(join(decksDir, name), text);
  }
  const outDir = join(work, 'dist');
  await buildWithDecksDir(decksDir, outDir);
  server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) removeDir(work);
});

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's serious and critical findings on the page as it is now, as "rule: targets". */
async function axeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (ctx: Document, opts: RunOptions) => Promise<AxeResults> };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const deckRows = (page: Page) =>
  page.locator('tr[data-deck]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-deck')));

describe('nested decks', () => {
  it('shows the folder with its two decks, studies both from it, and stays collapsed after a reload', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(url);
      const folder = page.locator('tr[data-folder="ml"]');
      await folder.waitFor();
      const toggle = folder.getByRole('button', { name: 'ml', exact: true });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await deckRows(page)).toEqual(['ml/nlp', 'ml/vision', 'top']);
      expect(await folder.getByTestId('new').textContent()).toBe('4');
      expect(await folder.innerText()).toContain('2 decks · 4 cards');
      // The decks keep their own titles and sit indented below the folder's name.
      const nameX = async (sel: string) =>
        (await page.locator(`${sel} .deck-title`).first().boundingBox())!.x;
      expect(await page.locator('tr[data-deck="ml/nlp"] .deck-title').innerText()).toBe('NLP');
      expect(await nameX('tr[data-deck="ml/nlp"]')).toBeGreaterThan(
        await nameX('tr[data-deck="top"]'),
      );

      // The disclosure button is a Tab stop.
      let reached = false;
      for (let i = 0; i < 20 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await toggle.evaluate((el) => el === document.activeElement);
      }
      expect(reached).toBe(true);

      // Studying the folder offers the cards of both its decks, and only those.
      await folder.getByRole('button', { name: 'Study ml' }).click();
      await page.locator('section.question').waitFor();
      expect(await page.getByRole('navigation', { name: 'Card location' }).innerText()).toMatch(
        /^ml › (NLP|Vision)$/,
      );
      await page.screenshot({ path: screenshotPath('nested-decks-review.png') });
      const seen: string[] = [];
      for (let i = 0; i < ML_QUESTIONS.length; i++) {
        seen.push(await questionText(page));
        await answerCard(page, '4');
      }
      expect(seen.sort()).toEqual([...ML_QUESTIONS].sort());
      await page.locator('#summary-title').waitFor();
      expect(await page.locator('section.question').count()).toBe(0);

      // Collapsing is remembered across a reload.
      await page.goto(url);
      await folder.waitFor();
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await deckRows(page)).toEqual(['top']);
      await page.reload();
      await folder.waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await deckRows(page)).toEqual(['top']);
      await toggle.focus();
      await page.screenshot({ path: screenshotPath('nested-decks-collapsed.png') });
      await toggle.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await deckRows(page)).toEqual(['ml/nlp', 'ml/vision', 'top']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 360])
    for (const colorScheme of ['light', 'dark'] as const)
      it(`lays the tree out at ${width} px, ${colorScheme}: rows line up, nothing wider than the screen, no axe finding`, async () => {
        const context = await browser().newContext({
          viewport: { width, height: 700 },
          colorScheme,
          // axe-core goes in as an inline script, which the app's CSP rightly refuses.
          bypassCSP: true,
        });
        try {
          const page = await context.newPage();
          const errors = watchErrors(page);
          await page.goto(url);
          const folder = page.locator('tr[data-folder="ml"]');
          await folder.waitFor();
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
          for (const row of await page.locator('table.decks tbody tr').all()) {
            for (const id of ['due', 'learning', 'new'])
              expect(await row.getByTestId(id).isVisible()).toBe(true);
            if (width > 480) {
              const bottoms = await row
                .locator('td')
                .evaluateAll((cells) =>
                  cells.map((c) => Math.round(c.getBoundingClientRect().bottom)),
                );
              expect(new Set(bottoms).size).toBe(1);
            }
          }
          await page.screenshot({
            path: screenshotPath(`nested-decks-${width}-${colorScheme}.png`),
            fullPage: true,
          });
          expect(await axeFindings(page)).toEqual([]);
          // And with the folder collapsed (its disclosure button says so).
          await folder.getByRole('button', { name: 'ml', exact: true }).click();
          await page.locator('tr[data-deck="ml/nlp"]').waitFor({ state: 'detached' });
          expect(await axeFindings(page)).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
});
