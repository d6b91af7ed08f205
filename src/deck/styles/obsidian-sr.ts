// Style 7: Obsidian Spaced Repetition (st3v3nmw/obsidian-spaced-repetition), with its default
// separators. `question::answer` on one line; `question:::answer` makes two cards, one each way
// (siblings: one noteId). A line holding only `?` splits a multi-line card (`??`: both ways): as
// the plugin reads it, the card is the paragraph around it, so its question runs up from the `?`
// to the blank line (or heading, or card) above, and its answer down to the next blank line or
// heading; blank lines inside a code fence do not end it. A paragraph with `==…==` highlights is a
// cloze note (the plugin's default). The plugin's `<!--SR:…-->` scheduling comments are dropped
// (line-scan.ts). `::` inside inline code, a URL or an Anki cloze is not a separator.
import type { DeckId } from '../../shared/types.ts';
import { closerSearch, clozeNoteCards } from './cloze.ts';
import { anyLine, blockText, scanLines, type ScanLine, scanResult } from './line-scan.ts';
import type { RawCard, StyleEntry, StyleInput, StyleResult } from './style-types.ts';

/** A URL's scheme and the rest of it, from `lastIndex` (sticky: no slice of the line per word). */
const SCHEME = /[a-z][a-z0-9+.-]*:\/\/\S*/iy;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/** A letter not preceded by a letter or digit: where a URL can start. */
const isWordStart = (text: string, i: number) => {
  if (!isLetter(text.charCodeAt(i))) return false;
  const p = text.charCodeAt(i - 1);
  return !(isLetter(p) || (p >= 48 && p <= 57));
};
const TAG_LINE = /^#[^\s#]+(?:[ \t]+#[^\s#]+)*$/;
const LIST_MARK = /^(?:[-*+]|\d+[.)])[ \t]+/;

/** Index of the first `::` run outside code, links and clozes, with its length; null if none. */
export function findSeparator(text: string): { at: number; length: number } | null {
  const find = closerSearch(text);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '`') {
      let n = 0;
      while (text[i + n] === '`') n += 1;
      const close = find('`'.repeat(n), i + n);
      i = close < 0 ? i + n : close + n;
    } else if (c === '\\') i += 2;
    else if (c === '{' && text[i + 1] === '{') {
      const close = find('}}', i + 2);
      i = close < 0 ? i + 2 : close + 2;
    } else if (c === '<' && /^<[a-z][a-z0-9+.-]*:/i.test(text.slice(i, i + 40))) {
      const close = find('>', i);
      i = close < 0 ? i + 1 : close + 1;
    } else if (c === '(' && text[i - 1] === ']') {
      const close = find(')', i);
      i = close < 0 ? i + 1 : close + 1;
    } else if (isWordStart(text, i) && ((SCHEME.lastIndex = i), SCHEME.test(text))) {
      i = SCHEME.lastIndex;
    } else if (c === ':' && text[i + 1] === ':') {
      let n = 0;
      while (text[i + n] === ':') n += 1;
      if (n <= 3) return { at: i, length: n };
      i += n;
    } else i += 1;
  }
  return null;
}

interface Pair {
  question: string;
  answer: string;
}

function addCards(cards: RawCard[], pair: Pair, both: boolean, at: ScanLine, deckId: DeckId): void {
  const base = { line: at.line, section: at.section };
  // A side left empty: one card, which parseDeck reports as unanswered (or this file as unasked).
  if (!both || pair.question.trim() === '' || pair.answer.trim() === '') {
    cards.push({ ...pair, ...base, pin: at.pin });
    return;
  }
  const noteId = `${deckId}@${at.line}`;
  cards.push({ ...pair, ...base, noteId });
  cards.push({ question: pair.answer, answer: pair.question, ...base, noteId });
}

const separatorLine = (l: ScanLine): '?' | '??' | null => {
  if (l.kind !== 'text' || l.indent >= 4) return null;
  const t = l.text.trim();
  return t === '?' || t === '??' ? t : null;
};

function read(input: StyleInput): StyleResult {
  const scan = scanLines(input);
  // The plugin's deck tags (`#flashcards`) on a line of their own mark the note, not a card.
  const lines = scan.lines.filter((l) => !(l.kind === 'text' && TAG_LINE.test(l.text.trim())));
  const cards: RawCard[] = [];
  let firstCard = -1;
  let k = 0;
  while (k < lines.length) {
    const kind = lines[k]!.kind;
    if (kind === 'blank' || kind === 'heading') {
      k += 1;
      continue;
    }
    // One paragraph: to the next blank line or heading (a fence's lines, blank or not, are in it).
    let end = k;
    while (end < lines.length && lines[end]!.kind !== 'blank' && lines[end]!.kind !== 'heading')
      end += 1;
    const before = cards.length;
    let from = k;
    for (let m = k; m < end; m++) {
      const l = lines[m]!;
      const sep = separatorLine(l);
      if (sep) {
        if (firstCard < 0) firstCard = from;
        const question = blockText(lines, from, m);
        const answer = blockText(lines, m + 1, end);
        addCards(cards, { question, answer }, sep === '??', lines[from]!, input.deckId);
        from = end;
        break;
      }
      if (l.kind !== 'text') continue;
      const found = findSeparator(l.text);
      if (!found) continue;
      const left = l.text.slice(0, found.at).trim().replace(LIST_MARK, '');
      if (left === '') continue;
      if (firstCard < 0) firstCard = m;
      const answer = l.text.slice(found.at + found.length).trim();
      addCards(cards, { question: left, answer }, found.length === 3, l, input.deckId);
      from = m + 1;
    }
    if (cards.length === before) {
      const cloze = clozeNoteCards(lines.slice(k, end), false, input.deckId);
      if (cloze.length > 0 && firstCard < 0) firstCard = k;
      cards.push(...cloze);
    }
    k = end;
  }
  return scanResult(scan, lines, cards, firstCard);
}

export const obsidianSrStyle: StyleEntry = {
  style: 'obsidian-sr',
  label: 'Obsidian Spaced Repetition cards',
  read,
  // Clozes alone are the cloze style: only `::` and `?` cards count here.
  score: (input) =>
    anyLine(input, (l) => l.includes('::') || l.trim() === '?' || l.trim() === '??')
      ? read(input).cards.filter((c) => c.idText === undefined).length
      : 0,
};
