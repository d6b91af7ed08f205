import { useEffect, useState } from 'react';
import { describeMermaidError } from './mermaid-source.ts';
import { drawMermaid, drawnMermaid } from './mermaid-render.ts';

type Outcome = { source: string; svg: string } | { source: string; error: string };

/**
 * Room a diagram is given while Mermaid loads, from its source: about one rank of boxes per two
 * lines of source, and never less than one rank. The drawn diagram keeps at least this height,
 * so the answer does not jump when it arrives (a taller diagram still grows the card once).
 */
export function reservedHeightPx(source: string): number {
  const lines = source.split('\n').filter((l) => l.trim() !== '').length;
  return Math.min(120 + Math.max(0, lines - 4) * 28, 480);
}

/** A ```mermaid block: a placeholder of its size while Mermaid draws, then the diagram. */
export function MermaidDiagram({ source }: { source: string }) {
  const ready = drawnMermaid(source);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (ready !== null) return;
    let live = true;
    drawMermaid(source).then(
      (svg) => {
        if (live) setOutcome({ source, svg });
      },
      (error: unknown) => {
        if (live) setOutcome({ source, error: describeMermaidError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [source, ready]);

  const reserved = { minHeight: `${reservedHeightPx(source)}px` };
  const shown = ready !== null ? { source, svg: ready } : outcome;
  if (shown?.source !== source) {
    return (
      <div className="mermaid-pending" aria-busy="true" style={reserved}>
        <span className="muted">Drawing the diagram…</span>
      </div>
    );
  }
  if ('error' in shown) {
    return (
      <div className="mermaid-failed">
        <pre className="mermaid-source">
          <code>{source}</code>
        </pre>
        <p className="mermaid-error" role="alert">
          This diagram could not be drawn: {shown.error}
        </p>
      </div>
    );
  }
  return (
    <div
      className="mermaid-diagram"
      style={reserved}
      // Safe: with securityLevel 'strict' Mermaid encodes label text and runs the SVG through
      // DOMPurify; directives and click lines were stripped from the source beforehand.
      dangerouslySetInnerHTML={{ __html: shown.svg }}
    />
  );
}
