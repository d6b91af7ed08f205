// The change report of a re-opened 10,000-card deck (issue 13): diffing it against the loaded
// deck, with 50 questions edited (typo fixes) and 50 answers changed, against parsing the same
// file in the same run; and the worst case, every question reworded (a search-and-replace over
// the file), where only likely pairs are compared.
import { diffDecks } from '../src/deck/deck-diff.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { generateDeck } from './deck.bench.ts';
import type { BenchRow } from './table.ts';

const CARDS = 10_000;
const EDITS = 50;

function medianMs(fn: () => void, runs: number): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<BenchRow[]> {
  const text = generateDeck(CARDS);
  const before = parseDeck(text, 'generated.md').cards;
  // Every 200th question gets a typo fixed, every 200th answer (offset by 100) is edited.
  const lines = text.split('\n');
  let q = 0;
  let a = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('        #### Question ')) {
      if (q % (CARDS / EDITS) === 0) lines[i] = line.replace('matter', 'mattter');
      q += 1;
    } else if (line.startsWith('        The gradient over a mini-batch')) {
      if (a % (CARDS / EDITS) === CARDS / EDITS / 2) lines[i] = `${line} Edited.`;
      a += 1;
    }
  }
  const editedText = lines.join('\n');
  const reworded = text.replace(/why does/g, 'why would');

  let after = parseDeck(editedText, 'generated.md').cards;
  const parse = medianMs(() => {
    after = parseDeck(editedText, 'generated.md').cards;
  }, 5);
  let diff = diffDecks(before, after);
  const diffing = medianMs(() => {
    diff = diffDecks(before, after);
  }, 9);
  if (diff.edited.length !== EDITS || diff.answerChanged.length !== EDITS)
    throw new Error(
      `The diff found ${diff.edited.length} edited questions and ${diff.answerChanged.length} changed answers, not ${EDITS} each.`,
    );

  const all = parseDeck(reworded, 'generated.md').cards;
  let worst = diffDecks(before, all);
  const worstMs = medianMs(() => {
    worst = diffDecks(before, all);
  }, 3);
  if (worst.edited.length !== CARDS)
    throw new Error(`The reworded deck paired ${worst.edited.length} questions, not ${CARDS}.`);

  return [
    {
      name: `deck diff: ${CARDS} cards, ${EDITS} questions + ${EDITS} answers edited`,
      value: diffing,
      unit: 'ms',
      baselineName: 'parsing the same file',
      baselineValue: parse,
      ratio: diffing / parse,
      ratioLabel: '× parse time',
      target: '< 0.5× parsing',
      ok: diffing < 0.5 * parse,
    },
    {
      name: `deck diff: ${CARDS} cards, every question reworded`,
      value: worstMs,
      unit: 'ms',
      baselineName: 'parsing the same file',
      baselineValue: parse,
      ratio: worstMs / parse,
      ratioLabel: '× parse time',
      target: '< 3× parsing',
      ok: worstMs < 3 * parse,
    },
  ];
}
