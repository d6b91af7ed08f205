import type { Mermaid } from 'mermaid';
import { cleanMermaidSource } from './mermaid-source.ts';

let mermaidModule: Promise<Mermaid> | null = null;

/** Mermaid (~1 MB gzip with its parsers) is its own chunk, fetched the first time a card has a diagram. */
function loadMermaid(): Promise<Mermaid> {
  if (!mermaidModule) {
    mermaidModule = import('mermaid').then((m) => m.default);
    mermaidModule.catch(() => {
      mermaidModule = null;
    });
  }
  return mermaidModule;
}

function prefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)').matches
    : false;
}

let sequence = 0;

/** A DOM id unique across renders: Mermaid looks its scratch elements up by id. */
export function nextDiagramId(): string {
  sequence += 1;
  return `mermaid-${sequence}`;
}

/** Renders a diagram to an SVG string; rejects with Mermaid's error when the source is invalid. */
export async function renderMermaid(id: string, source: string): Promise<string> {
  const mermaid = await loadMermaid();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: prefersDark() ? 'dark' : 'default',
    suppressErrorRendering: true,
  });
  try {
    const { svg } = await mermaid.render(id, cleanMermaidSource(source));
    return svg;
  } finally {
    // Mermaid renders inside a scratch element in <body>; make sure a failure does not leave it.
    document.getElementById(`d${id}`)?.remove();
  }
}
