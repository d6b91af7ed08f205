// Guards the style readers against inputs that made them quadratic; sized so a return of that
// fails by the test timeout (each took minutes before the fix, well under a second after).
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';

const repeat = (text: string, n: number) => Array.from({ length: n }, () => text).join('');

describe('style readers stay linear', () => {
  // Guards: each repeated question probed `~2`, `~3`… from the start (20,000 took 196 s).
  it('gives 20,000 copies of one question their ~k ids', () => {
    const deck = parseDeck(
      `---\nformat: heading\n---\n${repeat('## Same?\nbody\n', 20_000)}`,
      'd.md',
    );
    expect(deck.cards).toHaveLength(20_000);
    expect(deck.cards[19_999]!.id).toBe(`${deck.cards[0]!.id}~20000`);
  });

  it('does the same for the native style', () => {
    const card =
      '!!! Question ""\n    === "Question"\n        Same?\n    === "Answer"\n        A\n';
    const deck = parseDeck(repeat(card, 20_000), 'd.md');
    expect(deck.cards[19_999]!.id).toBe(`${deck.cards[0]!.id}~20000`);
  });

  // Guards: the last `</details>` was found with a lookahead that rescanned the rest per match.
  it('reads 100,000 nested <details> in one pass', () => {
    const deck = parseDeck(
      `<details><summary>Deep?</summary>\n${repeat('<details>\n', 100_000)}x\n${repeat('</details>\n', 100_001)}`,
      'd.md',
    );
    expect(deck.cards).toHaveLength(1);
  });

  it('reads 40,000 unclosed <details> between headings', () => {
    const deck = parseDeck(repeat('<details><summary>Q?</summary>\n# h\n', 40_000), 'd.md');
    expect(deck.diagnostics.filter((d) => /never closed/.test(d.message))).toHaveLength(40_000);
  });

  // Guards: a summary's line breaks were joined with a regex that rescanned runs of spaces.
  it('reads a summary with 300,000 spaces', () => {
    const deck = parseDeck(
      `<details><summary>a${' '.repeat(300_000)}b?</summary>\nA\n</details>\n`,
      'd.md',
    );
    expect(deck.cards.map((c) => c.question)).toEqual(['a b?']);
  });
});
