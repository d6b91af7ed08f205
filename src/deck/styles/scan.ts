// One pass over a deck file's lines that every heading-based style reader shares: which lines are
// inside fenced code, inside an HTML comment, or top-level headings. Readers then walk the lines
// knowing a `# not a heading` inside a fence, or a question commented out with `<!-- -->`, is
// never structure.
import {
  closerFinder,
  closesFence,
  fenceOpen,
  indentOf,
  markupStart,
  parseHeading,
  type Fence,
} from '../lines.ts';

export const TEXT = 0;
/** A fence line or a line inside fenced code. */
export const FENCE = 1;
/** A line of an HTML comment (`<!-- … -->`, one line or a commented-out region). */
export const COMMENT = 2;
/** An ATX heading, indented less than 4 columns, outside code and comments. */
export const HEADING = 3;

export interface ScannedLines {
  lines: string[];
  start: number;
  /** Columns of indentation; -1 for a blank line. */
  indent: Int32Array;
  kind: Uint8Array;
  /** Heading level (1–6) for HEADING lines, else 0. */
  level: Uint8Array;
  /** Heading text for HEADING lines. */
  headingText: Map<number, string>;
  /** Index of a `<!--` that is never closed (everything after it is ignored), or -1. */
  unclosedComment: number;
}

export function scanLines(lines: string[], start: number): ScannedLines {
  const n = lines.length;
  const indent = new Int32Array(n);
  const kind = new Uint8Array(n);
  const level = new Uint8Array(n);
  const headingText = new Map<number, string>();
  const hasCloser = closerFinder(lines);
  let fence: Fence | null = null;
  let inComment = false;
  let unclosedComment = -1;
  for (let i = start; i < n; i++) {
    const line = lines[i]!;
    const ind = indentOf(line);
    indent[i] = ind;
    if (inComment) {
      kind[i] = COMMENT;
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (ind < 0) continue;
    const trimmed = markupStart(line);
    if (fence) {
      kind[i] = FENCE;
      if (closesFence(trimmed, fence)) fence = null;
      continue;
    }
    if (trimmed === '') continue;
    const first = trimmed.charCodeAt(0);
    if (first === 60 && trimmed.startsWith('<!--')) {
      // Only a comment that fills its line (or opens a region) is ignored; `<!-- x --> text` is text.
      const close = trimmed.indexOf('-->', 4);
      if (close < 0) {
        inComment = true;
        unclosedComment = i;
        kind[i] = COMMENT;
      } else if (trimmed.slice(close + 3).trim() === '') kind[i] = COMMENT;
      continue;
    }
    if (first === 96 || first === 126) {
      const open = fenceOpen(trimmed);
      // An unclosed fence is not a fence (as in the native reader): the lines after it read as usual.
      if (open && hasCloser(i + 1, open)) {
        fence = open;
        kind[i] = FENCE;
        continue;
      }
    }
    if (first === 35 && ind < 4) {
      const h = parseHeading(trimmed);
      if (h && h.text !== '') {
        kind[i] = HEADING;
        level[i] = h.level;
        headingText.set(i, h.text);
      }
    }
  }
  if (!inComment) unclosedComment = -1;
  return { lines, start, indent, kind, level, headingText, unclosedComment };
}

/** The end (exclusive) of an indented block opened at `i`: following blank or deeper lines. */
export function indentedBlockEnd(scan: ScannedLines, i: number): number {
  const base = scan.indent[i]!;
  const n = scan.lines.length;
  let last = i;
  for (let k = i + 1; k < n; k++) {
    const ind = scan.indent[k]!;
    if (ind >= 0 && ind <= base) break;
    if (ind >= 0) last = k;
  }
  return last + 1;
}

/**
 * A detector's pass: `score(trimmed, i)` for each non-blank line indented less than 4 columns,
 * outside fenced code and HTML comments, summed. Light on purpose (no heading or block parsing).
 */
export function sumOverLines(
  lines: string[],
  start: number,
  score: (trimmed: string, i: number) => number,
): number {
  let total = 0;
  let fence: Fence | null = null;
  let inComment = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const c = line.charCodeAt(0);
    const trimmed = c === 32 || c === 9 ? line.trimStart() : line;
    if (trimmed === '') continue;
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
      continue;
    }
    const first = trimmed.charCodeAt(0);
    if (first === 96 || first === 126) {
      fence = fenceOpen(trimmed);
      if (fence) continue;
    }
    if (first === 60 && trimmed.startsWith('<!--')) {
      if (trimmed.indexOf('-->', 4) < 0) inComment = true;
      continue;
    }
    if (line.length - trimmed.length >= 4 && indentOf(line) >= 4) continue;
    total += score(trimmed, i);
  }
  return total;
}
