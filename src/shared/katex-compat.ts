/**
 * TeX that MathJax (which the source sites render with) accepts and KaTeX refuses, rewritten so
 * KaTeX shows what MathJax would. Pure and shared: the renderer applies it to every formula, and
 * `npm run deck:check` applies it before reporting a formula KaTeX cannot render. Every rewrite
 * here has a test in katex-compat.test.ts that renders the result with KaTeX.
 */

/** Commands whose argument is text, where MathJax reads `_ ^ & # %` as plain characters. */
const TEXT_COMMANDS = new Set([
  'text',
  'textrm',
  'textbf',
  'textit',
  'textsf',
  'texttt',
  'textnormal',
  'textup',
  'textmd',
  'emph',
  'mbox',
  'hbox',
]);

/** KaTeX has no `\mbox`/`\hbox`; `\text` is the same thing in math. */
const RENAMED: Record<string, string> = { mbox: 'text', hbox: 'text' };

/** MathJax-only commands with one argument that change nothing KaTeX would show. */
const DROPPED_WITH_ARGUMENT = new Set(['label', 'require']);

/** Environments KaTeX allows only in display mode, and their inline equivalents. */
const INLINE_ENVIRONMENTS: Record<string, string | null> = {
  align: 'aligned',
  'align*': 'aligned',
  gather: 'gathered',
  'gather*': 'gathered',
  equation: null,
  'equation*': null,
};

const TEXT_ESCAPES: Record<string, string> = {
  _: '\\_',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  '^': '\\textasciicircum{}',
};

/** The control word (letters) or control symbol after the backslash at `at`. */
function commandAt(tex: string, at: number): string {
  const word = /^[A-Za-z]+/.exec(tex.slice(at + 1, at + 40));
  return word ? word[0] : tex.slice(at + 1, at + 2);
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the first non-space character at or after `at`. */
function skipSpaces(tex: string, at: number): number {
  let i = at;
  while (tex[i] === ' ') i++;
  return i;
}

/** Text-mode content with MathJax's literal characters escaped; `$…$` math inside is kept. */
function escapeText(content: string): string {
  let out = '';
  let inMath = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (ch === '\\') {
      const name = commandAt(content, i);
      out += `\\${name}`;
      i += name.length;
    } else if (ch === '$') {
      inMath = !inMath;
      out += ch;
    } else {
      out += !inMath && TEXT_ESCAPES[ch] ? TEXT_ESCAPES[ch] : ch;
    }
  }
  return out;
}

/**
 * Rewrites what MathJax accepts and KaTeX refuses:
 * - `_ ^ & # %` inside `\text{…}`, `\textbf{…}`, `\mbox{…}`… are plain characters (escaped);
 * - `\mbox`/`\hbox` become `\text`; `\label{…}` and `\require{…}` are dropped;
 * - in inline math, `align`/`gather`/`equation` environments become `aligned`/`gathered`/a group;
 * - `\displaylines{a \\ b}` becomes a `gathered` environment.
 * Everything else is returned unchanged.
 */
export function rewriteTexForKatex(tex: string, displayMode: boolean): string {
  if (!tex.includes('\\')) return tex;
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const name = commandAt(tex, i);
    const after = i + 1 + name.length;
    const open = skipSpaces(tex, after);
    const close = tex[open] === '{' ? closingBrace(tex, open) : -1;
    if (close !== -1 && TEXT_COMMANDS.has(name)) {
      out += `\\${RENAMED[name] ?? name}{${escapeText(tex.slice(open + 1, close))}}`;
      i = close;
    } else if (close !== -1 && DROPPED_WITH_ARGUMENT.has(name)) {
      i = close;
    } else if (close !== -1 && name === 'displaylines') {
      const inner = rewriteTexForKatex(tex.slice(open + 1, close), displayMode);
      out += `\\begin{gathered}${inner}\\end{gathered}`;
      i = close;
    } else if (close !== -1 && !displayMode && (name === 'begin' || name === 'end')) {
      const env = tex.slice(open + 1, close);
      const inline = INLINE_ENVIRONMENTS[env];
      if (inline === undefined) out += `\\${name}{${env}}`;
      else if (inline === null) out += name === 'begin' ? '{' : '}';
      else out += `\\${name}{${inline}}`;
      i = close;
    } else {
      out += `\\${name}`;
      i = after - 1;
    }
  }
  return out;
}

/** KaTeX settings for card math, shared by the renderer and `npm run deck:check`. */
export const KATEX_SETTINGS: {
  trust: false;
  strict: 'ignore';
  maxSize: number;
  maxExpand: number;
} = {
  // No \href, \url, \htmlData, \includegraphics… from deck text.
  trust: false,
  strict: 'ignore',
  // Bounds on hostile input: sizes in em, and macro expansions (`\def\a{\a\a}\a`).
  maxSize: 20,
  maxExpand: 500,
};
