import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cardId,
  deckIdFromPath,
  legacyCardId,
  legacyNormaliseQuestion,
  normaliseQuestion,
} from './card-id.ts';
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

  // Guards: a non-breaking space where a space was (pasted from a web page) gave a new id.
  it('counts a non-breaking or other Unicode space as a space', () => {
    for (const space of ['\u00a0', '\u2000', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000'])
      expect(cardId('d', `What is${space}X?`), escape(space)).toBe(cardId('d', 'What is X?'));
    expect(normaliseQuestion('\u00a0What\u00a0is X?\u3000')).toBe('What is X?');
    // The old rule kept a lone one: that is the id progress may be stored under.
    expect(legacyNormaliseQuestion('What is\u00a0X?')).toBe('What is\u00a0X?');
    expect(legacyCardId('d', 'What is\u00a0X?')).not.toBe(cardId('d', 'What is X?'));
    expect(legacyCardId('d', 'What  is\u00a0X?')).toBe(cardId('d', 'What is X?'));
  });

  it('gives a card previousIds only when the old rule gave it another id', () => {
    const deck = (q: string, pin = '') =>
      parseDeck(
        `${pin}!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        A\n`,
        'd.md',
      ).cards[0]!;
    const nbsp = deck('What is\u00a0X?');
    expect(nbsp.id).toBe(deck('What is X?').id);
    expect(nbsp.previousIds).toEqual([legacyCardId('d', 'What is\u00a0X?')]);
    expect(deck('What is X?')).not.toHaveProperty('previousIds');
    expect(deck('What  is\u00a0X?')).not.toHaveProperty('previousIds');
    expect(deck('What is\u00a0X?', '<!-- id: x -->\n')).not.toHaveProperty('previousIds');
    expect(parseDeck(seed, 'm.md').cards.some((c) => c.previousIds)).toBe(false);
  });

  it('keeps the repeat suffix on a previous id', () => {
    const block = (q: string) =>
      `!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        A\n`;
    const cards = parseDeck(block('Q\u00a01') + block('Q\u00a01'), 'd.md').cards;
    expect(cards[1]!.id).toBe(`${cards[0]!.id}~2`);
    expect(cards[1]!.previousIds).toEqual([`${legacyCardId('d', 'Q\u00a01')}~2`]);
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
