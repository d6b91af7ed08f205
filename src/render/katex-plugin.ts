// Loaded only through import() from use-math-plugin.ts, so KaTeX, its CSS and its fonts are
// fetched the first time a card contains math.
import 'katex/dist/katex.min.css';
import rehypeKatex from 'rehype-katex';
import type { Options as KatexOptions } from 'rehype-katex';

export const KATEX_OPTIONS: KatexOptions = {
  // No \href, \url, \htmlData, \includegraphics… from deck text.
  trust: false,
  strict: 'ignore',
  // Bounds on hostile input: sizes in em, and macro expansions (`\def\a{\a\a}\a`).
  maxSize: 20,
  maxExpand: 500,
  errorColor: '#d33',
};
// rehype-katex renders with throwOnError: true, then on failure retries with throwOnError: false,
// so a bad formula shows its source in errorColor instead of throwing.

export { rehypeKatex };
