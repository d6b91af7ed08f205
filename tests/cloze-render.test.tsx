// @vitest-environment jsdom
// Guards: a cloze card's hidden deletion written `\[…\]` was drawn by KaTeX as display math (a lone
// "…", no brackets); the question shows "[…]" or "[hint]" in bold, the answer the deletion in bold.
import { render, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitLines } from '../src/deck/lines.ts';
import { clozeStyle } from '../src/deck/styles/cloze.ts';
import { MarkdownView, preloadMarkdownRenderer } from '../src/render/markdown-view.tsx';
import { loadMathPlugins } from '../src/render/use-math-plugin.ts';

beforeAll(async () => {
  await preloadMarkdownRenderer();
  await loadMathPlugins();
});

async function draw(markdown: string): Promise<HTMLElement> {
  const { container } = render(<MarkdownView markdown={markdown} />);
  await waitFor(() => expect(container.querySelector('p')).not.toBeNull());
  return container;
}

const cards = (text: string) =>
  clozeStyle.read({ lines: splitLines(text), start: 0, deckId: 'd', path: 'd.md' }).cards;

describe('a cloze card as drawn', () => {
  it('shows the hidden deletion as […] or [hint] in bold, and the answer in bold', async () => {
    const [c1, c2] = cards('{{c1::Can}}berra is in {{c2::Australia::a [country]}} ($x$).');
    const q1 = await draw(c1!.question);
    expect(q1.querySelector('p')!.textContent).toMatch(/^\[…\]berra is in Australia \(/);
    expect(q1.querySelector('strong')!.textContent).toBe('[…]');
    // The sanitizer keeps the `cloze` class, so the app colours the deletion as Anki does.
    expect(q1.querySelector('span.cloze strong')!.textContent).toBe('[…]');
    expect(q1.querySelectorAll('.katex')).toHaveLength(1); // only the real formula
    const q2 = await draw(c2!.question);
    expect(q2.querySelector('strong')!.textContent).toBe('[a [country]]');
    const a1 = await draw(c1!.answer);
    expect(a1.querySelector('strong')!.textContent).toBe('Can');
    expect(a1.querySelector('span.cloze')!.textContent).toBe('Can');
    expect(a1.querySelector('p')!.textContent).toMatch(/^Canberra is in Australia \(/);
  });
});
