// Style 2 (issue 13): the question in an admonition's title, the answer its body; the fixture's
// traps each have a test below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';

const text = readFileSync('tests/fixtures/styles/admonition-title.md', 'utf8');
const read = (t: string) => parseDeck(t, 'admonition-title.md');
const rows = (t: string) => read(t).cards.map((c) => [c.question, c.answer, c.line]);

const EXPECTED = [
  ['What does `len([])` return?', '`0`: an empty list has no items.', 7],
  [
    'Are dicts ordered?',
    'Yes, by insertion, since Python 3.7.\n\n#### In detail\n\nCPython 3.6 already kept the order as an implementation detail.',
    14,
  ],
  ["What's the output?\n\n```python\n# not a heading\nprint(1 + 1)\n```", '`2`', 28],
  [
    'What\'s the output?\n\n```python\nprint("a" * 2)\n```',
    '`aa`\n\n> [!TIP] Remember\n> Strings repeat with `*`.',
    37,
  ],
  ['Single-quoted title, tab-indented body?', 'Tabs indent this answer.\n\n- and this list', 48],
  ['Last, with no final newline?', 'Still read.', 58],
];

describe('admonition-title style', () => {
  it('reads every titled question block, and nothing else, as exactly one card', () => {
    const deck = read(text);
    expect(deck.style).toBe('admonition-title');
    expect(deck.title).toBe('Python traps');
    expect(deck.description).toBe('Questions written as admonition titles.');
    expect(rows(text)).toEqual(EXPECTED);
    expect(deck.cards.map((c) => c.section)).toEqual([
      ['Basics'],
      ['Basics'],
      ['Output'],
      ['Output'],
      ['Output'],
      ['Output'],
    ]);
  });

  it('keeps a sub-heading and a `#` line in code inside the card, never a section', () => {
    const deck = read(text);
    expect(deck.cards[1]!.answer).toContain('#### In detail');
    expect(deck.cards[2]!.question).toContain('# not a heading');
  });

  it('pins the id given in a comment above the block', () => {
    expect(read(text).cards[1]!.id).toBe('admonition-title:dict-order');
  });

  it('reports a placeholder answer and an untitled block, each at its line, as no card', () => {
    expect(read(text).diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [53, 'warning'],
      [56, 'warning'],
    ]);
    expect(read(text).diagnostics[0]!.message).toMatch(/Not answered yet\?.*placeholder/);
    expect(read(text).diagnostics[1]!.message).toMatch(/no question in its title/);
  });

  it('reads the same cards from CRLF line endings', () => {
    expect(rows(text.replace(/\n/g, '\r\n'))).toEqual(EXPECTED);
  });

  it('keeps repeated questions as separate cards with ~2 and a warning', () => {
    const deck = read('!!! question "Same?"\n    A\n\n!!! question "Same?"\n    B\n');
    expect(deck.cards.map((c) => c.answer)).toEqual(['A', 'B']);
    expect(deck.cards[1]!.id).toBe(`${deck.cards[0]!.id}~2`);
    expect(deck.diagnostics[0]!.message).toMatch(/same question appears on lines 1 and 4/);
  });

  it('is not the native style: a titled question block without tabs', () => {
    const deck = read('!!! Question "What?"\n    This.\n');
    expect(deck.style).toBe('admonition-title');
    expect(deck.cards.map((c) => [c.question, c.answer])).toEqual([['What?', 'This.']]);
  });
});
