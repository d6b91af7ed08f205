// Style 4 (issue 13): HTML <details>; the summary is the question, or, when it only says
// "Answer", the heading and text before it are; the fixture's traps each have a test below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';
import { summaryMarkdown } from './details.ts';

const text = readFileSync('tests/fixtures/styles/details.md', 'utf8');
const read = (t: string) => parseDeck(t, 'quiz.md');
const rows = (t: string) => read(t).cards.map((c) => [c.question, c.answer, c.line]);

const EXPECTED = [
  [
    'What is a <b>closure</b>?',
    'A function together with the variables it captured.\n\n#### In practice\n\nCounters and memoised functions keep their state in one.',
    7,
  ],
  ['What does `typeof null` return?', '`"object"`: a bug kept for compatibility.', 18],
  ['Inline: what is NaN === NaN?', 'false', 24],
  [
    "1\\. What's the output?\n\n```javascript\nfunction sayHi() {\n# this line is not a heading\n  console.log(name);\n  var name = 'Lydia';\n}\n```",
    '#### Answer: `undefined`\n\n`var` declarations are hoisted.',
    39,
  ],
  [
    "2\\. What's the output?\n\n```javascript\nconsole.log(0.1 + 0.2 === 0.3);\n```\n\n<details>\n<summary>💡 Hint</summary>\nFloating point.\n</details>",
    '`false`: binary fractions round.',
    61,
  ],
  ['3\\. Last without a final newline?', 'Still read.', 79],
];

describe('details style', () => {
  it('reads every question, and nothing else, as exactly one card', () => {
    const deck = read(text);
    expect(deck.style).toBe('details');
    expect(deck.title).toBe('JavaScript quiz');
    expect(deck.description).toBe(
      'Questions in HTML details blocks, as many GitHub repos write them.',
    );
    expect(rows(text)).toEqual(EXPECTED);
    expect(deck.cards.map((c) => c.section)).toEqual([
      ['Summary questions'],
      ['Summary questions'],
      ['Summary questions'],
      ['Output questions'],
      ['Output questions'],
      ['Output questions'],
    ]);
  });

  it('an "Answer" summary takes the heading and the code before it as the question', () => {
    const card = read(text).cards[3]!;
    expect(card.question).toMatch(/^1\\\. What's the output\?\n\n```javascript/);
    // the `<p>` wrapper is gone, the `#### Answer` sub-heading stays in the answer
    expect(card.answer.startsWith('#### Answer: `undefined`')).toBe(true);
  });

  it('a "Hint" details stays in the question; a --- after an answer is not added to it', () => {
    const [, , , first, second] = read(text).cards;
    expect(second!.question).toContain('<summary>💡 Hint</summary>');
    expect(first!.answer).not.toContain('---');
  });

  it('reports the TBD answer at its line; the commented-out details is nothing', () => {
    const deck = read(text);
    expect(deck.diagnostics.map((d) => [d.line, d.severity])).toEqual([[30, 'warning']]);
    expect(deck.diagnostics[0]!.message).toMatch(/"Not answered\?".*\("TBD"\)/);
  });

  it('reads the same cards from CRLF line endings', () => {
    expect(rows(text.replace(/\n/g, '\r\n'))).toEqual(EXPECTED);
  });

  it('summary HTML: wrappers dropped, code as backticks, line breaks joined', () => {
    expect(summaryMarkdown('<b>What is <code>x</code>?</b>')).toBe('What is `x`?');
    expect(summaryMarkdown('<strong>\n  Two\n  lines?\n</strong>')).toBe('Two lines?');
    expect(summaryMarkdown('<b>Bold</b> and <i>italic</i>?')).toBe(
      '<b>Bold</b> and <i>italic</i>?',
    );
  });

  it('an unclosed details is read up to the next heading, with a warning', () => {
    const deck = read('<details><summary>Open?</summary>\n\nYes.\n\n## Next\n\nText.\n');
    expect(deck.cards.map((c) => [c.question, c.answer])).toEqual([['Open?', 'Yes.']]);
    expect(deck.diagnostics[0]).toMatchObject({ line: 1, severity: 'warning' });
    expect(deck.diagnostics[0]!.message).toMatch(/never closed/);
  });
});
