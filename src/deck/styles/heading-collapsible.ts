// Style 3: a heading (any level) is the question, optionally followed by more question text or
// code; the answer is in an admonition titled like an answer, usually collapsible.
//
//     ### What does `zip(*rows)` return?
//     ```python
//     rows = [(1, 2), (3, 4)]
//     ```
//     ??? tip "Hint"
//         Think of a transpose.
//     ??? success "Answer"
//         The columns: `[(1, 3), (2, 4)]`.
//
// Hints and notes that are not answers stay where they sit (converted to callouts as the native
// style does), in the question above the answer or inside the answer.
import type { Diagnostic } from '../../shared/types.ts';
import { markupStart } from '../lines.ts';
import { admonitionAt, admonitionBody, isAnswerAdmonition } from './admonition.ts';
import { sumOverLines, type ScannedLines } from './scan.ts';
import { markdownOf, readSegments, type Block } from './segments.ts';
import type { StyleEntry, StyleInput } from './style-types.ts';

function blockAt(scan: ScannedLines, i: number, diagnostics: Diagnostic[]): Block | null {
  const a = admonitionAt(markupStart(scan.lines[i]!));
  if (!a || !isAnswerAdmonition(a)) return null;
  const { body, end } = admonitionBody(scan, i);
  return { kind: 'answer', end, answer: markdownOf(scan.lines, body, diagnostics) };
}

function score(input: StyleInput): number {
  return sumOverLines(input.lines, input.start, (t) => {
    const a = t.charCodeAt(0) === 33 || t.charCodeAt(0) === 63 ? admonitionAt(t) : null;
    return a && a.type !== 'question' && isAnswerAdmonition(a) ? 1 : 0;
  });
}

export const headingCollapsibleStyle: StyleEntry = {
  style: 'heading-collapsible',
  label: 'headings with answer admonitions',
  read: (input) => readSegments(input, { blockAt }),
  score,
};
