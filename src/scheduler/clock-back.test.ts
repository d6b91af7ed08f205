// Guards issue 10: the clock moved back ~7 minutes across UTC midnight while a learning card was
// due (or a stored card whose lastReview is after its due) made ts-fsrs throw "Invalid delta_t -1"
// and blanked the review page.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Rating } from '../shared/types.ts';
import { answer, newSchedulingState, previewIntervals } from './fsrs.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const ID = 'deck.md:1';
const MIN = 60_000;
const RATINGS: Rating[] = [1, 2, 3, 4];

/** A learning card answered at 00:03 UTC, due one minute later. */
const answeredAt = Date.UTC(2026, 10, 25, 0, 3);
const learning = answer(newSchedulingState(answeredAt), 1, answeredAt, settings, ID);
/** The clock set back seven minutes: 23:56 UTC the day before. */
const back = answeredAt - 7 * MIN;

describe('a clock moved back across UTC midnight', () => {
  it('the card was learning and answered just after midnight (the setup holds)', () => {
    expect(learning.phase).toBe('learning');
    expect(learning.lastReview).toBe(answeredAt);
  });

  it('every answer schedules as if no time had passed, from the time now', () => {
    for (const r of RATINGS) {
      const next = answer(learning, r, back, settings, ID);
      expect(next.elapsedDays).toBe(0);
      expect(next.lastReview).toBe(back);
      expect(next.due).toBeGreaterThan(back);
    }
    // The same steps as an answer with no time passed: Again 1m, Good 10m.
    expect(answer(learning, 1, back, settings, ID).due).toBe(back + 1 * MIN);
    expect(answer(learning, 3, back, settings, ID).due).toBe(back + 10 * MIN);
  });

  it('the buttons preview without throwing and match the answers', () => {
    const p = previewIntervals(learning, back, settings, ID);
    for (const r of RATINGS) expect(p[r].due).toBe(answer(learning, r, back, settings, ID).due);
    expect(p[1].label).toBe('1m');
  });

  it('a stored card whose lastReview is after its due still answers', () => {
    const due = Date.UTC(2026, 10, 24, 23, 50);
    const odd = { ...learning, due, lastReview: answeredAt };
    const now = Date.UTC(2026, 10, 24, 23, 59);
    expect(() => previewIntervals(odd, now, settings, ID)).not.toThrow();
    expect(answer(odd, 3, now, settings, ID).due).toBe(now + 10 * MIN);
  });

  it('a review card answered before its last review keeps its memory and moves on', () => {
    let s = answer(newSchedulingState(answeredAt), 4, answeredAt, settings, ID);
    expect(s.phase).toBe('review');
    s = answer(s, 3, back, settings, ID);
    expect(s.phase).toBe('review');
    expect(s.elapsedDays).toBe(0);
  });
});

describe('previews never throw', () => {
  it('a state ts-fsrs cannot read gives buttons without intervals, not an exception', () => {
    const broken = { ...learning, stability: Number.NaN, difficulty: -3 };
    const p = previewIntervals(broken, back, { ...settings, learningSteps: ['abc'] }, ID);
    for (const r of RATINGS) expect(p[r]).toEqual({ due: back, label: '' });
  });
});
