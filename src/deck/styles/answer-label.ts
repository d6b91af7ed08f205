// Words people put on the thing that hides an answer: an admonition titled "Answer" or
// "Solution", a `<summary>Show answer</summary>`. Such a label is not a question; the question is
// the heading and text before it.

/** Text without HTML tags, Markdown emphasis and leading/trailing symbols (emoji, arrows, colons). */
export function labelText(raw: string): string {
  const s = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
  // By hand: `[^\p{L}\p{N}]+$` retries from every character of a long run of symbols (quadratic).
  let a = 0;
  let b = s.length;
  while (a < b && !LETTER.test(s.charAt(a))) a += 1;
  while (b > a && !LETTER.test(s.charAt(b - 1))) b -= 1;
  return s.slice(a, b).toLowerCase();
}

const LETTER = /[\p{L}\p{N}]/u;
/** No answer or hint label is this long; longer text is not read as one. */
const MAX_LABEL = 200;

const ANSWER_LABEL =
  /^(?:(?:click|tap)(?: here)?(?: to)? )?(?:(?:show|see|view|reveal|check|display|expand|toggle|open)(?: the)? )?(?:correct |sample |suggested |model |possible )?(?:answer|answers|solution|solutions|explanation|response|reponse|réponse|respuesta|lösung|antwort|ответ|答案|解答)(?: (?:and|&) (?:explanation|solution))?(?: here)?$/u;

/** "Answer", "Solution", "Show answer", "Click to reveal the answer", "💡 Answer:"… */
export function isAnswerLabel(raw: string): boolean {
  return raw.length <= MAX_LABEL && ANSWER_LABEL.test(labelText(raw));
}

const HINT_LABEL =
  /^(?:(?:show|see|view|reveal)(?: a| the)? )?(?:hint|hints|tip|tips|clue|clues)\b/u;

/** "Hint", "Show hint", "Tip 1"… : part of the question (or answer) it sits in, never a card. */
export function isHintLabel(raw: string): boolean {
  return raw.length <= MAX_LABEL && HINT_LABEL.test(labelText(raw));
}

/** Admonition types whose untitled block (`??? answer`) holds an answer. */
export const ANSWER_TYPES = new Set(['answer', 'solution']);
