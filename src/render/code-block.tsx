import { useEffect, useState } from 'react';
import { MAX_HIGHLIGHT_CHARS, highlightCode } from './highlight.ts';

interface Highlighted {
  code: string;
  html: string;
}

/** A fenced code block: plain text at once, highlighted when the grammar has loaded. */
export function CodeBlock({ code, grammar }: { code: string; grammar: string }) {
  const [highlighted, setHighlighted] = useState<Highlighted | null>(null);
  useEffect(() => {
    if (code.length > MAX_HIGHLIGHT_CHARS) return;
    let live = true;
    highlightCode(code, grammar).then(
      (html) => {
        if (live) setHighlighted({ code, html });
      },
      () => {
        // No grammar (offline): the plain block is already showing.
      },
    );
    return () => {
      live = false;
    };
  }, [code, grammar]);

  const className = `language-${grammar}`;
  if (highlighted?.code !== code) {
    return (
      <pre>
        <code className={className}>{code}</code>
      </pre>
    );
  }
  return (
    <pre>
      {/* Safe: highlight.js HTML-escapes all of the input and adds only its own
          <span class="hljs-…"> wrappers, so card text cannot inject markup here. */}
      <code
        className={`hljs ${className}`}
        dangerouslySetInnerHTML={{ __html: highlighted.html }}
      />
    </pre>
  );
}
