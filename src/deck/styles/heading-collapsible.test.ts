// Style 3 (issue 13): a heading is the question, the answer sits in an admonition titled like an
// answer; the fixture's traps each have a test below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';

const text = readFileSync('tests/fixtures/styles/heading-collapsible.md', 'utf8');
const read = (t: string) => parseDeck(t, 'puzzles.md');
const rows = (t: string) => read(t).cards.map((c) => [c.question, c.answer, c.line]);

const EXPECTED = [
  [
    'What does `zip(*rows)` return?\n\n```python\nrows = [(1, 2), (3, 4)]\n# this line is a comment, not a heading\n```\n\n> [!TIP]- Hint\n> Think of a transpose.',
    'The columns: `[(1, 3), (2, 4)]`.\n\n> [!WARNING]\n> In Python 3 it is an iterator.',
    10,
  ],
  [
    'Why is `for x in d` over keys?',
    'Iterating a dict yields its keys.\n\nUse `d.items()` for pairs.\n\nTrailing text after the answer belongs to it.\n\n##### Going further\n\nA deeper heading under the question stays in its answer.',
    26,
  ],
  ['Is `str` mutable?', 'No.', 48],
  ['Exercises\n\n1\\. What is `"ab" * 2`?', '`"abab"`', 58],
  ['2\\. What is `"ab"[::-1]`?', '`"ba"`', 65],
  ['Last without a final newline?', 'Still read.', 70],
];

describe('heading-collapsible style', () => {
  it('reads each answered heading, and nothing else, as exactly one card', () => {
    const deck = read(text);
    expect(deck.style).toBe('heading-collapsible');
    expect(deck.title).toBe('Python puzzles');
    expect(rows(text)).toEqual(EXPECTED);
  });

  it('headings without an answer are sections, the title heading is not one', () => {
    expect(read(text).cards.map((c) => c.section)).toEqual([
      ['Iteration'],
      ['Iteration'],
      ['Strings'],
      ['Strings'],
      ['Strings'],
      ['Strings'],
    ]);
  });

  it('keeps a hint with the question and a note inside the answer, as callouts', () => {
    const [zip] = read(text).cards;
    expect(zip!.question).toContain('> [!TIP]- Hint');
    expect(zip!.answer).toContain('> [!WARNING]');
  });

  it('text before the first question, with its note, is the description', () => {
    expect(read(text).description).toBe(
      'Each heading is a question; its answer is folded away.\n\n> [!INFO] How to use\n> Try each one before opening the answer.',
    );
  });

  it('reports the placeholder answer at its heading; the commented-out question is nothing', () => {
    const deck = read(text);
    expect(deck.diagnostics.map((d) => [d.line, d.severity])).toEqual([[53, 'warning']]);
    expect(deck.diagnostics[0]!.message).toMatch(/"Unfinished\?".*placeholder answer/);
    expect(deck.cards.some((c) => c.question.includes('Commented'))).toBe(false);
  });

  it('reads the same cards from CRLF line endings', () => {
    expect(rows(text.replace(/\n/g, '\r\n'))).toEqual(EXPECTED);
  });

  it('pins the id given in a comment above the question heading or its answer', () => {
    const deck = read(
      '<!-- id: first -->\n### One?\n\n??? note "Answer"\n    1\n\n### Two?\n\n<!-- id: second -->\n??? note "Answer"\n    2\n\n### Three?\n\n??? note "Answer"\n    3\n',
    );
    expect(deck.cards.map((c) => c.id.split(':')[1])).toEqual([
      'first',
      'second',
      expect.not.stringMatching(/first|second/),
    ]);
  });

  it('an answer with no question above it is an error, not a card', () => {
    const deck = read('??? note "Answer"\n    Orphan.\n');
    expect(deck.cards).toEqual([]);
    expect(deck.diagnostics[0]).toMatchObject({ line: 1, severity: 'error' });
  });
});
