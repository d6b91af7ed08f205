// Guards issue 13's "Open and keep decks": an opened deck and its progress survive a reload; a
// PNG and an empty file are refused with a sentence and change nothing; rename and remove (keeping
// the history) work, and opening the file again brings its progress back; a folder opens through
// the webkitdirectory input (sub-folders nest; re-opened, only the changed file is proposed);
// pasted text and dropped files become decks. (Chromium's folder picker cannot be driven headless:
// the File System Access re-read is tested with a fake handle in opened-decks-slice.test.ts.)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerCard,
  launchPersistent,
  removeDir,
  screenshotPath,
  serveBuiltApp,
  storedRecords,
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
const DECK = [
  '# My notes',
  '',
  card('What is a heap?', 'A tree-shaped priority queue.'),
  card('What is a trie?', 'A prefix tree.'),
].join('\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const openFile = (page: Page, name: string, buffer: Buffer, mimeType = 'text/markdown') =>
  page.getByTestId('open-deck').setInputFiles({ name, mimeType, buffer });

const row = (page: Page) => page.locator('[data-deck="my-notes"]');
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

describe('opened decks', () => {
  it('are kept with their progress across a reload', async () => {
    await page.goto(app.url());
    await openFile(page, 'my-notes.md', Buffer.from(DECK));
    await row(page).waitFor();
    expect(await page.getByTestId('open-message').innerText()).toBe('Opened 1 deck (2 cards).');
    expect(await count(page, 'new')).toBe(2);
    await row(page)
      .getByRole('button', { name: /^Study/ })
      .click();
    await answerCard(page, '3');
    await page.goto(app.url());
    await page.reload();
    await row(page).waitFor();
    expect(await count(page, 'new')).toBe(1);
    // Its progress is the deck's, not an orphan's: no "no longer appear" banner.
    await expect(page.getByText(/no longer appears?/).count()).resolves.toBe(0);
    const panel = page.getByRole('region', { name: 'Your decks' });
    await expect(panel.locator('[data-opened-deck="my-notes"]').innerText()).resolves.toContain(
      'my-notes.md · 2 cards',
    );
  });

  it('refuses a PNG and an empty file with a sentence, and nothing stored changes', async () => {
    const before = await storedRecords<unknown>(page, 'opened-deck:');
    await openFile(page, 'photo.png', PNG, 'image/png');
    await expect(page.getByTestId('open-message').innerText()).resolves.toBe(
      'photo.png is not a Markdown text file (it is an image); nothing was added.',
    );
    await page.screenshot({ path: screenshotPath('open-decks-refused.png') });
    await openFile(page, 'empty.md', Buffer.from(''));
    await page.getByText('empty.md is empty; nothing was added.').waitFor();
    await openFile(page, 'notes.md', Buffer.from('# Just notes\n\nNo questions here.\n'));
    await page
      .getByText('notes.md holds no question Recall can read; nothing was added.')
      .waitFor();
    expect(await storedRecords<unknown>(page, 'opened-deck:')).toEqual(before);
    await expect(
      page.locator('[data-deck="photo"], [data-deck="empty"], [data-deck="notes"]').count(),
    ).resolves.toBe(0);
  });

  it('renames, removes keeping history, and brings progress back when opened again', async () => {
    const panel = page.getByRole('region', { name: 'Your decks' });
    await panel.getByRole('button', { name: 'Rename My notes' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Data structures');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await row(page).getByText('Data structures').waitFor();
    await page.reload();
    await row(page).getByText('Data structures').waitFor();

    await panel.getByRole('button', { name: 'Remove Data structures' }).click();
    expect(
      await page
        .getByLabel('Keep its review history (it comes back if you open the file again)')
        .isChecked(),
    ).toBe(true);
    await page.screenshot({ path: screenshotPath('open-decks-remove-dialog.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await row(page).waitFor({ state: 'detached' });
    await page.getByText(/1 card has progress but no longer appears/).waitFor();
    expect(await storedRecords<unknown>(page, 'opened-deck:')).toEqual([]);
    expect(await storedRecords<unknown>(page, 'card:my-notes:')).toHaveLength(1);
    await page.reload();
    await page.locator('[data-deck]').first().waitFor();
    expect(await row(page).count()).toBe(0);

    await openFile(page, 'my-notes.md', Buffer.from(DECK));
    await row(page).waitFor();
    expect(await count(page, 'new')).toBe(1);
    await expect(page.getByText(/no longer appears?/).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens a folder: its Markdown files nest as paths; opened again, only a changed file is proposed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recall-folder-'));
    const vault = join(root, 'vault');
    mkdirSync(join(vault, 'sub'), { recursive: true });
    mkdirSync(join(vault, '.obsidian'));
    writeFileSync(join(vault, 'a.md'), `# A\n\n${card('What is A?', 'A.')}`);
    writeFileSync(join(vault, 'sub', 'b.md'), `# B\n\n${card('What is B?', 'B.')}`);
    writeFileSync(join(vault, '.obsidian', 'c.md'), `# C\n\n${card('What is C?', 'C.')}`);
    writeFileSync(join(vault, 'pic.png'), PNG);
    await page.getByTestId('open-folder').setInputFiles(vault);
    await page.locator('[data-deck="vault/sub/b"]').waitFor();
    await page.locator('[data-deck="vault/a"]').waitFor();
    expect(await page.locator('[data-deck="vault/.obsidian/c"]').count()).toBe(0);
    expect(await page.getByTestId('open-message').innerText()).toBe('Opened 2 decks (2 cards).');

    writeFileSync(
      join(vault, 'a.md'),
      `# A\n\n${card('What is A?', 'A.')}\n${card('What is A2?', 'A2.')}`,
    );
    await page.getByTestId('open-folder').setInputFiles(vault);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Update deck' }).click();
    await page.getByTestId('open-message').getByText('Updated 1 deck (2 cards).').waitFor();
    await page.reload();
    await page.locator('[data-deck="vault/a"]').getByText('2 cards').waitFor();
    removeDir(root);
    expect(errors).toEqual([]);
  });

  it('adds pasted Markdown under its title, and refuses text with no question in the dialog', async () => {
    await page.getByRole('button', { name: 'Paste Markdown…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste Markdown' });
    await dialog.getByLabel('Title').fill('Graphs');
    await dialog.getByLabel('Markdown with questions and answers').fill('# Just notes');
    await dialog.getByRole('button', { name: 'Add deck' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Graphs holds no question Recall can read; nothing was added.')
      .waitFor();
    await dialog
      .getByLabel('Markdown with questions and answers')
      .fill(card('What is a DAG?', 'A directed acyclic graph.'));
    await dialog.getByRole('button', { name: 'Add deck' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-deck="graphs"]').getByText('Graphs').waitFor();
  });

  it('opens Markdown files dropped on the page', async () => {
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
        document.body.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        document.body.dispatchEvent(
          new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      },
      `# Dropped\n\n${card('What was dropped?', 'This file.')}`,
    );
    await page.locator('[data-deck="dropped"]').waitFor();
    expect(errors).toEqual([]);
  });
});
