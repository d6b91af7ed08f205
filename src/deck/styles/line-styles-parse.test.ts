// Styles 5, 6, 7 and 9 through parseDeck: each fixture is detected as its style without its
// `format:` line, its cards get ids, and a cloze note's cards keep their ids when another of its
// deletions is edited (Card.id, not only idText), sharing one noteId.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';

const fixture = (name: string) =>
  readFileSync(join(process.cwd(), 'tests/fixtures/styles', `${name}.md`), 'utf8');
const withoutFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('line-based styles through parseDeck', () => {
  it.each([
    ['bold', 6],
    ['qa', 7],
    ['obsidian-sr', 12],
    ['cloze', 11],
  ] as const)('detects %s without front matter and reads %i cards', (style, count) => {
    const text = withoutFrontMatter(fixture(style));
    expect(text.startsWith('---')).toBe(false);
    const deck = parseDeck(text, `${style}.md`);
    expect(deck.style).toBe(style);
    expect(deck.cards).toHaveLength(count);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(count);
    expect(parseDeck(text.replace(/\n/g, '\r\n'), `${style}.md`).cards).toEqual(deck.cards);
  });

  it('reports a Q: with no answer as a warning at its line, not a card', () => {
    const deck = parseDeck(fixture('qa'), 'qa.md');
    expect(deck.cards.map((c) => c.question)).not.toContain('A question with no answer');
    expect(deck.diagnostics).toEqual([expect.objectContaining({ line: 41, severity: 'warning' })]);
  });

  it("keeps a cloze note's other card ids when one deletion is edited", () => {
    const before = parseDeck('The ==mitochondria== is the ==powerhouse== of the ==cell==.', 'c.md');
    const after = parseDeck('The ==mitochondrion== is the ==powerhouse== of the ==cell==.', 'c.md');
    expect(after.style).toBe('cloze');
    const ids = (d: typeof before) => d.cards.map((c) => c.id);
    expect(ids(after)[0]).not.toBe(ids(before)[0]);
    expect(ids(after).slice(1)).toEqual(ids(before).slice(1));
    expect(new Set(after.cards.map((c) => c.noteId))).toEqual(new Set(['c@1']));
  });

  it('gives both directions of a ::: card their own ids and one noteId', () => {
    const deck = parseDeck('cat:::gato\ndog:::perro\nbird::pájaro', 'sr.md');
    expect(deck.style).toBe('obsidian-sr');
    expect(deck.cards.map((c) => [c.question, c.noteId])).toEqual([
      ['cat', 'sr@1'],
      ['gato', 'sr@1'],
      ['dog', 'sr@2'],
      ['perro', 'sr@2'],
      ['bird', undefined],
    ]);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(5);
  });

  it('pins the id of the card after a <!-- id: … --> comment', () => {
    const qa = parseDeck(
      '<!-- id: capital -->\nQ: Capital of France?\nA: Paris\n\nQ: b\nA: c',
      'p.md',
    );
    expect(qa.cards.map((c) => c.id)).toEqual([
      'p:capital',
      expect.stringMatching(/^p:(?!capital)/),
    ]);
    const bold = parseDeck('<!-- id: closure -->\n**What is a closure?**\n\nA function.', 'p.md');
    expect(bold.cards.map((c) => c.id)).toEqual(['p:closure']);
  });

  // Guards: a `?` with nothing above it, a `**Q:**` or `Q:` with nothing after, or the reversed
  // card of `term:::` became a card with an empty question.
  it('reports a card with no question at its line, and makes no card of it', () => {
    const sr = parseDeck('a::b\n\n?\nan answer\n\nterm:::', 'sr.md');
    expect(sr.cards.map((c) => c.question)).toEqual(['a']);
    expect(sr.diagnostics.map((d) => [d.line, d.message.split(',')[0]])).toEqual([
      [3, 'This card has no question'],
      [6, 'The question "term" has no answer'],
    ]);
    const qa = parseDeck('Q: one\nA: 1\n\nQ:\nA: 2', 'qa.md');
    expect(qa.cards.map((c) => c.question)).toEqual(['one']);
    expect(qa.diagnostics.map((d) => d.line)).toEqual([4]);
    const bold = parseDeck('**Q:** one\n**A:** 1\n\n**Q:**\n**A:** 2', 'b.md');
    expect(bold.cards.map((c) => c.question)).toEqual(['one']);
    expect(bold.diagnostics.map((d) => d.line)).toEqual([4]);
  });
});
