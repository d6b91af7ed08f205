// One pass over a deck file's lines shared by the line-based styles (bold, Q:/A:, Obsidian
// Spaced Repetition, cloze): which lines are inside a code fence (never a question there), which
// are headings (never cards; they give the section), and HTML comments taken out (`<!-- -->`
// blocks and the plugin's `<!--SR:…-->` scheduling comments are never shown). A comment holding
// `<!-- id: … -->` pins the next card's id.
import type { Diagnostic } from '../../shared/types.ts';
import { PIN_PATTERN } from '../card-id.ts';
import {
  closerFinder,
  closesFence,
  dedent,
  fenceOpen,
  indentOf,
  parseHeading,
  trimBlankLines,
  type Fence,
} from '../lines.ts';
import { fenceMarks } from '../quote.ts';
import type { RawCard, StyleInput, StyleResult } from './style-types.ts';

export type LineKind = 'blank' | 'text' | 'heading' | 'code';

export interface ScanLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line with its HTML comments taken out; a fence's lines unchanged. */
  text: string;
  /** 'code': a fence line or a line inside a fence. */
  kind: LineKind;
  /** Columns of indentation (-1 when blank). */
  indent: number;
  /** The headings above this line, outermost first, the file's title heading excluded. */
  section: string[];
  /** An id pinned by a `<!-- id: … -->` comment just before this line. */
  pin: string | null;
}

export interface Scan {
  lines: ScanLine[];
  /** The first level-1 heading, if any. */
  title: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Removes `<!-- … -->` from a line; `open` says whether the line ends inside a comment. A `<!--`
 * inside inline code is text, and one that is not closed on its line opens a comment only at the
 * line's start (as the native reader and the Obsidian plugin see it): "write `<!--` to…" in an
 * answer must not swallow the rest of the file.
 */
function stripComments(text: string, inComment: boolean): { text: string; open: boolean } {
  let out = '';
  let i = 0;
  let open = inComment;
  while (i < text.length) {
    if (open) {
      const close = text.indexOf('-->', i);
      if (close < 0) return { text: out, open: true };
      i = close + 3;
      open = false;
      continue;
    }
    const start = text.indexOf('<!--', i);
    if (start < 0) break;
    const close = text.indexOf('-->', start + 4);
    const inCode = (text.slice(0, start).split('`').length - 1) % 2 === 1;
    if (inCode || (close < 0 && text.slice(0, start).trim() !== '')) {
      out += text.slice(i, start + 4);
      i = start + 4;
      continue;
    }
    out += text.slice(i, start);
    i = start + 4;
    open = true;
  }
  if (!open && i < text.length) out += text.slice(i);
  return { text: out, open };
}

export function scanLines(input: StyleInput): Scan {
  const { lines, start } = input;
  const hasCloser = closerFinder(lines);
  const out: ScanLine[] = [];
  const diagnostics: Diagnostic[] = [];
  let title: string | null = null;
  let section: string[] = [];
  const levels: number[] = [];
  let fence: Fence | null = null;
  let inComment = false;
  let commentLine = 0;
  let pin: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    const indent = indentOf(raw);
    if (fence) {
      if (indent >= 0 && closesFence(raw.trimStart(), fence)) fence = null;
      out.push({ line, text: raw, kind: 'code', indent, section, pin: null });
      continue;
    }
    let text = raw;
    if (inComment || raw.includes('<!--')) {
      if (!inComment) commentLine = line;
      const stripped = stripComments(raw, inComment);
      const pinned = PIN_PATTERN.exec(raw);
      if (pinned) pin = pinned[1]!;
      inComment = stripped.open;
      if (stripped.text.trim() === '') continue; // a comment-only line is no line at all
      text = stripped.text.trimEnd();
    }
    const ind = indentOf(text);
    if (ind < 0) {
      out.push({ line, text: '', kind: 'blank', indent: -1, section, pin: null });
      continue;
    }
    const trimmed = text.trimStart();
    const open = fenceOpen(trimmed);
    if (open) {
      if (hasCloser(i + 1, open)) fence = open;
      else
        diagnostics.push({
          line,
          severity: 'error',
          message: `This code block is never closed; add a closing ${fenceMarks(open)} line. The lines after it were read as usual.`,
        });
      out.push({ line, text, kind: fence ? 'code' : 'text', indent: ind, section, pin });
      pin = null;
      continue;
    }
    const heading = ind < 4 && trimmed.charCodeAt(0) === 35 ? parseHeading(trimmed) : null;
    if (heading && heading.text !== '') {
      if (heading.level === 1 && title === null) title = heading.text;
      else {
        while (levels.length > 0 && levels[levels.length - 1]! >= heading.level) levels.pop();
        levels.push(heading.level);
        section = [...section.slice(0, levels.length - 1), heading.text];
      }
      out.push({ line, text, kind: 'heading', indent: ind, section, pin: null });
      pin = null;
      continue;
    }
    out.push({ line, text, kind: 'text', indent: ind, section, pin });
    pin = null;
  }
  if (inComment)
    diagnostics.push({
      line: commentLine,
      severity: 'warning',
      message:
        'An HTML comment (<!--) is never closed with -->, so everything after it is ignored.',
    });
  return { lines: out, title, diagnostics };
}

/** Markdown of scanned lines: dedented, blank lines at both ends dropped. */
export function blockText(lines: readonly ScanLine[], from = 0, to = lines.length): string {
  const texts: string[] = [];
  for (let k = from; k < to; k++) texts.push(lines[k]!.text);
  return trimBlankLines(dedent(texts)).join('\n');
}

/** The description: the lines before `end`, headings left out. */
export function descriptionOf(lines: readonly ScanLine[], end: number): string {
  const kept: ScanLine[] = [];
  for (const l of lines.slice(0, end)) {
    if (l.kind === 'heading') continue;
    // A heading left out leaves one blank line, not two.
    if (l.kind === 'blank' && kept[kept.length - 1]?.kind === 'blank') continue;
    kept.push(l);
  }
  return blockText(kept);
}

/** The cards with a question; each one without is reported at its line instead. */
export function withQuestions(cards: RawCard[], diagnostics: Diagnostic[]): RawCard[] {
  return cards.filter((c) => {
    if (c.question.trim() !== '') return true;
    diagnostics.push({
      line: c.line,
      severity: 'warning',
      message:
        'This card has no question, so it is not a card; write the question before its answer.',
    });
    return false;
  });
}

/**
 * Does any line after `start` pass `test`? A score's first look: a file without a single line
 * that could hold its style's mark scores 0 without the full scan (a line object per line).
 */
export function anyLine(input: StyleInput, test: (line: string) => boolean): boolean {
  const { lines, start } = input;
  for (let i = start; i < lines.length; i++) if (test(lines[i]!)) return true;
  return false;
}

/**
 * A line style's result: its cards less those with no question (reported), the scan's title and
 * diagnostics, and the lines before the first card (`firstCard`, or -1 for none) as description.
 */
export function scanResult(
  scan: Scan,
  lines: readonly ScanLine[],
  cards: RawCard[],
  firstCard: number,
): StyleResult {
  return {
    cards: withQuestions(cards, scan.diagnostics),
    diagnostics: scan.diagnostics,
    title: scan.title,
    description: descriptionOf(lines, firstCard < 0 ? lines.length : firstCard),
  };
}
