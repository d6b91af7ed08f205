// Storage full, then a reload, in real Chromium. Guards: answers kept in memory for retry were
// lost on reload (2 of 7 stored); leaving did not warn; the banner spoke of "your last answer".
import { describe, expect, it } from 'vitest';
import {
  answerCard,
  launchPersistent,
  removeDir,
  serveBuiltApp,
  storedRecords,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();

describe('storage full, then a reload', () => {
  it('warns before leaving, and after the reload every answer is stored', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      // The CDP quota override is not enforced, so a full disk is simulated as Chromium reports
      // one: the transaction of a put aborts with a QuotaExceededError (while window.__full).
      await context.addInitScript(() => {
        const full = () => (window as unknown as { __full?: boolean }).__full === true;
        const quota = new WeakSet<IDBTransaction>();
        const errorOf = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error')!.get!;
        Object.defineProperty(IDBTransaction.prototype, 'error', {
          get(this: IDBTransaction) {
            return quota.has(this)
              ? new DOMException('The quota has been exceeded.', 'QuotaExceededError')
              : errorOf.call(this);
          },
        });
        // After the abort, the transaction's other requests go nowhere (as they never complete).
        const aborted = new WeakSet<IDBTransaction>();
        const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
        for (const name of ['put', 'get', 'delete']) {
          const original = proto[name] as (...args: unknown[]) => IDBRequest;
          proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
            const tx = this.transaction;
            if (aborted.has(tx)) return {} as IDBRequest;
            const req = original.apply(this, args);
            if (name === 'put' && full()) {
              quota.add(tx);
              aborted.add(tx);
              tx.abort();
            }
            return req;
          };
        }
      });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.type());
        void d.accept();
      });
      await page.goto(app.url());
      await page.getByRole('button', { name: /Study ml/i }).click();
      await page.locator('section.question').waitFor();
      await answerCard(page); // stored normally
      await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
      for (let i = 0; i < 5; i++) await answerCard(page);
      await page.getByText('5 changes not saved yet — the device storage is full.').waitFor();
      expect(await storedRecords(page, 'log:')).toHaveLength(1);

      await page.reload(); // the flag is gone: storage has room again
      expect(dialogs).toEqual(['beforeunload']);
      // The session comes back with all six answers counted.
      await page.getByText('3 new, 6 learning, 0 to review').waitFor();
      await page.waitForFunction(() => localStorage.getItem('recall:pending-journal') === null);
      expect(await storedRecords(page, 'log:')).toHaveLength(6);
      expect(await storedRecords(page, 'card:')).toHaveLength(6);
      expect(await page.getByText(/not saved yet/).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
