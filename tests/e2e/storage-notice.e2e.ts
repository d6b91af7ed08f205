// The storage notice in real Chromium: asking the browser from the banner, and dismissing it for
// good. Guards: it showed on every visit with no way to act on it or dismiss it.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchPersistent, removeDir, serveBuiltApp, watchErrors } from './harness.ts';

const app = serveBuiltApp();

/** Storage is not yet persistent; `persist()` answers with window.__grant (false unless set). */
async function stubStorage(context: BrowserContext) {
  await context.addInitScript(() => {
    if (!navigator.storage) return;
    const w = window as unknown as { __grant?: boolean; __granted?: boolean };
    navigator.storage.persisted = () => Promise.resolve(w.__granted === true);
    navigator.storage.persist = () => Promise.resolve((w.__granted = w.__grant === true));
  });
}

describe('the storage notice', () => {
  it('reports a refusal, then stays away after "Don’t show again" and a reload', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      await stubStorage(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(app.url());
      const notice = page.getByText(/may clear Recall’s storage/);
      await notice.waitFor();
      await page.getByRole('button', { name: 'Keep my data on this device' }).click();
      await page.getByText(/browser declined to keep Recall’s storage/).waitFor();
      await page.getByRole('button', { name: 'Don’t show again' }).click();
      await page.reload();
      await page.locator('table.decks tbody tr').first().waitFor();
      expect(await page.getByRole('button', { name: 'Don’t show again' }).count()).toBe(0);
      expect(await notice.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });

  it('goes away when the browser grants persistent storage', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      await stubStorage(context);
      const page = await context.newPage();
      await page.goto(app.url());
      await page.getByText(/may clear Recall’s storage/).waitFor();
      await page.evaluate(() => ((window as unknown as { __grant: boolean }).__grant = true));
      await page.getByRole('button', { name: 'Keep my data on this device' }).click();
      await page.getByText(/may clear Recall’s storage/).waitFor({ state: 'detached' });
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
