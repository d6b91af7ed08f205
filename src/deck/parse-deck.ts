// Markdown deck file → deck and cards, in one pass over the lines. The format is mkdocs-material's
// interview-question style: a `!!! Question ""` admonition holding `=== "Question"` and
// `=== "Answer"` tabs. Pure: no DOM, no clock; the app and `npm run deck:check` share it.
import type { Card, Deck, DeckStyle, Diagnostic } from '../shared/types.ts';
import { convertAdmonitions, stripHeadingMarks } from './admonitions.ts';
import {
  cardId,
  deckIdFromPath,
  legacyCardId,
  PIN_PATTERN,
  pinnedCardId,
  slug,
} from './card-id.ts';
import {
  closerFinder,
  closesFence,
  dedent,
  fenceOpen,
  indentOf,
  markupStart,
  parseHeading,
  splitLines,
  trimBlankLines,
  type Fence,
  type Heading,
} from './lines.ts';
import { fenceMarks, quote } from './quote.ts';
import {
  detectStyle,
  knownStyles,
  NATIVE_QUESTION_START as QUESTION_START,
  NATIVE_TAB as TAB,
  noCardsMessage,
  resolveFormat,
  styleLabel,
} from './styles/detect.ts';
import {
  finishCards,
  idGiver,
  isPlaceholderAnswer,
  unansweredDiagnostic,
} from './styles/finish-cards.ts';
import { STYLE_ENTRIES } from './styles/registry.ts';

interface FrontMatter {
  id?: string;
  title?: string;
  /** `format:` (issue 13): the Q&A style, overriding detection; and its 1-based line. */
  format?: string;
  formatLine?: number;
  /** Index of the first line after the front matter. */
  end: number;
}

function readFrontMatter(lines: string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return { end: 0 };
  const fm: FrontMatter = { end: 0 };
  for (let i = 1; i < lines.length && i < 200; i++) {
    const line = lines[i]!;
    if (line.trim() === '---' || line.trim() === '...') {
      fm.end = i + 1;
      return fm;
    }
    // `key: value` by hand: the obvious regex backtracks quadratically on long runs of spaces.
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    if (key !== 'id' && key !== 'title' && key !== 'format') continue;
    const value = frontMatterValue(line.slice(colon + 1));
    if (key === 'id' && value) fm.id = value;
    if (key === 'title' && value) fm.title = value;
    if (key === 'format' && value) {
      fm.format = value;
      fm.formatLine = i + 1;
    }
  }
  return { end: 0 };
}

