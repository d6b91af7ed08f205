// Style 9: cloze deletions. A note is a paragraph holding Obsidian highlights (`==…==`, a cloze in
// Obsidian Spaced Repetition with its default "highlights are clozes" setting) or Anki's
// `{{c1::answer}}` / `{{c1::answer::hint}}` written in Markdown, or a hashcards `C:` block whose
// `[…]` are the deletions (it runs, blank lines and all, to the next `Q:`/`C:` line or heading).
// One card per deletion; Anki's numbered groups share one card. The card's deletion shows as
// `[…]` (or `[hint]`) in the question and in bold in the answer (`<mark>` is not in the sanitize
// schema); the other deletions show as plain
// text. A card's id comes from its own deletion(s) and group, so editing one deletion of a note
// keeps the progress of the others.
import type { DeckId } from '../../shared/types.ts';
import { anyLine, blockText, scanLines, type ScanLine, scanResult } from './line-scan.ts';
import type { RawCard, StyleEntry, StyleInput, StyleResult } from './style-types.ts';

interface Deletion {
  /** Index of the line in the note. */
  row: number;
  start: number;
  end: number;
  text: string;
  hint: string | null;
  /** Anki's group (`c1`); null: a deletion of its own. */
  group: string | null;
}

const ANKI_OPEN = /^\{\{c(\d+)::/;
/** hashcards' `C:` tag (a full-width colon too). */
export const CLOZE_TAG = /^C[:：][ \t]?/;

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t';
}

/** Index after the inline code span opening at `i`, or i + run length when it never closes. */
function skipCode(text: string, i: number): number {
  let n = 0;
  while (text[i + n] === '`') n += 1;
  let j = i + n;
  while (j < text.length) {
    const k = text.indexOf('`', j);
    if (k < 0) break;
    let m = 0;
    while (text[k + m] === '`') m += 1;
    if (m === n) return k + m;
    j = k + m;
  }
  return i + n;
}

/**
 * For each `[` of the line, the index of its matching `]` (nested brackets counted, `\\]` skipped),
 * or -1: one pass, so a line of 50,000 unclosed `[` stays linear.
 */
function bracketMatches(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 1;
    else if (c === 91) open.push(j);
    else if (c === 93 && open.length > 0) match[open.pop()!] = j;
  }
  return match;
}

/**
 * `text.indexOf(what, from)`, remembering a failed search: every later one would fail too, so a
 * line of 20,000 unclosed `{{c1::` is read once, not 20,000 times.
 */
export function closerSearch(text: string): (what: string, from: number) => number {
  const missing = new Set<string>();
  return (what, from) => {
    if (missing.has(what)) return -1;
    const at = text.indexOf(what, from);
    if (at < 0) missing.add(what);
    return at;
  };
}

