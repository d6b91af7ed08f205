import { describe, expect, it } from 'vitest';
import type { Card } from '../shared/types.ts';
import { knownCardIds } from './collection-slice.ts';

const card = (id: string, previousIds?: string[]): Card => ({
  id,
  deckId: 'd',
  question: 'Q',
  answer: 'A',
  line: 1,
  section: [],
  index: 0,
  ...(previousIds ? { previousIds } : {}),
});

describe('knownCardIds', () => {
  // Guards the "1 card has progress but no longer appears" notice after progress was carried
  // over from a card's previous id (NBSP normalisation, a renamed colliding deck).
  it('counts a card’s previous ids as known, so their progress is no orphan', () => {
    const cards = new Map([
      ['d:new', card('d:new', ['d:old'])],
      ['d:x', card('d:x')],
    ]);
    expect([...knownCardIds(cards)].sort()).toEqual(['d:new', 'd:old', 'd:x']);
  });
});
