// Loaded only through import() from use-math-plugin.ts (which markdown-view.tsx preloads with the
// Markdown pipeline), so KaTeX, its CSS and its fonts are a chunk of their own.
import 'katex/dist/katex.min.css';
import type { Element, Root } from 'hast';
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { KATEX_SETTINGS, rewriteTexForKatex } from '../shared/katex-compat.ts';
import { childElement, hastText } from './hast-text.ts';

const hasClass = (el: Element | undefined, name: string): boolean =>
  Array.isArray(el?.properties.className) && el.properties.className.includes(name);

/**
 * remark-math's math as rehype-katex finds it: display math is `pre > code.language-math` (from
 * `$$` blocks and ```math fences), inline math `code.math-inline`. The element to replace, or null.
 */
function mathOf(el: Element): { display: boolean; code: Element } | null {
  if (el.tagName === 'pre') {
    const code = childElement(el, 'code');
    return code && hasClass(code, 'language-math') ? { display: true, code } : null;
  }
  if (el.tagName === 'code' && hasClass(el, 'math-inline')) return { display: false, code: el };
  return null;
}

/** Why KaTeX cannot render `tex`, or null when it can. */
function katexError(tex: string, displayMode: boolean): string | null {
  try {
    katex.renderToString(tex, { ...KATEX_SETTINGS, displayMode, throwOnError: true });
    return null;
  } catch (error) {
    // Without the combining underline KaTeX puts under the bad spot: it garbles a tooltip.
    return (error instanceof Error ? error.message : String(error)).replace(/\u0332/g, '');
  }
}

/** The formula's source, readable (not KaTeX's red error), with a title saying why. */
function unrendered(tex: string, display: boolean, reason: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      className: [
        'katex-error',
        'math-unrendered',
        ...(display ? ['math-unrendered-display'] : []),
      ],
      title: `This formula could not be rendered, so its TeX source is shown. ${reason}`,
    },
    children: [{ type: 'text', value: tex }],
  };
}

/**
 * Runs before rehype-katex: rewrites each formula the way MathJax would read it, and replaces a
 * formula KaTeX still cannot render with its readable source, so rehype-katex never paints the
 * source in its error colour (nor half a formula with red commands).
 */
function rehypeMathSource() {
  return (tree: Root) => {
    visit(tree, 'element', (el, index, parent) => {
      const math = mathOf(el);
      if (!math || !parent || index === undefined) return;
      const tex = rewriteTexForKatex(hastText(math.code), math.display);
      const error = katexError(tex, math.display);
      if (error === null) math.code.children = [{ type: 'text', value: tex }];
      else parent.children[index] = unrendered(tex, math.display, error);
      return 'skip';
    });
  };
}

export const mathPlugins: PluggableList = [rehypeMathSource, [rehypeKatex, KATEX_SETTINGS]];
