// A style's raw cards → the deck's cards, the same way for every style: unanswered questions are
// reported (not cards), ids come from the question (or the card's own idText) or a pin, a
// repeated question gets `~2`, `~3`… with a warning, and `index` is the position in the file.
import type { Card, DeckId, Diagnostic } from '../../shared/types.ts';
import { cardId, pinnedCardId } from '../card-id.ts';
import { quote } from '../quote.ts';
import type { RawCard } from './style-types.ts';

const PLACEHOLDER =
  /^(?:(?:your |the )?answers? (?:goes |comes )?here|todo|to do|tbd|tba|tk|fixme|xxx|wip|coming soon|\.{2,}|…|-+|\?+)$/;

/**
 * An answer nobody wrote yet: empty, only comments, or a placeholder such as "Answer here",
 * "TODO", "TBD", "..." (with any emphasis, brackets or trailing colon around it).
 */
export function isPlaceholderAnswer(answer: string): boolean {
  // A placeholder is short; a long answer (a 9 MB one too) is never run through the regexes.
  if (answer.length > 300) return false;
  const text = answer
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/[*_`]|^\s*>/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\[([^[\]]*)\]$|^\(([^()]*)\)$/, '$1$2')
    .trim()
    .toLowerCase();
  if (text === '' || /^(?:\.{2,}|…)$/.test(text)) return true;
  return PLACEHOLDER.test(text.replace(/^(todo|tbd|fixme)\s*:.*$/, '$1').replace(/[\s:.!]+$/, ''));
}

/** The diagnostic for an unanswered question at `line`. */
export function unansweredDiagnostic(question: string, answer: string, line: number): Diagnostic {
  const first = question.split('\n')[0]!;
  const what =
    answer.trim() === ''
      ? 'has no answer'
      : `has only a placeholder answer ("${quote(answer.trim(), 30)}")`;
  return {
    line,
    severity: 'warning',
    message: `The question "${quote(first, 60)}" ${what}, so it is not a card yet; write its answer.`,
  };
}

/**
 * Gives each card of one file its id: `base` (from the question, its idText or a pin), or the
 * next free `base~2`, `base~3`… when a card before it has that id, with a warning at `line`.
 */
export function idGiver(
  deckId: DeckId,
  diagnostics: Diagnostic[],
): (base: string, pin: string | null, line: number) => string {
  const idLines = new Map<string, number>();
  // The next `~k` to try per id: thousands of one repeated question stay linear.
  const nextSuffix = new Map<string, number>();
  return (base, pin, line) => {
    let id = base;
    if (idLines.has(id)) {
      let k = nextSuffix.get(base) ?? 2;
      for (id = `${base}~${k}`; idLines.has(id); id = `${base}~${k}`) k += 1;
      nextSuffix.set(base, k + 1);
    }
    if (id !== base) {
      diagnostics.push({
        line,
        severity: 'warning',
        message: pin
          ? `The id "${quote(pin, 60)}" is already used by the card on line ${idLines.get(base)}; this card got "${quote(id.slice(deckId.length + 1), 60)}" instead. Give each card its own id.`
          : `The same question appears on lines ${idLines.get(base)} and ${line}; both are kept as separate cards. Reword one or pin an id with <!-- id: … -->.`,
      });
    }
    idLines.set(id, line);
    return id;
  };
}

export function finishCards(raw: RawCard[], deckId: DeckId, diagnostics: Diagnostic[]): Card[] {
  const cards: Card[] = [];
  const give = idGiver(deckId, diagnostics);
  for (const r of raw) {
    if (isPlaceholderAnswer(r.answer)) {
      diagnostics.push(unansweredDiagnostic(r.question, r.answer, r.line));
      continue;
    }
    const pin = r.pin ?? null;
    const base = pin ? pinnedCardId(deckId, pin) : cardId(deckId, r.idText ?? r.question);
    cards.push({
      id: give(base, pin, r.line),
      deckId,
      question: r.question,
      answer: r.answer,
      line: r.line,
      section: r.section,
      index: cards.length,
      ...(r.noteId !== undefined && { noteId: r.noteId }),
    });
  }
  return cards;
}
