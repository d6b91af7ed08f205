// Style 5: bold questions. A line that is wholly `**…**`, or that starts with `**Q**:` / `**Q:**` /
// `**Q**：` (full-width colon; `Question` too), is a question; what follows, to the next question or
// heading, is its answer (an `**A:**` tag on its first line is taken off). A `**Q:**` question
// runs over several lines when an `**A:**` line comes before the next question.
// Bold text inside a paragraph is not a question: a wholly bold line straight after paragraph
// text counts only when it ends with `?`, and a bold label ending with `:` ("**Example:**") never.
import { anyLine, blockText, scanLines, type ScanLine, scanResult } from './line-scan.ts';
import type { RawCard, StyleEntry, StyleInput, StyleResult } from './style-types.ts';

const Q_TAG = /^\*\*(?:q|question)(?:\*\*[ \t]*[:：]|[ \t]*[:：][ \t]*\*\*)[ \t]*/i;
const A_TAG = /^\*\*(?:a|answer)(?:\*\*[ \t]*[:：]|[ \t]*[:：][ \t]*\*\*)[ \t]*/i;
const INLINE_A_TAG = /[ \t]\*\*(?:a|answer)(?:\*\*[ \t]*[:：]|[ \t]*[:：][ \t]*\*\*)[ \t]*/i;

/** The text of a line that is one bold span, `**…**`, or null. */
function wholeBold(trimmed: string): string | null {
  if (!trimmed.startsWith('**') || !trimmed.endsWith('**') || trimmed.length < 5) return null;
  const inner = trimmed.slice(2, -2);
  if (inner.includes('**') || /^[\s*]|\s$/.test(inner)) return null;
  return inner;
}

type Mark = { kind: 'tag' } | { kind: 'bold'; text: string } | null;

function markOf(lines: readonly ScanLine[], k: number): Mark {
  const l = lines[k]!;
  if (l.kind !== 'text' || l.indent >= 4) return null;
  const trimmed = l.text.trim();
  if (Q_TAG.test(trimmed)) return { kind: 'tag' };
  if (A_TAG.test(trimmed)) return null;
  const text = wholeBold(trimmed);
  if (text === null || text.endsWith(':') || text.endsWith('：')) return null;
  const prev = lines[k - 1];
  const startsParagraph = !prev || prev.kind === 'blank' || prev.kind === 'heading';
  return startsParagraph || text.endsWith('?') || text.endsWith('？')
    ? { kind: 'bold', text }
    : null;
}

const isATag = (l: ScanLine) => l.kind === 'text' && l.indent < 4 && A_TAG.test(l.text.trim());

function read(input: StyleInput): StyleResult {
  const scan = scanLines(input);
  const { lines } = scan;
  const marks = lines.map((_, k) => markOf(lines, k));
  const cards: RawCard[] = [];
  const first = marks.findIndex((m) => m !== null);
  let k = first < 0 ? lines.length : first;
  while (k < lines.length) {
    const mark = marks[k];
    if (!mark) {
      k += 1;
      continue;
    }
    const l = lines[k]!;
    let end = k + 1;
    while (end < lines.length && !marks[end] && lines[end]!.kind !== 'heading') end += 1;
    let question: string;
    let answerFrom = k + 1;
    const rest = mark.kind === 'tag' ? l.text.trim().replace(Q_TAG, '') : '';
    const inline = mark.kind === 'tag' ? INLINE_A_TAG.exec(rest) : null;
    let answerHead: string | null = null;
    if (mark.kind === 'bold') question = mark.text;
    else if (inline) {
      // `**Q:** What? **A:** 42` on one line.
      question = rest.slice(0, inline.index).trim();
      answerHead = rest.slice(inline.index + inline[0].length);
    } else {
      const a = lines.slice(k + 1, end).findIndex(isATag);
      if (a >= 0) answerFrom = k + 1 + a;
      question = blockText([{ ...l, text: rest }, ...lines.slice(k + 1, answerFrom)]);
    }
    const answerLines = lines.slice(answerFrom, end);
    if (answerHead !== null) answerLines.unshift({ ...l, text: answerHead });
    const head = answerLines[0];
    if (head && isATag(head))
      answerLines[0] = { ...head, text: head.text.trim().replace(A_TAG, '') };
    cards.push({
      question,
      answer: blockText(answerLines),
      line: l.line,
      section: l.section,
      pin: l.pin,
    });
    k = end;
  }
  return scanResult(scan, lines, cards, first);
}

export const boldStyle: StyleEntry = {
  style: 'bold',
  label: 'bold questions',
  read,
  score: (input) => {
    if (!anyLine(input, (l) => l.includes('**'))) return 0;
    const { lines } = scanLines(input);
    let n = 0;
    for (let k = 0; k < lines.length; k++) if (markOf(lines, k)) n += 1;
    return n;
  },
};
