// Guards: a diagram whose front matter sets a bad theme colour (`primaryColor: "notacolor"`)
// must fail, if at all, on its own: the diagrams after it still draw, and no deck's diagram
// changes the app's theme or makes the browser fetch its CSS.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerCard,
  launchPersistent,
  removeDir,
  screenshotPath,
  serveAppWithDecks,
  watchErrors,
} from './harness.ts';

const card = (question: string, diagram: string[]) =>
  [
    '!!! Question ""',
    '    === "Question"',
    `        ${question}`,
    '',
    '        ```mermaid',
    ...diagram.map((l) => `        ${l}`),
    '        ```',
    '    === "Answer"',
    '        Drawn.',
    '',
  ].join('\n');

const DECK = [
  '# Diagram isolation',
  '',
  card('Bad theme colour?', [
    '---',
    'config:',
    '  theme: base',
    '  themeVariables:',
    '    primaryColor: "notacolor"',
    '---',
    'graph LR',
    '  Bad --> Theme',
  ]),
  card('Red theme and outside CSS?', [
    '---',
    'config:',
    '  theme: base',
    '  themeVariables:',
    '    primaryColor: "#ff0000"',
    '  themeCSS: ".node rect { fill: url(https://example.invalid/x.png) }"',
    '---',
    'graph LR',
    '  Red --> Css',
  ]),
  card('Plain diagram?', ['graph LR', '  Plain --> Diagram']),
].join('\n');

let work = '';
let server: PreviewServer | null = null;
let url = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'recall-mermaid-isolation-'));
  ({ server, url } = await serveAppWithDecks(work, { 'isolation.md': DECK }));
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) removeDir(work);
});

/** The question's diagram once drawn (its SVG markup), or the sentence saying it failed. */
async function diagramOf(page: Page): Promise<{ svg: string } | { error: string }> {
  const question = page.locator('section.question');
  const done = question.locator('.mermaid-diagram svg, .mermaid-error').first();
  await done.waitFor({ timeout: 20_000 });
  const error = question.locator('.mermaid-error');
  if ((await error.count()) > 0) return { error: (await error.textContent()) ?? '' };
  return { svg: await question.locator('.mermaid-diagram svg').evaluate((e) => e.outerHTML) };
}

describe('a diagram with a bad theme in its front matter', () => {
  it('leaves the diagrams after it drawing, in the app theme, fetching nothing', async () => {
    const { context, dir, close } = await launchPersistent();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const offOrigin: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(url) && !r.url().startsWith('data:')) offOrigin.push(r.url());
      });
      await page.goto(`${url}#/review/isolation`);
      await page.locator('section.question').waitFor();

      const shown: Record<string, { svg: string } | { error: string }> = {};
      for (let i = 0; i < 3; i++) {
        const q = (await page.locator('section.question').innerText()).trim();
        shown[q.split('\n')[0]!] = await diagramOf(page);
        if (i === 0) await page.screenshot({ path: screenshotPath('mermaid-isolation-bad.png') });
        if (i < 2) await answerCard(page);
      }
      expect(Object.keys(shown).sort()).toEqual([
        'Bad theme colour?',
        'Plain diagram?',
        'Red theme and outside CSS?',
      ]);
      for (const [question, outcome] of Object.entries(shown))
        expect(outcome, question).toHaveProperty('svg');
      const red = shown['Red theme and outside CSS?'] as { svg: string };
      expect(red.svg.toLowerCase()).not.toContain('#ff0000');
      expect(red.svg).not.toContain('example.invalid');
      expect(offOrigin).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      removeDir(dir);
    }
  });
});
