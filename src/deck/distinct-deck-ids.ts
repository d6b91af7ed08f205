// Two deck files can give one id (`drill.md` and `-Drill-.md`; `a b.md` and `a-b.md`): their rows
// would share it and studying one would study both. The first file (in path order) keeps the id,
// each later one gets `<id>~2`, `~3`, … (a slug never holds `~`, so these are free), and every
// deck of the group says which files collide and how to fix it.
import type { Card, Deck, DeckId } from '../shared/types.ts';

/** A card id is `<deck id>:<hash or pin>` (card-id.ts): the same card under another deck id. */
function moveCard(card: Card, from: DeckId, to: DeckId): Card {
  const id = `${to}${card.id.slice(from.length)}`;
  // Progress stored under the shared id belonged to this card unless the first deck has it too.
  return { ...card, id, deckId: to, previousIds: [card.id, ...(card.previousIds ?? [])] };
}

const fix = 'Rename one of the files, or give each deck its own `id:` in front matter.';

/** The decks in the order given, each with an id no other deck has. */
export function distinctDeckIds(decks: readonly Deck[]): Deck[] {
  const groups = new Map<DeckId, Deck[]>();
  for (const deck of decks) {
    const group = groups.get(deck.id);
    if (group) group.push(deck);
    else groups.set(deck.id, [deck]);
  }
  const replaced = new Map<Deck, Deck>();
  for (const [id, group] of groups) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    ordered.forEach((deck, k) => {
      const newId = k === 0 ? id : `${id}~${k + 1}`;
      const others = ordered
        .map((d, j) => `${d.path} (${j === 0 ? `keeps "${id}"` : `now "${id}~${j + 1}"`})`)
        .filter((_, j) => j !== k);
      const message = `Other deck files give the same deck id "${id}": ${others.join(', ')}. This deck ${k === 0 ? `keeps "${id}"` : `is now "${newId}"`}. ${fix}`;
      const diagnostics = [{ line: 1, severity: 'warning' as const, message }, ...deck.diagnostics];
      diagnostics.sort((a, b) => a.line - b.line);
      // Rows of one title would look the same: the later ones name their file.
      const sameTitle = k > 0 && ordered.some((d, j) => j !== k && d.title === deck.title);
      replaced.set(deck, {
        ...deck,
        id: newId,
        title: sameTitle ? `${deck.title} (${deck.path})` : deck.title,
        cards: k === 0 ? deck.cards : deck.cards.map((c) => moveCard(c, id, newId)),
        diagnostics,
      });
    });
  }
  return decks.map((d) => replaced.get(d) ?? d);
}
