// The render-bomb deck (tests/fixtures/bombs) studied in real Chromium, card by card: the longest
// main-thread block, measured by a 20 ms heartbeat in the page, against the same figure while a
// normal card was studied in the same run. Issue 10's target: never more than 200 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { bombDeck } from '../tests/fixtures/bombs/generate.ts';
import { installHeartbeat, serveBombApp, studyBombs } from '../tests/fixtures/bombs/study.ts';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/harness.ts';
import type { BenchRow } from './table.ts';

const TARGET_MS = 200;

export async function run(): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'recall-bombs-bench-'));
  const { server, url } = await serveBombApp(work);
  try {
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      serviceWorkers: 'block',
    });
    try {
      // tsx compiles the functions passed to the page with esbuild's __name helper.
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await installHeartbeat(context);
      const page = await context.newPage();
      const cards = parseDeck(bombDeck(), 'bombs.md').cards.length;
      const result = await studyBombs(page, url, cards);
      const normal = result.perCard.find((c) => c.question.startsWith('A normal card'));
      return [
        {
          name: `render bombs, longest main-thread block (${cards} cards)`,
          value: result.longestBlockMs,
          unit: 'ms',
          ...(normal
            ? {
                baselineName: 'a normal card',
                baselineValue: normal.ms,
                ratio: result.longestBlockMs / normal.ms,
              }
            : {}),
          target: `<= ${TARGET_MS} ms`,
          ok: result.longestBlockMs <= TARGET_MS,
        },
      ];
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
