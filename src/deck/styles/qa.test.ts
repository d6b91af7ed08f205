// Style 6, Q: / A: blocks (hashcards' format, `C:` clozes included): the fixture's every trap, with
// the exact cards worked out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../lines.ts';
import { qaStyle } from './qa.ts';

const FIXTURE = readFileSync(join(process.cwd(), 'tests/fixtures/styles/qa.md'), 'utf8');

function read(text: string) {
  const lines = splitLines(text);
  return qaStyle.read({ lines, start: 0, deckId: 'qa', path: 'qa.md' });
}
const qa = (text: string) => read(text).cards.map((c) => [c.question, c.answer]);

describe('Q: / A: blocks', () => {
  it('reads the fixture into exactly these cards', () => {
    const result = read(FIXTURE);
    expect(result.title).toBe('Geography');
    expect(result.description).toBe("Cards in hashcards' format, and a few more.");
    expect(result.cards.map((c) => [c.line, c.section, c.question, c.answer])).toEqual([
      [5, [], 'What is the capital of France?', 'Paris'],
      [8, [], 'Which river runs through Paris?', 'The Seine.'],
      [11, [], '全角のコロンですか？', 'はい。'],
      [
        16,
        ['Multi-line'],
        'List the PGM minerals.',
        '- ruthenium\n- rhodium\n\t- a TAB-indented sub item',
      ],
      [
        23,
        ['Multi-line'],
        'What does this print?\n\n```python\n# a comment, not a heading\nprint("Q: not a question")\nA: not an answer\n```',
        '`Q: not a question`, then the\nsecond line of the answer.',
      ],
      [
        37,
        ['Multi-line'],
        '<span class="cloze"><strong>&#91;…&#93;</strong></span> is the capital of France.',
        '<span class="cloze"><strong>Paris</strong></span> is the capital of France.',
      ],
      [
        37,
        ['Multi-line'],
        'Paris is the capital of <span class="cloze"><strong>&#91;…&#93;</strong></span>.',
        'Paris is the capital of <span class="cloze"><strong>France</strong></span>.',
      ],
      // An empty answer: parseDeck turns it into a diagnostic, not a card.
      [41, ['Multi-line', 'Without answer'], 'A question with no answer', ''],
    ]);
    expect(result.cards[5]!.noteId).toBe(result.cards[6]!.noteId);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the same cards from CRLF line endings and with a final newline', () => {
    const expected = qa(FIXTURE);
    expect(FIXTURE.endsWith('\n')).toBe(false);
    expect(qa(FIXTURE.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(qa(`${FIXTURE}\n`)).toEqual(expected);
  });

  it('takes no Q: or A: inside a code fence or a comment for a tag', () => {
    expect(qa('Q: q\n```\nA: no\n```\nA: a\n<!-- Q: gone\nA: gone -->')).toEqual([
      ['q\n```\nA: no\n```', 'a'],
    ]);
  });

  // Guards: a `<!--` written inside inline code, or mid-line and never closed, opened a comment
  // that swallowed every card after it.
  it('keeps a <!-- in inline code or mid-line as text; drops a closed inline comment', () => {
    expect(qa('Q: one\nA: write `<!--` to open\nQ: two\nA: a <!-- note --> b <!-- c')).toEqual([
      ['one', 'write `<!--` to open'],
      ['two', 'a  b <!-- c'],
    ]);
  });

  it('reads Question:/Answer: in any case and a full-width colon', () => {
    expect(qa('QUESTION: one\nanswer: a\nq：two\nA ： b')).toEqual([
      ['one', 'a'],
      ['two', 'b'],
    ]);
  });

  it('ends an answer at a heading, which is never a card', () => {
    expect(qa('Q: q\nA: a\n\n## Next\n\nnot an answer')).toEqual([['q', 'a']]);
  });

  it('scores a file of C: blocks alone as 0, so it reads as the cloze style', () => {
    const input = (text: string) => ({ lines: splitLines(text), start: 0, deckId: 'd', path: 'p' });
    expect(qaStyle.score(input('C: [a]\n\nC: [b]'))).toBe(0);
    expect(qaStyle.score(input('Q: q\nA: a\n\nC: [a]\n\nC: [b]'))).toBe(3);
  });
});