/** The deletions of one line; `brackets`: hashcards' `[…]` count (inside a `C:` block). */
export function lineDeletions(text: string, row: number, brackets: boolean): Deletion[] {
  const out: Deletion[] = [];
  const find = closerSearch(text);
  let matches: Int32Array | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      i = skipCode(text, i);
    } else if (c === '\\') {
      i += 2;
    } else if (c === '$' && brackets) {
      // hashcards' math: a `[` inside `$…$` is not a deletion.
      const close = find('$', i + 1);
      i = close < 0 ? i + 1 : close + 1;
    } else if (c === '{' && text[i + 1] === '{') {
      const open = ANKI_OPEN.exec(text.slice(i, i + 12));
      const close = open ? find('}}', i + open[0].length) : -1;
      if (!open || close < 0) {
        i += 2;
        continue;
      }
      const inner = text.slice(i + open[0].length, close);
      const sep = inner.indexOf('::');
      const answer = sep < 0 ? inner : inner.slice(0, sep);
      const hint = sep < 0 ? null : inner.slice(sep + 2).trim() || null;
      if (answer.trim() !== '')
        out.push({ row, start: i, end: close + 2, text: answer, hint, group: `c${open[1]}` });
      i = close + 2;
    } else if (c === '=' && text[i + 1] === '=' && text[i + 2] !== '=' && !isSpace(text[i + 2])) {
      if (text[i - 1] === '=') {
        i += 2;
        continue;
      }
      let close = text.indexOf('==', i + 3);
      while (close >= 0 && (isSpace(text[close - 1]) || text[close + 2] === '='))
        close = text.indexOf('==', close + 1);
      if (close < 0) break;
      out.push({
        row,
        start: i,
        end: close + 2,
        text: text.slice(i + 2, close),
        hint: null,
        group: null,
      });
      i = close + 2;
    } else if (c === '[' && brackets && text[i - 1] !== '!') {
      matches ??= bracketMatches(text);
      const close = matches[i]!;
      if (close < 0) {
        i += 1;
        continue;
      }
      const after = text[close + 1];
      const inner = text.slice(i + 1, close);
      // `[text](url)`, `[text][ref]`, a line's `[ref]: url` are links; `[ ]`/`[x]` a task box.
      const link =
        after === '(' || after === '[' || (after === ':' && text.slice(0, i).trim() === '');
      if (!link && inner.trim() !== '' && !/^[xX]$/.test(inner))
        out.push({ row, start: i, end: close + 1, text: inner, hint: null, group: null });
      // `[text][ref]`: the reference's brackets are the link's too.
      const ref = after === '[' ? matches[close + 1]! : -1;
      i = (ref > 0 ? ref : close) + 1;
    } else {
      i += 1;
    }
  }
  return out;
}

/** Does the line (outside inline code) hold a `==…==` or `{{cN::…}}` deletion? */
export function hasDeletion(text: string): boolean {
  if (!text.includes('==') && !text.includes('{{')) return false;
  return lineDeletions(text, 0, false).length > 0;
}

// As entities: a backslash-escaped `\[…\]` is display math to the renderer (math-source.ts).
const brackets = (s: string) => `&#91;${s.replace(/\[/g, '&#91;').replace(/]/g, '&#93;')}&#93;`;

function render(
  lines: readonly ScanLine[],
  deletions: readonly Deletion[],
  mine: ReadonlySet<Deletion>,
  side: 'question' | 'answer',
): string {
  const texts = lines.map((l) => l.text);
  // Right to left, so earlier offsets stay valid.
  for (let k = deletions.length - 1; k >= 0; k--) {
    const d = deletions[k]!;
    const own = mine.has(d);
    // `<strong>`, not `**`: `**` next to punctuation inside a word (`{{c1::Can}}berra`) is not
    // bold by CommonMark's flanking rules.
    // In a `cloze` span too, so the app can colour it as Anki does (blue and bold) in a question
    // that is already set bold.
    const shown =
      own && side === 'question'
        ? `<span class="cloze"><strong>${brackets(d.hint ?? '…')}</strong></span>`
        : own
          ? `<span class="cloze"><strong>${d.text}</strong></span>`
          : d.text;
    const t = texts[d.row]!;
    texts[d.row] = t.slice(0, d.start) + shown + t.slice(d.end);
  }
  return blockText(lines.map((l, k) => ({ ...l, text: texts[k]! })));
}

/**
 * The cards of one cloze note (its lines, a leading `C:` already taken off the first), or none
 * when it holds no deletion. `brackets`: hashcards' `[…]` are deletions.
 */
