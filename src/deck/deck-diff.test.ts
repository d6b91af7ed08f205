// Guards the change report of issue 13: what a deck read again adds, removes, changes, and which
// questions look edited (so their progress can be carried over). Every figure is worked by hand.
import { describe, expect, it } from 'vitest';
import { cardId } from './card-id.ts';
import {
  boundedLevenshtein,
  diffDecks,
  EDIT_SIMILARITY,
  hasChanges,
  questionSimilarity,
  snapshotCard,
  type DiffCard,
} from './deck-diff.ts';
import { parseDeck } from './parse-deck.ts';

const card = (question: string, answer = `About ${question}`, id = cardId('d', question)) => ({
  id,
  question,
  answer,
});
const ids = (cards: readonly DiffCard[]) => cards.map((c) => c.id);
const questions = (pairs: readonly { prev: DiffCard; next: DiffCard }[]) =>
  pairs.map((p) => `${p.prev.question} → ${p.next.question}`);

const ENTROPY = card('What is entropy?');
const TENSOR = card('What is a tensor?');
const DROPOUT = card('Why do we use dropout?');

describe('questionSimilarity', () => {
  it('a typo fix: two letters swapped in 16 characters is 1 − 2/16', () => {
    // "entorpy" → "entropy" is two substitutions; the words share 2 of 3 each (Dice 4/6).
    expect(questionSimilarity('What is entorpy?', 'What is entropy?')).toBe(1 - 2 / 16);
  });

  it('one word of five reworded: the words share 4 of 5 (Dice 8/10)', () => {
    expect(questionSimilarity('What does a ReLU do?', 'What does a ReLU compute?')).toBe(0.8);
  });

  it('words moved around count as the same question; case and spacing do not count', () => {
    expect(questionSimilarity('In Y, what is the role of X?', 'What is the role of X in Y?')).toBe(
      1,
    );
    expect(questionSimilarity('#### What  is X?', 'what is x?')).toBe(1);
  });

  it('short questions about different things stay below the threshold', () => {
    // Words: 2 shared of 3 each → 4/6; characters are further apart.
    expect(questionSimilarity('What is precision?', 'What is recall?')).toBeCloseTo(4 / 6);
    expect(questionSimilarity('What is a tensor?', 'What is entropy?')).toBeLessThan(
      EDIT_SIMILARITY,
    );
  });

  it('boundedLevenshtein gives the distance, or limit + 1 once past the limit', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 5)).toBe(3);
    expect(boundedLevenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(boundedLevenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(boundedLevenshtein('', 'abc', 5)).toBe(3);
    expect(boundedLevenshtein('abcdef', 'abcdef', 0)).toBe(0);
    expect(boundedLevenshtein('flaw', 'lawn', 2)).toBe(2);
  });
});

