import { useEffect, useState } from 'react';
import { describeMermaidError } from './mermaid-source.ts';
import { nextDiagramId, renderMermaid } from './mermaid-render.ts';

type Outcome = { source: string; svg: string } | { source: string; error: string };

/** A ```mermaid block: its source while Mermaid loads, then the diagram, or source plus error. */
export function MermaidDiagram({ source }: { source: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    let live = true;
    renderMermaid(nextDiagramId(), source).then(
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
  }, [source]);

  if (outcome?.source !== source) {
    return (
      <pre className="mermaid-source" aria-busy="true">
        <code>{source}</code>
      </pre>
    );
  }
  if ('error' in outcome) {
    return (
      <div className="mermaid-failed">
        <pre className="mermaid-source">
          <code>{source}</code>
        </pre>
        <p className="mermaid-error" role="alert">
          This diagram could not be drawn: {outcome.error}
        </p>
      </div>
    );
  }
  return (
    <div
      className="mermaid-diagram"
      // Safe: with securityLevel 'strict' Mermaid encodes label text and runs the SVG through
      // DOMPurify; directives and click lines were stripped from the source beforehand.
      dangerouslySetInnerHTML={{ __html: outcome.svg }}
    />
  );
}
