import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardId, deckIdFromPath, normaliseQuestion } from './card-id.ts';
import { parseDeck } from './parse-deck.ts';

const seed = readFileSync(join(process.cwd(), 'decks/ml-interview-questions.md'), 'utf8');
const ids = (text: string, path = 'ml-interview-questions.md') =>
  parseDeck(text, path).cards.map((c) => c.id);

describe('card identity survives the edits people make', () => {
  const original = ids(seed);

  it('re-indenting with tabs or two spaces keeps every id', () => {
    const tabs = seed.replace(/^( {4})+/gm, (m) => '\t'.repeat(m.length / 4));
    const twoSpaces = seed.replace(/^( {4})+/gm, (m) => '  '.repeat(m.length / 4));
    expect(ids(tabs)).toEqual(original);
    expect(ids(twoSpaces)).toEqual(original);
  });

  it('trailing spaces, CRLF and heading-mark spacing keep every id', () => {
    expect(ids(seed.replace(/\n/g, '   \n'))).toEqual(original);
    expect(ids(seed.replace(/\n/g, '\r\n'))).toEqual(original);
    expect(ids(seed.replace(/#### /g, '##   '))).toEqual(original);
  });

  it('editing an answer keeps the id; changing the question changes it', () => {
    expect(ids(seed.replace('Short answer is no.', 'Short answer: no.'))).toEqual(original);
    const changed = ids(seed.replace('Is BERT a Text Generation model?', 'Is BERT a generator?'));
    expect(changed[3]).not.toBe(original[3]);
    expect(changed.filter((id, i) => id === original[i])).toHaveLength(8);
  });

  it('moving the file changes the deck id unless front matter pins it', () => {
    expect(ids(seed, 'sub/moved.md')[0]).toMatch(/^sub\/moved:/);
    const pinned = `---\nid: ml-interview-questions\n---\n${seed}`;
    expect(ids(pinned, 'sub/moved.md')).toEqual(original);
  });

  it('a pinned card id survives rewording the question', () => {
    const text = (q: string) =>
      `<!-- id: bn -->\n!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        A\n`;
    expect(ids(text('What is BN?'), 'd.md')).toEqual(['d:bn']);
    expect(ids(text('What is batch norm?'), 'd.md')).toEqual(['d:bn']);
  });
});

describe('ids', () => {
  it('normalises heading marks, whitespace and line endings', () => {
    expect(normaliseQuestion('####   What  is\r\n  X?  ')).toBe('What is X?');
    expect(cardId('d', '#### What is X?')).toBe(cardId('d', 'What   is X?'));
  });

  it('derives URL-safe deck ids from paths', () => {
    expect(deckIdFromPath('ml-interview-questions.md')).toBe('ml-interview-questions');
    expect(deckIdFromPath('decks/Sub Dir/My Deck.MD')).toBe('sub-dir/my-deck');
    expect(deckIdFromPath('a\\b.md')).toBe('a/b');
  });

  it('gives distinct ids to distinct questions (no collisions on 20,000 strings)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(cardId('d', `Question number ${i}?`));
    expect(seen.size).toBe(20_000);
  });
});

describe('robustness (property)', () => {
  const fragment = fc.constantFrom(
    '!!! Question ""',
    '??? question',
    '???+ Question "t"',
    '=== "Question"',
    '=== "Answer"',
    '=== "answer"',
    '#### ',
    '```',
    '``` mermaid',
    '~~~',
    '<!--',
    '-->',
    '<!-- id: x -->',
    '!!! Note',
    '$$',
    '\t',
    '    ',
    '        ',
    '\r\n',
    '\n',
    '\n\n',
    ' ',
    'text',
    '---',
    'id: y',
    '# T',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 80 })
      .map((p) => p.join('')),
  );

  it('never throws, and every card has a non-empty question and a line in the file', () => {
    fc.assert(
      fc.property(text, (t) => {
        const deck = parseDeck(t, 'p.md');
        const lineCount = t.split(/\r\n|\r|\n/).length;
        for (const c of deck.cards) {
          expect(c.question.trim()).not.toBe('');
          expect(c.line).toBeGreaterThanOrEqual(1);
          expect(c.line).toBeLessThanOrEqual(lineCount);
        }
        expect(new Set(deck.cards.map((c) => c.id)).size).toBe(deck.cards.length);
        for (const d of deck.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
