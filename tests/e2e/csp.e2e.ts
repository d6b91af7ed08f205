// The built app runs under its Content-Security-Policy with no violation, and the policy blocks
// what a deck could otherwise make the page load from another host (issue 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  launchPersistent,
  questionText,
  removeDir,
  serveBuiltApp,
  waitForNextCard,
  waitForServiceWorker,
} from './harness.ts';

const app = serveBuiltApp();

/** Page errors, console errors and CSP violations, all as lines to assert empty. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.exposeFunction('__cspViolation', (line: string) => problems.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation;
      void report(`csp: ${e.effectiveDirective} blocked ${e.blockedURI}`);
    });
  });
  return problems;
}

/** Opens tests/fixtures/remote-images.md from the home screen and starts studying it. */
async function studyFixture(page: Page): Promise<void> {
  await page.goto(app.url());
  await page.getByTestId('open-deck').setInputFiles({
    name: 'remote-images.md',
    mimeType: 'text/markdown',
    buffer: readFileSync(join(process.cwd(), 'tests/fixtures/remote-images.md')),
  });
  const row = page.locator('tr[data-deck="remote-images"]');
  await row.waitFor();
  await row.getByRole('button', { name: /^Study/ }).click();
}

describe('Content-Security-Policy', () => {
  it('is sent by preview and carried by the built index.html', async () => {
    const res = await fetch(app.url());
    const header = res.headers.get('content-security-policy') ?? '';
    expect(header).toContain("default-src 'self'");
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval';");
    const html = await res.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src/);
  });

  it('home, a review with KaTeX and Mermaid, settings and the service worker run with no violation', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      const problems = await watchProblems(page);
      await page.goto(app.url());
      await page.locator('tr[data-deck="ml-interview-questions"]').waitFor();
      await waitForServiceWorker(page);

      await page.goto(`${app.url()}#/review/ml-interview-questions`);
      await page.locator('section.question').waitFor();
      let sawMath = false;
      let sawDiagram = false;
      for (let i = 0; i < 9 && !(sawMath && sawDiagram); i++) {
        const q = await questionText(page);
        await page.keyboard.press('Enter');
        const answer = page.getByTestId('answer');
        await answer.waitFor();
        if (q.includes('Entropy')) {
          await answer.locator('.katex').first().waitFor();
          sawMath = true;
        }
        if (q.includes('Logits')) {
          await answer.locator('.mermaid-diagram svg').first().waitFor({ timeout: 20_000 });
          sawDiagram = true;
        }
        await page.keyboard.press('4');
        await waitForNextCard(page, q);
      }
      expect({ sawMath, sawDiagram }).toEqual({ sawMath: true, sawDiagram: true });

      await page.goto(`${app.url()}#/settings`);
      await page.getByRole('heading', { name: 'Scheduling' }).waitFor();
      await page.getByRole('heading', { name: 'Backup' }).waitFor();
      expect(problems).toEqual([]);

      // connect-src 'self': script on the page cannot reach another host.
      const outcome = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'fetched',
          () => 'blocked',
        ),
      );
      expect(outcome).toBe('blocked');
      // (Reported once per policy: the header's and the meta tag's.)
      await expect
        .poll(() => problems.filter((p) => p.startsWith('csp:')))
        .toContain('csp: connect-src blocked https://example.com/');
    } finally {
      await close();
      removeDir(dir);
    }
  });

  it('loads nothing from another host before the person allows the deck, and remembers the choice', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      const problems = await watchProblems(page);
      // Every request to another host is recorded and never reaches the network.
      const remote: string[] = [];
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || !url.protocol.startsWith('http'))
          return route.continue();
        remote.push(url.href);
        return route.abort();
      });
      await studyFixture(page);
      await page.locator('section.question').waitFor();
      await page.keyboard.press('Enter');
      const answer = page.getByTestId('answer');
      const allow = answer.getByRole('button', { name: 'Show images from this deck' });
      await expect.poll(() => allow.count()).toBe(5);
      expect(await answer.locator('img').count()).toBe(0);
      expect(await answer.locator('.remote-image').first().innerText()).toContain(
        'Image from i.imgur.com',
      );
      expect(remote).toEqual([]);
      expect(problems).toEqual([]);

      await allow.first().click();
      await expect.poll(() => answer.locator('img').count()).toBe(5);
      await expect.poll(() => remote.some((u) => u.endsWith('/md.png'))).toBe(true);
      expect(remote.filter((u) => u.includes('srcset'))).toEqual([]);

      // Remembered: after a reload (and opening the file again: opened decks last a session)
      // the same card shows its images without asking again.
      await page.reload();
      await studyFixture(page);
      await page.locator('section.question').waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => answer.locator('img').count()).toBe(5);
      expect(await allow.count()).toBe(0);

      // The diagram card: its label <img>, image shape and themeCSS url() fetch nothing.
      remote.length = 0;
      const first = await questionText(page);
      await page.keyboard.press('4');
      await waitForNextCard(page, first);
      await page.keyboard.press('Enter');
      await answer.locator('.mermaid-diagram svg').first().waitFor({ timeout: 20_000 });
      expect(remote).toEqual([]);
      // Once allowed, the images' own failures are expected (aborted above; plain http: images,
      // such as //host on this http page, are refused by img-src): nothing else went wrong.
      const imageFailure = /i\.imgur\.com|Failed to load resource: net::ERR_FAILED/;
      expect(problems.filter((p) => !imageFailure.test(p))).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
