// Guards: Home's deck counts and the review session must come from the same queue, so Home never
// promises new cards the session then refuses (Anki's v3 review limit caps new cards).
import { describe, expect, it } from 'vitest';
import { newSchedulingState } from '../scheduler/fsrs.ts';
import { buildQueue } from '../scheduler/queue.ts';
import {
  DEFAULT_SETTINGS,
  type CardState,
  type Deck,
  type ReviewLogEntry,
} from '../shared/types.ts';
import { deckPathMap, deckRows, todayStats } from './deck-rows.ts';

const now = new Date(2026, 10, 24, 10, 0).getTime();

const deck: Deck = {
  id: 'd',
  path: 'd.md',
  title: 'D',
  description: '',
  diagnostics: [],
  cards: Array.from({ length: 40 }, (_, i) => ({
    id: `d:${i}`,
    deckId: 'd',
    question: `Q${i}`,
    answer: 'A',
    line: i + 1,
    section: [],
    index: i,
  })),
};

/** `n` reviews answered earlier today in this deck (limits are per deck, so they count here). */
const reviewsDone = (n: number): ReviewLogEntry[] =>
  Array.from({ length: n }, (_, i) => {
    const before = { ...newSchedulingState(now), phase: 'review' as const };
    return {
      id: `e${i}`,
      cardId: `d:done-${i}`,
      deckId: 'd',
      kind: 'review',
      rating: 3,
      time: now - 60_000 - i,
      durationMs: 1000,
      before,
      after: before,
    };
  });

describe('Home counts', () => {
  it.each([
    [0, 20],
    [190, 10],
    [200, 0],
  ])('with %i reviews done today, Home offers %i new cards, as the session does', (done, fresh) => {
    const states = new Map<string, CardState>();
    const todayLog = reviewsDone(done);
    const input = { decks: [deck], states, todayLog, settings: DEFAULT_SETTINGS, now };
    const [row] = deckRows(input);
    const session = buildQueue({
      cards: deck.cards,
      states,
      todayLog,
      settings: DEFAULT_SETTINGS,
      now,
    });
    expect(row!.new).toBe(fresh);
    expect({ new: row!.new, learning: row!.learning, review: row!.due }).toEqual(session.counts);
    expect(todayStats(input).remaining).toBe(fresh);
  });
});

/** A deck of `n` new cards at `path`, its id the path without `.md`. */
const deckAt = (path: string, n: number): Deck => {
  const id = path.replace(/\.md$/, '');
  return {
    id,
    path,
    title: id.toUpperCase(),
    description: '',
    diagnostics: [],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `${id}:${i}`,
      deckId: id,
      question: `Q${i}`,
      answer: 'A',
      line: i + 1,
      section: [],
      index: i,
    })),
  };
};

// Guards: a folder row (a parent deck) counts what studying the folder offers, under its own
// preset as well as its decks' — not the sum of its decks' rows.
describe('Home counts of folders', () => {
  const decks = [
    deckAt('ml/nlp.md', 30),
    deckAt('ml/vision.md', 30),
    deckAt('solo/only.md', 30),
    deckAt('a/b/x.md', 30),
    deckAt('a/b/y.md', 30),
    deckAt('top.md', 30),
  ];
  const settings = {
    ...DEFAULT_SETTINGS,
    presets: [
      { id: 'wide', name: 'Wide', newPerDay: 25, reviewsPerDay: 200 },
      { id: 'narrow', name: 'Narrow', newPerDay: 3, reviewsPerDay: 200 },
      { id: 'five', name: 'Five', newPerDay: 5, reviewsPerDay: 200 },
    ],
    deckPresets: { ml: 'wide', a: 'narrow', solo: 'five' },
  };
  const states = new Map<string, CardState>();
  const input = { decks, states, todayLog: [], settings, now };
  const rows = deckRows(input);
  const row = (kind: 'deck' | 'folder', id: string) =>
    rows.find((r) => r.kind === kind && r.id === id)!;
  /** What a session of the folder offers: its decks' cards, the folder as the studied root. */
  const session = (folder: string) => {
    const f = row('folder', folder);
    if (f.kind !== 'folder') throw new Error('not a folder');
    const cards = decks.filter((d) => f.deckIds.includes(d.id)).flatMap((d) => d.cards);
    const q = buildQueue({
      cards,
      states,
      todayLog: [],
      settings,
      now,
      deckPaths: deckPathMap(decks),
      root: folder,
    });
    return q.counts;
  };
  const counts = (r: { new: number; learning: number; due: number }) => ({
    new: r.new,
    learning: r.learning,
    review: r.due,
  });

  it('lists the rows in tree order with depth and folders', () => {
    expect(rows.map((r) => `${r.kind}:${r.id}:${r.depth}:${r.folders.join('|')}`)).toEqual([
      'folder:a:0:',
      'folder:a/b:1:a',
      'deck:a/b/x:2:a|a/b',
      'deck:a/b/y:2:a|a/b',
      'folder:ml:0:',
      'deck:ml/nlp:1:ml',
      'deck:ml/vision:1:ml',
      'folder:solo:0:',
      'deck:solo/only:1:solo',
      'deck:top:0:',
    ]);
    expect(row('deck', 'ml/nlp').fullName).toBe('ml › ML/NLP');
    expect(row('folder', 'a/b')).toMatchObject({ fullName: 'a › b', title: 'b', total: 60 });
  });

  it('a folder with two decks offers its own preset’s new cards, as its session does', () => {
    expect(row('deck', 'ml/nlp').new).toBe(20);
    expect(row('deck', 'ml/vision').new).toBe(20);
    expect(row('folder', 'ml').new).toBe(25);
    expect(counts(row('folder', 'ml'))).toEqual(session('ml'));
  });

  it('a folder with one deck caps it, though the deck alone is not capped by it', () => {
    expect(row('deck', 'solo/only').new).toBe(20);
    expect(row('folder', 'solo').new).toBe(5);
    expect(counts(row('folder', 'solo'))).toEqual(session('solo'));
  });

  it('a folder whose decks sit in one sub-folder uses its own limit, not the sub-folder’s', () => {
    expect(row('folder', 'a/b').new).toBe(20);
    expect(row('folder', 'a').new).toBe(3);
    expect(counts(row('folder', 'a'))).toEqual(session('a'));
  });

  it('a folder row adds up the errors in the files below it', () => {
    const error = { line: 3, message: 'No answer', severity: 'error' as const };
    const warning = { line: 4, message: 'Odd', severity: 'warning' as const };
    const withProblems = decks.map((d) =>
      d.id === 'a/b/x'
        ? { ...d, diagnostics: [error, warning] }
        : d.id === 'a/b/y'
          ? { ...d, diagnostics: [error] }
          : d,
    );
    const problems = deckRows({ ...input, decks: withProblems }).flatMap((r) =>
      r.kind === 'folder' ? [`${r.id}:${r.problems}`] : [],
    );
    expect(problems).toEqual(['a:2', 'a/b:2', 'ml:0', 'solo:0']);
  });

  it('a root that does not hold every card is ignored (no deck escapes its limits)', () => {
    const cards = decks.flatMap((d) => d.cards);
    const q = (root?: string) =>
      buildQueue({
        cards,
        states,
        todayLog: [],
        settings,
        now,
        deckPaths: deckPathMap(decks),
        root,
      }).counts.new;
    expect(q('ml')).toBe(q());
  });
});
