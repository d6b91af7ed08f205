import { useEffect, useState } from 'react';
import { describeMermaidError } from './mermaid-source.ts';
import { drawMermaid, drawnMermaid } from './mermaid-render.ts';

type Outcome = { source: string; svg: string } | { source: string; error: string };

/**
 * Room a diagram is given while Mermaid draws it, from its source, at a little over its usual
 * drawn height: a left-to-right flowchart is about one row of boxes, anything else grows with its
 * lines (a rank, a message, a row each). The drawn diagram keeps at least this height, so the
 * answer never jumps when it arrives; only a taller diagram than foreseen grows the card.
 */
export function reservedHeightPx(source: string): number {
  // Front matter (title, config) is not drawn: only the diagram's own lines take room.
  const diagram = source.replace(/^\s*---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
  const lines = diagram.split('\n').filter((l) => l.trim() !== '' && !/^\s*%%/.test(l)).length;
  const body = Math.max(0, lines - 1);
  if (/^\s*(?:graph|flowchart)\s+(?:LR|RL)\b/i.test(diagram))
    return Math.min(96 + Math.max(0, body - 4) * 16, 400);
  return Math.min(96 + body * 56, 600);
}

/** A ```mermaid block: a placeholder of its size while Mermaid draws, then the diagram. */
export function MermaidDiagram({ source }: { source: string }) {
  const ready = drawnMermaid(source);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Drawn ahead (the usual case), the diagram needs no reserved room; drawn while shown, it keeps
  // the placeholder's height.
  const [placeholderShown] = useState(ready === null);
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
        <span className="muted mermaid-pending-label">Drawing the diagram…</span>
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
      style={placeholderShown ? reserved : undefined}
      // Safe: with securityLevel 'strict' Mermaid encodes label text and runs the SVG through
      // DOMPurify; directives and click lines were stripped from the source beforehand.
      dangerouslySetInnerHTML={{ __html: shown.svg }}
    />
  );
}
