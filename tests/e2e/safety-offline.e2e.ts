// Hostile deck content stays inert in real Chromium, and the built app works offline once loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  launch,
  launchPersistent,
  removeDir,
  startServer,
  serveBuiltApp,
  waitForServiceWorker,
} from './harness.ts';

const app = serveBuiltApp();

const HOSTILE = join(process.cwd(), 'tests/fixtures/hostile-cards.md');

describe('hostile cards', () => {
  it('renders every hostile answer without running script, dialogs or javascript: links', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(app.url()) && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(app.url());
      await page.getByTestId('open-deck').setInputFiles({
        name: 'hostile-cards.md',
        mimeType: 'text/markdown',
        buffer: readFileSync(HOSTILE),
      });
      const row = page.locator('tr[data-deck="hostile-cards"]');
      await row.waitFor();
      const total = Number(await row.getByTestId('new').textContent());
      expect(total).toBeGreaterThan(5);

      await row.getByRole('button', { name: /^Study/ }).click();
      for (let i = 0; i < total; i++) {
        await page.locator('section.question').waitFor();
        const q = await page.locator('section.question').innerText();
        await page.keyboard.press('Space');
        await page.getByTestId('answer').waitFor();
        // Give lazy renderers (KaTeX, mermaid, highlighter) time to run their worst.
        await page.waitForTimeout(q.toLowerCase().includes('mermaid') ? 1500 : 300);
        const report = await page.evaluate(() => {
          const root = document.querySelector('main')!;
          const all = [...root.querySelectorAll('*')];
          return {
            pwned: (window as unknown as { __pwned?: unknown }).__pwned,
            handlers: all.flatMap((el) =>
              [...el.attributes]
                .filter((a) => a.name.startsWith('on'))
                .map((a) => `${el.tagName}.${a.name}`),
            ),
            scripts: root.querySelectorAll('script, iframe, object, embed').length,
            jsLinks: all
              .map((el) => el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '')
              .filter((h) => /^\s*(javascript|vbscript|data:text)/i.test(h)),
          };
        });
        expect(report, `card ${i + 1}: ${q.slice(0, 60)}`).toEqual({
          pwned: undefined,
          handlers: [],
          scripts: 0,
          jsLinks: [],
        });
        await page.keyboard.press('3');
        await page.waitForTimeout(50);
      }
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('offline', () => {
  it('loads the app and its decks from the service worker once the server is gone', async () => {
    const own = await startServer();
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      await page.goto(own.url);
      await page.locator('tr[data-deck="ml-interview-questions"]').waitFor();
      // Regression: the old wait (waitForFunction with an async predicate) returned at once, and
      // the server was closed while the worker was still precaching: ERR_CONNECTION_REFUSED below.
      await waitForServiceWorker(page);
      // The network is gone for good: the server stops, nothing answers on its port.
      await own.server.close();
      // A fresh navigation (Playwright's reload() bypasses the service worker).
      await page.goto(own.url);
      await page.locator('tr[data-deck="ml-interview-questions"]').waitFor();
      await page.getByRole('button', { name: /Study ml/i }).click();
      await page.locator('section.question').waitFor();
      await page.keyboard.press('Space');
      // The Markdown renderer chunk and KaTeX come from the cache too.
      await page.getByTestId('answer').waitFor();
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
