import { useMemo, type ReactElement } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { rehypeCallouts } from './callouts.ts';
import { CodeBlock } from './code-block.tsx';
import { childElement, hastText } from './hast-text.ts';
import { grammarFor, languageFromClassName } from './highlight.ts';
import { mayContainMath, normalizeMathDelimiters } from '../shared/math-source.ts';
import { MermaidDiagram } from './mermaid-diagram.tsx';
import { prerenderMermaid } from './mermaid-render.ts';
import { CardImage, DeckPathContext } from './remote-images.tsx';
import { sanitizeSchema } from './sanitize-schema.ts';
import { isExternalUrl, resolveDeckUrl } from './urls.ts';
import { loadedMathPlugins, useMathPlugins, type MathPlugins } from './use-math-plugin.ts';

export interface MarkdownRendererProps {
  markdown: string;
  basePath?: string | undefined;
}

const REMARK_PLUGINS: Options['remarkPlugins'] = [remarkGfm, remarkMath];

/**
 * The one place card Markdown becomes React. Order matters: raw HTML is parsed, then everything
 * from the card is sanitized, and only then do KaTeX and callouts add their own trusted markup.
 */
function rehypePlugins(katex: MathPlugins | null): Options['rehypePlugins'] {
  return [rehypeRaw, [rehypeSanitize, sanitizeSchema], ...(katex ?? []), rehypeCallouts];
}

// URLs are already resolved and filtered by urlTransform when these run.
const COMPONENTS: Components = {
  a({ node: _node, href, children, ...rest }) {
    // Unsafe URLs arrive without href (sanitize or urlTransform dropped them): text only.
    if (!href) return <span {...rest}>{children}</span>;
    const external = isExternalUrl(href);
    return (
      <a
        {...rest}
        href={href}
        {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      >
        {children}
      </a>
    );
  },
  img({ node: _node, src, alt, ...rest }) {
    if (!src) return alt ? <span className="img-blocked">{alt}</span> : null;
    // Images from other hosts wait for the person's consent per deck.
    return <CardImage {...rest} src={src} alt={alt ?? ''} />;
  },
  pre({ node, children, ...rest }) {
    const code = childElement(node, 'code');
    const language = languageFromClassName(code?.properties.className);
    if (code && language === 'mermaid') {
      return <MermaidDiagram source={hastText(code).replace(/\n$/, '')} />;
    }
    const grammar = grammarFor(language);
    if (code && grammar) {
      return <CodeBlock code={hastText(code).replace(/\n$/, '')} grammar={grammar} />;
    }
    return <pre {...rest}>{children}</pre>;
  },
};

const urlTransformFor =
  (basePath: string | undefined): NonNullable<Options['urlTransform']> =>
  (url, key, node) =>
    resolveDeckUrl(url, basePath, key === 'src' && node.tagName === 'img');

// Rendered cards by source: a card shown again (undo, a learning step, the answer after its
// question) and the next card, prepared while the current answer is read, skip the pipeline.
const CACHE_SIZE = 64;
const cache = new Map<string, ReactElement>();

function render(
  source: string,
  basePath: string | undefined,
  katex: MathPlugins | null,
): ReactElement {
  const key = `${katex ? 'math' : 'text'}\u0000${basePath ?? ''}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // react-markdown's sync Markdown is a pure function of its options (no hooks), so its element
  // can be made ahead of time and reused.
  const element = Markdown({
    remarkPlugins: REMARK_PLUGINS,
    rehypePlugins: rehypePlugins(katex),
    components: COMPONENTS,
    urlTransform: urlTransformFor(basePath),
    children: source,
  });
  cache.set(key, element);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return element;
}

/**
 * Renders a card's Markdown into the cache without showing it, so showing it later costs only
 * the DOM, and starts drawing its diagrams. Math is prepared only once KaTeX has loaded.
 */
export function prepareMarkdown(markdown: string, basePath: string | undefined): void {
  prerenderMermaid(markdown);
  const source = normalizeMathDelimiters(markdown);
  const needsMath = mayContainMath(source);
  const katex = needsMath ? loadedMathPlugins() : null;
  if (needsMath && !katex) return;
  render(source, basePath, katex);
}

/** The Markdown pipeline. Loaded lazily by markdown-view.tsx: it is ~55 KB gzip of parsers. */
export default function MarkdownRenderer({ markdown, basePath }: MarkdownRendererProps) {
  const source = useMemo(() => normalizeMathDelimiters(markdown), [markdown]);
  const katex = useMathPlugins(source);
  return (
    <DeckPathContext value={basePath ?? ''}>{render(source, basePath, katex)}</DeckPathContext>
  );
}
