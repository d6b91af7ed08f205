// Guards issue 10 "Freezes": studying every card of the render-bomb corpus (reveal and rate)
// never blocks the page for long; each bomb shows as a message with its source, and the cards
// just inside the limits and a normal card are drawn.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse-deck.ts';
import { bombDeck } from '../fixtures/bombs/generate.ts';
import { installHeartbeat, serveBombApp, studyBombs } from '../fixtures/bombs/study.ts';
import { launchPersistent, removeDir, watchErrors } from './harness.ts';

const cards = parseDeck(bombDeck(), 'bombs.md').cards;
const expectedRefused = cards
  .map((c) => c.question.trim())
  .filter((q) => !/^(Inside:|A normal card)/.test(q));

let work = '';
let server: PreviewServer | null = null;
let url = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'recall-bombs-'));
  ({ server, url } = await serveBombApp(work));
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) removeDir(work);
});

describe('the render-bomb deck', () => {
  it('is studied card by card without a long block; bombs show why, with their source', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      await installHeartbeat(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      const result = await studyBombs(page, url, cards.length);
      console.log(`bombs: longest main-thread block ${result.longestBlockMs.toFixed(0)} ms`);
      for (const { question, ms } of result.perCard)
        console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${question.slice(0, 60)}`);
      expect([...result.questions].sort()).toEqual(cards.map((c) => c.question.trim()).sort());
      expect([...result.refused].sort()).toEqual([...expectedRefused].sort());
      expect(result.longestBlockMs).toBeLessThan(1000);
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  }, 240_000);
});
