// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import hostileDeck from '../../tests/fixtures/hostile-cards.md?raw';
import { MarkdownView, preloadMarkdownRenderer, prepareMarkdown } from './markdown-view.tsx';
import { forgetDrawnMermaid } from './mermaid-render.ts';
import { loadMathPlugins } from './use-math-plugin.ts';

// Mermaid cannot lay out diagrams in jsdom (no getBBox); its real rendering is proven in Chromium.
const mermaid = vi.hoisted(() => ({
  initialize: vi.fn(),
  render: vi.fn(async (id: string, _source: string) => ({
    svg: `<svg id="${id}" class="fake-diagram"><g></g></svg>`,
  })),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

// Loading the pipeline and KaTeX the first time takes jsdom longer than a waitFor allows.
beforeAll(async () => {
  await preloadMarkdownRenderer();
  await loadMathPlugins();
});

beforeEach(() => {
  forgetDrawnMermaid();
  mermaid.initialize.mockClear();
  mermaid.render.mockClear();
});

/** Cards of the hostile deck: the mkdocs tab bodies, de-indented as the deck loader does. */
function hostileCards(): { question: string; answer: string }[] {
  const dedent = (s: string) =>
    s
      .split('\n')
      .map((l) => l.replace(/^ {8}/, ''))
      .join('\n')
      .trim();
  return hostileDeck
    .split(/^!!! Question.*$/m)
    .slice(1)
    .map((block) => {
      const [question = '', answer = ''] = block.split('=== "Answer"');
      return { question: dedent(question.replace('=== "Question"', '')), answer: dedent(answer) };
    });
}

/** Renders and waits for the lazily loaded pipeline (and KaTeX) to replace the placeholder. */
async function renderView(markdown: string, props: { basePath?: string; className?: string } = {}) {
  const result = render(<MarkdownView markdown={markdown} {...props} />);
  await waitFor(() => expect(result.container.querySelector('.markdown-pending')).toBeNull());
  return result;
}

/** Waits until lazy math, diagrams and highlighting have replaced their placeholders. */
async function settled(container: HTMLElement): Promise<void> {
  await waitFor(() => {
    expect(container.querySelector('code.language-math')).toBeNull();
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(container.querySelector('pre > code[class^="language-"]:not(.hljs)')).toBeNull();
  });
}

const OWN_STYLED = '.markdown-pending, .mermaid-pending, .mermaid-diagram';
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc'];

function assertInert(container: HTMLElement): void {
  for (const el of container.querySelectorAll('*')) {
    const where = `<${el.tagName.toLowerCase()}> in ${container.innerHTML.slice(0, 300)}`;
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${attr} on ${where}`).toBe(false);
    }
    for (const attr of URL_ATTRIBUTES) {
      // eslint-disable-next-line no-control-regex -- browsers ignore these inside URLs
      const value = (el.getAttribute(attr) ?? '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      expect(value, `${attr} on ${where}`).not.toMatch(/^(javascript|vbscript|data:text)/);
    }
    // Only KaTeX and the renderer's own placeholders (their reserved height) carry a style.
    if (el.hasAttribute('style') && !el.matches(OWN_STYLED))
      expect(el.closest('.katex'), where).not.toBeNull();
  }
  const banned = 'script, iframe, object, embed, form, base, meta, link, style, noscript, maction';
  expect(container.querySelector(banned)).toBeNull();
  for (const svg of container.querySelectorAll('svg')) {
    expect(svg.closest('.mermaid-diagram, .katex')).not.toBeNull();
  }
  for (const math of container.querySelectorAll('math'))
    expect(math.closest('.katex')).not.toBeNull();
  expect(container.querySelector('.katex a, .review-actions, [role="button"]')).toBeNull();
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe('MarkdownView with the hostile corpus', () => {
  const cards = hostileCards();

  it('reads every card of the fixture', () => {
    expect(cards.length).toBeGreaterThanOrEqual(10);
    for (const card of cards) expect(card.answer).not.toBe('');
  });

  it.each(cards.map((c) => [c.question.split('\n')[0], c.answer] as const))(
    'renders "%s" inert',
    async (_title, answer) => {
      const { container } = await renderView(answer, { basePath: 'hostile.md' });
      assertInert(container);
      await settled(container);
      assertInert(container);
    },
  );

  it('shows KaTeX \\href as text, never as a link', async () => {
    const { container } = await renderView('Link $\\href{javascript:window.__pwned=1}{x}$ here');
    await settled(container);
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('\\href');
  });

  it('survives macro bombs, showing their source', async () => {
    const { container } = await renderView('Bomb $\\def\\a{\\a\\a}\\a$ end');
    await settled(container);
    expect(container.querySelector('.katex-error')?.textContent).toContain('\\def\\a');
  });

  it('sends Mermaid a source without directives or click lines, in strict mode', async () => {
    const card = cards.find((c) => c.answer.includes('```mermaid'));
    await renderView(card?.answer ?? '');
    await waitFor(() => expect(mermaid.render).toHaveBeenCalled());
    const source = mermaid.render.mock.calls[0]?.[1] ?? '';
    expect(source).toContain('graph LR');
    expect(source).not.toMatch(/%%\{|click/);
    expect(mermaid.initialize).toHaveBeenCalledWith(
      expect.objectContaining({ securityLevel: 'strict', startOnLoad: false }),
    );
  });
});

describe('MarkdownView', () => {
  it('renders GFM tables, strikethrough and task lists', async () => {
    const md = '| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n- [ ] todo';
    const { container } = await renderView(md);
    expect(container.querySelector('table td')?.textContent).toBe('1');
    expect(container.querySelector('del')?.textContent).toBe('gone');
    const boxes = container.querySelectorAll('input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    expect((boxes[0] as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the deck HTML layout attributes but not style', async () => {
    const md =
      '<div align="center"><img src="img/x.png" width="400" style="color:red"></div>\n\nH<sub>2</sub>O<br>';
    const { container } = await renderView(md, { basePath: 'ml.md' });
    expect(container.querySelector('div[align="center"]')).not.toBeNull();
    const img = container.querySelector('img');
    expect(img?.getAttribute('width')).toBe('400');
    expect(img?.getAttribute('src')).toBe('./decks/img/x.png');
    expect(img?.hasAttribute('style')).toBe(false);
    expect(container.querySelector('sub')?.textContent).toBe('2');
    expect(container.querySelector('br')).not.toBeNull();
  });

  it('renders inline and display math with KaTeX in its first rendering', async () => {
    const { container } = await renderView('Inline $x^2$.\n\n$$\n\\sum_i i\n$$');
    // KaTeX loads with the pipeline: the card never shows the formulas' source first.
    expect(container.querySelectorAll('.katex')).toHaveLength(2);
    expect(container.querySelector('.katex-display')).not.toBeNull();
    expect(container.querySelector('code.language-math')).toBeNull();
  });

  it('renders $$…$$ standing alone as display math, and inline inside a sentence', async () => {
    // The answer of tests/fixtures/math-cards.md's cross-entropy card, as the deck loader gives it;
    // pymdownx.arithmatex renders these four `$$` blocks in display mode and `$$x^2$$` inline.
    const md = [
      '$$H(p, q) = -\\sum_{x} p(x) \\log q(x)$$',
      '',
      'over $N$ samples:',
      '',
      '$$',
      '\\mathcal{L} = -\\frac{1}{N} \\sum_{i=1}^{N} y_i',
      '$$',
      '',
      'A sentence may hold $$x^2$$ inline too.',
      '',
      '- In a list item:',
      '',
      '    $$\\text{KL}(p \\parallel q)$$',
      '',
      '> [!NOTE]',
      '> $$H(p) \\le \\log |X|$$',
      '>',
      '> with equality for the uniform distribution.',
    ].join('\n');
    const { container } = await renderView(md);
    expect(container.querySelectorAll('.katex-display')).toHaveLength(4);
    expect(container.querySelectorAll('.katex')).toHaveLength(6);
    const sentence = [...container.querySelectorAll('p')].find((p) =>
      p.textContent?.startsWith('A sentence'),
    );
    expect(sentence?.querySelector('.katex')).not.toBeNull();
    expect(sentence?.querySelector('.katex-display')).toBeNull();
    expect(container.querySelector('li .katex-display')).not.toBeNull();
    expect(container.querySelector('aside.callout .katex-display')).not.toBeNull();
  });

  it('renders MathJax-isms, and a formula KaTeX cannot read as readable source', async () => {
    const md =
      '$$\\text{ema_param} \\leftarrow \\beta \\cdot \\text{ema_param}$$\n\n' +
      'Also $a \\lt b$, $\\text{50% of R&D}$, $\\mbox{top_k}$; not $\\frac{1}{2$ though.';
    const { container } = await renderView(md);
    expect(container.querySelectorAll('.katex')).toHaveLength(4);
    const errors = container.querySelectorAll('.katex-error');
    expect(errors).toHaveLength(1);
    const bad = errors[0]!;
    expect(bad).toHaveClass('math-unrendered');
    expect(bad.textContent).toBe('\\frac{1}{2');
    // Not KaTeX's red: no colour of its own, and a title that says what happened.
    expect(bad.hasAttribute('style')).toBe(false);
    expect(bad.getAttribute('title')).toMatch(/could not be rendered.*KaTeX parse error/);
  });

  it('renders \\(…\\) and \\[…\\] as math', async () => {
    const { container } = await renderView('Where \\(x\\) and \\[y\\]');
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(2));
  });

  it('renders a \\[…\\] on its own line as display math', async () => {
    const { container } = await renderView('Text:\n\\[ \\int_0^1 x \\]\nmore');
    await waitFor(() => expect(container.querySelector('.katex-display')).not.toBeNull());
    expect(container.textContent).toContain('more');
  });

  it('shows a bad formula as its source without throwing', async () => {
    const { container } = await renderView('Bad $\\frac{$ formula');
    await settled(container);
    expect(container.textContent).toContain('\\frac{');
    expect(container.querySelector('.markdown-source')).toBeNull();
  });

  it('renders callouts as asides with title and body', async () => {
    const md = '> [!NOTE] Remember\n> Padding uses `[PAD]`.';
    await renderView(md);
    const aside = screen.getByRole('note');
    expect(aside.tagName).toBe('ASIDE');
    expect(aside).toHaveClass('callout', 'callout-note');
    expect(aside.querySelector('.callout-title')?.textContent).toContain('Remember');
    expect(aside.querySelector('.callout-body code')?.textContent).toBe('[PAD]');
  });

  it('renders collapsible callouts as details', async () => {
    const { container } = await renderView('> [!TIP]- Hint\n> hidden\n\n> [!danger]+\n> shown');
    const [closed, open] = container.querySelectorAll('details.callout');
    expect(closed).toHaveClass('callout-tip');
    expect((closed as HTMLDetailsElement).open).toBe(false);
    expect(closed?.querySelector('summary')?.textContent).toContain('Hint');
    expect((open as HTMLDetailsElement).open).toBe(true);
    expect(open?.querySelector('summary')?.textContent).toContain('Danger');
  });

  it('renders a mermaid block through the lazily loaded renderer', async () => {
    let finish = () => {};
    mermaid.render.mockImplementationOnce(
      () => new Promise((resolve) => (finish = () => resolve({ svg: '<svg></svg>' }))),
    );
    const md = '```mermaid\ngraph LR\n  A --> B\n```';
    const { container } = await renderView(md);
    // While Mermaid works, a placeholder holds the diagram's room; its source is not shown.
    await waitFor(() => expect(mermaid.render).toHaveBeenCalled());
    expect(container.querySelector('.mermaid-pending[aria-busy="true"]')).not.toBeNull();
    expect(container.textContent).not.toContain('A --> B');
    finish();
    await waitFor(() => expect(container.querySelector('.mermaid-diagram svg')).not.toBeNull());
    expect(mermaid.render.mock.calls[0]?.[1]).toBe('graph LR\n  A --> B');
  });

  it('shows a diagram drawn ahead with its card at once, with no placeholder', async () => {
    const md = 'Steps:\n\n- one\n\n    ```mermaid\n    graph TD\n      P --> Q\n    ```';
    prepareMarkdown(md);
    await waitFor(() => expect(mermaid.render).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { container } = await renderView(md);
    expect(container.querySelector('.mermaid-pending')).toBeNull();
    expect(container.querySelector('.mermaid-diagram svg')).not.toBeNull();
    // Drawn ahead, it needs no reserved room.
    expect(container.querySelector('.mermaid-diagram')?.hasAttribute('style')).toBe(false);
    expect(mermaid.render).toHaveBeenCalledTimes(1);
  });

  it('gives each diagram its own id', async () => {
    const md = '```mermaid\ngraph LR\n  A --> B\n```\n\n```mermaid\ngraph TD\n  C --> D\n```';
    const { container } = await renderView(md);
    await waitFor(() => expect(container.querySelectorAll('.mermaid-diagram svg')).toHaveLength(2));
    const ids = mermaid.render.mock.calls.map((c) => c[0]);
    expect(new Set(ids).size).toBe(2);
  });

  it('shows a broken diagram as source plus an alert', async () => {
    mermaid.render.mockRejectedValueOnce(new Error('Parse error on line 2:\n...'));
    const md = '```mermaid\ngraph LR\n  A -->\n```';
    await renderView(md);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Parse error on line 2');
    expect(document.querySelector('.mermaid-failed pre')?.textContent).toContain('A -->');
  });

  it('highlights code after the grammar loads', async () => {
    const md = '```python\ndef f():\n    return "<b>"\n```';
    const { container } = await renderView(md);
    expect(container.querySelector('pre code')?.textContent).toContain('def f()');
    await waitFor(() => expect(container.querySelector('code.hljs .hljs-keyword')).not.toBeNull());
    expect(container.querySelector('code.hljs b')).toBeNull();
  });

  it('leaves code in unknown languages plain', async () => {
    const { container } = await renderView('```cobol\nMOVE A TO B\n```');
    expect(container.querySelector('pre code')?.textContent).toBe('MOVE A TO B\n');
  });

  it('resolves relative images against the deck folder', async () => {
    const { container } = await renderView('![chart](img/a.png)', { basePath: 'sub/x.md' });
    expect(container.querySelector('img')?.getAttribute('src')).toBe('./decks/sub/img/a.png');
  });

  it('prepares a card ahead without serving it to a card of another deck', async () => {
    // Guards the render cache: the same Markdown in another deck folder must resolve its own URLs.
    prepareMarkdown('![chart](img/b.png)', 'one/x.md');
    const first = await renderView('![chart](img/b.png)', { basePath: 'one/x.md' });
    expect(first.container.querySelector('img')?.getAttribute('src')).toBe('./decks/one/img/b.png');
    const second = await renderView('![chart](img/b.png)', { basePath: 'two/y.md' });
    expect(second.container.querySelector('img')?.getAttribute('src')).toBe(
      './decks/two/img/b.png',
    );
  });

  it('opens external links in a new tab, keeps internal ones in place', async () => {
    await renderView('[ext](https://arxiv.org/abs/1) and [local](other.md#x)', {
      basePath: 'sub/x.md',
    });
    const ext = screen.getByRole('link', { name: 'ext' });
    expect(ext).toHaveAttribute('target', '_blank');
    expect(ext).toHaveAttribute('rel', 'noopener noreferrer');
    const local = screen.getByRole('link', { name: 'local' });
    expect(local).toHaveAttribute('href', './decks/sub/other.md#x');
    expect(local).not.toHaveAttribute('target');
  });

  it('renders a script link as text only', async () => {
    await renderView('[click](javascript:window.__pwned=1)');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('click').tagName).toBe('SPAN');
  });

  it('adds the caller class to the wrapper', async () => {
    const { container } = await renderView('hi', { className: 'answer-body' });
    expect(container.firstElementChild).toHaveClass('markdown', 'answer-body');
  });
});
