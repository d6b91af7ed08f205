// What one Q&A style's reader gives parseDeck (issue 13). Each style is a pure function over the
// file's lines; parseDeck (deck/parse-deck.ts) detects the style, runs its reader, then gives every
// card its id the same way for all styles (pins, repeated questions `~2`, stable order).
import type { DeckId, DeckStyle, Diagnostic } from '../../shared/types.ts';

export interface StyleInput {
  /** The file's lines (deck/lines.ts splitLines: no line endings). */
  lines: string[];
  /** Index of the first line after the front matter. */
  start: number;
  deckId: DeckId;
  /** The file's path, for messages. */
  path: string;
}

/** One card as a style reads it, before parseDeck gives it an id. */
export interface RawCard {
  /** Markdown ready to render. */
  question: string;
  answer: string;
  /** 1-based line where the card starts. */
  line: number;
  /** The headings above the card, outermost first (the file's title heading excluded). */
  section: string[];
  /** An id pinned with `<!-- id: … -->`, if any. */
  pin?: string | null;
  /**
   * The text the card's id is made from, when it is not the question: a cloze deletion's card is
   * identified by its own deletion (and group), so editing another deletion of the note keeps it.
   */
  idText?: string;
  /** Cards of one note share it (cloze siblings, both directions of a `:::` card). */
  noteId?: string;
}

export interface StyleResult {
  cards: RawCard[];
  diagnostics: Diagnostic[];
  /** The deck's title when the style finds one (the first `#` heading); else the file name. */
  title?: string | null;
  /** Markdown before the first question. */
  description?: string;
}

export type StyleReader = (input: StyleInput) => StyleResult;

/** A style's detector: how strongly the text looks like this style (0 = not at all). */
export type StyleScore = (input: StyleInput) => number;

export interface StyleEntry {
  style: DeckStyle;
  /** A short human name for `deck:check` and the app: "Q: / A: blocks". */
  label: string;
  read: StyleReader;
  score: StyleScore;
}
