// Line helpers for the loader: indentation in columns (a tab reaches the next multiple of 4, as in
// Python-Markdown), dedenting, and fence detection.

export const TAB_WIDTH = 4;

/** Splits on CRLF, CR or LF and drops a byte-order mark. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
}

/** Columns of leading whitespace; -1 for a blank (whitespace-only) line. */
export function indentOf(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col += 1;
    else if (c === 9) col += TAB_WIDTH - (col % TAB_WIDTH);
    else return col;
  }
  return -1;
}

/** Removes `cols` columns of leading whitespace (tabs expanded), keeping deeper indentation. */
export function removeIndent(line: string, cols: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < cols) {
    const c = line.charCodeAt(i);
    if (c === 32) col += 1;
    else if (c === 9) col += TAB_WIDTH - (col % TAB_WIDTH);
    else break;
    i += 1;
  }
  // A tab that reached past `cols` leaves the rest of its width as spaces.
  return (col > cols ? ' '.repeat(col - cols) : '') + line.slice(i);
}

/** Dedents lines by their smallest indentation; blank lines become empty; ends trimmed. */
export function dedent(lines: string[]): string[] {
  const indents = new Array<number>(lines.length);
  let min = Infinity;
  for (let i = 0; i < lines.length; i++) {
    const ind = indentOf(lines[i]!);
    indents[i] = ind;
    if (ind >= 0 && ind < min) min = ind;
  }
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (indents[i]! < 0) out[i] = '';
    else {
      const cut = min === 0 ? line : removeIndent(line, min);
      const last = cut.charCodeAt(cut.length - 1);
      out[i] = last === 32 || last === 9 ? cut.trimEnd() : cut;
    }
  }
  return out;
}

/** Drops blank lines at both ends. */
export function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end);
}

export interface Fence {
  char: '`' | '~';
  length: number;
  info: string;
}

const FENCE_OPEN = /^(`{3,}|~{3,})\s*([^`]*?)\s*$/;

/** A fence opener on an already-trimmed-left line, or null. */
export function fenceOpen(trimmed: string): Fence | null {
  const c = trimmed.charCodeAt(0);
  if (c !== 96 && c !== 126) return null;
  const m = FENCE_OPEN.exec(trimmed);
  if (!m) return null;
  const marks = m[1]!;
  return { char: marks[0] as '`' | '~', length: marks.length, info: m[2] ?? '' };
}

export function closesFence(trimmed: string, fence: Fence): boolean {
  if (trimmed.charCodeAt(0) !== fence.char.charCodeAt(0)) return false;
  let n = 0;
  while (n < trimmed.length && trimmed[n] === fence.char) n += 1;
  return n >= fence.length && trimmed.slice(n).trim() === '';
}

/**
 * The line without its indentation, but only when it starts with a character that can open
 * something (`<!--`, `===`, a fence, an admonition, a heading); '' otherwise. Ordinary text lines,
 * most of a deck, then cost no new string.
 */
export function markupStart(line: string): string {
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i += 1;
  }
  const c = line.charCodeAt(i);
  const special = c === 60 || c === 61 || c === 96 || c === 126 || c === 33 || c === 63 || c === 35;
  return special ? (i === 0 ? line : line.slice(i)) : '';
}
