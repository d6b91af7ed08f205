// A new deployment is offered, not forced: the open app shows "Reload to update", and reloading
// brings the new version (here: one with an extra deck) while stored progress stays.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent, removeDir } from './harness.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

let work: string;
let root: string;
let server: Server;
let url: string;

/** Builds the app with the given decks folder into `out`. */
async function buildInto(out: string, decksDir: string) {
  const previous = { decks: process.env.RECALL_DECKS_DIR, env: process.env.NODE_ENV };
  process.env.RECALL_DECKS_DIR = decksDir;
  // vitest sets NODE_ENV=test, which would build without the production-only service worker.
  process.env.NODE_ENV = 'production';
  try {
    await build({
      logLevel: 'silent',
      mode: 'production',
      build: { outDir: out, emptyOutDir: true },
    });
  } finally {
    if (previous.decks === undefined) delete process.env.RECALL_DECKS_DIR;
    else process.env.RECALL_DECKS_DIR = previous.decks;
    if (previous.env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous.env;
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'recall-update-'));
  const decks = join(work, 'decks');
  mkdirSync(decks);
  cpSync('decks', decks, { recursive: true });
  await buildInto(join(work, 'v1'), decks);
  writeFileSync(
    join(decks, 'extra.md'),
    '# Extra\n\n!!! Question ""\n    === "Question"\n        New in version 2?\n    === "Answer"\n        Yes.\n',
  );
  await buildInto(join(work, 'v2'), decks);
  root = join(work, 'v1');
  // A static server whose folder the test switches: a deployment, as a person's host does it.
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^\/+/, '');
    let file = join(root, path || 'index.html');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(readFileSync(file));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe('a new version', () => {
  it('is offered with a prompt and arrives on reload', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('tr[data-deck="ml-interview-questions"]').waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      expect(await page.locator('tr[data-deck="extra"]').count()).toBe(0);

      root = join(work, 'v2');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = page.getByRole('button', { name: 'Reload to update' });
      await prompt.waitFor({ timeout: 30_000 });
      // Not forced: the open app keeps running the old version until the person agrees.
      expect(await page.locator('tr[data-deck="extra"]').count()).toBe(0);
      await prompt.click();
      await page.locator('tr[data-deck="extra"]').waitFor({ timeout: 30_000 });
      await page.locator('tr[data-deck="ml-interview-questions"]').waitFor();
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