describe('diffDecks', () => {
  it('the same cards in another order are no change', () => {
    const diff = diffDecks([ENTROPY, TENSOR, DROPOUT], [DROPOUT, ENTROPY, TENSOR]);
    expect(diff).toEqual({ added: [], removed: [], answerChanged: [], edited: [], unchanged: 3 });
    expect(hasChanges(diff)).toBe(false);
  });

  it('an edited answer keeps the id and is reported as an answer change', () => {
    const edited = { ...TENSOR, answer: 'An n-dimensional array.' };
    const diff = diffDecks([ENTROPY, TENSOR], [ENTROPY, edited]);
    expect(diff.answerChanged).toEqual([{ prev: TENSOR, next: edited }]);
    expect(diff.unchanged).toBe(1);
    expect(hasChanges(diff)).toBe(true);
  });

  it('a typo fix in a question pairs the removed card with the added one', () => {
    const typo = card('What is entorpy?', ENTROPY.answer);
    const diff = diffDecks([typo, TENSOR], [ENTROPY, TENSOR]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.edited).toEqual([
      { prev: typo, next: ENTROPY, similarity: 0.875, answerChanged: false },
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it('a card removed and an unrelated one added are not paired', () => {
    const added = card('Name three optimisers.');
    const diff = diffDecks([ENTROPY, TENSOR], [TENSOR, added]);
    expect(ids(diff.removed)).toEqual([ENTROPY.id]);
    expect(ids(diff.added)).toEqual([added.id]);
    expect(diff.edited).toEqual([]);
  });

  it('two similar questions both edited: each pairs with its own edit, the most similar first', () => {
    // precision→precision' 0.933 and recall→recall' 0.927 beat the crossed pairs (0.8 by words).
    const precision = card('What is the precision of a classifier?');
    const recall = card('What is the recall of a classifier?');
    const precision2 = card('What is the precision of a binary classifier?');
    const recall2 = card('What is the recall of a binary classifier?');
    const diff = diffDecks([precision, recall], [recall2, precision2]);
    expect(questions(diff.edited)).toEqual([
      'What is the recall of a classifier? → What is the recall of a binary classifier?',
      'What is the precision of a classifier? → What is the precision of a binary classifier?',
    ]);
    expect(diff.edited.every((p) => p.answerChanged)).toBe(true);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('a question like a kept one is only compared with removed cards', () => {
    // "classifer" is a typo of a card that is still there: it is a new card, not an edit.
    const precision = card('What is the precision of a classifier?');
    const typo = card('What is the precision of a classifer?');
    const diff = diffDecks([precision], [precision, typo]);
    expect(ids(diff.added)).toEqual([typo.id]);
    expect(diff.edited).toEqual([]);
  });

  it('duplicate questions: ids `~2`, `~3` are cards of their own', () => {
    const q = "What's the output?";
    const base = cardId('d', q);
    const one = card(q, 'A', base);
    const two = card(q, 'B', `${base}~2`);
    const three = card(q, 'C', `${base}~3`);
    // The second copy deleted: the file now has the first and (what was) the third as `~2`.
    const diff = diffDecks([one, two, three], [one, { ...three, id: `${base}~2` }]);
    expect(ids(diff.removed)).toEqual([`${base}~3`]);
    expect(diff.answerChanged.map((c) => [c.prev.answer, c.next.answer])).toEqual([['B', 'C']]);
    expect(diff.unchanged).toBe(1);
    // A repeated id in one list counts once.
    expect(diffDecks([one, one], [one]).unchanged).toBe(1);
  });

  it('one added card pairs with at most one removed card', () => {
    const a = card('What is entorpy?');
    const b = card('What is entorpyy?');
    const diff = diffDecks([a, b], [ENTROPY]);
    expect(diff.edited).toHaveLength(1);
    expect(diff.edited[0]!.prev).toBe(a); // 0.875 against 1 − 3/17 (swap two letters, drop a y)
    expect(ids(diff.removed)).toEqual([b.id]);
  });

  it('snapshots diff like the cards they were taken of (answers compared by hash)', () => {
    const before = [ENTROPY, TENSOR].map(snapshotCard);
    const diff = diffDecks(before, [ENTROPY, { ...TENSOR, answer: 'Changed.' }]);
    expect(diff.unchanged).toBe(1);
    expect(ids(diff.answerChanged.map((c) => c.next))).toEqual([TENSOR.id]);
  });

  it('parsed decks: an answer edit, a typo fix, a deletion and an addition', () => {
    const block = (q: string, a: string) =>
      `!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        ${a}\n`;
    const before = parseDeck(
      [
        block('What is entorpy?', 'Expected information.'),
        block('What is a tensor?', 'An array.'),
        block('Why do we use dropout?', 'To regularise.'),
      ].join('\n'),
      'd.md',
    );
    const after = parseDeck(
      [
        block('What is entropy?', 'Expected information.'),
        block('What is a tensor?', 'An n-dimensional array.'),
        block('What does Adam do?', 'Adapts step sizes.'),
      ].join('\n'),
      'd.md',
    );
    const diff = diffDecks(before.cards, after.cards);
    expect(questions(diff.edited)).toEqual(['What is entorpy? → What is entropy?']);
    expect(diff.answerChanged.map((c) => c.next.question)).toEqual(['What is a tensor?']);
    expect(diff.removed.map((c) => c.question)).toEqual(['Why do we use dropout?']);
    expect(diff.added.map((c) => c.question)).toEqual(['What does Adam do?']);
    expect(diff.unchanged).toBe(0);
  });

  it('past the all-pairs budget, every question of a reworded 1,000-card deck is still paired', () => {
    // 1,000 × 1,000 pairs is over the budget: candidates come from the same gap and rare words.
    const before = Array.from({ length: 1000 }, (_, i) =>
      card(`Question ${i}: why does x${i} matter in case ${i}?`),
    );
    const after = before.map((c, i) => card(`Question ${i}: why does x${i} matter in case ${i}`));
    const diff = diffDecks(before, after);
    expect(diff.edited).toHaveLength(1000);
    expect(diff.edited.every((p, i) => p.prev === before[i] && p.next.id === after[i]!.id)).toBe(
      true,
    );
  });

  it('past the budget, 50 scattered typo fixes among 10,000 cards pair exactly', () => {
    const before = Array.from({ length: 10_000 }, (_, i) =>
      card(`Question ${i}: why does x${i} matter in case ${i}?`),
    );
    const edited = new Set(Array.from({ length: 50 }, (_, k) => k * 199 + 7));
    const after = before.map((c, i) =>
      edited.has(i) ? card(c.question.replace('matter', 'mattter'), c.answer) : c,
    );
    // 50 × 50 is within the budget; add 600 unrelated cards on both sides to pass it.
    const extraBefore = Array.from({ length: 600 }, (_, i) => card(`Old topic ${i * 7919}`));
    const extraAfter = Array.from({ length: 600 }, (_, i) => card(`Fresh subject ${i * 104729}`));
    const diff = diffDecks([...before, ...extraBefore], [...after, ...extraAfter]);
    expect(diff.edited).toHaveLength(50);
    expect(
      diff.edited.every((p) => p.next.question === p.prev.question.replace('matter', 'mattter')),
    ).toBe(true);
    expect(diff.removed).toHaveLength(600);
    expect(diff.added).toHaveLength(600);
    expect(diff.unchanged).toBe(9950);
  });
});
