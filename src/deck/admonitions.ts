// Inside a card: mkdocs admonitions become GitHub-style alert blockquotes the renderer styles as
// callouts (`> [!NOTE] Title`; `-` closed and `+` open for `???` collapsibles), and fence info
// strings are tidied (` ``` mermaid` → ` ```mermaid`). Code inside fences is never touched.
import type { Diagnostic } from '../shared/types.ts';
import {
  closesFence,
  dedent,
  fenceOpen,
  indentOf,
  markupStart,
  parseHeading,
  type Fence,
} from './lines.ts';
import { fenceMarks } from './quote.ts';

const ADMONITION = /^(!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+"(.*)"|\s+'(.*)')?\s*$/;

/** Lines of Markdown plus the file line each came from (for diagnostics). */
export interface Numbered {
  lines: string[];
  lineNos: number[];
}

/**
 * A direct scan is linear here: an unclosed fence inside a card is opened anyway and runs to the
 * card's end, so no line is scanned twice.
 */
function hasCloser(lines: string[], from: number, fence: Fence): boolean {
  for (let k = from; k < lines.length; k++) {
    if (closesFence(markupStart(lines[k]!), fence)) return true;
  }
  return false;
}

/** Converts nested admonitions to callouts, recursively; reports unterminated fences. */
export function convertAdmonitions(input: Numbered, diagnostics: Diagnostic[]): string[] {
  const { lines, lineNos } = input;
  if (!mayNeedConversion(lines)) return lines;
  const out: string[] = [];
  let fence: Fence | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = markupStart(line);
    if (fence) {
      out.push(line);
      if (closesFence(trimmed, fence)) fence = null;
      continue;
    }
    const open = fenceOpen(trimmed);
    if (open) {
      const indent = line.slice(0, line.length - trimmed.length);
      const marks = open.char.repeat(open.length);
      out.push(`${indent}${marks}${open.info}`);
      if (!hasCloser(lines, i + 1, open)) {
        diagnostics.push({
          line: lineNos[i] ?? 0,
          severity: 'warning',
          message: `This code block (${fenceMarks(open)}) is never closed, so it runs to the end of the card; add a closing ${fenceMarks(open)} line.`,
        });
      }
      fence = open;
      continue;
    }
    const m =
      trimmed.startsWith('!!!') || trimmed.startsWith('???') ? ADMONITION.exec(trimmed) : null;
    if (!m) {
      out.push(line);
      continue;
    }
    const indent = indentOf(line);
    const body: string[] = [];
    const bodyNos: number[] = [];
    let j = i + 1;
    while (j < lines.length) {
      const ind = indentOf(lines[j]!);
      if (ind >= 0 && ind <= indent) break;
      body.push(lines[j]!);
      bodyNos.push(lineNos[j] ?? 0);
      j += 1;
    }
    while (body.length > 0 && body[body.length - 1]!.trim() === '') {
      body.pop();
      bodyNos.pop();
      j -= 1;
    }
    if (body.length === 0) {
      // A body written flush under `!!! Note` (not indented): mkdocs drops it from the note, but
      // the author meant it as the note's text. Keep it, up to the next blank line.
      while (j < lines.length && indentOf(lines[j]!) === indent) {
        const t = lines[j]!.trimStart();
        if (fenceOpen(t) || ADMONITION.test(t)) break;
        body.push(lines[j]!);
        bodyNos.push(lineNos[j] ?? 0);
        j += 1;
      }
    }
    const kind = m[1]!;
    const type = m[2]!.toUpperCase();
    const title = (m[3] ?? m[4] ?? '').trim();
    const fold = kind === '???' ? '-' : kind === '???+' ? '+' : '';
    const prefix = ' '.repeat(indent);
    out.push(`${prefix}> [!${type}]${fold}${title ? ` ${title}` : ''}`);
    const inner = convertAdmonitions({ lines: dedent(body), lineNos: bodyNos }, diagnostics);
    for (const b of inner) out.push(b === '' ? `${prefix}>` : `${prefix}> ${b}`);
    // A line right after a blockquote would continue it lazily: keep them apart.
    if (j < lines.length && indentOf(lines[j]!) >= 0) out.push('');
    i = j - 1;
  }
  return out;
}

/** Most answers hold no admonition and no fence: skip the line-by-line pass for them. */
function mayNeedConversion(lines: string[]): boolean {
  for (const line of lines) {
    const t = markupStart(line);
    if (t !== '' && t.charCodeAt(0) !== 60 && t.charCodeAt(0) !== 35 && t.charCodeAt(0) !== 61)
      return true;
  }
  return false;
}

/** A question's text without heading marks (`#### Why?` → `Why?`), outside code. */
export function stripHeadingMarks(lines: string[]): string[] {
  let fence: Fence | null = null;
  return lines.map((line) => {
    const trimmed = line.trimStart();
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
      return line;
    }
    const open = fenceOpen(trimmed);
    if (open) {
      fence = open;
      return line;
    }
    const h = trimmed.startsWith('#') ? parseHeading(trimmed) : null;
    return h ? h.text : line;
  });
}
