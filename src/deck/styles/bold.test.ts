// Style 5, bold questions: the fixture's every trap, with the exact cards worked out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../lines.ts';
import { boldStyle } from './bold.ts';

const FIXTURE = readFileSync(join(process.cwd(), 'tests/fixtures/styles/bold.md'), 'utf8');

function read(text: string) {
  const lines = splitLines(text);
  const start = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  return boldStyle.read({ lines, start, deckId: 'bold', path: 'bold.md' });
}
const qa = (text: string) => read(text).cards.map((c) => [c.question, c.answer]);

describe('bold questions', () => {
  it('reads the fixture into exactly these cards', () => {
    const result = read(FIXTURE);
    expect(result.title).toBe('JavaScript interview');
    expect(result.description).toBe('Questions people are asked, in **bold**.');
    expect(result.cards.map((c) => [c.line, c.section, c.question, c.answer])).toEqual([
      [
        11,
        ['Scope'],
        'What is a closure?',
        'A function together with the variables it captured.\n\n**Example:**\n\n```js\n# not a heading\n**Not a question inside a fence?**\nconst make = () => { let n = 0; return () => ++n; };\n```',
      ],
      [
        23,
        ['Scope'],
        'What are the falsy values?',
        '- `false`, `0`, `""`\n\t- `null`, `undefined`, `NaN`\n\nPlain text of the answer\n**A stressed line inside the paragraph**\nand the paragraph goes on.',
      ],
      [34, ['Scope', 'Types'], 'What does `typeof null` give?', '"object", an old bug.'],
      [
        37,
        ['Scope', 'Types'],
        'Are `let` declarations hoisted?',
        'Yes, but they sit in the temporal dead zone.',
      ],
      [46, ['Scope', 'Types'], '全角コロンの質問は何ですか？', '全角の答え。'],
      [49, ['Scope', 'Types'], 'A question that runs\nover two lines?', 'Its answer.'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the same cards from CRLF line endings and with a final newline', () => {
    const expected = qa(FIXTURE);
    expect(FIXTURE.endsWith('\n')).toBe(false); // the fixture itself has no final newline
    expect(qa(FIXTURE.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(qa(`${FIXTURE}\n`)).toEqual(expected);
  });

  it('takes no bold line inside a code fence for a question', () => {
    expect(qa('**Q?**\n\n```\n**Not a question?**\n# nor a heading\n```')).toEqual([
      ['Q?', '```\n**Not a question?**\n# nor a heading\n```'],
    ]);
  });

  it('takes no bold line inside a paragraph, nor a bold label, for a question', () => {
    expect(qa('**Q1?**\n\nText\n**stressed**\nmore\n\n**Example:**\n\nx')).toEqual([
      ['Q1?', 'Text\n**stressed**\nmore\n\n**Example:**\n\nx'],
    ]);
  });

  it('reads `**Q**:`, `**Q:**`, `**Q**：` and `**A:**` tags', () => {
    expect(qa('**Q**: one\na\n**Q:** two\n**A:** b\n**Q**：three\n**A**：c')).toEqual([
      ['one', 'a'],
      ['two', 'b'],
      ['three', 'c'],
    ]);
  });

  it('splits `**Q:** … **A:** …` written on one line', () => {
    expect(qa('**Q:** What is 6 × 7? **A:** 42\nmore\n\n**Q**: next? **Answer**: yes')).toEqual([
      ['What is 6 × 7?', '42\nmore'],
      ['next?', 'yes'],
    ]);
  });

  it('ends an answer at a heading, which is never a card', () => {
    expect(qa('**Q?**\n\nA\n\n## Heading\n\nafter')).toEqual([['Q?', 'A']]);
  });

  it('ignores a question commented out with <!-- -->', () => {
    expect(qa('**Q?**\n\nA\n<!--\n**Gone?**\n\nx\n-->')).toEqual([['Q?', 'A']]);
  });
});
