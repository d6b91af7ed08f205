import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, RATINGS, type SchedulingState } from '../shared/types.ts';
import {
  answer,
  createEngine,
  formatInterval,
  fromFsrsCard,
  newSchedulingState,
  previewIntervals,
  resetState,
  retrievability,
  toFsrsCard,
} from './fsrs.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const ID = 'deck.md:1';
const now = new Date('2026-11-24T10:00:00-05:00').getTime();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 86_400_000;

describe("FSRS through ts-fsrs, by Anki's rules", () => {
  it("follows Anki's learning steps 1m 10m for a new card", () => {
    const p = previewIntervals(newSchedulingState(now), now, settings, ID);
    expect(p[1].due - now).toBe(1 * MIN);
    // Hard on the first step is the mean of the first two steps in whole seconds, 5.5 min, as
    // Anki's steps.rs hard_delay_secs (ts-fsrs rounded it to 6 min).
    expect(p[2].due - now).toBe(5.5 * MIN);
    expect(p[3].due - now).toBe(10 * MIN);
    expect(p[4].due - now).toBeGreaterThanOrEqual(DAY);
    expect([p[1].label, p[2].label, p[3].label]).toEqual(['1m', '6m', '10m']);
  });

  it('graduates after the last step and lapses to relearning on Again', () => {
    let s = answer(newSchedulingState(now), 3, now, settings, ID);
    expect(s.phase).toBe('learning');
    s = answer(s, 3, now + 10 * MIN, settings, ID);
    expect(s.phase).toBe('review');
    expect(s.scheduledDays).toBeGreaterThanOrEqual(1);
    const lapse = answer(s, 1, s.due, settings, ID);
    expect(lapse.phase).toBe('relearning');
    expect(lapse.lapses).toBe(1);
    expect(lapse.due - s.due).toBe(10 * MIN);
  });

  it('takes steps in hours and days as Anki writes them', () => {
    const hd = { ...settings, learningSteps: ['1h', '1d'] };
    const p = previewIntervals(newSchedulingState(now), now, hd, ID);
    expect(p[1].due - now).toBe(HOUR);
    // A step that reaches the next day start (04:00, 18 h after 10:00) becomes a day interval:
    // the card stays in learning, due at the start of tomorrow's study day (Anki's
    // interval_kind.rs maybe_as_days). ts-fsrs made it a review card due 24 h later.
    expect(p[3].due - now).toBe(18 * HOUR);
    expect(p[3].label).toBe('1d');
    expect(answer(newSchedulingState(now), 3, now, hd, ID)).toMatchObject({
      phase: 'learning',
      learningSteps: 1,
      scheduledDays: 1,
      due: now + 18 * HOUR,
    });
  });

  it('with no learning steps a new card goes straight to review', () => {
    const none = { ...settings, learningSteps: [] };
    const s = answer(newSchedulingState(now), 3, now, none, ID);
    expect(s.phase).toBe('review');
    expect(s.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  // Guards: ts-fsrs reads steps with parseInt in whole minutes, so "30s"/"0.5m" graduated the card.
  it('schedules a step in seconds that many seconds later, in learning and relearning', () => {
    const secs = { ...settings, learningSteps: ['30s', '90s'], relearningSteps: ['45s'] };
    const p = previewIntervals(newSchedulingState(now), now, secs, ID);
    expect(p[1].due - now).toBe(30_000);
    expect(p[2].due - now).toBe(60_000); // mean of 30 s and 90 s
    expect(p[3].due - now).toBe(90_000);
    let s = answer(newSchedulingState(now), 1, now, secs, ID);
    expect(s).toMatchObject({ phase: 'learning', due: now + 30_000 });
    s = answer(s, 3, s.due, secs, ID);
    expect(s).toMatchObject({ phase: 'learning', learningSteps: 1 });
    const t = s.due;
    s = answer(s, 3, t, secs, ID);
    expect(s.phase).toBe('review');
    const lapse = answer(s, 1, s.due, secs, ID);
    expect(lapse).toMatchObject({ phase: 'relearning', due: s.due + 45_000 });
    const oneStep = { ...settings, learningSteps: ['20s'] };
    expect(previewIntervals(newSchedulingState(now), now, oneStep, ID)[2].due - now).toBe(30_000);
  });

  it('the preview shows exactly what answering will do, fuzz on', () => {
    const fuzz = { ...settings, enableFuzz: true };
    let s = newSchedulingState(now);
    let t = now;
    for (const r of [3, 3, 3, 2, 3, 1, 3, 4] as const) {
      const p = previewIntervals(s, t, fuzz, ID);
      const next = answer(s, r, t, fuzz, ID);
      expect(next.due).toBe(p[r].due);
      s = next;
      t = s.due + HOUR;
    }
  });

  it('higher retention gives shorter intervals', () => {
    const learned = answer(newSchedulingState(now), 4, now, settings, ID);
    const at = (r: number) =>
      previewIntervals(learned, learned.due, { ...settings, desiredRetention: r }, ID)[3].due;
    expect(at(0.95)).toBeLessThan(at(0.8));
  });

  it('reuses one engine per distinct settings', () => {
    expect(createEngine({ ...settings })).toBe(createEngine({ ...settings }));
    expect(createEngine({ ...settings, desiredRetention: 0.85 })).not.toBe(createEngine(settings));
  });

  it('converts to and from ts-fsrs cards without loss', () => {
    let s: SchedulingState = newSchedulingState(now);
    expect(fromFsrsCard(toFsrsCard(s))).toEqual(s);
    for (const r of RATINGS) {
      s = answer(s, r, s.due + MIN, settings, ID);
      expect(fromFsrsCard(toFsrsCard(s))).toEqual(s);
    }
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('reset makes a card new again, due now', () => {
    const s = answer(newSchedulingState(now), 4, now, settings, ID);
    expect(resetState(now + DAY)).toEqual(newSchedulingState(now + DAY));
    expect(resetState(now + DAY)).toMatchObject({ phase: 'new', reps: 0, lastReview: null });
    expect(s.reps).toBe(1);
  });

  it('formats intervals for the buttons as Anki does', () => {
    // rslib/src/scheduler/timespan.rs, test answer_buttons: answer_button_time(30.0) == "30s".
    expect(formatInterval(30_000)).toBe('30s');
    expect(formatInterval(59_400)).toBe('59s');
    expect(formatInterval(59_700)).toBe('1m');
    expect(formatInterval(MIN)).toBe('1m');
    expect(formatInterval(10 * MIN)).toBe('10m');
    expect(formatInterval(59.8 * MIN)).toBe('1h');
    expect(formatInterval(HOUR)).toBe('1h');
    expect(formatInterval(1.5 * HOUR)).toBe('1.5h');
    expect(formatInterval(5 * HOUR)).toBe('5h');
    expect(formatInterval(23.99 * HOUR)).toBe('1d');
    expect(formatInterval(DAY)).toBe('1d');
    expect(formatInterval(29 * DAY)).toBe('29d');
    expect(formatInterval(30 * DAY)).toBe('30d');
    expect(formatInterval(31 * DAY)).toBe('1mo');
    expect(formatInterval(96 * DAY)).toBe('3.2mo');
    expect(formatInterval(364 * DAY)).toBe('1y');
    expect(formatInterval(548 * DAY)).toBe('1.5y');
    // Anki's collapsed form for intervals within the learn-ahead limit, on request only.
    expect(formatInterval(10 * MIN, 20 * MIN)).toBe('<10m');
    expect(formatInterval(DAY, 20 * MIN)).toBe('1d');
  });

  it('retrievability is 0 for new cards and falls over time', () => {
    expect(retrievability(newSchedulingState(now), now, settings)).toBe(0);
    const s = answer(newSchedulingState(now), 4, now, settings, ID);
    const r1 = retrievability(s, now + DAY, settings);
    const r2 = retrievability(s, now + 30 * DAY, settings);
    expect(r1).toBeGreaterThan(r2);
    expect(r1).toBeLessThanOrEqual(1);
    expect(r2).toBeGreaterThan(0);
  });
});
