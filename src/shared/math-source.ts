/**
 * Card math as the source sites write it (mkdocs-material with pymdownx.arithmatex and MathJax),
 * made ready for remark-math and KaTeX. Pure and shared: the renderer and `npm run deck:check`
 * apply the same rewrites, so the check reports exactly the formulas a card would fail to show.
 *
 * Delimiters: remark-math understands only `$…$` and `$$…$$`; decks also use the LaTeX delimiters
 * `\(…\)` and `\[…\]`, which CommonMark would otherwise read as escaped brackets. Arithmatex
 * shows `$$…$$` and `\begin{env}…\end{env}` standing alone as a block in display mode, where
 * remark-math would keep a one-line `$$x$$` inline.
 */

/** Cheap test for "this Markdown may contain math", used to decide whether to load KaTeX. */
export function mayContainMath(markdown: string): boolean {
  return /\$|\\\(|\\\[|\\begin\{/.test(markdown);
}

const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/**
 * Rewrites `\(…\)` to `$…$` and `\[…\]` to `$$…$$`, leaving fenced code, inline code and existing
 * `$`-math untouched (so `\\[2pt]` inside an `aligned` block stays what it was).
 */
export function normalizeMathDelimiters(markdown: string): string {
  if (!mayContainMath(markdown)) return markdown;
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (prose.length > 0) out.push(convertProse(prose.join('')));
    prose = [];
  };
  for (const line of markdown.split(/(?<=\n)/)) {
    const match = FENCE.exec(line);
    const marker = match?.[1];
    const rest = match ? line.slice(match[0].length) : '';
    if (fence === null) {
      // A backtick fence's info string cannot contain a backtick (that is inline code).
      if (marker !== undefined && !(marker[0] === '`' && rest.includes('`'))) {
        flush();
        fence = marker;
        out.push(line);
      } else {
        prose.push(line);
      }
      continue;
    }
    out.push(line);
    if (
      marker !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      rest.trim() === ''
    ) {
      fence = null;
    }
  }
  flush();
  return out.join('');
}

/** Index of the closing `\)` or `\]` after `from`, skipping escaped pairs such as `\\`. */
function findLatexClose(text: string, from: number, closer: ')' | ']'): number {
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] !== '\\') continue;
    if (text[i + 1] === closer) return i;
    i++;
  }
  return -1;
}

function runLength(text: string, at: number, char: string): number {
  let n = 0;
  while (text[at + n] === char) n++;
  return n;
}

/** Converts delimiters in text that contains no fenced code. */
function convertProse(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`') {
      // Inline code: skip to the closing run of the same length, if there is one.
      const n = runLength(text, i, '`');
      const close = findRun(text, i + n, '`', n);
      const end = close === -1 ? i + n : close + n;
      out += text.slice(i, end);
      i = end;
    } else if (ch === '$') {
      const n = Math.min(runLength(text, i, '$'), 2);
      const end = findDollarClose(text, i + n, n);
      const stop = end === -1 ? i + n : end + n;
      const inner = text.slice(i + n, end);
      out +=
        n === 2 && end !== -1 && !isFlowMath(inner) && isBlock(text, i, stop)
          ? displayMath(inner, linePrefix(text, i))
          : text.slice(i, stop);
      i = stop;
    } else if (ch === '\\' && text.startsWith('\\begin{', i)) {
      const stop = environmentEnd(text, i);
      if (stop !== -1 && isBlock(text, i, stop)) {
        out += displayMath(text.slice(i, stop), linePrefix(text, i));
        i = stop;
      } else {
        out += text.slice(i, i + 2);
        i += 2;
      }
    } else if (ch === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') {
        const closer = next === '(' ? ')' : ']';
        const close = findLatexClose(text, i + 2, closer);
        if (close !== -1) {
          const inner = text.slice(i + 2, close);
          out +=
            next === '('
              ? `$${inner}$`
              : isOwnLine(text, i, close + 2)
                ? displayMath(inner, linePrefix(text, i))
                : `$$${inner}$$`;
          i = close + 2;
          continue;
        }
      }
      // Any other escape (including `\\` and `\$`) is copied as a pair.
      out += text.slice(i, i + 2);
      i += 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The blockquote/indent prefix of the line holding `at`, when only such characters precede it. */
