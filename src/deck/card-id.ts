// Card and deck identity: progress is attached to these ids, so they must survive the edits people
// make (re-indenting, trailing spaces, line endings, answer edits, moving a pinned deck).
import type { CardId, DeckId } from '../shared/types.ts';
import { parseHeading } from './lines.ts';

/** `sub/My Deck.md` → `sub/my-deck`: the path under decks/ without its extension, URL-safe. */
export function deckIdFromPath(path: string): DeckId {
  const cleaned = path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^decks\//, '')
    .replace(/\.(md|markdown)$/i, '');
  return slug(cleaned) || 'deck';
}

/** Lower-case, `[a-z0-9/_.-]` only, no empty path segments. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9/_.-]+/g, '-')
    .split('/')
    .map((seg) => seg.replace(/-+/g, '-').replace(/^[-.]+|-+$/g, ''))
    .filter(Boolean)
    .join('/');
}

/**
 * The question as its identity sees it: heading marks, indentation, trailing spaces, runs of
 * whitespace and line endings do not count, and every kind of space (a non-breaking space, the
 * Unicode spaces U+2000–U+200A, U+202F, U+205F, U+3000, a tab) counts as one plain space.
 */
export function normaliseQuestion(question: string): string {
  // `[^\S ]`: whitespace other than a plain space; it used to take the fast path (a lone NBSP
  // kept its own id, so a question retyped with a real space lost its progress).
  if (!/[\r\n#]|\s\s|[^\S ]/.test(question)) return question.trim();
  return normaliseLines(question);
}

/**
 * The normalisation before lone Unicode spaces counted as spaces: ids made with it are a card's
 * `previousIds` when they differ, so progress stored under them is carried over.
 */
export function legacyNormaliseQuestion(question: string): string {
  if (!/[\r\n#\t]|\s\s/.test(question)) return question.trim();
  return normaliseLines(question);
}

function normaliseLines(question: string): string {
  const parts: string[] = [];
  for (const raw of question.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const heading = line.charCodeAt(0) === 35 ? parseHeading(line) : null;
    parts.push(heading ? heading.text : line);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** 64 bits from two independent 32-bit string hashes (FNV-1a and a multiply-xorshift). */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0).toString(36).padStart(7, '0') + (b >>> 0).toString(36).padStart(7, '0');
}

export function cardId(deckId: DeckId, question: string): CardId {
  return `${deckId}:${hashText(normaliseQuestion(question))}`;
}

/** The id `cardId` gave before lone Unicode spaces were normalised (see legacyNormaliseQuestion). */
export function legacyCardId(deckId: DeckId, question: string): CardId {
  return `${deckId}:${hashText(legacyNormaliseQuestion(question))}`;
}

/** An author-pinned id, `<!-- id: my-card -->`. */
export const PIN_PATTERN = /<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._~-]*)\s*-->/;

export function pinnedCardId(deckId: DeckId, pin: string): CardId {
  return `${deckId}:${pin}`;
}
