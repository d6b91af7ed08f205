// Daily limits per deck, with presets and parent limits: each rule stated with the Anki code it
// mirrors (ankitects/anki, paths under rslib/src/). Guards: a deck's limits coming from its own
// preset, a folder's limit capping its decks, done-today counts reaching the parents, and the
// counts promised matching what the session then shows.
import { describe, expect, it } from 'vitest';
import { validateSettings } from '../shared/settings-rules.ts';
import {
  DEFAULT_SETTINGS,
  type Card,
  type CardState,
  type LimitPreset,
  type ReviewLogEntry,
  type SchedulingState,
  type Settings,
} from '../shared/types.ts';
import { studyDayNumber } from './day.ts';
import { limitsOf, parentFolders, presetOf, studyRoot } from './deck-limits.ts';
import { newSchedulingState } from './fsrs.ts';
import { buildQueue, type QueueInput } from './queue.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:00 local; the study day began at 04:00.
const now = new Date(2026, 10, 24, 10, 0).getTime();
const dayStart = new Date(2026, 10, 24, 4, 0).getTime();

const light: LimitPreset = { id: 'light', name: 'Light', newPerDay: 5, reviewsPerDay: 8 };
const tiny: LimitPreset = { id: 'tiny', name: 'Tiny', newPerDay: 3, reviewsPerDay: 4 };

/** Settings with the presets above and `assign` (deck path or folder → preset id). */
const settingsWith = (assign: Record<string, string>, over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  presets: [light, tiny],
  deckPresets: assign,
  ...over,
});

interface Collection {
  cards: Card[];
  states: Map<string, CardState>;
}

/** Decks by path, each with `fresh` new cards and `due` reviews due today. */
function collection(decks: Record<string, { fresh?: number; due?: number }>): Collection {
  const cards: Card[] = [];
  const states = new Map<string, CardState>();
  for (const [path, { fresh = 0, due = 0 }] of Object.entries(decks))
    for (let i = 0; i < fresh + due; i++) {
      const c: Card = {
        id: `${path}#${i}`,
        deckId: path,
        question: `Q${i}`,
        answer: 'A',
        line: i + 1,
        section: [],
        index: i,
      };
      cards.push(c);
      if (i >= fresh)
        states.set(c.id, {
          cardId: c.id,
          deckId: path,
          sched: {
            ...newSchedulingState(now),
            phase: 'review',
            due: dayStart - DAY,
            scheduledDays: 5,
            stability: 5,
            difficulty: 5,
            reps: 3,
            lastReview: now - 6 * DAY,
          },
          suspended: false,
          lastLogId: null,
          updatedAt: now,
        });
    }
  return { cards, states };
}

/** `n` answers earlier today to cards of `path` that were in `phase`. */
function doneToday(path: string, phase: SchedulingState['phase'], n: number): ReviewLogEntry[] {
  return Array.from({ length: n }, (_, i): ReviewLogEntry => {
    const before = { ...newSchedulingState(now), phase, scheduledDays: phase === 'new' ? 0 : 5 };
    return {
      id: `${path}-${phase}-${i}`,
      cardId: `${path}#done-${phase}-${i}`,
      deckId: path,
      kind: 'review',
      rating: 3,
      time: dayStart + HOUR + i,
      durationMs: 1000,
      before,
      after: { ...before, phase: 'review' },
    };
  });
}

/** The deck of a card: the id's prefix before '#' (deck ids are their paths here). */
const deckPathOf = (id: string) => id.slice(0, id.indexOf('#'));

/** Studying the decks `paths` (one deck, or the decks of a folder), as Home and the session do. */
function study(
  col: Collection,
  paths: string[],
  settings: Settings,
  todayLog: ReviewLogEntry[] = [],
): QueueInput {
  const cards = col.cards.filter((c) => paths.includes(c.deckId));
  const deckPaths = new Map(col.cards.map((c) => [c.deckId, c.deckId]));
  return { cards, states: col.states, todayLog, settings, now, deckPaths };
}
const counts = (input: QueueInput) => buildQueue(input).counts;
const perDeck = (input: QueueInput) => {
  const q = buildQueue(input);
  const out: Record<string, number> = {};
  for (const id of [...q.newCards, ...q.review]) {
    const d = deckPathOf(id);
    out[d] = (out[d] ?? 0) + 1;
  }
  return out;
};

/** Answers every card the queue offers, as the session does, and counts them by kind. */
function workThrough(input: QueueInput): { new: number; review: number } {
  const shown = { new: 0, review: 0 };
  let log = [...input.todayLog];
  let cards = input.cards;
  for (let q = buildQueue(input); q.next; q = buildQueue({ ...input, cards, todayLog: log })) {
    const next = q.next;
    const st = input.states.get(next.cardId)?.sched ?? newSchedulingState(now);
    if (next.kind === 'new') shown.new += 1;
    else shown.review += 1;
    log = [
      ...log,
      {
        id: `answer-${log.length}`,
        cardId: next.cardId,
        deckId: deckPathOf(next.cardId),
        kind: 'review',
        rating: 3,
        time: now,
        durationMs: 1000,
        before: st,
        after: { ...st, phase: 'review', due: now + 3 * DAY },
      },
    ];
    cards = cards.filter((c) => c.id !== next.cardId);
  }
  return shown;
}

