// Guards issue 13's "study straight from your notes folder" in real Chromium: a folder granted
// through showDirectoryPicker is read, remembered across a reload (its handle kept in IndexedDB),
// and read again when the window regains focus and on "Reload from disk". Headless Chromium cannot
// show the picker, so it hands back a real FileSystemDirectoryHandle of the origin's private file
// system (the same API), whose files the test edits as a person's editor would.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchPersistent,
  removeDir,
  screenshotPath,
  serveBuiltApp,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();

const card = (q: string) =>
  [
    '!!! Question ""',
    '    === "Question"',
    `        ${q}`,
    '',
    '    === "Answer"',
    '        Yes.',
    '',
  ].join('\n');

const PICKER = `window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('notes', { create: true });`;

/** Writes a file under the private folder `notes/` (sub-folders created), as an editor would. */
function writeNote(page: Page, path: string, text: string): Promise<void> {
  return page.evaluate(
    async ([path, text]) => {
      let dir = await (
        await navigator.storage.getDirectory()
      ).getDirectoryHandle('notes', {
        create: true,
      });
      const parts = path.split('/');
      const name = parts.pop()!;
      for (const p of parts) dir = await dir.getDirectoryHandle(p, { create: true });
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    [path, text] as const,
  );
}

let persistent: Awaited<ReturnType<typeof launchPersistent>>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  persistent = await launchPersistent();
  await persistent.context.addInitScript({ content: PICKER });
  page = await persistent.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await persistent.close();
  removeDir(persistent.dir);
});

const cards = (page: Page, id: string) => page.locator(`[data-opened-deck="${id}"]`).innerText();

describe('a granted notes folder', () => {
  it('is read, then read again on focus; after a reload it is remembered and reloads from disk', async () => {
    await page.goto(app.url());
    await writeNote(page, 'a.md', `# A\n\n${card('What is A?')}`);
    await writeNote(page, 'sub/b.md', `# B\n\n${card('What is B?')}`);
    await page.getByRole('button', { name: 'Open a folder…' }).click();
    await page.locator('[data-deck="notes/a"]').waitFor();
    await page.locator('[data-deck="notes/sub/b"]').waitFor();
    const panel = page.getByRole('region', { name: 'Your decks' });
    await panel.getByText('read again when you come back to Recall').waitFor();

    // Edited in another app; the window regains focus.
    await writeNote(page, 'a.md', `# A\n\n${card('What is A?')}\n${card('What is A2?')}`);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByRole('dialog').getByRole('button', { name: 'Update deck' }).click();
    await expect.poll(() => cards(page, 'notes/a')).toContain('2 cards');
    expect(await cards(page, 'notes/sub/b')).toContain('1 card');

    await page.reload();
    await page.locator('[data-deck="notes/a"]').waitFor();
    const allow = panel.getByRole('button', { name: 'Allow reading notes' });
    if (await allow.isVisible()) await allow.click();
    await writeNote(page, 'sub/b.md', `# B\n\n${card('What is B?')}\n${card('What is B2?')}`);
    await panel.getByRole('button', { name: 'Reload from disk' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Update deck' }).click();
    await expect.poll(() => cards(page, 'notes/sub/b')).toContain('2 cards');
    await page.getByTestId('open-message').getByText('notes: Updated 1 deck (2 cards).').waitFor();
    // Recall never writes to the folder: the files are as the editor left them.
    const text = await page.evaluate(async () => {
      const notes = await (await navigator.storage.getDirectory()).getDirectoryHandle('notes');
      return (await (await notes.getFileHandle('a.md')).getFile()).text();
    });
    expect(text).toBe(`# A\n\n${card('What is A?')}\n${card('What is A2?')}`);
    await page.screenshot({ path: screenshotPath('open-folder-access.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
