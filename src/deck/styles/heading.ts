// Style 8 (mdanki): one question per heading, its body the answer. A line holding only `%`
// splits the question's further text (above it) from the answer (below it):
//
//     ## What is a monad?
//     A monoid in the category of endofunctors.
//
//     ## Fill in the blank
//     `map(f, [1, 2])` returns ___
//     %
//     `[f(1), f(2)]`
//
// The deck's title heading (the first `#`) and headings with no body (sections) are not cards; a
// deeper heading under a question stays in its answer.
import { parseHeading } from '../lines.ts';
import { sumOverLines } from './scan.ts';
import { readSegments } from './segments.ts';
import type { StyleEntry, StyleInput } from './style-types.ts';

/**
 * Headings followed by text, at half weight (most styles put text under headings); only a file
 * with a question-like heading (ending in `?`) or a `%` line scores at all, so plain notes are not
 * read as cards unless their front matter says `format: heading`.
 */
function score(input: StyleInput): number {
  let withBody = 0;
  let questionLike = 0;
  let openHeading = false;
  let firstH1 = true;
  let pendingQuestion = false;
  sumOverLines(input.lines, input.start, (t) => {
    if (t.charCodeAt(0) === 35) {
      const h = parseHeading(t);
      if (h && h.text !== '') {
        openHeading = !(h.level === 1 && firstH1);
        if (h.level === 1) firstH1 = false;
        pendingQuestion = h.text.endsWith('?') || h.text.endsWith('？');
        return 0;
      }
    }
    if (t === '%') questionLike += 1;
    if (openHeading) {
      withBody += 1;
      if (pendingQuestion) questionLike += 1;
      openHeading = false;
    }
    return 0;
  });
  return questionLike > 0 ? withBody / 2 : 0;
}

export const headingStyle: StyleEntry = {
  style: 'heading',
  label: 'one question per heading',
  read: (input) => readSegments(input, { headingCards: true }),
  score,
};
