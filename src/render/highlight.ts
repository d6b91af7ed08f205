import type { HLJSApi, LanguageFn } from 'highlight.js';

/**
 * Syntax highlighting on demand: highlight.js core and each grammar are separate chunks, loaded the
 * first time a card shows a fenced block in that language. Nothing here is imported statically.
 */

type GrammarModule = { default: LanguageFn };

const GRAMMARS: Record<string, () => Promise<GrammarModule>> = {
  python: () => import('highlight.js/lib/languages/python'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  bash: () => import('highlight.js/lib/languages/bash'),
  json: () => import('highlight.js/lib/languages/json'),
  sql: () => import('highlight.js/lib/languages/sql'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  java: () => import('highlight.js/lib/languages/java'),
  go: () => import('highlight.js/lib/languages/go'),
  rust: () => import('highlight.js/lib/languages/rust'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
  latex: () => import('highlight.js/lib/languages/latex'),
  xml: () => import('highlight.js/lib/languages/xml'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
};

const ALIASES: Record<string, string> = {
  py: 'python',
  python3: 'python',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  'c++': 'cpp',
  cc: 'cpp',
  golang: 'go',
  rs: 'rust',
  yml: 'yaml',
  tex: 'latex',
  html: 'xml',
  svg: 'xml',
  patch: 'diff',
};

/** Longer blocks stay plain: highlighting them would stall the card for little benefit. */
export const MAX_HIGHLIGHT_CHARS = 50_000;

/** The grammar name for a fence's info word, or null when we have no grammar for it. */
export function grammarFor(language: string | undefined): string | null {
  if (!language) return null;
  const key = language.toLowerCase();
  const name = ALIASES[key] ?? key;
  return Object.hasOwn(GRAMMARS, name) ? name : null;
}

/** The language named by a `language-xxx` class, as remark-rehype writes it on `<code>`. */
export function languageFromClassName(className: unknown): string | undefined {
  const classes = Array.isArray(className) ? className : String(className ?? '').split(' ');
  for (const c of classes) {
    if (typeof c === 'string' && c.startsWith('language-')) return c.slice('language-'.length);
  }
  return undefined;
}

let core: Promise<HLJSApi> | null = null;
const registered = new Map<string, Promise<void>>();

function loadGrammar(hljs: HLJSApi, name: string): Promise<void> {
  let pending = registered.get(name);
  if (!pending) {
    const load = GRAMMARS[name];
    if (!load) return Promise.reject(new Error(`No grammar for ${name}`));
    pending = load().then((m) => hljs.registerLanguage(name, m.default));
    // A failed chunk load (offline) may succeed later: do not cache the failure.
    pending.catch(() => registered.delete(name));
    registered.set(name, pending);
  }
  return pending;
}

/**
 * Highlights `code` as `grammar` (a name from grammarFor). Resolves to HTML in which every piece
 * of the input is HTML-escaped by highlight.js, wrapped only in its own `<span class="hljs-…">`.
 */
export async function highlightCode(code: string, grammar: string): Promise<string> {
  if (!core) {
    core = import('highlight.js/lib/core').then((m) => m.default);
    core.catch(() => {
      core = null;
    });
  }
  const hljs = await core;
  await loadGrammar(hljs, grammar);
  return hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value;
}
