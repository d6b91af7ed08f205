// @vitest-environment jsdom
// Guards: a card holding math must never paint its TeX source while KaTeX is still loading.
import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import MarkdownRenderer from './markdown-renderer.tsx';

/** Text nodes that ever held raw TeX outside KaTeX's output, recorded as the DOM changes. */
function watchForRawTex(root: HTMLElement): string[] {
  const seen: string[] = [];
  const check = (node: Node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t: Node | null = walker.currentNode; t; t = walker.nextNode()) {
      if (t.nodeType !== Node.TEXT_NODE || t.parentElement?.closest('.katex')) continue;
      if (/\\sum|\\log|\$/.test(t.textContent ?? '')) seen.push(t.textContent ?? '');
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') check(r.target);
      r.addedNodes.forEach(check);
    }
  }).observe(root, { childList: true, subtree: true, characterData: true });
  return seen;
}

// Testing Library's act() holds back React's retry of a suspended render in React 19; a plain
// root shows what a browser does.
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let saved: boolean | undefined;
beforeEach(() => {
  saved = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = saved;
});

it('waits for KaTeX (showing the fallback) instead of rendering math as source', async () => {
  // This file has its own module registry: nothing has loaded KaTeX before this render.
  const host = document.createElement('div');
  document.body.append(host);
  const rawTex = watchForRawTex(host);
  const root = createRoot(host);
  root.render(
    <Suspense fallback={<p className="waiting">waiting</p>}>
      <MarkdownRenderer markdown={'The entropy: $-\\sum_{i} (p_i \\log p_i)$'} />
    </Suspense>,
  );
  await vi.waitFor(() => expect(host.querySelector('.waiting')).not.toBeNull());
  await vi.waitFor(() => expect(host.querySelector('.katex')).not.toBeNull(), { timeout: 5000 });
  expect(host.textContent).toContain('The entropy:');
  expect(rawTex).toEqual([]);
  root.unmount();
  host.remove();
});
