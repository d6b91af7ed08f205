// Settings → Optimize in the built app, in real Chromium: the page is cross-origin isolated (the
// WebAssembly optimizer needs SharedArrayBuffer), a seeded log of a few thousand answers is fitted
// in a worker with progress shown, both parameter sets are measured, the new ones are applied,
// and the next card's button labels change.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchCards, buildCollection, lcg } from '../../bench/seed-collection.ts';
import { parseDeck } from '../../src/deck/parse-deck.ts';
import { dayStartOf } from '../../src/scheduler/day.ts';
import {
  browserForFile,
  launchPersistent,
  removeDir,
  screenshotPath,
  serveBuiltApp,
  waitForServiceWorker,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();
const browser = browserForFile();
const DAY = 86_400_000;
/** A self-signed certificate for 127.0.0.1, so no test machine needs openssl. */
const TLS = 'tests/fixtures/tls';
/** A 1×1 PNG. */
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/**
 * The bundled deck's cards with a short history (so some are due), and 3,000 older answers of a
 * person who forgets far more than FSRS's defaults expect (4 in 10 reviews lapse), so fitted
 * parameters are clearly better. Times are fixed against the start of a study day, so every run
 * of a day converts to the same items.
 */
function history() {
  const deck = parseDeck(
    readFileSync('decks/ml-interview-questions.md', 'utf8'),
    'ml-interview-questions.md',
  );
  const now = dayStartOf(Date.now(), 4) - 2 * DAY + 12 * 3_600_000;
  const own = buildCollection(deck.cards, 60, now);
  const other = buildCollection(benchCards(400, 'old'), 3000, now);
  const random = lcg(7);
  const forgetful = other.log.map((e) =>
    e.kind === 'review' && e.before.phase === 'review' && random() < 0.4
      ? { ...e, rating: 1 as const }
      : e,
  );
  return { states: [...own.states, ...other.states], log: [...own.log, ...forgetful] };
}

async function seed(page: Page) {
  const { states, log } = history();
  const rows: [string, unknown][] = [
    ...states.map((s): [string, unknown] => [`card:${s.cardId}`, s]),
    ...log.map((e): [string, unknown] => [`log:${e.id}`, e]),
  ];
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          for (const [key, value] of records) tx.objectStore('kv').put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** The rating buttons' labels of the first card of "Study all", then back Home unanswered. */
async function firstCardLabels(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: 'Decks' }).click();
  await page.getByRole('button', { name: 'Study all' }).click();
  await page.locator('section.question').waitFor();
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  const labels = await page.locator('.interval').allInnerTexts();
  return labels;
}

describe('Settings → Optimize', () => {
  it('fits the seeded log in an isolated page, shows progress and metrics, and applies', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(app.url());
      await page.locator('table.decks tbody tr').first().waitFor();
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      await seed(page);
      await page.reload();
      await page.locator('table.decks tbody tr').first().waitFor();
      const before = await firstCardLabels(page);
      expect(before).toHaveLength(4);

      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Optimize' });
      await expect.poll(() => panel.getByTestId('optimize-unavailable').count()).toBe(0);
      await panel.getByRole('button', { name: 'Optimize', exact: true }).click();
      // Progress and Cancel while it runs.
      await panel.getByRole('progressbar', { name: 'Optimizing' }).waitFor();
      await panel.getByRole('button', { name: 'Cancel' }).waitFor();

      const result = panel.getByTestId('optimize-result');
      await result.waitFor({ timeout: 120_000 });
      const rows = await result.locator('tbody tr').allInnerTexts();
      expect(rows[0]).toMatch(/^Current\s+0\.\d{4}\s+\d+\.\d\d %$/);
      expect(rows[1]).toMatch(/^New\s+0\.\d{4}\s+\d+\.\d\d %$/);
      // Offered only because the new parameters predict the log better (lower RMSE (bins)).
      const rmse = (row = '') => Number(/([\d.]+) %$/.exec(row)?.[1]);
      expect(rmse(rows[1])).toBeLessThan(rmse(rows[0]));
      await page.screenshot({ path: screenshotPath('optimize-result.png'), fullPage: true });
      await panel.getByRole('button', { name: 'Apply new parameters' }).click();
      await expect
        .poll(() => result.getByRole('status').innerText())
        .toBe('New parameters applied.');

      const stored = await page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('recall');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('kv').objectStore('kv').get('meta:settings');
              req.onsuccess = () => resolve(req.result);
            };
          }),
      );
      expect(JSON.stringify(stored)).toMatch(/"weights":\[(-?\d[\d.e-]*,){18,20}/);

      const after = await firstCardLabels(page);
      expect(after).toHaveLength(4);
      expect(after).not.toEqual(before);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the isolated page still shows an image from another host that sends no CORP header', async () => {
    // COEP credentialless (not require-corp) is what keeps decks' remote images displaying. The
    // image comes from a real HTTPS server on another origin (tests/fixtures/tls: self-signed).
    const images = createServer(
      { key: readFileSync(`${TLS}/key.pem`), cert: readFileSync(`${TLS}/cert.pem`) },
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from(PIXEL, 'base64'));
      },
    );
    await new Promise<void>((done) => images.listen(0, '127.0.0.1', done));
    const port = (images.address() as AddressInfo).port;
    const context = await browser().newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      await page.goto(app.url());
      await page.locator('table.decks tbody tr').first().waitFor();
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      const width = await page.evaluate(
        (src) =>
          new Promise<number>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(img.naturalWidth);
            img.onerror = () => resolve(-1);
            img.src = src;
          }),
        `https://127.0.0.1:${port}/a.png`,
      );
      expect(width).toBe(1);
    } finally {
      await context.close();
      images.close();
    }
  });

  it('on a static host with no headers, the service worker isolates the page from the next load', async () => {
    const root = join(process.cwd(), process.env.RECALL_OUT_DIR ?? 'dist');
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.wasm': 'application/wasm',
      '.svg': 'image/svg+xml',
      '.json': 'application/json',
      '.woff2': 'font/woff2',
    };
    const server = createHttpServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      try {
        const body = readFileSync(join(root, path.endsWith('/') ? `${path}index.html` : path));
        const type = types[extname(path.endsWith('/') ? 'index.html' : path)];
        res.writeHead(200, type ? { 'Content-Type': type } : {}).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('table.decks tbody tr').first().waitFor();
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Optimize' });
      await expect(
        panel.getByRole('button', { name: 'Optimize', exact: true }).isDisabled(),
      ).resolves.toBe(true);
      expect(await panel.getByTestId('optimize-unavailable').innerText()).toMatch(
        /Reload the page/,
      );
      await panel.screenshot({ path: screenshotPath('optimize-unavailable.png') });
      await waitForServiceWorker(page);
      await page.reload();
      await page.locator('h2', { hasText: 'Optimize' }).waitFor();
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      expect(await panel.getByRole('button', { name: 'Optimize', exact: true }).isEnabled()).toBe(
        true,
      );
    } finally {
      await close();
      removeDir(dir);
      server.close();
    }
  });

  it('Cancel stops the run and leaves the parameters as they were', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(app.url());
      await page.locator('table.decks tbody tr').first().waitFor();
      await seed(page);
      await page.reload();
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Optimize' });
      await panel.getByRole('button', { name: 'Optimize', exact: true }).click();
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => panel.getByRole('status').innerText()).toBe('Cancelled.');
      expect(await panel.getByTestId('optimize-result').count()).toBe(0);
      expect(await panel.getByRole('button', { name: 'Optimize', exact: true }).isEnabled()).toBe(
        true,
      );
    } finally {
      await context.close();
    }
  });
});
