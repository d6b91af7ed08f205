// Style 8 (issue 13, mdanki): one question per heading, its body the answer, `%` splitting more
// question text from the answer; the fixture's traps each have a test below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';

const text = readFileSync('tests/fixtures/styles/heading.md', 'utf8');
const read = (t: string) => parseDeck(t, 'haskell.md');
const rows = (t: string) => read(t).cards.map((c) => [c.question, c.answer, c.line]);

const EXPECTED = [
  [
    'What is a monad?',
    'A monoid in the category of endofunctors.\n\n#### Example\n\n`Maybe` chains computations that may fail.',
    7,
  ],
  ['Fill in the blank\n\n`map (+1) [1, 2]` returns ___', '`[2, 3]`', 15],
  [
    'What does this print?\n\n```haskell\nmain = do\n# not a heading, only a line in code\n  print (length [1, 2, 3])\n```',
    '`3`',
    29,
  ],
  ['Which class gives `show`?', '- `Show`\n\t- derive it with `deriving Show`', 43],
  ['Last without a final newline?', 'Still read.', 52],
];

describe('heading style', () => {
  it('reads every heading with a body, and nothing else, as exactly one card', () => {
    const deck = read(text);
    expect(deck.style).toBe('heading');
    expect(rows(text)).toEqual(EXPECTED);
  });

  it('the title heading and its text are the title and description, never a card', () => {
    const deck = read(text);
    expect(deck.title).toBe('Haskell cards');
    expect(deck.description).toBe('One question per heading, mdanki style.');
  });

  it('headings with no body are sections', () => {
    expect(read(text).cards.map((c) => c.section)).toEqual([
      ['Basics'],
      ['Basics'],
      ['Basics'],
      ['Types'],
      ['Types'],
    ]);
  });

  it('a deeper heading under a question stays in its answer; a `#` line in code is code', () => {
    const [monad, , code] = read(text).cards;
    expect(monad!.answer).toContain('#### Example');
    expect(code!.question).toContain('# not a heading');
  });

  it('reports the TODO answer at its heading; the commented-out heading is nothing', () => {
    const deck = read(text);
    expect(deck.diagnostics.map((d) => [d.line, d.severity])).toEqual([[48, 'warning']]);
    expect(deck.diagnostics[0]!.message).toMatch(/"Unanswered\?".*placeholder/);
  });

  it('reads the same cards from CRLF line endings', () => {
    expect(rows(text.replace(/\n/g, '\r\n'))).toEqual(EXPECTED);
  });

  // Guards a section's intro text turning the section into a card whose answer swallows the
  // question headings under it.
  it('a heading with an intro and questions under it is a section; a deeper question is a card', () => {
    const deck = read(
      '# Deck\n\n## Lists\n\nAbout lists.\n\n### What is a cons cell?\n\nA pair.\n\n#### Why?\n\nBecause.\n\n##### Note\n\nKept.\n',
    );
    expect(deck.cards.map((c) => [c.question, c.answer, c.section])).toEqual([
      ['What is a cons cell?', 'A pair.', ['Lists']],
      ['Why?', 'Because.\n\n##### Note\n\nKept.', ['Lists']],
    ]);
    expect(deck.description).toBe('About lists.');
  });

  it('pins the id given in a comment above a question heading', () => {
    const deck = read(
      '## Intro?\n\nText.\n\n<!-- id: monad -->\n## What is a monad?\n\nA monoid.\n',
    );
    expect(deck.cards.map((c) => c.id)).toEqual([
      expect.stringMatching(/^haskell:/),
      'haskell:monad',
    ]);
    expect(deck.cards[0]!.id).not.toBe('haskell:monad');
    const inside = read('## What is a monad?\n<!-- id: inside -->\nA monoid.\n');
    expect(inside.cards.map((c) => c.id)).toEqual(['haskell:inside']);
  });

  it('a numbered heading stays a question, not a list, once its marks are gone', () => {
    const deck = read('## 1. Why?\n\nBecause.\n');
    expect(deck.cards.map((c) => c.question)).toEqual(['1\\. Why?']);
  });
});
