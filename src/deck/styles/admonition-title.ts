// Style 2: the question is an admonition's title, the answer its body.
//
//     !!! question "What is overfitting?"
//         A model that fits noise in its training data.
//
//     ??? question "Why does dropout help?"
//         ```python
//         x = dropout(x)
//         ```
//         ??? success "Answer"
//             It averages many thinned networks.
//
// A body that holds an answer admonition (`??? success "Answer"`) splits there: what is above it
// is more of the question. A `!!! Question ""` block with "Question"/"Answer" tabs is the native
// style (detect.ts), never this one.
import type { Diagnostic } from '../../shared/types.ts';
import { convertAdmonitions } from '../admonitions.ts';
import { dedent, markupStart, trimBlankLines } from '../lines.ts';
import { admonitionAt, admonitionBody, nestedAnswerAt, nestedEnd } from './admonition.ts';
import { isAnswerLabel } from './answer-label.ts';
import { sumOverLines, type ScannedLines } from './scan.ts';
import { readSegments, type Block } from './segments.ts';
import type { StyleEntry, StyleInput } from './style-types.ts';

const convert = (lines: string[], lineNos: number[], diagnostics: Diagnostic[]) =>
  trimBlankLines(convertAdmonitions({ lines, lineNos }, diagnostics)).join('\n');

function blockAt(scan: ScannedLines, i: number, diagnostics: Diagnostic[]): Block | null {
  const a = admonitionAt(markupStart(scan.lines[i]!));
  if (!a || a.type !== 'question') return null;
  const { body, end } = admonitionBody(scan, i);
  if (a.title === null || a.title === '' || isAnswerLabel(a.title)) {
    diagnostics.push({
      line: i + 1,
      severity: 'warning',
      message:
        'This question admonition has no question in its title, so it is not a card; write the question as its title: !!! question "What is …?"',
    });
    return { kind: 'skip', end };
  }
  const lines = dedent(body.map((k) => scan.lines[k]!));
  const nos = body.map((k) => k + 1);
  const at = nestedAnswerAt(lines);
  if (at < 0)
    return { kind: 'card', end, question: a.title, answer: convert(lines, nos, diagnostics) };
  const close = nestedEnd(lines, at);
  const more = convert(lines.slice(0, at), nos.slice(0, at), diagnostics);
  const answer = [
    convert(dedent(lines.slice(at + 1, close)), nos.slice(at + 1, close), diagnostics),
    convert(lines.slice(close), nos.slice(close), diagnostics),
  ].filter((t) => t !== '');
  return {
    kind: 'card',
    end,
    question: more ? `${a.title}\n\n${more}` : a.title,
    answer: answer.join('\n\n'),
  };
}

function score(input: StyleInput): number {
  return sumOverLines(input.lines, input.start, (t) => {
    const a = t.charCodeAt(0) === 33 || t.charCodeAt(0) === 63 ? admonitionAt(t) : null;
    return a && a.type === 'question' && a.title && !isAnswerLabel(a.title) ? 1 : 0;
  });
}

export const admonitionTitleStyle: StyleEntry = {
  style: 'admonition-title',
  label: 'question admonitions',
  read: (input) => readSegments(input, { blockAt }),
  score,
};
