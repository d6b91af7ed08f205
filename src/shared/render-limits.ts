/**
 * Bounds on what a card may ask the Markdown pipeline to do. Parsing nested lists, unclosed
 * brackets and deeply nested or huge TeX costs far more than linear time in remark and KaTeX: one
 * 8 KB line of `- - - … x` froze the tab for seconds, a 300×300 matrix for 19 s. Those cards are
 * not drawn; they show why and their source instead. Pure and linear in the card's length, no
 * DOM: it runs before every render, including the one made ahead of time for the next card.
 *
 * Thresholds were measured in Chromium (tests/e2e/bombs.e2e.ts, `npm run bench bombs`): a card
 * just under each one renders in well under 200 ms, and every card of the real decks is far below.
 */
export const RENDER_LIMITS = {
  /** Characters in the card. */
  length: 10_000,
  /** Lines in the card. */
  lines: 1_000,
  /** Nested list items and block quotes, counting `- - - x` on one line as three lists. */
  nesting: 12,
  /** `[` in the card: unclosed ones make link parsing search again and again. */
  brackets: 1_000,
  /** Matrix and table cells in math: `&` and `\\` in the card's TeX. */
  mathCells: 120,
  /** Groups inside groups in TeX: `{`, `\left`, `\begin`. `\sqrt{\sqrt{…}}` nests once per root. */
  mathNesting: 12,
  /** TeX commands (`\alpha`, `\frac`…) in the card. */
  mathCommands: 1_500,
} as const;

export type RenderLimits = { readonly [K in keyof typeof RENDER_LIMITS]: number };

export interface CardMeasures {
  length: number;
  lines: number;
  nesting: number;
  brackets: number;
  mathCells: number;
  mathNesting: number;
  mathCommands: number;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * How deep the line starting at `start` nests containers: its indentation (two columns per
 * level, as a list item's content needs) plus the list markers and `>` chained at its start.
 */
function lineNesting(text: string, start: number, end: number): number {
  let i = start;
  let indent = 0;
  let depth = 0;
  for (;;) {
    while (i < end) {
      const c = text.charCodeAt(i);
      // Only the line's own indentation nests; spaces between chained markers do not.
      if (c === SPACE) indent += depth === 0 ? 1 : 0;
      else if (c === TAB) indent += depth === 0 ? 4 - (indent % 4) : 0;
      else break;
      i++;
    }
    if (i >= end) break;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      depth++;
      i++;
      continue;
    }
    let j = i;
    if (c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) j = i + 1;
    else if (isDigit(c)) {
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if (!(d === 46 /* . */ || d === 41 /* ) */)) break;
      j++;
    } else break;
    const after = j < end ? text.charCodeAt(j) : NEWLINE;
    if (after !== SPACE && after !== TAB && after !== NEWLINE) break;
    depth++;
    i = j;
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

/** The figures the limits bound, in one pass over the card. */
export function measureCard(markdown: string): CardMeasures {
  const m: CardMeasures = {
    length: markdown.length,
    lines: 1,
    nesting: 0,
    brackets: 0,
    mathCells: 0,
    mathNesting: 0,
    mathCommands: 0,
  };
  let braces = 0;
  let lineStart = 0;
  const n = markdown.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? markdown.charCodeAt(i) : NEWLINE;
    if (c === NEWLINE) {
      m.nesting = Math.max(m.nesting, lineNesting(markdown, lineStart, i));
      if (i < n) m.lines++;
      lineStart = i + 1;
    } else if (c === 91 /* [ */) {
      m.brackets++;
    } else if (c === 38 /* & */) {
      m.mathCells++;
    } else if (c === 123 /* { */) {
      braces++;
      m.mathNesting = Math.max(m.mathNesting, braces);
    } else if (c === 125 /* } */) {
      if (braces > 0) braces--;
    } else if (c === 92 /* \ */ && i + 1 < n) {
      const next = markdown.charCodeAt(i + 1);
      if (next === 92) {
        m.mathCells++;
        i++;
      } else if (isLetter(next)) {
        let j = i + 1;
        while (j < n && isLetter(markdown.charCodeAt(j))) j++;
        m.mathCommands++;
        const name = markdown.slice(i + 1, j);
        // These open a group the way `{` does; their closing partners close it.
        if (name === 'left' || name === 'begin') {
          braces++;
          m.mathNesting = Math.max(m.mathNesting, braces);
        } else if ((name === 'right' || name === 'end') && braces > 0) braces--;
        i = j - 1;
      } else {
        // An escaped character (`\{`, `\[`, `\&`) is text, not structure.
        i++;
      }
    }
  }
  return m;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Why this card is not drawn (a sentence for the person), or null when it is within the limits.
 * Math figures count only in cards that may contain math.
 */
export function renderLimitReason(
  markdown: string,
  limits: RenderLimits = RENDER_LIMITS,
): string | null {
  // Before measuring anything else: a huge card is refused without reading all of it twice.
  if (markdown.length > limits.length)
    return `This card is ${count(markdown.length)} characters long; cards up to ${count(limits.length)} characters are drawn.`;
  const m = measureCard(markdown);
  if (m.lines > limits.lines)
    return `This card has ${count(m.lines)} lines; cards up to ${count(limits.lines)} lines are drawn.`;
  if (m.nesting > limits.nesting)
    return `This card nests lists or quotes ${count(m.nesting)} deep; up to ${count(limits.nesting)} levels are drawn.`;
  if (m.brackets > limits.brackets)
    return `This card has ${count(m.brackets)} “[” brackets; up to ${count(limits.brackets)} are drawn.`;
  if (!/\$|\\\(|\\\[|\\begin\{/.test(markdown)) return null;
  if (m.mathCells > limits.mathCells)
    return `This card's math has ${count(m.mathCells)} matrix or table cells; up to ${count(limits.mathCells)} are drawn.`;
  if (m.mathNesting > limits.mathNesting)
    return `This card's math nests ${count(m.mathNesting)} groups deep; up to ${count(limits.mathNesting)} levels are drawn.`;
  if (m.mathCommands > limits.mathCommands)
    return `This card's math has ${count(m.mathCommands)} commands; up to ${count(limits.mathCommands)} are drawn.`;
  return null;
}
