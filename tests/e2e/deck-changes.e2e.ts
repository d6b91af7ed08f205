// Guards issue 13's change report end to end: a deck file opened, studied, edited (an answer
// changed, a typo fixed in a reviewed question, a card deleted, one added) and opened again shows
// what changes; Escape and Cancel change nothing; Enter applies it, and the edited question keeps
// its progress (Home's counts, the browser's history, after a reload too).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerCard,
  buildWithDecksDir,
  CHROMIUM_ARGS,
  executablePath,
  launchPersistent,
  removeDir,
  screenshotPath,
  serveBuiltApp,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();

const card = (q: string, a: string) =>
  [
    '!!! Question ""',
    '    === "Question"',
    `        ${q}`,
    '',
    '    === "Answer"',
    `        ${a}`,
    '',
  ].join('\n');
const V1 = [
  '# ML notes',
  '',
  card('What is entorpy?', 'The expected information of a random variable.'),
  card('What is a tensor?', 'An array.'),
  card('Why do we use dropout?', 'To regularise a network.'),
  card('What is a gradient?', 'The vector of partial derivatives.'),
].join('\n');
const V2 = [
  '# ML notes',
  '',
  card('What is entropy?', 'The expected information of a random variable.'),
  card('What is a tensor?', 'An n-dimensional array of numbers.'),
  card('What is a gradient?', 'The vector of partial derivatives.'),
  card('What does Adam do?', 'It adapts each parameter’s step size.'),
].join('\n');

const openFile = (page: Page, text: string, name = 'ml-notes.md') =>
  page
    .getByTestId('open-deck')
    .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
const row = (page: Page, id = 'ml-notes') => page.locator(`[data-deck="${id}"]`);

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
/** axe-core's serious and critical findings on the page as it is now, as `rule: target` lines. */
async function axeFindings(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy stays on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { id: string; impact?: string; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as { axe: { run: (d: Document) => Promise<{ violations: Result[] }> } }
    ).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
const count = async (page: Page, which: 'due' | 'learning' | 'new') =>
  Number((await row(page).getByTestId(which).innerText()).trim());

let persistent: Awaited<ReturnType<typeof launchPersistent>>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  persistent = await launchPersistent();
  page = await persistent.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await persistent.close();
  removeDir(persistent.dir);
});

