// Style 9, cloze deletions: the fixture's every trap, with the exact cards worked out by hand, and
// the ids of a note's cards surviving an edit of another deletion.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardId } from '../card-id.ts';
import { splitLines } from '../lines.ts';
import { clozeStyle } from './cloze.ts';

const FIXTURE = readFileSync(join(process.cwd(), 'tests/fixtures/styles/cloze.md'), 'utf8');

function read(text: string) {
  const lines = splitLines(text);
  return clozeStyle.read({ lines, start: 0, deckId: 'cz', path: 'cloze.md' });
}
const qa = (text: string) => read(text).cards.map((c) => [c.question, c.answer]);
const ids = (text: string) => read(text).cards.map((c) => cardId('cz', c.idText ?? c.question));
const hidden = '<span class="cloze"><strong>&#91;…&#93;</strong></span>';
const shown = (s: string) => `<span class="cloze"><strong>${s}</strong></span>`;

describe('cloze deletions', () => {
  it('reads the fixture into exactly these cards', () => {
    const result = read(FIXTURE);
    expect(result.title).toBe('Cloze notes');
    expect(result.description).toBe("Deletions in three tools' syntax.");
    const verse = (a: string, b: string, c: string) =>
      `Better is the sight of the eyes than the wandering of the desire.\n\n— ${a} ${b}:${c}, see [the text](https://example.com) and ![a picture](x.png)`;
    expect(
      result.cards.map((c) => [c.line, c.section, c.noteId, c.idText, c.question, c.answer]),
    ).toEqual([
      [
        7,
        ['Obsidian'],
        'cz@7',
        'cloze Julia Gillard',
        `The first female prime minister of Australia was ${hidden}.`,
        `The first female prime minister of Australia was ${shown('Julia Gillard')}.`,
      ],
      [
        9,
        ['Obsidian'],
        'cz@9',
        'cloze mitochondria',
        `The ${hidden} is the powerhouse of the cell.`,
        `The ${shown('mitochondria')} is the powerhouse of the cell.`,
      ],
      [
        9,
        ['Obsidian'],
        'cz@9',
        'cloze powerhouse',
        `The mitochondria is the ${hidden} of the cell.`,
        `The mitochondria is the ${shown('powerhouse')} of the cell.`,
      ],
      [
        20,
        ['Anki'],
        'cz@20',
        'cloze c1 Canberra | Wellington',
        `${hidden} is the capital of Australia, and ${hidden} of New Zealand.`,
        `${shown('Canberra')} is the capital of Australia, and ${shown('Wellington')} of New Zealand.`,
      ],
      [
        20,
        ['Anki'],
        'cz@20',
        'cloze c2 Australia',
        'Canberra is the capital of <span class="cloze"><strong>&#91;country&#93;</strong></span>, and Wellington of New Zealand.',
        `Canberra is the capital of ${shown('Australia')}, and Wellington of New Zealand.`,
      ],
      [
        28,
        ['hashcards'],
        'cz@28',
        'cloze order',
        `The ${hidden} of a group is the cardinality of its underlying set.`,
        `The ${shown('order')} of a group is the cardinality of its underlying set.`,
      ],
      [
        28,
        ['hashcards'],
        'cz@28',
        'cloze the cardinality of its underlying set',
        `The order of a group is ${hidden}.`,
        `The order of a group is ${shown('the cardinality of its underlying set')}.`,
      ],
      [
        30,
        ['hashcards'],
        'cz@30',
        'cloze Ecclesiastes',
        verse(hidden, '6', '9'),
        verse(shown('Ecclesiastes'), '6', '9'),
      ],
      [
        30,
        ['hashcards'],
        'cz@30',
        'cloze 6',
        verse('Ecclesiastes', hidden, '9'),
        verse('Ecclesiastes', shown('6'), '9'),
      ],
      [
        30,
        ['hashcards'],
        'cz@30',
        'cloze 9',
        verse('Ecclesiastes', '6', hidden),
        verse('Ecclesiastes', '6', shown('9')),
      ],
      [
        37,
        ['hashcards', 'TAB'],
        'cz@37',
        'cloze tab',
        `- ${hidden} indented list item`,
        `- ${shown('tab')} indented list item`,
      ],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the same cards from CRLF line endings and with a final newline', () => {
    const expected = qa(FIXTURE);
    expect(FIXTURE.endsWith('\n')).toBe(false);
    expect(qa(FIXTURE.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(qa(`${FIXTURE}\n`)).toEqual(expected);
  });

  it('finds no deletion in inline code, a code fence, a comment or `a == b`', () => {
    expect(qa('`a ==b== c` and `{{c1::x}}`, a == b == c')).toEqual([]);
    expect(qa('```\n==x== {{c1::y}}\n```')).toEqual([]);
    expect(qa('<!--\n==x==\n-->')).toEqual([]);
    expect(qa('x ==y==')).toEqual([[`x ${hidden}`, `x ${shown('y')}`]]);
  });

  it('takes links, images and task boxes in a C: block for what they are', () => {
    expect(qa('C: [a](u) ![b](v) [c][r] - [ ] [x] [d]')).toEqual([
      [
        `[a](u) ![b](v) [c][r] - [ ] [x] ${hidden}`,
        `[a](u) ![b](v) [c][r] - [ ] [x] ${shown('d')}`,
      ],
    ]);
  });

  it('runs a C: block over blank lines to the next C: or heading', () => {
    expect(qa('C:\n[a]\n\nb\nC: [c]\n# H\n[d]')).toEqual([
      [`${hidden}\n\nb`, `${shown('a')}\n\nb`],
      [hidden, shown('c')],
    ]);
  });

  it('makes one card per Anki group, in group order, shown with its hint', () => {
    expect(qa('{{c2::b::hint}} {{c1::a}} {{c1::c}}')).toEqual([
      [`b ${hidden} ${hidden}`, `b ${shown('a')} ${shown('c')}`],
      ['<span class="cloze"><strong>&#91;hint&#93;</strong></span> a c', `${shown('b')} a c`],
    ]);
  });

  it("keeps the other cards' ids when one deletion of a note is edited", () => {
    const before = ids('The ==mitochondria== is the ==powerhouse== of the ==cell==.');
    const after = ids('The ==mitochondrion== is the ==powerhouse== of the ==cell==.');
    expect(after[0]).not.toBe(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
    const anki = ids('{{c1::Canberra}} is in {{c2::Australia}}, {{c1::Wellington}} in {{c3::NZ}}');
    const edited = ids(
      '{{c1::Canberra}} is in {{c2::Australia}}, {{c1::Wellington}} in {{c3::Aotearoa}}',
    );
    expect(edited.slice(0, 2)).toEqual(anki.slice(0, 2));
    expect(edited[2]).not.toBe(anki[2]);
  });
});
