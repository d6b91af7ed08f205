// Home's deck table when decks sit in folders (issue 13): every folder row queues all the cards
// below it (the same buildQueue call its session makes), so a card is queued once per level it
// nests at. Measured against the same decks listed flat, in the same run, on a collection with
// progress (8,000 of 10,000 cards answered before).
import { deckRows, todayStats } from '../src/library/deck-rows.ts';
import type { CardState, Deck } from '../src/shared/types.ts';
import { DEFAULT_SETTINGS } from '../src/shared/types.ts';
import { benchCards, buildCollection } from './seed-collection.ts';
import { medianMs, type BenchRow } from './table.ts';

const DECKS = 200;
const PER_DECK = 50;

export async function run(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 24, 15);
  const deck = (path: string, i: number): Deck => {
    const id = `d${i}`;
    return {
      id,
      path,
      title: id,
      description: '',
      diagnostics: [],
      cards: benchCards(PER_DECK, id),
    };
  };
  // 10 folders of 3 sub-folders each: every deck two levels deep.
  const nested = Array.from({ length: DECKS }, (_, i) => deck(`f${i % 10}/s${i % 3}/d${i}.md`, i));
  const flat = nested.map((d, i) => ({ ...d, path: `d${i}.md` }));
  const { states: list, log } = buildCollection(
    nested.flatMap((d) => d.cards),
    100_000,
    now,
  );
  const states = new Map<string, CardState>(list.map((s) => [s.cardId, s]));
  const todayLog = log.filter((e) => e.time >= now - 86_400_000);
  const input = (decks: Deck[]) => ({
    decks,
    states,
    todayLog,
    settings: DEFAULT_SETTINGS,
    now,
  });
  // Interleaved, so neither side gets the warmer engine: the median of each over 7 rounds.
  const rounds = { flat: [] as number[], nested: [] as number[], all: [] as number[] };
  for (let i = 0; i < 7; i++) {
    rounds.flat.push(await medianMs(() => deckRows(input(flat)), 1, i === 0 ? 2 : 0));
    rounds.nested.push(await medianMs(() => deckRows(input(nested)), 1, i === 0 ? 2 : 0));
    rounds.all.push(await medianMs(() => todayStats(input(nested)), 1, i === 0 ? 2 : 0));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const flatMs = median(rounds.flat);
  const nestedMs = median(rounds.nested);
  const allMs = median(rounds.all);
  return [
    {
      name: `Home rows, ${DECKS} decks in 10 folders × 3 (${DECKS * PER_DECK} cards)`,
      value: nestedMs,
      unit: 'ms',
      baselineName: 'the same decks flat',
      baselineValue: flatMs,
      ratio: nestedMs / flatMs,
      target: '< 3 × flat (three queues per card: deck, sub-folder, folder)',
      ok: nestedMs / flatMs < 3,
    },
    {
      name: 'Home rows in folders, against Study all',
      value: nestedMs,
      unit: 'ms',
      baselineName: "Home's Study all queue (todayStats)",
      baselineValue: allMs,
      ratio: nestedMs / allMs,
    },
  ];
}
