// Style 4: HTML `<details>`. The `<summary>` holds the question and the body the answer:
//
//     <details>
//     <summary>What is a closure?</summary>
//
//     A function together with the variables it captured.
//
//     </details>
//
// or, when the summary only says "Answer" / "Solution" / "Show answer", the question is the
// heading and text right before it (the javascript-questions layout):
//
//     ###### 3. What's the output?
//     ```js
//     console.log(typeof null);
//     ```
//     <details><summary><b>Answer</b></summary>
//     <p>
//
//     #### Answer: "object"
//     </p>
//     </details>
//
// A `<details>` whose summary says "Hint" stays text where it sits.
import type { Diagnostic } from '../../shared/types.ts';
import { convertAdmonitions } from '../admonitions.ts';
import { dedent, trimBlankLines } from '../lines.ts';
import { isAnswerLabel, isHintLabel, labelText } from './answer-label.ts';
import { COMMENT, FENCE, HEADING, sumOverLines, type ScannedLines } from './scan.ts';
import { readSegments, type Block } from './segments.ts';
import type { StyleEntry, StyleInput } from './style-types.ts';

const OPEN = /^<details\b[^>]*>/i;
const TAG = /<(\/?)details\b[^>]*>/gi;
const SUMMARY = /^\s*<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;

/**
 * For every line that opens a `<details>`, the line after the `</details>` closing it (or -1):
 * one pass matching tags with a stack, so a file full of unclosed `<details>` stays linear.
 */
function closers(scan: ScannedLines): Map<number, number> {
  const cached = closerCache.get(scan);
  if (cached) return cached;
  const close = new Map<number, number>();
  const open: number[] = [];
  for (let k = scan.start; k < scan.lines.length; k++) {
    if (scan.kind[k] === FENCE || scan.kind[k] === COMMENT) continue;
    const line = scan.lines[k]!;
    if (!line.includes('details')) continue;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(line); m; m = TAG.exec(line)) {
      if (!m[1]) open.push(k);
      else {
        const from = open.pop();
        // Only the first `<details>` of a line is a block; one nested on its line closes inside.
        if (from !== undefined && open[open.length - 1] !== from) close.set(from, k + 1);
      }
    }
  }
  closerCache.set(scan, close);
  return close;
}
const closerCache = new WeakMap<ScannedLines, Map<number, number>>();

/** The line after the `</details>` that closes the one opened at `i`, or -1. */
function closeOf(scan: ScannedLines, i: number): number {
  return closers(scan).get(i) ?? -1;
}

/** `<b>What is <code>x</code>?</b>` → "What is `x`?": the summary's HTML as Markdown. */
export function summaryMarkdown(html: string): string {
  // `\s+`, not `\s*\n\s*`: that one rescans a long run of spaces from each of its characters.
  let s = html.replace(/\s+/g, ' ').trim();
  // Wrappers around the whole summary only make it bold or big; the card shows it plainly.
  for (;;) {
    const m = /^<(b|strong|em|i|p|span|h[1-6])\b[^>]*>([\s\S]*)<\/\1\s*>$/i.exec(s);
    if (
      !m ||
      /<\/?(?:b|strong|em|i|p|span|h[1-6])\b/i.test(
        m[2]!.replace(/<(\w+)\b[^>]*>[\s\S]*?<\/\1>/g, ''),
      )
    )
      break;
    s = m[2]!.trim();
  }
  return s
    .replace(/<code>([^<`]*)<\/code>/gi, '`$1`')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's lines: a `<p>` … `</p>` pair around the whole body is dropped, then dedented. */
function bodyLines(text: string, firstLine: number): { lines: string[]; lineNos: number[] } {
  let lines = text.split('\n');
  let nos = lines.map((_, k) => firstLine + k);
  const nonBlank = lines.map((l, k) => (l.trim() === '' ? -1 : k)).filter((k) => k >= 0);
  const a = nonBlank[0];
  const b = nonBlank[nonBlank.length - 1];
  if (
    a !== undefined &&
    b !== undefined &&
    a < b &&
    /^<p>$/i.test(lines[a]!.trim()) &&
    /^<\/p>$/i.test(lines[b]!.trim())
  ) {
    lines = lines.slice(a + 1, b);
    nos = nos.slice(a + 1, b);
  }
  return { lines: dedent(lines), lineNos: nos };
}

function blockAt(scan: ScannedLines, i: number, diagnostics: Diagnostic[]): Block | null {
  const first = scan.lines[i]!.trimStart();
  if (first.charCodeAt(0) !== 60 || !OPEN.test(first)) return null;
  let end = closeOf(scan, i);
  if (end < 0) {
    end = i + 1;
    while (end < scan.lines.length && scan.kind[end] !== HEADING) end += 1;
    diagnostics.push({
      line: i + 1,
      severity: 'warning',
      message:
        'This <details> is never closed with </details>; it was read up to the next heading. Add the closing tag.',
    });
  }
  const raw = scan.lines.slice(i, end).join('\n').trimStart();
  let inner = raw.replace(OPEN, '');
  // The last `</details>` (a lookahead for "no other after it" would be quadratic).
  let close = -1;
  const closing = /<\/details\s*>/gi;
  for (let m = closing.exec(inner); m; m = closing.exec(inner)) close = m.index;
  if (close >= 0) inner = inner.slice(0, close);
  const summary = SUMMARY.exec(inner);
  const label = summary ? summary[1]! : '';
  if (summary && isHintLabel(label)) return { kind: 'text', end };
  const rest = summary ? inner.slice(summary[0].length) : inner;
  // The file line the rest starts on: the <details> line plus the newlines before it.
  const before = raw.length - inner.length + (summary ? summary[0].length : 0);
  const firstLine = i + 1 + (raw.slice(0, before).match(/\n/g)?.length ?? 0);
  const body = bodyLines(rest, firstLine);
  const answer = trimBlankLines(convertAdmonitions(body, diagnostics)).join('\n');
  if (!summary || labelText(label) === '' || isAnswerLabel(label))
    return { kind: 'answer', end, answer };
  return { kind: 'card', end, question: summaryMarkdown(label), answer };
}

function score(input: StyleInput): number {
  return sumOverLines(input.lines, input.start, (t) =>
    t.charCodeAt(0) === 60 && OPEN.test(t) ? 1 : 0,
  );
}

export const detailsStyle: StyleEntry = {
  style: 'details',
  label: 'HTML <details>',
  read: (input) => readSegments(input, { blockAt }),
  score,
};
