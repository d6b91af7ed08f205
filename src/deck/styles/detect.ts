// Which Q&A style a deck file is written in (issue 13). Front matter `format:` decides when given;
// else the native mkdocs tabs win whenever the file has one `!!! Question` block with a
// "Question"/"Answer" tab, and otherwise the style whose detector scores highest. Detection reads
// the file at most twice: once for native blocks (stopping at the first), once (on a big file,
// first only its beginning) for the other styles' scores.
import type { DeckStyle } from '../../shared/types.ts';
import {
  closerFinder,
  closesFence,
  fenceOpen,
  indentOf,
  markupStart,
  type Fence,
} from '../lines.ts';
import { STYLE_ENTRIES } from './registry.ts';
import type { StyleInput } from './style-types.ts';

export const NATIVE_QUESTION_START =
  /^(?:!!!|\?\?\?\+?)[ \t]+question\b(?:[ \t]+(?:"[^"]*"|'[^']*'))?[ \t]*$/i;
export const NATIVE_TAB = /^===\+?[ \t]+"([^"]*)"[ \t]*$/;

/** Every style, in the order a tie between detectors is settled (the more specific first). */
export const STYLE_ORDER: readonly DeckStyle[] = [
  'mkdocs-tabs',
  'admonition-title',
  'heading-collapsible',
  'details',
  'cloze',
  'obsidian-sr',
  'qa',
  'bold',
  'heading',
];

const NATIVE_LABEL = 'mkdocs tabs';

/** A short human name: "mkdocs tabs", "Q: / A: blocks"… */
export function styleLabel(style: DeckStyle): string {
  return style === 'mkdocs-tabs' ? NATIVE_LABEL : (STYLE_ENTRIES[style]?.label ?? style);
}

const ALIASES: Record<string, DeckStyle> = {
  mkdocs: 'mkdocs-tabs',
  native: 'mkdocs-tabs',
  tabs: 'mkdocs-tabs',
  admonition: 'admonition-title',
  admonitions: 'admonition-title',
  collapsible: 'heading-collapsible',
  html: 'details',
  summary: 'details',
  q: 'qa',
  'q-a': 'qa',
  'q&a': 'qa',
  obsidian: 'obsidian-sr',
  'spaced-repetition': 'obsidian-sr',
  sr: 'obsidian-sr',
  mdanki: 'heading',
  headings: 'heading',
  anki: 'cloze',
};

/** The styles this build reads: the native tabs and every registered style. */
export function knownStyles(): DeckStyle[] {
  return STYLE_ORDER.filter((s) => s === 'mkdocs-tabs' || STYLE_ENTRIES[s] !== undefined);
}

/** `format:` front matter → a style, or null when it names none (case, spaces, `_` forgiven). */
export function resolveFormat(value: string): DeckStyle | null {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const style = (knownStyles() as string[]).includes(key) ? (key as DeckStyle) : ALIASES[key];
  return style && knownStyles().includes(style) ? style : null;
}

/**
 * Does the file hold a native card: a `!!! Question` block with a "Question" or "Answer" tab in
 * it? Fenced code and HTML comments are skipped; stops at the first such block.
 */
export function hasNativeBlock(lines: string[], start: number): boolean {
  const n = lines.length;
  // Files in the other styles mostly have no `!!! question` line at all: one cheap look first,
  // before the pass that follows fences and comments.
  let candidate = false;
  for (let i = start; i < n && !candidate; i++) {
    const line = lines[i]!;
    candidate = (line.includes('!!!') || line.includes('???')) && /question/i.test(line);
  }
  if (!candidate) return false;
  const hasCloser = closerFinder(lines);
  let fence: Fence | null = null;
  let inComment = false;
  for (let i = start; i < n; i++) {
    const line = lines[i]!;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const trimmed = markupStart(line);
    if (trimmed === '') continue;
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
      continue;
    }
    const c = trimmed.charCodeAt(0);
    if (c === 60) {
      if (trimmed.startsWith('<!--') && trimmed.indexOf('-->', 4) < 0) inComment = true;
      continue;
    }
    if (c === 96 || c === 126) {
      const open = fenceOpen(trimmed);
      if (open && hasCloser(i + 1, open)) fence = open;
      continue;
    }
    if ((c !== 33 && c !== 63) || !NATIVE_QUESTION_START.test(trimmed)) continue;
    const ind = indentOf(line);
    let k = i + 1;
    for (; k < n; k++) {
      const ind2 = indentOf(lines[k]!);
      if (ind2 < 0) continue;
      if (ind2 <= ind) break;
      const tab = NATIVE_TAB.exec(markupStart(lines[k]!));
      if (tab && /^(?:question|answer)$/i.test(tab[1]!.trim())) return true;
    }
    i = k - 1;
  }
  return false;
}

/** Lines scored before falling back to the whole file: enough for any deck's first questions. */
const SAMPLE_LINES = 4000;

export interface Detection {
  /** The style read, or null when no style finds a question. */
  style: DeckStyle | null;
  /** Other styles that scored as high (the file is read as `style`, the first in STYLE_ORDER). */
  tiedWith: DeckStyle[];
}

export function detectStyle(input: StyleInput): Detection {
  if (hasNativeBlock(input.lines, input.start)) return { style: 'mkdocs-tabs', tiedWith: [] };
  const { lines, start } = input;
  const sample =
    lines.length - start > SAMPLE_LINES
      ? { ...input, lines: lines.slice(0, start + SAMPLE_LINES) }
      : null;
  const best = bestScores(sample ?? input);
  const found = best.length > 0 || !sample ? best : bestScores(input);
  return found.length === 0
    ? { style: null, tiedWith: [] }
    : { style: found[0]!, tiedWith: found.slice(1) };
}

/** The styles with the highest positive score, in STYLE_ORDER. */
function bestScores(input: StyleInput): DeckStyle[] {
  let top = 0;
  let best: DeckStyle[] = [];
  for (const style of STYLE_ORDER) {
    const entry = STYLE_ENTRIES[style];
    if (!entry) continue;
    const score = entry.score(input);
    if (score > top) {
      top = score;
      best = [style];
    } else if (score === top && score > 0) best.push(style);
  }
  return best;
}

/** What "no cards" says: every style this build reads, and how to choose one. */
export function noCardsMessage(): string {
  const styles = knownStyles()
    .map((s) => `${styleLabel(s)} (format: ${s})`)
    .join('; ');
  return `No cards found: Recall reads questions written as ${styles}. A native card is a \`!!! Question ""\` block with an indented \`=== "Question"\` tab and an \`=== "Answer"\` tab under it, each holding indented text. Add \`format: <style>\` to the front matter to choose a style.`;
}
