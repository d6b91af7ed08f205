import { Suspense, lazy } from 'react';
// Type only: the renderer itself is reached solely through import() below.
import type Renderer from './markdown-renderer.tsx';
import type { prepareMarkdown as PrepareMarkdown } from './markdown-renderer.tsx';
import { RenderBoundary } from './render-boundary.tsx';
import './markdown.css';

export interface MarkdownViewProps {
  markdown: string;
  /** The deck file's path under `decks/` (e.g. `sub/x.md`); relative URLs resolve against it. */
  basePath?: string;
  className?: string;
}

type RendererModule = { default: typeof Renderer; prepareMarkdown: typeof PrepareMarkdown };

let rendererModule: Promise<RendererModule> | null = null;

/**
 * Starts loading the Markdown pipeline (react-markdown, GFM, raw HTML parsing, sanitizing) without
 * rendering anything: call it when a review session is about to start so the first card is instant.
 * The pipeline is its own chunk because it would take a third of the initial JS budget.
 */
export function preloadMarkdownRenderer(): Promise<RendererModule> {
  if (!rendererModule) {
    rendererModule = import('./markdown-renderer.tsx');
    rendererModule.catch(() => {
      rendererModule = null;
    });
  }
  return rendererModule;
}

const MarkdownRenderer = lazy(preloadMarkdownRenderer);

/**
 * Renders Markdown ahead of time (the next card, while the current answer is read), so showing
 * it costs only the DOM. Does nothing until the pipeline has loaded; never throws.
 */
export function prepareMarkdown(markdown: string, basePath?: string): void {
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

/** Card Markdown as React: safe HTML subset, math, diagrams, callouts, highlighted code. */
export function MarkdownView({ markdown, basePath, className }: MarkdownViewProps) {
  // Until the pipeline has loaded (first card only), and if rendering ever throws, the card
  // shows its source as plain text: readable, never blank, never a crashed screen.
  const source = <div className="markdown-source">{markdown}</div>;
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <RenderBoundary key={markdown} fallback={source}>
        <Suspense fallback={source}>
          <MarkdownRenderer markdown={markdown} basePath={basePath} />
        </Suspense>
      </RenderBoundary>
    </div>
  );
}