interface Rule {
  rule: string;
  anki: string;
  check: () => void;
}

const RULES: Rule[] = [
  {
    rule: 'each deck takes its new and review limits from its own preset; Default otherwise',
    anki: 'decks/limits.rs RemainingLimits::new (limits from the deck config); deckconfig/mod.rs',
    check: () => {
      const col = collection({ 'a.md': { fresh: 30, due: 30 }, 'b.md': { fresh: 30, due: 3 } });
      const s = settingsWith({ 'b.md': 'light' });
      expect(counts(study(col, ['a.md'], s))).toMatchObject({ new: 20, review: 30 });
      expect(counts(study(col, ['b.md'], s))).toMatchObject({ new: 5, review: 3 });
      const s2 = settingsWith({ 'b.md': 'tiny' });
      expect(counts(study(col, ['b.md'], s2))).toMatchObject({ new: 1, review: 3 });
    },
  },
  {
    rule: 'a preset that no longer exists, or none assigned, means Default',
    anki: 'decks/limits.rs (a missing config falls back to the default config, id 1)',
    check: () => {
      const s = settingsWith({ 'a.md': 'gone' });
      expect(presetOf(s, 'a.md').name).toBe('Default');
      expect(presetOf(s, 'z.md').newPerDay).toBe(20);
    },
  },
  {
    rule: "a folder's limit caps all the decks below it together when the folder is studied",
    anki: 'decks/limits.rs LimitTreeMap insert_child_node (cap_to parent), decrement_node_and_parent_limits',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 30 }, 'ml/b.md': { fresh: 30 } });
      const s = settingsWith({ ml: 'light' });
      expect(counts(study(col, ['ml/a.md', 'ml/b.md'], s)).new).toBe(5);
      // Each child still stops at its own limit, the parent's room going to the other.
      const s2 = settingsWith({ 'ml/a.md': 'tiny' });
      expect(perDeck(study(col, ['ml/a.md', 'ml/b.md'], s2))).toEqual({
        'ml/a.md': 3,
        'ml/b.md': 17,
      });
    },
  },
  {
    rule: 'reviews too: the folder caps its decks, and new cards fit in what reviews leave',
    anki: 'decks/limits.rs decrement_node_and_parent_limits, cap_new_to_review_rec; queue/builder/gathering.rs',
    check: () => {
      const col = collection({
        'ml/a.md': { fresh: 10, due: 5 },
        'ml/b.md': { fresh: 10, due: 5 },
      });
      const s = settingsWith({ ml: 'light' });
      expect(counts(study(col, ['ml/a.md', 'ml/b.md'], s))).toMatchObject({ review: 8, new: 0 });
    },
  },
  {
    rule: "parents above the studied deck do not count ('apply all parent limits' is off)",
    anki: 'decks/limits.rs LimitTreeMap::build (root is the studied deck); apply_all_parent_limits',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 30 }, 'ml/b.md': { fresh: 30 } });
      const s = settingsWith({ ml: 'light' });
      expect(counts(study(col, ['ml/a.md'], s)).new).toBe(20);
    },
  },
  {
    rule: 'done today counts in the deck and its parents, not in its siblings',
    anki: 'decks/stats.rs update_deck_stats (the deck, then parent_decks); decks/limits.rs RemainingLimits::new',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 30 }, 'ml/b.md': { fresh: 30 } });
      const s = settingsWith({ ml: 'light' });
      const log = doneToday('ml/a.md', 'new', 4);
      expect(counts(study(col, ['ml/a.md', 'ml/b.md'], s, log)).new).toBe(1);
      expect(counts(study(col, ['ml/a.md'], s, log)).new).toBe(16);
      expect(counts(study(col, ['ml/b.md'], s, log)).new).toBe(20);
    },
  },
  {
    rule: 'reviews done today lower the deck and its parents, and (cap) their new limit too',
    anki: 'decks/limits.rs new_for_normal_deck_v3 (review −= new done; new = min(new, review))',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 10, due: 10 }, 'ml/b.md': { fresh: 10 } });
      const s = settingsWith({ ml: 'light' });
      const log = doneToday('ml/a.md', 'review', 6);
      expect(counts(study(col, ['ml/a.md', 'ml/b.md'], s, log))).toMatchObject({
        review: 2,
        new: 0,
      });
    },
  },
  {
    rule: 'the counts a deck shows are the cards its session then offers',
    anki: 'scheduler/queue/builder/mod.rs (deck list counts and the queue from one builder)',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 12, due: 6 }, 'ml/b.md': { fresh: 9, due: 7 } });
      const s = settingsWith({ ml: 'light', 'ml/a.md': 'tiny' });
      const log = doneToday('ml/b.md', 'review', 1);
      for (const paths of [['ml/a.md'], ['ml/b.md'], ['ml/a.md', 'ml/b.md']]) {
        const input = study(col, paths, s, log);
        const c = counts(input);
        expect(workThrough(input)).toEqual({ new: c.new, review: c.review });
      }
    },
  },
  {
    rule: 'several decks share the deepest folder holding them; a deck alone is itself',
    anki: 'decks/limits.rs LimitTreeMap::build (the tree below the studied deck)',
    check: () => {
      expect(studyRoot(['ml/nlp/a.md', 'ml/cv.md'])).toBe('ml');
      expect(studyRoot(['ml/a.md'])).toBe('ml/a.md');
      expect(studyRoot(['a.md', 'ml/b.md'])).toBe('');
      expect(parentFolders('a/b/c.md')).toEqual(['a/b', 'a']);
    },
  },
  {
    rule: "a deck's own limit (This deck) wins over its preset's, new and review each on its own",
    anki: 'decks/limits.rs NormalDeck::current_new_limit / current_review_limit (.or(new_limit)), new_for_normal_deck (unwrap_or preset)',
    check: () => {
      const col = collection({ 'a.md': { fresh: 30, due: 30 } });
      const s = settingsWith({ 'a.md': 'light' }, { deckLimits: { 'a.md': { newPerDay: 7 } } });
      // Light's 8 reviews are all taken by the 30 due, so no new card fits (cap_new_to_review)…
      expect(counts(study(col, ['a.md'], s))).toMatchObject({ new: 0, review: 8 });
      // …without reviews, the deck's own 7 new, not Light's 5.
      const fresh = collection({ 'a.md': { fresh: 30 } });
      expect(counts(study(fresh, ['a.md'], s)).new).toBe(7);
      const s2 = settingsWith({}, { deckLimits: { 'a.md': { newPerDay: 9, reviewsPerDay: 12 } } });
      expect(counts(study(col, ['a.md'], s2)).review).toBe(12);
      expect(counts(study(fresh, ['a.md'], s2)).new).toBe(9);
      expect(limitsOf(s2, 'a.md', undefined)).toMatchObject({
        newFrom: 'deck',
        reviewsFrom: 'deck',
      });
    },
  },
  {
    rule: 'a "today only" limit wins on the study day it was set for, and is ignored after',
    anki: 'decks/limits.rs NormalDeck::new_limit_today, DayLimit::limit ((self.today == today).then(..))',
    check: () => {
      const col = collection({ 'a.md': { fresh: 60 } });
      const today = studyDayNumber(now, DEFAULT_SETTINGS.dayStartHour);
      const own = (day: number) =>
        settingsWith(
          {},
          { deckLimits: { 'a.md': { newPerDay: 9, today: { day, newPerDay: 50 } } } },
        );
      expect(counts(study(col, ['a.md'], own(today))).new).toBe(50);
      // Set yesterday: today the deck's own limit applies again.
      expect(counts(study(col, ['a.md'], own(today - 1))).new).toBe(9);
      expect(limitsOf(own(today), 'a.md', today)).toMatchObject({
        newPerDay: 50,
        newFrom: 'today',
      });
    },
  },
  {
    rule: 'a folder can have its own limit too, capping its decks studied together',
    anki: 'decks/limits.rs (parent decks are normal decks with their own limits)',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 30 }, 'ml/b.md': { fresh: 30 } });
      const s = settingsWith({}, { deckLimits: { ml: { newPerDay: 7 } } });
      expect(counts(study(col, ['ml/a.md', 'ml/b.md'], s)).new).toBe(7);
    },
  },
  {
    rule: '"apply limits from parent" on: the folders above the studied deck cap it too',
    anki: 'scheduler/queue/builder/mod.rs (apply_all_parent_limits: the limit tree starts at the top parent)',
    check: () => {
      const col = collection({ 'ml/a.md': { fresh: 30 }, 'ml/b.md': { fresh: 30 } });
      const s = settingsWith({ ml: 'light' }, { applyAllParentLimits: true });
      expect(counts(study(col, ['ml/a.md'], s)).new).toBe(5);
      const log = doneToday('ml/b.md', 'new', 4);
      expect(counts(study(col, ['ml/a.md'], s, log)).new).toBe(1);
    },
  },
  {
    rule: 'settings stored before presets load as the Default preset, limits unchanged',
    anki: 'deckconfig/mod.rs (the Default preset, id 1, that every deck starts with)',
    check: () => {
      const { presets: _p, deckPresets: _d, ...old } = { ...DEFAULT_SETTINGS, newPerDay: 7 };
      const r = validateSettings(old);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(presetOf(r.settings, 'any.md')).toMatchObject({ name: 'Default', newPerDay: 7 });
      const col = collection({ 'a.md': { fresh: 30 } });
      expect(counts(study(col, ['a.md'], r.settings)).new).toBe(7);
    },
  },
];

describe("daily limits per deck, as Anki's v3 scheduler keeps them", () => {
  it.each(RULES)('$rule ($anki)', ({ check }) => check());

  it('without deck paths, all cards share the Default limits and every entry of today counts', () => {
    const col = collection({ 'a.md': { fresh: 30 } });
    const input = study(col, ['a.md'], settingsWith({ 'a.md': 'light' }), doneToday('x', 'new', 3));
    expect(counts({ ...input, deckPaths: undefined }).new).toBe(17);
  });
});
