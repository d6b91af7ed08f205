// The Stats screen's figures: every figure from 100,000 log entries over two years for 10,000
// cards, against one pass that only sums the log's answer times (the least any figure can cost).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { computeStats } from '../src/stats/compute-stats.ts';
import type { StatsInput } from '../src/stats/types.ts';
import type { CardState } from '../src/shared/types.ts';
import { buildWithDecksDir, CHROMIUM_ARGS, executablePath } from '../tests/e2e/harness.ts';
import { benchCards, buildCollection, seedCollection } from './seed-collection.ts';
import { medianMs, type BenchRow } from './table.ts';

const CARDS = 10_000;
const ENTRIES = 100_000;
export const FIGURES_TARGET_MS = 200;

export function statsInput(now: number): StatsInput {
  const cards = benchCards(CARDS);
  const { states, log } = buildCollection(cards, ENTRIES, now);
  log.sort((a, b) => a.time - b.time);
  return {
    log,
    states: new Map<string, CardState>(states.map((s) => [s.cardId, s])),
    cards,
    now,
    dayStartHour: 4,
    timeZone: 'America/New_York',
    desiredRetention: 0.9,
    weights: null,
  };
}

export async function run(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 27, 17, 0);
  const input = statsInput(now);
  // A fresh copy of the log each run, so nothing cached on the array from the run before counts.
  const sumOnly = await medianMs(() => {
    let total = 0;
    for (const e of input.log.slice()) total += e.durationMs;
    return total;
  });
  const figures = await medianMs(() => computeStats({ ...input, log: input.log.slice() }));
  const browser = await inChromium();
  return [
    ...browser,
    {
      name: `stats: every figure, ${input.log.length.toLocaleString('en')} entries, ${CARDS.toLocaleString('en')} cards`,
      value: figures,
      unit: 'ms',
      baselineName: 'one pass summing the log',
      baselineValue: sumOnly,
      ratio: figures / sumOnly,
      target: `< ${FIGURES_TARGET_MS} ms`,
      ok: figures < FIGURES_TARGET_MS,
    },
  ];
}

/** A deck file of `n` questions in the native format, deck id "bench" (as the browser bench's). */
function deckText(n: number): string {
  const parts = ['---', 'id: bench', 'title: Bench deck', '---', ''];
  for (let i = 0; i < n; i++)
    parts.push(
      '!!! Question ""',
      '    === "Question"',
      `        Question ${i}?`,
      '',
      '    === "Answer"',
      '',
      `        Answer ${i}.`,
      '',
    );
  return parts.join('\n');
}

/**
 * The built app in Chromium with 10,000 cards and 100,000 entries stored: from opening Stats to
 * every figure drawn (the log read from IndexedDB included), and the longest main-thread task
 * meanwhile, against opening Home on the same store.
 */
async function inChromium(): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'recall-stats-bench-'));
  const decksDir = join(work, 'decks');
  mkdirSync(decksDir);
  const text = deckText(CARDS);
  writeFileSync(join(decksDir, 'bench.md'), text);
  const outDir = join(work, 'dist');
  await buildWithDecksDir(decksDir, outDir);
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    serviceWorkers: 'block',
  });
  try {
    const seed = await context.newPage();
    await seed.goto(url);
    await seed.locator('tr[data-deck="bench"]').waitFor({ timeout: 60_000 });
    await seedCollection(seed, parseDeck(text, 'bench.md').cards, ENTRIES, Date.now());
    await seed.close();
    await context.addInitScript({
      content: `globalThis.__longest = 0;
        new PerformanceObserver((l) => { for (const e of l.getEntries())
          globalThis.__longest = Math.max(globalThis.__longest, e.duration); })
          .observe({ type: 'longtask', buffered: true });`,
    });
    const open = async (hash: string, ready: string) => {
      const page = await context.newPage();
      await page.goto(`${url}${hash}`);
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
      const result = await page.evaluate(() => ({
        ms: performance.now(),
        longest: (globalThis as unknown as { __longest: number }).__longest,
      }));
      await page.close();
      return result;
    };
    const homes = [];
    const stats = [];
    for (let i = 0; i < 3; i++) {
      homes.push(await open('#/', 'tr[data-deck="bench"]'));
      stats.push(await open('#/stats', '[data-testid="today-answers"]'));
    }
    const mid = <T>(xs: T[], key: (x: T) => number) => xs.map(key).sort((a, b) => a - b)[1]!;
    return [
      {
        name: `stats in Chromium: load → every figure drawn, ${ENTRIES.toLocaleString('en')} entries`,
        value: mid(stats, (r) => r.ms),
        unit: 'ms',
        baselineName: 'load → Home drawn, same store',
        baselineValue: mid(homes, (r) => r.ms),
        ratio: mid(stats, (r) => r.ms) / mid(homes, (r) => r.ms),
      },
      {
        name: 'stats in Chromium: longest main-thread task while opening',
        value: mid(stats, (r) => r.longest),
        unit: 'ms',
        baselineName: 'opening Home',
        baselineValue: mid(homes, (r) => r.longest),
      },
    ];
  } finally {
    await context.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