describe('opening a changed deck file again', () => {
  it('shows the change report, and the edited question keeps its progress', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url());
    await openFile(page, V1);
    await row(page).waitFor();
    expect(await count(page, 'new')).toBe(4);
    await row(page)
      .getByRole('button', { name: /^Study/ })
      .click();
    await answerCard(page, '3'); // What is entorpy?
    await answerCard(page, '3'); // What is a tensor?
    await page.goto(app.url());
    await row(page).waitFor();
    expect(await count(page, 'new')).toBe(2);
    const learning = await count(page, 'learning');
    expect(learning).toBeGreaterThan(0);

    // Looked at in four ways; the first three are cancelled (Escape or Cancel).
    const views = [
      { width: 1280, scheme: 'light', cancel: 'escape' },
      { width: 1280, scheme: 'dark', cancel: 'button' },
      { width: 360, scheme: 'light', cancel: 'escape' },
      { width: 360, scheme: 'dark', cancel: null },
    ] as const;
    for (const view of views) {
      await page.setViewportSize({ width: view.width, height: view.width === 360 ? 740 : 800 });
      await page.emulateMedia({ colorScheme: view.scheme });
      await openFile(page, V2);
      const dialog = page.getByRole('dialog', { name: 'Update “ML notes”?' });
      await dialog.waitFor();
      expect(await dialog.locator('.deck-change-counts').innerText()).toBe(
        '1 card added · 1 card removed · 1 answer changed · 1 question edited · 1 unchanged',
      );
      const pair = dialog.locator('.deck-change-list.edited li');
      expect(await pair.locator('.old').innerText()).toBe('What is entorpy?');
      expect(await pair.locator('.new').innerText()).toBe('What is entropy?');
      expect(await pair.getByRole('checkbox', { name: 'Keep progress' }).isChecked()).toBe(true);
      await expect(dialog.getByText('Why do we use dropout?').count()).resolves.toBe(1);
      await expect(dialog.getByText('What does Adam do?').count()).resolves.toBe(1);
      // Focus starts on the primary action.
      await page.waitForFunction(() => document.activeElement?.textContent === 'Update deck');
      // The dialog fits the screen's width.
      const box = await dialog.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(view.width);
      await page.screenshot({
        path: screenshotPath(`deck-change-${view.width}-${view.scheme}.png`),
      });
      expect(await axeFindings(page)).toEqual([]);
      if (view.cancel === 'escape') await page.keyboard.press('Escape');
      else if (view.cancel === 'button')
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      else await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      if (view.cancel) {
        // Nothing changed: the old questions are still the deck's.
        expect(await count(page, 'new')).toBe(2);
        expect(await count(page, 'learning')).toBe(learning);
      }
    }

    // Applied: Adam and the gradient are new; the edited question is still learning.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-deck="ml-notes"] [data-testid="new"]')
          ?.textContent?.trim() === '2',
    );
    expect(await count(page, 'learning')).toBe(learning);
    // The removed card had no progress: no orphans.
    await expect(page.getByText(/no longer appears?/).count()).resolves.toBe(0);

    // The browser shows the edited question's review.
    await page.goto(`${app.url()}#/browse/ml-notes`);
    await page.getByRole('button', { name: 'What is entropy?' }).click();
    const history = page.getByRole('table', { name: 'Review history' });
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await history.locator('tbody tr td').nth(1).innerText()).toBe('Good');

    // And after a reload.
    await page.goto(app.url());
    await page.reload();
    await row(page).waitFor();
    expect(await count(page, 'new')).toBe(2);
    expect(await count(page, 'learning')).toBe(learning);
    expect(errors).toEqual([]);
  });

  it('an unticked edit is linked later from the deck browser', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(app.url());
    await openFile(page, V1, 'link-notes.md');
    await row(page, 'link-notes').waitFor();
    await row(page, 'link-notes')
      .getByRole('button', { name: /^Study/ })
      .click();
    await answerCard(page, '3'); // What is entorpy?
    await page.goto(app.url());
    await openFile(page, V2, 'link-notes.md');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Keep progress' }).uncheck();
    await dialog.getByRole('button', { name: 'Update deck' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByText(/1 card has progress but no longer appears/).count()).resolves.toBe(
      1,
    );

    await page.goto(`${app.url()}#/browse/link-notes`);
    await page.getByRole('button', { name: 'What is entropy?' }).click();
    await page.getByText('Link progress from a removed card…').click();
    const choice = page.getByLabel(/What is entorpy\? · 1 review/);
    await choice.check();
    await page.screenshot({
      path: screenshotPath('deck-change-link-360-dark.png'),
      fullPage: true,
    });
    expect(await axeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Link progress' }).click();
    const history = page.getByRole('table', { name: 'Review history' });
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    await expect(page.getByText('Link progress from a removed card…').count()).resolves.toBe(0);
    await page.goto(app.url());
    await row(page, 'link-notes').waitFor();
    await expect(page.getByText(/no longer appears?/).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a bundled deck that changed between app versions', () => {
  // Both versions are served on one origin (one port) in turn, so they share the stored progress.
  const PORT = 5304;
  let work = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'recall-deck-versions-'));
    for (const [version, text] of [
      ['v1', V1],
      ['v2', V2],
    ] as const) {
      const decks = join(work, `decks-${version}`);
      mkdirSync(decks, { recursive: true });
      writeFileSync(join(decks, 'ml-notes.md'), text);
      await buildWithDecksDir(decks, join(work, version));
    }
  }, 300_000);
  afterAll(() => {
    if (work) removeDir(work);
  });

  const serve = (version: string) =>
    preview({
      logLevel: 'silent',
      build: { outDir: join(work, version) },
      preview: { port: PORT, host: '127.0.0.1', strictPort: true },
    });

  it('asks on the first start of the new version, and the edited question keeps its progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-e2e-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      serviceWorkers: 'block',
    });
    const url = `http://127.0.0.1:${PORT}/`;
    try {
      const tab = await context.newPage();
      const tabErrors = watchErrors(tab);
      let server = await serve('v1');
      await tab.goto(url);
      await row(tab).waitFor();
      // The first start takes the snapshot quietly.
      await expect(tab.getByRole('dialog').count()).resolves.toBe(0);
      await row(tab)
        .getByRole('button', { name: /^Study/ })
        .click();
      await answerCard(tab, '3'); // What is entorpy?
      await tab.goto(url);
      await row(tab).waitFor();
      expect(await count(tab, 'new')).toBe(3);
      expect(tabErrors).toEqual([]);
      // Off the page before its server goes, so nothing it still loads fails.
      await tab.goto('about:blank');
      await server.close();

      server = await serve('v2');
      try {
        await tab.goto(url);
        const dialog = tab.getByRole('dialog', { name: '“ML notes” changed in this version' });
        await dialog.waitFor();
        expect(await dialog.locator('.deck-change-list.edited .new').innerText()).toBe(
          'What is entropy?',
        );
        await tab.screenshot({ path: screenshotPath('deck-change-bundled-1280.png') });
        await dialog.getByRole('button', { name: 'Update deck' }).click();
        await dialog.waitFor({ state: 'detached' });
        expect(await count(tab, 'new')).toBe(3);
        await expect(tab.getByText(/no longer appears?/).count()).resolves.toBe(0);
        // The next start asks nothing: the snapshot is this version's.
        await tab.reload();
        await row(tab).waitFor();
        expect(await count(tab, 'new')).toBe(3);
        await expect(tab.getByRole('dialog').count()).resolves.toBe(0);
        expect(tabErrors).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      await context.close();
      removeDir(dir);
    }
  });
});
