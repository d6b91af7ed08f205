import { Suspense, lazy } from 'react';
// Type only: the renderer itself is reached solely through import() below.
import type Renderer from './markdown-renderer.tsx';
import type { prepareMarkdown as PrepareMarkdown } from './markdown-renderer.tsx';
import { RenderBoundary } from './render-boundary.tsx';
import { renderLimitReason } from '../shared/render-limits.ts';
import { TooBigCard } from './too-big-card.tsx';
import { loadMathPlugins } from './use-math-plugin.ts';
import './markdown.css';

export interface MarkdownViewProps {
  markdown: string;
  /** The deck file's path under `decks/` (e.g. `sub/x.md`); relative URLs resolve against it. */
  basePath?: string;
  className?: string;
}

type RendererModule = { default: typeof Renderer; prepareMarkdown: typeof PrepareMarkdown };

let rendererModule: Promise<RendererModule> | null = null;
/** The pipeline once loaded: rendered directly, since even a settled lazy() suspends once. */
let loadedRenderer: RendererModule | null = null;

/** After the current frame's work, when the page is idle (soon, where there is no idle callback). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 300 });
  else setTimeout(fn, 0);
}

/**
 * Starts loading the Markdown pipeline (react-markdown, GFM, raw HTML parsing, sanitizing) without
 * rendering anything; resolves when it is ready. Call it when a review session is about to start
 * so the first card is drawn in its first frame. The pipeline is its own chunk because it would
 * take a third of the initial JS budget. KaTeX (plugins, CSS, common fonts) loads once the page
 * is idle after that: compiling it would hold back the first card of every session, math or not
 * (~100 ms cold on this kind of machine). A card whose math is drawn before KaTeX is there waits
 * behind a placeholder and never paints its TeX source (useMathPlugins); by the time a person
 * reveals an answer, KaTeX has long been there.
 */
export function preloadMarkdownRenderer(): Promise<RendererModule> {
  if (!rendererModule) {
    rendererModule = import('./markdown-renderer.tsx').then((m) => {
      loadedRenderer = m;
      whenIdle(() => void loadMathPlugins());
      return m;
    });
    rendererModule.catch(() => {
      rendererModule = null;
    });
  }
  return rendererModule;
}

const LazyRenderer = lazy(preloadMarkdownRenderer);

/**
 * Renders Markdown ahead of time (the next card, while the current answer is read), so showing
 * it costs only the DOM. Does nothing until the pipeline has loaded; never throws.
 */
export function prepareMarkdown(markdown: string, basePath?: string): void {
  // A card beyond the render limits is never rendered, not even ahead of time.
  if (renderLimitReason(markdown) !== null) return;
  void preloadMarkdownRenderer().then(
    (m) => {
      try {
        m.prepareMarkdown(markdown, basePath);
      } catch {
        // Rendering it for real shows the error; preparing is only a head start.
      }
    },
    () => undefined,
  );
}

/** Source lines a placeholder reserves room for: a card taller than this grows when drawn. */
const MAX_PLACEHOLDER_LINES = 30;

/**
 * Stands in while the pipeline or KaTeX loads (the review screen waits for both before its first
 * card, so this is rare): room for about as many lines as the source has, and no source text,
 * which would flash raw Markdown and TeX before the card is drawn.
 */
function Pending({ markdown }: { markdown: string }) {
  const lines = Math.min(markdown.split('\n').length, MAX_PLACEHOLDER_LINES);
  return (
    <div className="markdown-pending" aria-busy="true" style={{ minHeight: `${lines * 1.5}em` }}>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

/** Card Markdown as React: safe HTML subset, math, diagrams, callouts, highlighted code. */
export function MarkdownView({ markdown, basePath, className }: MarkdownViewProps) {
  const classes = className ? `markdown ${className}` : 'markdown';
  // Linear and cheap next to rendering: a card that could freeze the page shows why instead.
  const tooBig = renderLimitReason(markdown);
  if (tooBig !== null)
    return (
      <div className={classes}>
        <TooBigCard markdown={markdown} reason={tooBig} />
      </div>
    );
  // If rendering ever throws, the card shows its source as plain text: readable, never blank,
  // never a crashed screen.
  const source = <div className="markdown-source">{markdown}</div>;
  const Renderer = loadedRenderer?.default ?? LazyRenderer;
  return (
    <div className={classes}>
      <RenderBoundary key={markdown} fallback={source}>
        <Suspense fallback={<Pending markdown={markdown} />}>
          <Renderer markdown={markdown} basePath={basePath} />
        </Suspense>
      </RenderBoundary>
    </div>
  );
}
