// The walk the heading-based styles share (2 admonition title, 3 heading + collapsible answer,
// 4 <details>, 8 one question per heading). The file is cut into segments at headings; a style
// says where an answer block (or a self-contained card) starts; the walk decides which heading
// and text are the question, which headings are sections, what is the description.
//
// Rules every style gets from here:
// - fenced code and HTML comments are never structure (scan.ts);
// - the first `#` heading that is not itself a question is the deck's title, never a card;
// - a heading with no card under it is a section (its text goes into the cards' `section`);
// - after a heading question, a deeper heading with text but no question of its own stays in
//   that card's answer (a sub-heading inside the answer), as does text after the answer block;
// - text before the first card is the description; `<!-- id: … -->` pins the next card.
import type { Diagnostic } from '../../shared/types.ts';
import { convertAdmonitions } from '../admonitions.ts';
import { PIN_PATTERN } from '../card-id.ts';
import { dedent, trimBlankLines } from '../lines.ts';
import { COMMENT, FENCE, HEADING, scanLines, TEXT, type ScannedLines } from './scan.ts';
import type { RawCard, StyleInput, StyleResult } from './style-types.ts';

/** What a style finds at a top-level line. */
export type Block =
  /** A card complete in itself: `!!! question "Q"`, `<details><summary>Q</summary>`. */
  | { kind: 'card'; end: number; question: string; answer: string }
  /** An answer whose question is the heading and text before it. */
  | { kind: 'answer'; end: number; answer: string }
  /** Lines that stay text (a hint `<details>`), kept whole so nothing inside is read as structure. */
  | { kind: 'text'; end: number }
  /** Lines that are neither card nor text (a broken block, already reported). */
  | { kind: 'skip'; end: number };

export interface SegmentRules {
  /** A block starting at line `i` (top-level text, indented less than 4 columns), or null. */
  blockAt?: (scan: ScannedLines, i: number, diagnostics: Diagnostic[]) => Block | null;
  /**
   * One question per heading (style 8): a heading with a body is a card, the body its answer; a
   * line holding only `%` splits the question's further text from the answer.
   */
  headingCards?: boolean;
}

interface Heading {
  level: number;
  text: string;
  line: number;
}

interface Building {
  question: string;
  answer: string[];
  line: number;
  section: string[];
  pin: string | null;
  /** Level of the heading that is the question; Infinity when the question is not a heading. */
  level: number;
  /** Text after the answer block, up to the next heading, belongs to the answer. */
  takesTrailing: boolean;
}

/** Markdown from file lines: dedented, admonitions as callouts, blank ends trimmed. */
export function markdownOf(
  lines: string[],
  indices: number[],
  diagnostics: Diagnostic[],
  drop?: (i: number) => boolean,
): string {
  const kept = drop ? indices.filter((i) => !drop(i)) : indices;
  const text = kept.map((i) => lines[i]!);
  const lineNos = kept.map((i) => i + 1);
  return trimBlankLines(convertAdmonitions({ lines: dedent(text), lineNos }, diagnostics)).join(
    '\n',
  );
}

/**
 * A heading's text as a paragraph: `1. What's the output?` would turn into a numbered list and
 * `- x` into a bullet once the `#` marks are gone, so their leading marker is escaped.
 */
export function headingAsParagraph(text: string): string {
  return text.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+*>])(?=\s|$)/, '\\$1');
}

/** A heading that asks something: it ends with `?` (or a full-width `？`). */
export const isQuestionLike = (text: string) => /[?？]\s*$/.test(text);

