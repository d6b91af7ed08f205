// Guards issue 10 "Freezes": every card of the bomb corpus is refused before it reaches the
// Markdown pipeline, cards just inside each limit and every card of the real decks are not.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { bombDeck } from './fixtures/bombs/generate.ts';
import { renderLimitReason } from '../src/shared/render-limits.ts';

const root = join(import.meta.dirname, '..');
const bombs = parseDeck(bombDeck(), 'bombs.md').cards;
const drawn = (question: string) => /^(Inside:|A normal card)/.test(question.trim());

describe('renderLimitReason on the bomb corpus', () => {
  it('holds the whole corpus', () => {
    expect(bombs.length).toBe(13);
  });

  for (const card of bombs) {
    const name = card.question.trim();
    if (drawn(name))
      it(`draws "${name}"`, () => {
        expect(renderLimitReason(card.answer)).toBeNull();
      });
    else
      it(`refuses "${name}" with a sentence`, () => {
        expect(renderLimitReason(card.answer)).toMatch(/^This card.*\.$/);
      });
  }
});

describe('renderLimitReason on the real decks', () => {
  const decks = [
    join(root, 'decks/ml-interview-questions.md'),
    ...readdirSync(join(root, 'tests/fixtures/decks')).map((f) =>
      join(root, 'tests/fixtures/decks', f),
    ),
    join(root, 'tests/fixtures/math-cards.md'),
    join(root, 'tests/fixtures/hostile-cards.md'),
  ];
  it.each(decks)('draws every card of %s', (path) => {
    const deck = parseDeck(readFileSync(path, 'utf8'), path);
    const refused = deck.cards.flatMap((c) =>
      [c.question, c.answer].map((md) => renderLimitReason(md)).filter((r) => r !== null),
    );
    expect(refused).toEqual([]);
  });
});
