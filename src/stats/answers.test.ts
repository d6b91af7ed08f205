import { describe, expect, it } from 'vitest';
import { answerType, isAnswer, isMatureBefore, lastIntervalDays, passed } from './answers.ts';
import { inStep, makeEntry, makeReset, NEW_BEFORE } from './test-builders.ts';

const t = Date.parse('2025-06-15T12:00:00Z');

describe('answers', () => {
  it('takes only review entries with a rating as answers', () => {
    expect(isAnswer(makeEntry())).toBe(true);
    expect(isAnswer(makeReset())).toBe(false);
    expect(isAnswer(makeEntry({ kind: 'suspend', rating: null }))).toBe(false);
    expect(isAnswer(makeEntry({ kind: 'unsuspend', rating: null }))).toBe(false);
    expect(isAnswer(makeEntry({ kind: 'review', rating: null }))).toBe(false);
  });

  it('types an answer by the phase before it, a new card as learning (Anki revlog type)', () => {
    expect(answerType(makeEntry({ before: NEW_BEFORE }))).toBe('learning');
    expect(answerType(makeEntry({ before: inStep('learning', t, 10) }))).toBe('learning');
    expect(answerType(makeEntry({ before: { phase: 'review' } }))).toBe('review');
    expect(answerType(makeEntry({ before: inStep('relearning', t, 10) }))).toBe('relearning');
  });

  it('reads the interval before the answer: scheduled days for reviews, the step for learning', () => {
    expect(lastIntervalDays(makeEntry({ before: { phase: 'review', scheduledDays: 21 } }))).toBe(
      21,
    );
    // A 10-minute relearning step: 10 / 1440 of a day, under a day like Anki's −600 s.
    expect(lastIntervalDays(makeEntry({ before: inStep('relearning', t, 10) }))).toBeCloseTo(
      10 / 1440,
    );
    expect(lastIntervalDays(makeEntry({ before: NEW_BEFORE }))).toBe(0);
    // A '1d' step answered at 20:00 waits for the next day start (8 h later): 1 whole day.
    const dayStep = {
      phase: 'learning',
      scheduledDays: 1,
      lastReview: t - 8 * 3_600_000,
      due: t,
    } as const;
    expect(lastIntervalDays(makeEntry({ before: dayStep }))).toBe(1);
  });

  it('calls a card mature before the answer from 21 days, and Hard/Good/Easy passed', () => {
    expect(isMatureBefore(makeEntry({ before: { scheduledDays: 20 } }))).toBe(false);
    expect(isMatureBefore(makeEntry({ before: { scheduledDays: 21 } }))).toBe(true);
    expect(passed(makeEntry({ rating: 1 }))).toBe(false);
    expect([2, 3, 4].map((r) => passed(makeEntry({ rating: r as 2 | 3 | 4 })))).toEqual([
      true,
      true,
      true,
    ]);
  });
});
