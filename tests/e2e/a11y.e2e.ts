// Accessibility of every screen in real Chromium, light and dark: axe-core's serious and critical
// findings (contrast, names, labels, roles…) fail the test, listed screen by screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, serveBuiltApp, watchErrors } from './harness.ts';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const DECK = 'ml-interview-questions';
const app = serveBuiltApp();
const browser = browserForFile();

/** Findings tolerated for a stated reason (rule id and element, nothing broader); none today. */
const PENDING: { id: string; target: RegExp; where: string }[] = [];

const pending = (id: string, target: string) =>
  PENDING.some((p) => p.id === id && p.target.test(target));

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the page as it is now; returns its serious and critical findings. */
async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: RunOptions) => Promise<AxeResults> };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      }));
  });
}

const report = (found: Map<string, Finding[]>) =>
  [...found]
    .filter(([, list]) => list.length > 0)
    .map(
      ([screen, list]) =>
        `${screen}:\n` +
        list
          .map(
            (f) =>
              `  ${f.impact} ${f.id}: ${f.help}\n` +
              f.nodes.map((n) => `    ${n.target}\n      ${n.summary}`).join('\n'),
          )
          .join('\n'),
    )
    .join('\n');

describe.each(['light', 'dark'] as const)('every screen in %s mode', (colorScheme) => {
  // Guards: the "Space" hint on Show answer was white on pale grey, among other findings.
  it('has no serious or critical accessibility finding', async () => {
    const context = await browser().newContext({
      colorScheme,
      viewport: { width: 1280, height: 800 },
      // axe-core is injected as an inline script, which the app's CSP rightly refuses; the CSP
      // itself is checked in csp.e2e.ts.
      bypassCSP: true,
    });
    // A browser that will not promise to keep storage, so Home shows the storage notice too.
    await context.addInitScript(() => {
      if (!navigator.storage) return;
      navigator.storage.persisted = () => Promise.resolve(false);
      navigator.storage.persist = () => Promise.resolve(false);
    });
    const found = new Map<string, Finding[]>();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const check = async (screen: string) => {
        found.set(screen, await audit(page));
      };
      const go = async (hash: string, ready: string) => {
        await page.evaluate((h) => (window.location.hash = h), hash);
        await page.locator(ready).first().waitFor();
      };

      await page.goto(app.url());
      await page.locator('table.decks tbody tr').first().waitFor();
      await page.getByText(/may clear Recall’s storage/).waitFor();
      await check('home, with the storage notice');

      await go(`#/review/${DECK}`, 'section.question');
      await check('review, question shown');
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      await check('review, shortcuts dialog open');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      await check('review, answer shown');
      await page.keyboard.press('3');
      await page.waitForFunction(() => !document.querySelector('[data-testid="answer"]'));
      await page.keyboard.press('Escape');
      await page.locator('.summary').waitFor();
      await check('end-of-session summary');

      await go('#/', 'table.decks tbody tr');
      await check('home, after a session');
      await go(`#/browse/${DECK}`, 'table.browse');
      await check('deck browser');
      await page.locator('table.browse tbody tr').first().locator('button.linklike').click();
      await page.locator('table.history').waitFor();
      await check('deck browser, card details');
      await go('#/settings', 'form.settings');
      await check('settings');
      await go('#/stats', '[data-section="stats-calendar"]');
      await page.getByTestId('known-at-end').waitFor();
      await check('stats');
      for (const hash of ['#/review/nope', '#/browse/nope', '#/nonsense']) {
        await go(hash, '.not-found');
        await check(`not found: ${hash}`);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const tolerated = new Map<string, Finding[]>();
    const failing = new Map<string, Finding[]>();
    for (const [screen, list] of found) {
      const split = (keep: boolean) =>
        list
          .map((f) => ({ ...f, nodes: f.nodes.filter((n) => pending(f.id, n.target) === keep) }))
          .filter((f) => f.nodes.length > 0);
      tolerated.set(screen, split(true));
      failing.set(screen, split(false));
    }
    const known = report(tolerated);
    if (known) console.warn(`Known findings, reported to their owners:\n${known}`);
    expect(report(failing), 'axe findings').toBe('');
  });
});
