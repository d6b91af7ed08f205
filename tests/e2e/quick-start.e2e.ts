// Guards the README's Quick start: its command, run exactly as written, serves an app that works in
// Chromium (no Vite error overlay, no console error, a card can be studied), and a deck file added
// to, edited in or removed from decks/ shows up in the open page without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, watchErrors } from './harness.ts';

const README = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const quickStart = README.split(/^## /m).find((s) => s.startsWith('Quick start')) ?? '';
/** The one line of the Quick start's code block, e.g. `npm install && npm start`. */
const COMMAND = /```sh\n(.+)\n```/.exec(quickStart)?.[1]?.trim() ?? '';
/** The address the Quick start tells a person to open. */
const README_URL = /open <(http:\/\/[^>]+)>/.exec(quickStart)?.[1] ?? '';

const DECK_ID = `qs-e2e-${process.pid}-${Date.now()}`;
const DECK_FILE = join(process.cwd(), 'decks', `${DECK_ID}.md`);
const SERVER_START_MS = 180_000;
const LIVE_UPDATE_MS = 30_000;

const deckText = (title: string, questions: string[]) =>
  [
    '---',
    `title: ${title}`,
    '---',
    '',
    ...questions.flatMap((q) => [
      '!!! Question ""',
      '    === "Question"',
      `        #### ${q}`,
      '',
      '    === "Answer"',
      '        Written by the quick-start test; it removes this file when it ends.',
      '',
    ]),
  ].join('\n');

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

/** The command in a process group of its own, so the whole group (sh, npm, vite) can be ended. */
function startCommand(command: string): { child: ChildProcess; output: () => string } {
  let output = '';
  const env = { ...process.env };
  // Build-only settings of the other browser tests; the dev server must read the real decks/.
  delete env.RECALL_DECKS_DIR;
  delete env.RECALL_OUT_DIR;
  const child = spawn(command, {
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      // npm install as written, minus its reports that ask the registry (audit, funding, update
      // notice): node_modules already matches the lockfile, so it installs nothing and needs no
      // network, and the test does not depend on the registry being reachable.
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
  });
  const add = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return { child, output: () => output };
}

/** Waits for the `Local: http://…` line Vite prints once it listens; fails if the command ends. */
async function localUrl(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + SERVER_START_MS;
  // eslint-disable-next-line no-control-regex
  const plain = () => output().replace(/\x1b\[[0-9;]*m/g, '');
  while (Date.now() < deadline) {
    const url = /Local:\s+(http:\/\/\S+)/.exec(plain())?.[1];
    if (url) return url;
    if (child.exitCode !== null)
      throw new Error(`\`${COMMAND}\` ended (${child.exitCode}) before serving:\n${plain()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`\`${COMMAND}\` served nothing in ${SERVER_START_MS / 1000} s:\n${plain()}`);
}

/** Ends every process of the command's group: SIGTERM, then SIGKILL if any is left. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(-pid, 'SIGKILL');
}

/** The message of Vite's error overlay (it lives in a shadow root), or '' when there is none. */
const overlayText = (page: Page) =>
  page.evaluate(
    () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.trim() ?? '',
  );

const deckRow = (page: Page, id: string) => page.locator(`tr[data-deck="${id}"]`);

let running: ChildProcess | null = null;
let browser: Browser | null = null;
afterAll(async () => {
  rmSync(DECK_FILE, { force: true });
  await browser?.close();
  if (running) await stopGroup(running);
}, 30_000);

describe("README's Quick start", () => {
  it('serves a working app, and deck files changed in decks/ show up without a restart', async () => {
    expect(COMMAND).toContain('npm start');
    expect(README_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const readmePortFree = await portIsFree(Number(new URL(README_URL).port));

    // The command exactly as README.md writes it, so the two cannot drift apart. No port is
    // passed: when the README's port is taken (a developer's own `npm start`), Vite takes the
    // next one and says so, and the test opens the address Vite printed.
    const started = startCommand(COMMAND);
    running = started.child;
    const url = await localUrl(started.child, started.output);
    if (readmePortFree) expect(url).toBe(README_URL);

    browser = await launch();
    const page = await browser.newPage();
    page.setDefaultTimeout(LIVE_UPDATE_MS);
    const errors = watchErrors(page);
    await page.goto(url, { timeout: 60_000 });

    const ml = deckRow(page, 'ml-interview-questions');
    const overlay = page.locator('vite-error-overlay');
    // Whichever comes first, so a broken start fails at once with the overlay's message.
    await ml.or(overlay).first().waitFor({ timeout: 60_000 });
    expect(await overlay.count(), await overlayText(page)).toBe(0);
    const newBefore = Number(await ml.getByTestId('new').textContent());
    expect(await page.getByTestId('today-reviewed').textContent()).toBe('0');

    // Study → Show answer → a rating, then home: the answer is counted.
    await ml.getByRole('button', { name: /^Study/ }).click();
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByTestId('answer').waitFor();
    const ratings = page.getByRole('group', { name: 'Rate your answer' });
    await ratings.getByRole('button', { name: /Good/ }).click();
    await ratings.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Decks' }).click();
    await expect.poll(() => page.getByTestId('today-reviewed').textContent()).toBe('1');
    expect(Number(await ml.getByTestId('new').textContent())).toBe(newBefore - 1);
    await page.screenshot({ path: screenshotPath('quick-start-home.png') });

    // The dev server reloads the open page itself: the test never navigates again.
    const row = deckRow(page, DECK_ID);
    try {
      writeFileSync(DECK_FILE, deckText('Quick-start probe', ['What does the probe ask?']));
      await row.waitFor();
      expect(await row.locator('.deck-title').textContent()).toBe('Quick-start probe');
      expect(await row.getByTestId('new').textContent()).toBe('1');

      writeFileSync(
        DECK_FILE,
        deckText('Quick-start probe, edited', ['What does the probe ask?', 'And a second one?']),
      );
      await expect
        .poll(() => row.locator('.deck-title').textContent(), { timeout: LIVE_UPDATE_MS })
        .toBe('Quick-start probe, edited');
      expect(await row.getByTestId('new').textContent()).toBe('2');
    } finally {
      rmSync(DECK_FILE, { force: true });
    }
    await row.waitFor({ state: 'detached' });
    // Detached also while the page reloads: look again once the reloaded page shows its decks.
    await ml.waitFor();
    expect(await row.count()).toBe(0);

    expect(await overlay.count(), await overlayText(page)).toBe(0);
    expect(errors).toEqual([]);
    expect(started.child.exitCode).toBeNull();
  }, 300_000);
});
