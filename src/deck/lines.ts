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

const isBlank = (c: number) => c === 32 || c === 9;

/** A fence opener on an already-trimmed-left line, or null. Hand-written: no regex backtracking. */
export function fenceOpen(trimmed: string): Fence | null {
  const c = trimmed.charCodeAt(0);
  if (c !== 96 && c !== 126) return null;
  let n = 1;
  while (n < trimmed.length && trimmed.charCodeAt(n) === c) n += 1;
  if (n < 3) return null;
  const info = trimmed.slice(n).trim();
  // A backtick fence's info string may not hold a backtick (CommonMark), so ``x`` is inline code.
  if (c === 96 && info.includes('`')) return null;
  return { char: c === 96 ? '`' : '~', length: n, info };
}

export function closesFence(trimmed: string, fence: Fence): boolean {
  const c = fence.char.charCodeAt(0);
  if (trimmed.charCodeAt(0) !== c) return false;
  let n = 0;
  while (n < trimmed.length && trimmed.charCodeAt(n) === c) n += 1;
  if (n < fence.length) return false;
  for (let k = n; k < trimmed.length; k++) if (!isBlank(trimmed.charCodeAt(k))) return false;
  return true;
}

/**
 * `hasCloser(from, fence)`: does any line at index >= from close `fence`? Answered from suffix
 * maxima of closing-run lengths, built on first use, so a file full of unclosed fences stays
 * linear instead of rescanning the rest of the file for each one.
 */
export function closerFinder(lines: string[]): (from: number, fence: Fence) => boolean {
  let backtick: Int32Array | null = null;
  let tilde: Int32Array | null = null;
  const build = () => {
    const n = lines.length;
    backtick = new Int32Array(n + 1);
    tilde = new Int32Array(n + 1);
    for (let k = n - 1; k >= 0; k--) {
      backtick[k] = backtick[k + 1]!;
      tilde[k] = tilde[k + 1]!;
      const line = lines[k]!;
      let i = 0;
      while (i < line.length && isBlank(line.charCodeAt(i))) i += 1;
      const c = line.charCodeAt(i);
      if (c !== 96 && c !== 126) continue;
      let j = i;
      while (j < line.length && line.charCodeAt(j) === c) j += 1;
      let rest = j;
      while (rest < line.length && isBlank(line.charCodeAt(rest))) rest += 1;
      if (rest < line.length) continue;
      const table = c === 96 ? backtick : tilde;
      if (j - i > table[k]!) table[k] = j - i;
    }
  };
  return (from, fence) => {
    if (!backtick) build();
    const table = fence.char === '`' ? backtick! : tilde!;
    return from < table.length && table[from]! >= fence.length;
  };
}

export interface Heading {
  level: number;
  text: string;
}

/**
 * An ATX heading on an already-trimmed-left line (`## Title ##` → level 2, "Title"), or null.
 * Hand-written: a regex with a lazy body and optional closing marks backtracks quadratically on
 * long runs of spaces.
 */
export function parseHeading(trimmed: string): Heading | null {
  let n = 0;
  while (n < trimmed.length && trimmed.charCodeAt(n) === 35) n += 1;
  if (n === 0 || n > 6) return null;
  if (n < trimmed.length && !isBlank(trimmed.charCodeAt(n))) return null;
  let end = trimmed.length;
  while (end > n && isBlank(trimmed.charCodeAt(end - 1))) end -= 1;
  let k = end;
  while (k > n && trimmed.charCodeAt(k - 1) === 35) k -= 1;
  if (k < end && (k === n || isBlank(trimmed.charCodeAt(k - 1)))) {
    end = k;
    while (end > n && isBlank(trimmed.charCodeAt(end - 1))) end -= 1;
  }
  let start = n;
  while (start < end && isBlank(trimmed.charCodeAt(start))) start += 1;
  return { level: n, text: trimmed.slice(start, end) };
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
