// Guards: two deck files whose names give one id (`drill.md`, `-Drill-.md`) shared a row and a
// study session with no warning; now each deck has its own id and both say why.
import { describe, expect, it } from 'vitest';
import { distinctDeckIds } from './distinct-deck-ids.ts';
import { parseDeck } from './parse-deck.ts';

const text = (q: string) =>
  `!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        A\n`;
const deck = (path: string, q = `Question of ${path}?`) => parseDeck(text(q), path);

describe('distinctDeckIds', () => {
  it('keeps the first file by path and gives the next ones ~2, ~3, with their cards', () => {
    const decks = [deck('a-b.md'), deck('a b.md'), deck('A-B.md'), deck('other.md')];
    expect(decks.map((d) => d.id)).toEqual(['a-b', 'a-b', 'a-b', 'other']);
    const out = distinctDeckIds(decks);
    expect(out.map((d) => [d.path, d.id])).toEqual([
      ['a-b.md', 'a-b~3'],
      ['a b.md', 'a-b~2'],
      ['A-B.md', 'a-b'],
      ['other.md', 'other'],
    ]);
    for (const d of out)
      for (const c of d.cards) {
        expect(c.deckId).toBe(d.id);
        expect(c.id.startsWith(`${d.id}:`)).toBe(true);
      }
    expect(out[3]).toBe(decks[3]);
    const ids = out.flatMap((d) => d.cards.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('warns on every deck of the group, naming the other files and the fix', () => {
    const [first, second] = distinctDeckIds([deck('drill.md'), deck('-Drill-.md')]);
    const byPath = new Map([first!, second!].map((d) => [d.path, d]));
    const kept = byPath.get('-Drill-.md')!;
    const moved = byPath.get('drill.md')!;
    expect(kept.id).toBe('drill');
    expect(moved.id).toBe('drill~2');
    // Both are titled "Drill" by their names: the row of the later one names its file.
    expect([kept.title, moved.title]).toEqual(['Drill', 'Drill (drill.md)']);
    expect(kept.diagnostics[0]).toEqual({
      line: 1,
      severity: 'warning',
      message: expect.stringContaining('drill.md (now "drill~2")'),
    });
    expect(moved.diagnostics[0]!.message).toContain('-Drill-.md (keeps "drill")');
    expect(moved.diagnostics[0]!.message).toContain('This deck is now "drill~2"');
    for (const d of [kept, moved]) expect(d.diagnostics[0]!.message).toMatch(/Rename .*`id:`/);
  });

  it("lists a moved card's old id so its progress follows it", () => {
    const [, moved] = distinctDeckIds([deck('Drill.md', 'A?'), deck('drill.md', 'B?')]);
    const card = moved!.cards[0]!;
    expect(card.id).toMatch(/^drill~2:/);
    expect(card.previousIds).toEqual([`drill:${card.id.slice('drill~2:'.length)}`]);
  });

  it('leaves decks with distinct ids untouched', () => {
    const decks = [deck('a.md'), deck('b.md')];
    const out = distinctDeckIds(decks);
    expect(out[0]).toBe(decks[0]);
    expect(out[1]).toBe(decks[1]);
  });
});