export function clozeNoteCards(
  lines: readonly ScanLine[],
  brackets: boolean,
  deckId: DeckId,
): RawCard[] {
  const deletions: Deletion[] = [];
  lines.forEach((l, row) => {
    if (l.kind === 'text') deletions.push(...lineDeletions(l.text, row, brackets));
  });
  if (deletions.length === 0) return [];
  const groups = new Map<string, Deletion[]>();
  deletions.forEach((d, k) => {
    const key = d.group ?? `#${k}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  });
  // Anki's numbered groups in number order (its card ordinals), then the others as written.
  const keys = [...groups.keys()].sort((a, b) => {
    const na = a.startsWith('c') ? Number(a.slice(1)) : Infinity;
    const nb = b.startsWith('c') ? Number(b.slice(1)) : Infinity;
    return na - nb;
  });
  const first = lines[0]!;
  const noteId = `${deckId}@${first.line}`;
  return keys.map((key) => {
    const mine = new Set(groups.get(key)!);
    const own = [...mine].map((d) => d.text.trim());
    const group = key.startsWith('c') ? `${key} ` : '';
    return {
      question: render(lines, deletions, mine, 'question'),
      answer: render(lines, deletions, mine, 'answer'),
      line: first.line,
      section: first.section,
      idText: `cloze ${group}${own.join(' | ')}`,
      noteId,
    };
  });
}

/** A `C:` block's lines with the tag taken off the first one. */
export function untagged(lines: readonly ScanLine[]): ScanLine[] {
  const [head, ...rest] = lines;
  if (!head) return [];
  const text = head.text.trimStart().replace(CLOZE_TAG, '');
  return [{ ...head, text }, ...rest];
}

const isTagLine = (l: ScanLine, tag: RegExp) =>
  l.kind === 'text' && l.indent < 4 && tag.test(l.text.trimStart());

/** `Q:`/`Question:` (any case, full-width colon too): where hashcards' blocks end. */
export const QUESTION_TAG = /^(?:q|question)[ \t]*[:：]/i;

/** Index after the `C:` block starting at `from`: the next `Q:`/`C:` line or heading. */
export function clozeBlockEnd(lines: readonly ScanLine[], from: number): number {
  let k = from + 1;
  while (k < lines.length) {
    const l = lines[k]!;
    if (l.kind === 'heading' || isTagLine(l, CLOZE_TAG) || isTagLine(l, QUESTION_TAG)) break;
    k += 1;
  }
  return k;
}

interface Note {
  from: number;
  to: number;
  tagged: boolean;
}

/** The file's cloze notes: `C:` blocks, and paragraphs with a `==…==` or `{{cN::…}}`. */
function notesOf(lines: readonly ScanLine[]): Note[] {
  const notes: Note[] = [];
  let k = 0;
  while (k < lines.length) {
    const l = lines[k]!;
    if (isTagLine(l, CLOZE_TAG)) {
      const to = clozeBlockEnd(lines, k);
      notes.push({ from: k, to, tagged: true });
      k = to;
      continue;
    }
    if (l.kind === 'blank' || l.kind === 'heading') {
      k += 1;
      continue;
    }
    let to = k;
    let found = false;
    while (to < lines.length) {
      const m = lines[to]!;
      if (m.kind === 'blank' || m.kind === 'heading' || isTagLine(m, CLOZE_TAG)) break;
      if (m.kind === 'text' && !found && hasDeletion(m.text)) found = true;
      to += 1;
    }
    if (found) notes.push({ from: k, to, tagged: false });
    k = to;
  }
  return notes;
}

export function readCloze(input: StyleInput): StyleResult {
  const scan = scanLines(input);
  const { lines } = scan;
  const cards: RawCard[] = [];
  const notes = notesOf(lines);
  for (const note of notes) {
    const noteLines = lines.slice(note.from, note.to);
    const made = clozeNoteCards(
      note.tagged ? untagged(noteLines) : noteLines,
      note.tagged,
      input.deckId,
    );
    if (made.length === 0 && note.tagged)
      scan.diagnostics.push({
        line: lines[note.from]!.line,
        severity: 'warning',
        message:
          'This C: card has no [deletion], so it is not a card; put [ ] around what to hide.',
      });
    const pin = lines[note.from]!.pin;
    if (pin && made.length === 1) made[0]!.pin = pin;
    cards.push(...made);
  }
  return scanResult(scan, lines, cards, notes[0]?.from ?? -1);
}

export function scoreCloze(input: StyleInput): number {
  const marked = (l: string) =>
    l.includes('==') || l.includes('{{') || CLOZE_TAG.test(l.trimStart());
  if (!anyLine(input, marked)) return 0;
  const scan = scanLines(input);
  return notesOf(scan.lines).length;
}

export const clozeStyle: StyleEntry = {
  style: 'cloze',
  label: 'cloze deletions',
  read: readCloze,
  score: scoreCloze,
};
