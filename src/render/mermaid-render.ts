import type { Mermaid } from 'mermaid';
import { cleanMermaidSource, mermaidBlocks } from './mermaid-source.ts';

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
  const config = {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: prefersDark() ? 'dark' : 'default',
    suppressErrorRendering: true,
  } as const;
  try {
    mermaid.initialize(config);
  } catch {
    // A diagram whose config made Mermaid throw stays in Mermaid's global list of directives,
    // where it breaks `initialize` and so every later diagram: clear it and start again.
    mermaid.mermaidAPI.reset();
    mermaid.initialize(config);
  }
  try {
    const { svg } = await mermaid.render(id, cleanMermaidSource(source));
    return withMinimumWidth(svg);
  } finally {
    // Mermaid renders inside a scratch element in <body>; make sure a failure does not leave it.
    document.getElementById(`d${id}`)?.remove();
  }
}

/** How far a diagram may shrink to fit the card: labels stay at least 12 px high (of 16). */
export const MIN_DIAGRAM_SCALE = 0.75;

/**
 * Mermaid sizes its SVG `width="100%"` with `max-width: <natural>px`, so a wide diagram shrinks
 * with the screen until its labels are a few pixels high on a phone. Let it shrink only so far;
 * past that its box scrolls sideways (markdown.css).
 */
export function withMinimumWidth(svg: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const width = open && /max-width:\s*([\d.]+)px/.exec(open)?.[1];
  if (!open || !width) return svg;
  const min = Math.round(Number(width) * MIN_DIAGRAM_SCALE);
  const sized = open.replace(/max-width:\s*[\d.]+px;?/, (m) => `${m} min-width: ${min}px;`);
  return sized + svg.slice(open.length);
}

// Diagrams by theme and source: a card's diagram drawn ahead (prerenderMermaid) or drawn before
// (the answer shown again) appears at once, without a placeholder that its drawing replaces.
const CACHE_SIZE = 32;
const drawn = new Map<string, string>();
const drawing = new Map<string, Promise<string>>();

const keyOf = (source: string) => `${prefersDark() ? 'dark' : 'light'}\u0000${source}`;

/** The diagram's SVG if it has been drawn already, else null. */
export function drawnMermaid(source: string): string | null {
  return drawn.get(keyOf(source)) ?? null;
}

/** The diagram's SVG, drawn once per source and theme. Rejects as renderMermaid does. */
export function drawMermaid(source: string): Promise<string> {
  const key = keyOf(source);
  const svg = drawn.get(key);
  if (svg !== undefined) return Promise.resolve(svg);
  let pending = drawing.get(key);
  if (!pending) {
    pending = renderMermaid(nextDiagramId(), source).then(
      (result) => {
        drawing.delete(key);
        drawn.set(key, result);
        if (drawn.size > CACHE_SIZE) drawn.delete(drawn.keys().next().value!);
        return result;
      },
      (error: unknown) => {
        drawing.delete(key);
        throw error;
      },
    );
    drawing.set(key, pending);
  }
  return pending;
}

/** Starts drawing the ```mermaid blocks of a card's Markdown, so they are ready when shown. */
export function prerenderMermaid(markdown: string): void {
  for (const source of mermaidBlocks(markdown)) drawMermaid(source).catch(() => undefined);
}

/** Forgets every drawn diagram (tests; a theme change draws anew by itself). */
export function forgetDrawnMermaid(): void {
  drawn.clear();
  drawing.clear();
}
