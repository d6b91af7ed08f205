import { describe, expect, it } from 'vitest';
import { parseDeck } from '../deck/parse-deck.ts';
import { reviewEntry, suspendEntry } from '../scheduler/actions.ts';
import { DEFAULT_SETTINGS, type CardState } from '../shared/types.ts';
import { browseRows, filterRows, previewText, sortRows } from './browse-rows.ts';

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const deck = parseDeck(
  ['Alpha?', 'Beta?', 'Gamma *bold*?']
    .map(
      (q) =>
        `!!! Question ""\n    === "Question"\n        #### ${q}\n    === "Answer"\n        A\n`,
    )
    .join('\n'),
  'd.md',
);
const t0 = new Date('2026-11-20T10:00:00-05:00').getTime();

function progress() {
  const states = new Map<string, CardState>();
  const [a, b] = deck.cards;
  const ra = reviewEntry({
    card: a!,
    state: undefined,
    rating: 3,
    now: t0,
    durationMs: 1,
    settings,
  });
  const ra2 = reviewEntry({
    card: a!,
    state: ra.state,
    rating: 3,
    now: t0 + 600_000,
    durationMs: 1,
    settings,
  });
  states.set(a!.id, ra2.state);
  const sb = suspendEntry({ card: b!, state: undefined, now: t0 });
  states.set(b!.id, sb.state);
  return states;
}

describe('deck browser rows', () => {
  it('shows each card with its state, due, stability, difficulty and recall', () => {
    const rows = browseRows(deck.cards, progress(), settings, t0 + 86_400_000);
    expect(rows.map((r) => r.status)).toEqual(['review', 'suspended', 'new']);
    expect(rows[0]!.due).toBeGreaterThan(t0);
    expect(rows[0]!.stability).toBeGreaterThan(0);
    expect(rows[0]!.retrievability).toBeGreaterThan(0.5);
    expect(rows[0]!.retrievability).toBeLessThanOrEqual(1);
    expect(rows[2]!.due).toBeNull();
    expect(rows[2]!.preview).toBe('Gamma bold?');
  });

  it('searches by words and sorts with empty values last', () => {
    const rows = browseRows(deck.cards, progress(), settings, t0);
    expect(filterRows(rows, 'gam').map((r) => r.index)).toEqual([2]);
    expect(filterRows(rows, 'suspended').map((r) => r.index)).toEqual([1]);
    expect(sortRows(rows, 'due', 'desc').map((r) => r.index)).toEqual([0, 1, 2]);
    expect(sortRows(rows, 'preview', 'desc').map((r) => r.index)).toEqual([2, 1, 0]);
  });

  it('previews Markdown as one line of text', () => {
    expect(previewText('#### What is <b>X</b>\n`code`  here?')).toBe('What is X code here?');
    expect(previewText('x'.repeat(300)).length).toBe(140);
  });
});

// Guards: Browse could not list leeches (Anki's "tag:leech" search).
describe('leeches in the deck browser', () => {
  it('a leech row says so, "leech" finds it, and leeches only keeps it alone', () => {
    const states = progress();
    const a = deck.cards[0]!.id;
    const st = states.get(a)!;
    states.set(a, { ...st, sched: { ...st.sched, leech: true } });
    const rows = browseRows(deck.cards, states, settings, t0);
    expect(rows.map((r) => r.leech)).toEqual([true, false, false]);
    expect(filterRows(rows, '', true).map((r) => r.cardId)).toEqual([a]);
    expect(filterRows(rows, 'leech').map((r) => r.cardId)).toEqual([a]);
    expect(filterRows(rows, 'beta', true)).toEqual([]);
    expect(filterRows(rows, '', false)).toHaveLength(3);
  });
});