function linePrefix(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
}

/** Whether [start, end) is alone on its line(s), apart from blockquote markers and spaces. */
function isOwnLine(text: string, start: number, end: number): boolean {
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  return /^[ \t>]*$/.test(linePrefix(text, start)) && after.trim() === '';
}

/** What may stand before a block on its line: indentation, `>` and one list-item marker. */
const BLOCK_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)?$/;
/** A line that ends the block before it: blank (inside its containers), a callout's title or an
 * ATX heading. */
const BOUNDARY_LINE = /^[ \t>]*(?:>[ \t]*\[![A-Za-z]+\][-+]?.*|#{1,6}(?:[ \t].*)?)?$/;

/**
 * Whether [start, end) is a block of its own, as arithmatex reads `$$…$$` and `\begin{…}`: the
 * whole paragraph (a list item's first paragraph included), with a blank line or the end of the
 * text after it, and no blank line inside.
 */
function isBlock(text: string, start: number, end: number): boolean {
  const prefix = linePrefix(text, start);
  if (!BLOCK_PREFIX.test(prefix)) return false;
  const lineStart = start - prefix.length;
  const startsItem = /[-*+\d]/.test(prefix);
  if (!startsItem && lineStart > 0) {
    const before = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
    if (!BOUNDARY_LINE.test(before)) return false;
  }
  if (/\n[ \t>]*\n/.test(text.slice(start, end))) return false;
  const lineEnd = text.indexOf('\n', end);
  if (text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() !== '') return false;
  if (lineEnd === -1) return true;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  return /^[ \t>]*$/.test(text.slice(lineEnd + 1, nextEnd === -1 ? text.length : nextEnd));
}

/** `$$` content whose delimiters already stand on lines of their own: remark-math's own form. */
function isFlowMath(inner: string): boolean {
  return /^[ \t]*\n/.test(inner) && /\n[ \t>]*$/.test(inner);
}

/** End of the `\end{env}` closing the `\begin{env}` at `at`, or -1. */
function environmentEnd(text: string, at: number): number {
  const name = /^\\begin\{([A-Za-z]+\*?)\}/.exec(text.slice(at, at + 40))?.[1];
  if (!name) return -1;
  const close = `\\end{${name}}`;
  const found = text.indexOf(close, at);
  return found === -1 ? -1 : found + close.length;
}

/**
 * Math that stands as a block, as a `$$` block on lines of its own, which remark-math renders in
 * display mode (an inline `$$…$$` would be rendered inline). Lines after the first keep their own
 * `>` prefixes and indentation; a list marker before the opening becomes spaces after it.
 */
function displayMath(inner: string, prefix: string): string {
  const indent = prefix.replace(/[-*+]|\d{1,9}[.)]/g, (m) => ' '.repeat(m.length));
  const lines = inner.split('\n');
  const first = (lines[0] ?? '').trim();
  const middle = lines.slice(1, -1);
  const last = lines.length > 1 ? (lines[lines.length - 1] ?? '') : '';
  const body = [
    ...(first ? [indent + first] : []),
    ...middle,
    ...(last.replace(/^[ \t>]*/, '').trim() ? [last.trimEnd()] : []),
  ];
  return `$$\n${body.join('\n')}\n${indent}$$`;
}

/** Start of the next run of exactly `n` `char`s at or after `from`, or -1. */
function findRun(text: string, from: number, char: string, n: number): number {
  for (let i = from; i < text.length;) {
    if (text[i] !== char) {
      i++;
      continue;
    }
    const len = runLength(text, i, char);
    if (len === n) return i;
    i += len;
  }
  return -1;
}

/** Closing `$` (inline, same paragraph) or `$$` (display) after `from`, or -1. */
function findDollarClose(text: string, from: number, n: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (n === 1 && ch === '\n' && /^\n[ \t>]*\n/.test(text.slice(i, i + 80))) {
      return -1;
    } else if (ch === '$' && (n === 1 || text[i + 1] === '$')) {
      return i;
    }
  }
  return -1;
}
