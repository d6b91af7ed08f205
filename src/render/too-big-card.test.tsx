// @vitest-environment jsdom
// Guards issue 10 "Freezes": a card beyond the render limits shows why and its source as plain
// text (cut short), never reaching the Markdown pipeline; a normal card is still drawn.
import { render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MarkdownView, preloadMarkdownRenderer, prepareMarkdown } from './markdown-view.tsx';
import { SOURCE_SHOWN } from './too-big-card.tsx';

// Mermaid cannot lay out diagrams in jsdom; here it only shows whether a card was prepared.
const mermaid = vi.hoisted(() => ({
  initialize: vi.fn(),
  render: vi.fn(async (id: string, _source: string) => ({ svg: `<svg id="${id}"></svg>` })),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

beforeAll(async () => {
  await preloadMarkdownRenderer();
});

describe('prepareMarkdown (the next card, rendered ahead)', () => {
  it('skips a card beyond the render limits, and prepares one within them', async () => {
    const diagram = '```mermaid\ngraph LR\n  A --> B\n```';
    prepareMarkdown(`${diagram}\n\n${'['.repeat(5000)}`);
    prepareMarkdown(`${diagram.replace('A', 'C')}\n\nFine.`);
    await waitFor(() => expect(mermaid.render).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mermaid.render).toHaveBeenCalledTimes(1);
    expect(mermaid.render.mock.calls[0]?.[1]).toBe('graph LR\n  C --> B');
  });
});

describe('MarkdownView with a card beyond the render limits', () => {
  it('shows the reason and the source, cut short, without rendering it', () => {
    const bomb = `${'- '.repeat(4000)}x`;
    const { container } = render(<MarkdownView markdown={bomb} />);
    expect(screen.getByRole('note').textContent).toMatch(/nests lists or quotes 4,000 deep/);
    const source = container.querySelector('details pre')!;
    expect(source.textContent).toBe(`${bomb.slice(0, SOURCE_SHOWN)}…`);
    expect(container.querySelector('details summary')!.textContent).toBe(
      'Source (first 2,000 of 8,001 characters)',
    );
    expect(container.querySelector('ul')).toBeNull();
  });

  it('shows a short bomb whole', () => {
    const bomb = `$${'\\sqrt{'.repeat(40)}x${'}'.repeat(40)}$`;
    const { container } = render(<MarkdownView markdown={bomb} />);
    expect(container.querySelector('details pre')!.textContent).toBe(bomb);
    expect(container.querySelector('details summary')!.textContent).toBe('Source');
  });

  it('draws a normal card', async () => {
    const { container } = render(<MarkdownView markdown={'- a\n  - b'} />);
    expect(await screen.findByText('b')).toBeTruthy();
    expect(container.querySelector('.card-too-big')).toBeNull();
  });
});
