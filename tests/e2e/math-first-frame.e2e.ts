// Guards: on a cold load, a card's math appears rendered in its very first frame (never as raw
// TeX that KaTeX replaces later), and a diagram's arrival does not move the answer.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserForFile,
  questionText,
  screenshotPath,
  serveBuiltApp,
  waitForNextCard,
  watchErrors,
} from './harness.ts';

const app = serveBuiltApp();
const browser = browserForFile();

/**
 * Installed before the app's first script: records every text node that ever held raw TeX
 * outside KaTeX's output (a MutationObserver sees each DOM state, painted or not), and for each
 * answer shown, whether KaTeX's output was already in it when it was inserted.
 */
function watchTex(): void {
  const RAW_TEX = /\$|\\sum|\\log/;
  const seen = { raw: [] as string[], answers: [] as { text: string; katex: boolean }[] };
  (window as unknown as { __tex: typeof seen }).__tex = seen;
  const checkText = (node: Node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t: Node | null = walker.currentNode; t; t = walker.nextNode()) {
      if (t.nodeType !== Node.TEXT_NODE) continue;
      const parent = t.parentElement;
      if (parent?.closest('.katex, script, style')) continue;
      if (RAW_TEX.test(t.textContent ?? '')) seen.raw.push(t.textContent ?? '');
    }
  };
  const checkAnswer = (node: Node) => {
    if (!(node instanceof Element)) return;
    const answers = node.matches('[data-testid="answer"]')
      ? [node]
      : [...node.querySelectorAll('[data-testid="answer"]')];
    for (const a of answers)
      seen.answers.push({
        text: (a.textContent ?? '').slice(0, 40),
        katex: a.querySelector('.katex') !== null,
      });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') checkText(r.target);
      for (const n of r.addedNodes) {
        checkText(n);
        checkAnswer(n);
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Rates cards Easy until the question contains `text`. */
async function advanceTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const before = await questionText(page);
    if (before.includes(text)) return;
    const shown = (await page.locator('section.question').textContent())?.trim() ?? '';
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('4');
    await waitForNextCard(page, shown);
  }
  throw new Error(`No card asking "${text}"`);
}

async function coldContext(width: number): Promise<BrowserContext> {
  // A new context has an empty HTTP cache and no service worker: a first visit.
  return browser().newContext({ viewport: { width, height: 800 } });
}

describe('math in the first frame', () => {
  it('reveals the Entropy card with its formula already rendered, never as TeX', async () => {
    const context = await coldContext(1280);
    try {
      await context.addInitScript(watchTex);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(app.url());
      await page.getByRole('button', { name: /Study ml/i }).click();
      await page.locator('section.question').waitFor();
      await advanceTo(page, 'Entropy');

      await page.keyboard.press('Space');
      await page.locator('[data-testid="answer"] .katex').first().waitFor();
      await page.screenshot({ path: screenshotPath('math-first-frame-entropy.png') });

      const seen = await page.evaluate(
        () =>
          (
            window as unknown as {
              __tex: { raw: string[]; answers: { text: string; katex: boolean }[] };
            }
          ).__tex,
      );
      expect(seen.raw).toEqual([]);
      const entropy = seen.answers.filter((a) => a.text.startsWith('Entropy is'));
      expect(entropy.length).toBeGreaterThan(0);
      // The answer's first DOM (its first frame) already held KaTeX's output.
      expect(entropy[0]).toEqual(expect.objectContaining({ katex: true }));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the question', () => {
  // Guards: the question (a `####` heading in the deck) must stand out from its answer.
  it.each([
    [1280, 'light'],
    [360, 'dark'],
  ] as const)('reads as a heading above its answer at %i px, %s', async (width, colorScheme) => {
    const context = await browser().newContext({ viewport: { width, height: 800 }, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(app.url());
      await page.getByRole('button', { name: /Study ml/i }).click();
      await page.locator('section.question').waitFor();
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      const look = await page.evaluate(() => {
        const style = (selector: string) => {
          const el = document.querySelector(selector);
          if (!el) throw new Error(`No ${selector}`);
          const s = getComputedStyle(el);
          return { size: parseFloat(s.fontSize), weight: Number(s.fontWeight), color: s.color };
        };
        const question = document.querySelector('section.question')!.getBoundingClientRect();
        const answer = document.querySelector('[data-testid="answer"] .markdown')!;
        return {
          question: style('section.question .markdown p'),
          answer: style('[data-testid="answer"] .markdown p'),
          gap: answer.getBoundingClientRect().top - question.bottom,
        };
      });
      expect(look.question.size).toBeGreaterThanOrEqual(look.answer.size * 1.15);
      expect(look.question.weight).toBeGreaterThanOrEqual(600);
      expect(look.answer.weight).toBeLessThan(600);
      // Same text colour as the answer: it stands out by size and weight, in either scheme.
      expect(look.question.color).toBe(look.answer.color);
      expect(look.gap).toBeGreaterThanOrEqual(32);
      await page.screenshot({ path: screenshotPath(`math-first-frame-question-${width}.png`) });
    } finally {
      await context.close();
    }
  });
});

describe('a diagram on a phone', () => {
  it('does not move the answer when it arrives, and keeps its labels readable', async () => {
    const context = await coldContext(360);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(app.url());
      await page
        .getByTestId('open-deck')
        .setInputFiles(join(process.cwd(), 'tests/fixtures/math-cards.md'));
      const row = page.locator('tr[data-deck="math-cards"]');
      await row.getByRole('button', { name: /Study/i }).click();
      await page.locator('section.question', { hasText: 'diagram of the pipeline' }).waitFor();

      // The answer's height in every frame from its first until the diagram has been drawn.
      await page.evaluate(() => {
        const frames: { height: number; drawn: boolean }[] = [];
        (window as unknown as { __frames: typeof frames }).__frames = frames;
        const sample = () => {
          const answer = document.querySelector('[data-testid="answer"]');
          if (answer)
            frames.push({
              height: answer.getBoundingClientRect().height,
              drawn: answer.querySelector('.mermaid-diagram svg') !== null,
            });
          if (!frames.some((f) => f.drawn) || frames.length < 5) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await page.keyboard.press('Space');
      await page.locator('[data-testid="answer"] .mermaid-diagram svg').waitFor();
      await page.waitForFunction(
        () => (window as unknown as { __frames: unknown[] }).__frames.length >= 5,
      );
      const frames = await page.evaluate(
        () => (window as unknown as { __frames: { height: number; drawn: boolean }[] }).__frames,
      );
      expect(frames.some((f) => f.drawn)).toBe(true);
      const heights = new Set(frames.map((f) => Math.round(f.height)));
      expect([...heights]).toHaveLength(1);

      // Labels stay at least 3/4 of their natural size: the SVG is drawn at >= 0.75 of its
      // natural (viewBox) width, scrolling sideways in its box instead of shrinking further.
      const scale = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid="answer"] .mermaid-diagram svg');
        const box = svg?.getAttribute('viewBox')?.split(/\s+/).map(Number);
        return svg && box?.[2] ? svg.getBoundingClientRect().width / box[2] : 0;
      });
      expect(scale).toBeGreaterThanOrEqual(0.74);
      const scrolls = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="answer"] .mermaid-diagram');
        return box ? box.scrollWidth > box.clientWidth : false;
      });
      expect(scrolls).toBe(true);
      await page.screenshot({ path: screenshotPath('math-first-frame-diagram-360.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