/** `"quoted"` or `'quoted'` → the text inside; unquoted values lose a trailing ` # comment`. */
function frontMatterValue(raw: string): string {
  const v = raw.trim();
  const q = v.charAt(0);
  if ((q === '"' || q === "'") && v.length >= 2 && v.endsWith(q)) return v.slice(1, -1).trim();
  const comment = v.search(/\s#/);
  return (comment >= 0 ? v.slice(0, comment) : v).trim();
}

function titleFromPath(path: string): string {
  const base = (path.split(/[\\/]/).pop() ?? path).replace(/\.(md|markdown)$/i, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled deck';
}

interface BlockResult {
  question: string | null;
  answer: string | null;
  pin: string | null;
}

/** Reads the tabs of one question block (lines[start] is the `!!! Question` line). */
function readBlock(
  lines: string[],
  indents: Int32Array,
  start: number,
  end: number,
  diagnostics: Diagnostic[],
): BlockResult {
  const result: BlockResult = { question: null, answer: null, pin: null };
  let tabIndent = -1;
  let current: 'question' | 'answer' | 'other' | null = null;
  let body: string[] = [];
  let bodyNos: number[] = [];
  let tabLine = start;
  let fence: Fence | null = null;
  let fenceIndent = -1;
  let strayLine = -1;

  const finish = () => {
    if (current === 'question' || current === 'answer') {
      const dedented = dedent(body);
      const lineNos = bodyNos;
      const converted =
        current === 'question'
          ? stripHeadingMarks(convertAdmonitions({ lines: dedented, lineNos }, diagnostics))
          : convertAdmonitions({ lines: dedented, lineNos }, diagnostics);
      const text = trimBlankLines(converted).join('\n');
      if (current === 'question') {
        if (result.question !== null)
          diagnostics.push({
            line: tabLine + 1,
            severity: 'warning',
            message: 'This block has a second "Question" tab; only the first one is used.',
          });
        else result.question = text;
      } else if (result.answer !== null) {
        diagnostics.push({
          line: tabLine + 1,
          severity: 'warning',
          message: 'This block has a second "Answer" tab; only the first one is used.',
        });
      } else result.answer = text;
    }
    body = [];
    bodyNos = [];
  };

  for (let i = start + 1; i < end; i++) {
    const line = lines[i]!;
    const ind = indents[i]!;
    const trimmed = ind < 0 ? '' : markupStart(line);
    // A fence cannot outlive its tab: a line back at the tab's indentation ends it, as the
    // indentation-based admonition and tab blocks of mkdocs do.
    if (fence && ind >= 0 && ind <= tabIndent) fence = null;
    if (fence) {
      if (ind >= 0 && closesFence(trimmed, fence)) fence = null;
    } else if (ind >= 0 && result.pin === null && trimmed.startsWith('<!--')) {
      const pin = PIN_PATTERN.exec(trimmed);
      if (pin) {
        result.pin = pin[1]!;
        continue;
      }
    }
    if (fence) {
      // inside a fence: never a tab, a pin or anything else
    } else if (ind >= 0 && (tabIndent < 0 || ind <= tabIndent) && trimmed.startsWith('===')) {
      const tab = TAB.exec(trimmed);
      if (tab) {
        finish();
        tabIndent = ind;
        tabLine = i;
        const name = tab[1]!.trim().toLowerCase();
        current = name === 'question' ? 'question' : name === 'answer' ? 'answer' : 'other';
        if (current === 'other')
          diagnostics.push({
            line: i + 1,
            severity: 'warning',
            message: `Unknown tab "${quote(tab[1]!)}": a card has a "Question" and an "Answer" tab; this tab was left out.`,
          });
        continue;
      }
    } else if (ind >= 0) {
      const open = fenceOpen(trimmed);
      if (open) {
        fence = open;
        fenceIndent = ind;
      }
    }
    if (current && (ind < 0 || ind > tabIndent || (fence && fenceIndent > tabIndent))) {
      body.push(line);
      bodyNos.push(i + 1);
    } else if (ind >= 0 && strayLine < 0) {
      strayLine = i;
    }
  }
  finish();
  if (strayLine >= 0 && result.question !== null)
    diagnostics.push({
      line: strayLine + 1,
      severity: 'warning',
      message:
        'Text here is inside the question block but under no tab; indent it under "Question" or "Answer".',
    });
  return result;
}

export function parseDeck(text: string, path: string): Deck {
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const fm = readFrontMatter(lines);
  const deckId = fm.id ? slug(fm.id) || deckIdFromPath(path) : deckIdFromPath(path);
  let style: DeckStyle | null = null;
  if (fm.format) {
    style = resolveFormat(fm.format);
    if (!style)
      diagnostics.push({
        line: fm.formatLine ?? 1,
        severity: 'warning',
        message: `Unknown format "${quote(fm.format, 40)}"; the style was detected instead. Valid formats: ${knownStyles().join(', ')}.`,
      });
  }
  if (!style) {
    const detected = detectStyle({ lines, start: fm.end, deckId, path });
    style = detected.style;
    if (style && detected.tiedWith.length > 0)
      diagnostics.push({
        line: 1,
        severity: 'warning',
        message: `This file looks as much like ${detected.tiedWith.map(styleLabel).join(' and ')} as like ${styleLabel(style)}; it was read as ${styleLabel(style)}. Add \`format: <style>\` to the front matter to choose.`,
      });
  }
  const entry = style && style !== 'mkdocs-tabs' ? STYLE_ENTRIES[style] : undefined;
  if (style && entry) {
    const read = entry.read({ lines, start: fm.end, deckId, path });
    diagnostics.push(...read.diagnostics);
    const styled = finishCards(read.cards, deckId, diagnostics);
    if (styled.length === 0)
      diagnostics.push({ line: 1, severity: 'warning', message: noCardsMessage() });
    diagnostics.sort((a, b) => a.line - b.line);
    return {
      id: deckId,
      path,
      title: fm.title ?? read.title ?? titleFromPath(path),
      description: read.description ?? '',
      cards: styled,
      diagnostics,
      style,
    };
  }
  const cards: Card[] = [];
  const headings: Heading[] = [];
  let title = fm.title ?? null;
  const description: string[] = [];
  let seenQuestion = false;
  let pendingPin: string | null = null;
  let inComment = false;
  let fence: Fence | null = null;
  // The first `#` heading is the page's title heading: it names the deck (unless front matter
  // does) and is never part of a card's section, which would otherwise repeat it on every card.
  let titleHeadingSeen = false;
  const hasCloser = closerFinder(lines);
  const giveId = idGiver(deckId, diagnostics);

  const n = lines.length;
  const indents = new Int32Array(n);
  for (let k = 0; k < n; k++) indents[k] = indentOf(lines[k]!);
  let i = fm.end;
  while (i < n) {
    const line = lines[i]!;
    const ind = indents[i]!;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      i += 1;
      continue;
    }
    if (ind < 0) {
      if (!seenQuestion) description.push('');
      i += 1;
      continue;
    }
    const trimmed = line.trimStart();
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
      if (!seenQuestion) description.push(line);
      i += 1;
      continue;
    }
    const first = trimmed.charCodeAt(0);
    // `<!--`: a pin for the next block, a one-line comment, or a commented-out region.
    if (first === 60 && trimmed.startsWith('<!--')) {
      const close = trimmed.indexOf('-->', 4);
      if (close < 0) {
        inComment = true;
      } else {
        const pin = PIN_PATTERN.exec(trimmed);
        if (pin) pendingPin = pin[1]!;
      }
      i += 1;
      continue;
    }
    if (first === 96 || first === 126) {
      const open = fenceOpen(trimmed);
      if (open) {
        if (hasCloser(i + 1, open)) {
          fence = open;
        } else {
          diagnostics.push({
            line: i + 1,
            severity: 'error',
            message: `This code block is never closed; add a closing ${fenceMarks(open)} line. The lines after it were read as usual.`,
          });
        }
        if (!seenQuestion) description.push(line);
        i += 1;
        continue;
      }
    }
    if ((first === 33 || first === 63) && QUESTION_START.test(trimmed)) {
      // The block is every following line that is blank or indented deeper than its start.
      let end = i + 1;
      let last = i;
      while (end < n) {
        const ind2 = indents[end]!;
        if (ind2 >= 0 && ind2 <= ind) break;
        if (ind2 >= 0) last = end;
        end += 1;
      }
      end = last + 1;
      seenQuestion = true;
      const block = readBlock(lines, indents, i, end, diagnostics);
      addCard(block, i);
      pendingPin = null;
      i = end;
      continue;
    }
    pendingPin = null;
    if (first === 35) {
      const heading = ind < 4 ? parseHeading(trimmed) : null;
      if (heading) {
        if (heading.text === '') {
          // an empty heading names nothing
        } else if (heading.level === 1 && !titleHeadingSeen) {
          titleHeadingSeen = true;
          title ??= heading.text;
        } else {
          while (headings.length > 0 && headings[headings.length - 1]!.level >= heading.level)
            headings.pop();
          headings.push(heading);
        }
        i += 1;
        continue;
      }
    }
    if (!seenQuestion) description.push(line);
    i += 1;
  }
  if (inComment) {
    // Harmless for cards (nothing after it is read), but worth knowing.
    diagnostics.push({
      line: n,
      severity: 'warning',
      message:
        'An HTML comment (<!--) is never closed with -->, so everything after it is ignored.',
    });
  }
  if (cards.length === 0) {
    diagnostics.push({ line: 1, severity: 'warning', message: noCardsMessage() });
  }
  diagnostics.sort((a, b) => a.line - b.line);

  return {
    id: deckId,
    path,
    title: title ?? titleFromPath(path),
    description: trimBlankLines(description).join('\n'),
    cards,
    diagnostics,
    ...(style && { style }),
  };

  function addCard(block: BlockResult, startIndex: number) {
    const line = startIndex + 1;
    if (block.question === null || block.answer === null) {
      const missing =
        block.question === null && block.answer === null
          ? 'has no "Question" and "Answer" tabs'
          : block.question === null
            ? 'has no "Question" tab'
            : 'has no "Answer" tab';
      diagnostics.push({
        line,
        severity: 'error',
        message: `This question block ${missing}, so it is not a card; indent \`=== "Question"\` and \`=== "Answer"\` under it.`,
      });
      return;
    }
    if (block.question.trim() === '') {
      diagnostics.push({
        line,
        severity: 'error',
        message:
          'This question block has an empty "Question" tab, so it is not a card; write the question under it.',
      });
      return;
    }
    if (isPlaceholderAnswer(block.answer)) {
      diagnostics.push(unansweredDiagnostic(block.question, block.answer, line));
      return;
    }
    const pin = block.pin ?? pendingPin;
    const base = pin ? pinnedCardId(deckId, pin) : cardId(deckId, block.question);
    const id = giveId(base, pin, line);
    // The id the previous rule gave (with the same `~k` of a repeated question), if different.
    const legacy = pin ? base : legacyCardId(deckId, block.question);
    cards.push({
      id,
      deckId,
      question: block.question,
      answer: block.answer,
      line,
      section: headings.map((h) => h.text),
      index: cards.length,
      ...(legacy !== base && { previousIds: [legacy + id.slice(base.length)] }),
    });
  }
}
