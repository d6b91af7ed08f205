// Serves the built app (dist/) and drives it in real Chromium (Debian's /usr/bin/chromium).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = join(process.cwd(), 'test-results');

export async function startServer(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'silent',
  });
  const address = server.httpServer.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** A browser context that keeps IndexedDB on disk across a browser restart. */
export async function launchPersistent(
  dir?: string,
): Promise<{ context: BrowserContext; dir: string; close: () => Promise<void> }> {
  const userDir = dir ?? mkdtempSync(join(tmpdir(), 'recall-e2e-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    context,
    dir: userDir,
    close: async () => {
      await context.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Collects page errors and console errors so a test can assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Waits until the service worker has installed (its precache is complete: install waits for it),
 * is activated and controls the page, so that from then on the page loads with no server at all.
 * (page.waitForFunction cannot wait on this: it takes an async predicate's Promise as truthy.)
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const worker = reg.active;
    if (worker && worker.state !== 'activated')
      await new Promise<void>((done) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') done();
        });
      });
    if (!navigator.serviceWorker.controller)
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
      );
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}

/** Serves the built app for the tests of one file (vitest hooks), closing it afterwards. */
export function serveBuiltApp(): { url: () => string } {
  let running: { server: PreviewServer; url: string } | null = null;
  beforeAll(async () => {
    running = await startServer();
  });
  afterAll(async () => {
    await running?.server.close();
  });
  return {
    url: () => {
      if (!running) throw new Error('The preview server has not started.');
      return running.url;
    },
  };
}

/** Every record Recall stored under a key prefix, in key order (log ids sort by time). */
export function storedRecords<T>(page: Page, prefix: string): Promise<T[]> {
  return page.evaluate(
    (p) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db
            .transaction('kv')
            .objectStore('kv')
            .getAll(IDBKeyRange.bound(p, `${p}\uffff`));
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    prefix,
  );
}

/** One Chromium for the tests of one file (vitest hooks), closed afterwards. */
export function browserForFile(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium has not started.');
    return browser;
  };
}

/** Builds the app into `outDir` with the decks of `decksDir` instead of decks/ (RECALL_DECKS_DIR). */
export async function buildWithDecksDir(decksDir: string, outDir: string): Promise<void> {
  const previous = process.env.RECALL_DECKS_DIR;
  process.env.RECALL_DECKS_DIR = decksDir;
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.RECALL_DECKS_DIR;
    else process.env.RECALL_DECKS_DIR = previous;
  }
}

/**
 * Builds the app with only the given deck files (file name → Markdown) into `work/dist`, and
 * serves it on a free port.
 */
export async function serveAppWithDecks(
  work: string,
  decks: Record<string, string>,
): Promise<{ server: PreviewServer; url: string }> {
  const decksDir = join(work, 'decks');
  const outDir = join(work, 'dist');
  mkdirSync(decksDir, { recursive: true });
  for (const [name, text] of Object.entries(decks)) writeFileSync(join(decksDir, name), text);
  await buildWithDecksDir(decksDir, outDir);
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return { server, url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/` };
}

/** The question of the card on screen, trimmed. */
export async function questionText(page: Page): Promise<string> {
  return (await page.locator('section.question').innerText()).trim();
}

/**
 * Waits until the question on screen is no longer `before` (as `questionText` reads it: the
 * rendered `innerText`, not `textContent`, which differs once a diagram's SVG is drawn and
 * would pass at once): the next card, or none (the end).
 */
export async function waitForNextCard(page: Page, before: string): Promise<void> {
  await page.waitForFunction((prev) => {
    const q = document.querySelector<HTMLElement>('section.question');
    return !q || q.innerText.trim() !== prev;
  }, before);
}

/** Reveals the card on screen, presses `key` (Good by default) and waits for the next card. */
export async function answerCard(page: Page, key = '3'): Promise<void> {
  const question = page.locator('section.question');
  await question.waitFor();
  const before = await questionText(page);
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  await page.keyboard.press(key);
  // The rating is taken once the answer is hidden; then the next card's question is drawn.
  await page.getByTestId('answer').waitFor({ state: 'detached' });
  await waitForNextCard(page, before);
}
