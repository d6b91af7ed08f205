// The built app in real Chromium with 10,000 cards and 100,000 log entries stored: cold load to
// the first card (against the same app with an empty store) and rating to next card painted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { build, preview } from 'vite';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/harness.ts';
import { seedCollection } from './seed-collection.ts';
import type { BenchRow } from './table.ts';

const CARDS = 10_000;
const LOG_ENTRIES = 100_000;
const RATINGS_MEASURED = 60;
const LOADS = 5;

function deckText(n: number): string {
  const parts = ['---', 'id: bench', 'title: Bench deck', '---', '', '# Bench deck', ''];
  for (let i = 0; i < n; i++) {
    if (i % 500 === 0) parts.push(`## Part ${i / 500 + 1}`, '');
    parts.push(
      '!!! Question ""',
      '    === "Question"',
      `        #### Question number ${i}: what does item ${i} mean?`,
      '',
      '    === "Answer"',
      '',
      `        Item ${i} is explained here with **bold** text and a [link](https://example.org/${i}).`,
      '',
    );
  }
  return parts.join('\n');
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const median = (xs: number[]) => percentile(xs, 50);

async function firstCardMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${url}#/review/bench`);
  await page.locator('section.question').waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => {
    const mark = performance.getEntriesByName('recall:card-shown')[0];
    return mark ? mark.startTime : Number.NaN;
  });
  await page.close();
  return ms;
}

interface RatingTiming {
  /** Key press → next card's question in the DOM, ready for the next paint. */
  domMs: number;
  /** Key press → the first animation frame after it (the frame that paints it). */
  paintMs: number;
  /** Frames that began between the key press and that paint (1 = the very next frame). */
  frames: number;
}

/** Reveals, then times key "3" → the next card's question shown, in ms and in frames. */
async function ratingTimings(page: Page, n: number): Promise<RatingTiming[]> {
  const out: RatingTiming[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    // A person reads the answer before rating; the app may use that moment, as Anki does.
    await page.waitForTimeout(100);
    out.push(
      await page.evaluate(
        () =>
          new Promise<RatingTiming>((resolve) => {
            const card = () =>
              document.querySelector('[data-card-id]')?.getAttribute('data-card-id');
            const before = card();
            let frames = 0;
            let domMs = -1;
            const t0 = performance.now();
            const tick = () => {
              frames += 1;
              if (domMs >= 0) resolve({ domMs, paintMs: performance.now() - t0, frames });
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
            const obs = new MutationObserver(() => {
              if (card() === before || document.querySelector('[data-testid="answer"]')) return;
              obs.disconnect();
              domMs = performance.now() - t0;
            });
            obs.observe(document.body, { subtree: true, childList: true, attributes: true });
            window.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }));
          }),
      ),
    );
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'recall-browser-bench-'));
  const decksDir = join(work, 'decks');
  const outDir = join(work, 'dist');
  mkdirSync(decksDir);
  const text = deckText(CARDS);
  writeFileSync(join(decksDir, 'bench.md'), text);
  const previous = process.env.RECALL_DECKS_DIR;
  process.env.RECALL_DECKS_DIR = decksDir;
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.RECALL_DECKS_DIR;
    else process.env.RECALL_DECKS_DIR = previous;
  }
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
  const launch = async (dir: string) => {
    const context = await chromium.launchPersistentContext(join(work, dir), {
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      serviceWorkers: 'block',
    });
    // tsx compiles the functions passed to page.evaluate with esbuild's __name helper.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    return context;
  };
  try {
    const deck = parseDeck(text, 'bench.md');
    const now = Date.now();

    const empty = await launch('empty');
    const emptyLoads: number[] = [];
    for (let i = 0; i < LOADS; i++) emptyLoads.push(await firstCardMs(empty, url));
    await empty.close();

    const full = await launch('full');
    const seedPage = await full.newPage();
    await seedPage.goto(url);
    await seedPage.locator('tr[data-deck="bench"]').waitFor({ timeout: 60_000 });
    await seedCollection(seedPage, deck.cards, LOG_ENTRIES, now);
    await seedPage.close();
    const fullLoads: number[] = [];
    for (let i = 0; i < LOADS; i++) fullLoads.push(await firstCardMs(full, url));

    const page = await full.newPage();
    await page.goto(`${url}#/review/bench`);
    await page.locator('section.question').waitFor({ timeout: 60_000 });
    await ratingTimings(page, 5); // warm-up
    const timings = await ratingTimings(page, RATINGS_MEASURED);

    // One answer in real Chromium, against bare ts-fsrs + idb-keyval in the same page.
    const bundle = await esbuild({
      entryPoints: [new URL('./browser-answer.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      write: false,
      target: 'es2022',
    });
    const answerPage = await full.newPage();
    await answerPage.goto(`${url}#/settings`);
    await answerPage.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const answerCost = await answerPage.evaluate(() =>
      (
        globalThis as unknown as {
          __answerBench: (n: number) => Promise<{ ours: number; bare: number }>;
        }
      ).__answerBench(200),
    );
    await answerPage.close();

    const cold = median(fullLoads);
    const base = median(emptyLoads);
    const domP95 = percentile(
      timings.map((t) => t.domMs),
      95,
    );
    const paintP95 = percentile(
      timings.map((t) => t.paintMs),
      95,
    );
    await full.close();
    return [
      {
        name: 'browser: one answer, schedule + log entry and state in one transaction',
        value: answerCost.ours,
        unit: 'ms',
        baselineName: 'bare ts-fsrs next + idb-keyval set',
        baselineValue: answerCost.bare,
        ratio: answerCost.ours / answerCost.bare,
        ratioLabel: '×',
        target: '<= 2× baseline',
        ok: answerCost.ours / answerCost.bare <= 2,
      },
      {
        name: `browser: cold load → first card (${CARDS} cards, ${LOG_ENTRIES} log entries)`,
        value: cold,
        unit: 'ms',
        baselineName: 'same app, empty store',
        baselineValue: base,
        ratio: cold / base,
        ratioLabel: '×',
        target: '< 500 ms and <= 2×',
        ok: cold < 500 && cold / base <= 2,
      },
      {
        name: `browser: rating → next card in the DOM, p95 of ${RATINGS_MEASURED}`,
        value: domP95,
        unit: 'ms',
        baselineName: 'median',
        baselineValue: percentile(
          timings.map((t) => t.domMs),
          50,
        ),
        target: '<= 16 ms (one frame)',
        ok: domP95 <= 16,
      },
      {
        name: `browser: rating → next card painted (first frame after it is in the DOM), p95`,
        value: paintP95,
        unit: 'ms',
        baselineName: 'median',
        baselineValue: percentile(
          timings.map((t) => t.paintMs),
          50,
        ),
        target: '<= 16 ms (one frame)',
        ok: paintP95 <= 16,
      },
    ];
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