/** Lines of headings that have a question-like heading nested under them. */
function questionParents(scan: ScannedLines): Set<number> {
  const parents = new Set<number>();
  const stack: number[] = [];
  for (const [i, text] of scan.headingText) {
    const level = scan.level[i]!;
    while (stack.length > 0 && scan.level[stack[stack.length - 1]!]! >= level) stack.pop();
    if (isQuestionLike(text)) for (const p of stack) parents.add(p);
    stack.push(i);
  }
  return parents;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

export function readSegments(input: StyleInput, rules: SegmentRules): StyleResult {
  const { lines, start } = input;
  const scan = scanLines(lines, start);
  const { kind, indent } = scan;
  const n = lines.length;
  const diagnostics: Diagnostic[] = [];
  const built: Building[] = [];
  const stack: Heading[] = [];
  const description: number[] = [];
  let title: string | null = null;
  let titleSeen = false;
  let current = null as Heading | null;
  let currentUsed = false;
  let segmentCards = 0;
  let buffer: number[] = [];
  let last = null as Building | null;
  /** Headings since `last` were all deeper than its question heading. */
  let chainOpen = false;
  let pendingPin: string | null = null;
  /** The line of `pendingPin`'s comment. */
  let pendingPinAt = -1;
  /** A pin written right above the current heading: its card's, whichever block makes it. */
  let headingPin: string | null = null;

  // Style 8: `## Basics` with an intro and `### What is X?` under it is a section, not a card
  // whose answer swallows the questions below it.
  const parents = rules.headingCards ? questionParents(scan) : null;
  const isBreak = (i: number) => kind[i] === TEXT && THEMATIC_BREAK.test(lines[i]!);
  const hasText = (indices: number[]) =>
    indices.some((i) => indent[i]! >= 0 && kind[i] !== COMMENT && !isBreak(i));
  const sectionWith = (withCurrent: boolean) => {
    const s = stack.map((h) => h.text);
    if (withCurrent && current && !currentUsed) s.push(current.text);
    return s;
  };
  /** The pin for a block's card: the one right above it, else the one above its heading. */
  const takePin = () => {
    const pin = pendingPin ?? headingPin;
    pendingPin = null;
    headingPin = null;
    return pin;
  };
  const headingLine = (h: Heading) => `${'#'.repeat(h.level)} ${h.text}`;

  const addCard = (card: Omit<Building, 'pin'>, pin: string | null) => {
    const b: Building = { ...card, pin };
    built.push(b);
    last = b;
    chainOpen = Number.isFinite(card.level);
    segmentCards += 1;
  };

  const endSegment = () => {
    const body = buffer;
    buffer = [];
    if (rules.headingCards && current && !(current.level === 1 && !titleSeen)) {
      const asks = isQuestionLike(current.text);
      if (chainOpen && last && current.level > last.level && !asks && hasText(body)) {
        last.answer.push(headingLine(current), markdownOf(lines, body, diagnostics));
        return;
      }
      if (hasText(body) && !asks && parents?.has(current.line - 1)) {
        if (built.length === 0) description.push(...body);
      } else if (hasText(body)) {
        const split = body.findIndex((i) => kind[i] === TEXT && lines[i]!.trim() === '%');
        const front = split < 0 ? [] : body.slice(0, split);
        const back = split < 0 ? body : body.slice(split + 1);
        const more = markdownOf(lines, front, diagnostics);
        // A pin inside the body is this card's; one after its text is the next heading's.
        let pin = headingPin;
        if (
          pin === null &&
          pendingPin !== null &&
          body.some((j) => j > pendingPinAt && kind[j] === TEXT && indent[j]! >= 0)
        ) {
          pin = pendingPin;
          pendingPin = null;
        }
        headingPin = null;
        addCard(
          {
            question: more
              ? `${headingAsParagraph(current.text)}\n\n${more}`
              : headingAsParagraph(current.text),
            answer: [markdownOf(lines, back, diagnostics)],
            line: current.line,
            section: sectionWith(false),
            level: current.level,
            takesTrailing: false,
          },
          pin,
        );
        currentUsed = true;
        return;
      }
    } else if (hasText(body)) {
      if (segmentCards > 0 && last?.takesTrailing) {
        last.answer.push(markdownOf(lines, body, diagnostics, isBreak));
      } else if (segmentCards === 0 && current && chainOpen && last && current.level > last.level) {
        last.answer.push(headingLine(current), markdownOf(lines, body, diagnostics));
        currentUsed = true;
        return;
      } else if (built.length === 0) {
        description.push(...body);
      }
    }
    if (current && !currentUsed) {
      if (current.level === 1 && !titleSeen) {
        titleSeen = true;
        title = current.text;
      } else stack.push(current);
    }
  };

  const startSegment = (i: number) => {
    const h: Heading = { level: scan.level[i]!, text: scan.headingText.get(i)!, line: i + 1 };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    if (last && h.level <= last.level) chainOpen = false;
    current = h;
    currentUsed = false;
    segmentCards = 0;
    headingPin = pendingPin;
    pendingPin = null;
  };

  for (let i = start; i < n; i++) {
    const k = kind[i]!;
    if (k === COMMENT) {
      const pin = PIN_PATTERN.exec(lines[i]!);
      if (pin) {
        pendingPin = pin[1]!;
        pendingPinAt = i;
      }
      continue;
    }
    if (k === HEADING) {
      endSegment();
      startSegment(i);
      continue;
    }
    if (k === FENCE || indent[i]! < 0 || indent[i]! >= 4 || !rules.blockAt) {
      buffer.push(i);
      continue;
    }
    const block = rules.blockAt(scan, i, diagnostics);
    if (!block) {
      buffer.push(i);
      continue;
    }
    const blockEnd = Math.max(block.end, i + 1);
    if (block.kind === 'text') {
      for (let j = i; j < blockEnd; j++) buffer.push(j);
    } else if (block.kind === 'card') {
      if (built.length === 0) description.push(...buffer);
      buffer = [];
      addCard(
        {
          question: block.question,
          answer: [block.answer],
          line: i + 1,
          section: sectionWith(true),
          level: Infinity,
          takesTrailing: false,
        },
        takePin(),
      );
    } else if (block.kind === 'answer') {
      const fromHeading = segmentCards === 0 && current !== null && !currentUsed;
      const more = markdownOf(lines, buffer, diagnostics);
      const heading: Heading | null = fromHeading ? current : null;
      const asked = heading ? headingAsParagraph(heading.text) : '';
      const question = asked && more ? `${asked}\n\n${more}` : asked || more;
      const firstText = buffer.find((j) => indent[j]! >= 0);
      buffer = [];
      if (question === '') {
        diagnostics.push({
          line: i + 1,
          severity: 'error',
          message:
            'This answer has no question before it, so it is not a card; write the question (a heading or text) above it.',
        });
      } else {
        addCard(
          {
            question,
            answer: [block.answer],
            line: heading ? heading.line : (firstText ?? i) + 1,
            section: sectionWith(!heading),
            level: heading ? heading.level : Infinity,
            takesTrailing: true,
          },
          takePin(),
        );
        if (heading) currentUsed = true;
      }
    }
    i = blockEnd - 1;
  }
  endSegment();

  if (scan.unclosedComment >= 0)
    diagnostics.push({
      line: scan.unclosedComment + 1,
      severity: 'warning',
      message:
        'An HTML comment (<!--) is never closed with -->, so everything after it is ignored.',
    });

  const cards: RawCard[] = built.map((b) => ({
    question: b.question,
    answer: b.answer.filter((a) => a !== '').join('\n\n'),
    line: b.line,
    section: b.section,
    pin: b.pin,
  }));
  return {
    cards,
    diagnostics,
    title,
    description: markdownOf(lines, description, diagnostics),
  };
}
