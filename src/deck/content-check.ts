// What `npm run deck:check` finds inside cards beyond the loader's structure checks: formulas
// KaTeX cannot render (after the same rewrites the renderer applies, from shared/), and links
// written `[text]((url))`. Pure: text in, diagnostics out. Not part of the app bundle: only the
// command imports it (it parses Markdown with remark and renders math with KaTeX, as the app does).
import katex from 'katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { KATEX_SETTINGS, rewriteTexForKatex } from '../shared/katex-compat.ts';
import { normalizeMathDelimiters } from '../shared/math-source.ts';
import { renderLimitReason } from '../shared/render-limits.ts';
import type { Deck, Diagnostic } from '../shared/types.ts';
import { closesFence, fenceOpen, splitLines, type Fence } from './lines.ts';
import { quote as shorten } from './quote.ts';

export interface Formula {
  tex: string;
  display: boolean;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** The formulas of a card's Markdown, as the renderer finds them (same delimiters and parser). */
export function formulasOf(markdown: string): Formula[] {
  const source = normalizeMathDelimiters(markdown);
  if (!source.includes('$') && !source.includes('```math') && !source.includes('~~~math'))
    return [];
  const found: Formula[] = [];
  visit(parser.parse(source), (node: { type: string; value?: string; lang?: string | null }) => {
    const tex = node.value ?? '';
    if (node.type === 'math') found.push({ tex, display: true });
    else if (node.type === 'inlineMath') found.push({ tex, display: false });
    else if (node.type === 'code' && node.lang === 'math') found.push({ tex, display: true });
  });
  return found;
}

/** KaTeX's complaint about a formula after the renderer's rewrites, or null if it renders. */
export function formulaError({ tex, display }: Formula): string | null {
  try {
    katex.renderToString(rewriteTexForKatex(tex, display), {
      ...KATEX_SETTINGS,
      displayMode: display,
      throwOnError: true,
    });
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // KaTeX underlines the bad spot with combining characters, which terminals garble.
    return message.replace(/^KaTeX parse error:\s*/, '').replace(/\u0332/g, '');
  }
}

/**
 * The 1-based line of the file where `tex` starts, searching from line `from` (1-based), or
 * null. The card's text is the file's, dedented and with admonitions converted, so the formula's
 * first line appears in the file as written.
 */
function lineOf(lines: string[], tex: string, from: number): number | null {
  const first = tex
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!first) return null;
  for (let i = Math.max(0, from - 1); i < lines.length; i++) {
    if (lines[i]!.includes(first)) return i + 1;
  }
  return null;
}

/**
 * Warnings for each formula of each card that KaTeX cannot render, at the formula's line, and for
 * each card too big to draw, at the card's line.
 */
export function formulaWarnings(text: string, deck: Deck): Diagnostic[] {
  const lines = splitLines(text);
  const out: Diagnostic[] = [];
  for (const card of deck.cards) {
    // A card the app will not draw is not parsed here either: it would stall the command as it
    // would the page (a 9 MB nested list, a 300×300 matrix).
    const tooBig = renderLimitReason(card.question) ?? renderLimitReason(card.answer);
    if (tooBig !== null) {
      out.push({
        line: card.line,
        severity: 'warning',
        message: `${tooBig} Recall shows this card’s source instead of drawing it.`,
      });
      continue;
    }
    let from = card.line;
    for (const formula of [...formulasOf(card.question), ...formulasOf(card.answer)]) {
      const at = lineOf(lines, formula.tex, from);
      if (at !== null) from = at;
      const error = formulaError(formula);
      if (error === null) continue;
      out.push({
        line: at ?? card.line,
        severity: 'warning',
        message: `KaTeX cannot render the formula \`${shorten(formula.tex.trim().replace(/\s+/g, ' '), 80)}\` (${shorten(error, 160)}); the card shows its TeX source instead.`,
      });
    }
  }
  return out;
}

/** `[text]((url))`: a link that Markdown shows as text followed by `((url))`. */
const DOUBLE_PARENTHESES = /\[([^\]\n]*)\]\(\(([^)\s]*)\)?\)?/g;

/** Warnings for links written with double parentheses, outside code, at their line. */
export function linkWarnings(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let fence: Fence | null = null;
  splitLines(text).forEach((line, i) => {
    const trimmed = line.trimStart();
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
      return;
    }
    fence = fenceOpen(trimmed);
    if (fence) return;
    const prose = line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
    for (const m of prose.matchAll(DOUBLE_PARENTHESES)) {
      out.push({
        line: i + 1,
        severity: 'warning',
        message: `The link [${shorten(m[1]!, 40)}]((…)) has double parentheses, so it shows as text and not as a link; write [${shorten(m[1]!, 40)}](${shorten(m[2]!)}).`,
      });
    }
  });
  return out;
}

/** The deck with the formula and link warnings added to its diagnostics, in line order. */
export function withContentWarnings(deck: Deck, text: string): Deck {
  const extra = [...formulaWarnings(text, deck), ...linkWarnings(text)];
  if (extra.length === 0) return deck;
  const diagnostics = [...deck.diagnostics, ...extra].sort((a, b) => a.line - b.line);
  return { ...deck, diagnostics };
}
