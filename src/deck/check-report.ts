// What `npm run deck:check` prints, as pure functions of parsed decks (tested without a process).
import type { Deck } from '../shared/types.ts';
import { styleLabel } from './styles/detect.ts';

export interface CheckedFile {
  /** The path as the person gave it (or found under a folder they gave). */
  path: string;
  deck: Deck;
}

export type CheckArgs = { json: boolean; targets: string[] } | { usage: string };

export const USAGE = 'Usage: npm run deck:check -- [--json] <file-or-folder>...';

/** `[--json] <file-or-folder>...`; an unknown `--flag` or no target gives the usage text. */
export function parseArgs(argv: string[]): CheckArgs {
  let json = false;
  const targets: string[] = [];
  let onlyPaths = false;
  for (const arg of argv) {
    if (!onlyPaths && arg === '--') onlyPaths = true;
    else if (!onlyPaths && arg === '--json') json = true;
    else if (!onlyPaths && arg.startsWith('--'))
      return { usage: `Unknown option ${arg}. ${USAGE}` };
    else targets.push(arg);
  }
  return targets.length === 0 ? { usage: USAGE } : { json, targets };
}

export function hasErrors(files: CheckedFile[]): boolean {
  return files.some((f) => f.deck.diagnostics.some((d) => d.severity === 'error'));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "mkdocs tabs", "HTML <details>"…; "no style found" when no style found a question. */
export function styleOf(deck: Deck): string {
  return deck.style ? styleLabel(deck.style) : 'no style found';
}

/** A line per file (`ml.md: 42 cards (mkdocs tabs), 0 warnings, 0 errors`), then each diagnostic as `path:line: severity: message`. */
export function textReport(files: CheckedFile[]): string {
  const out: string[] = [];
  for (const { path, deck } of files) {
    const count = (s: string) => deck.diagnostics.filter((d) => d.severity === s).length;
    out.push(
      `${path}: ${plural(deck.cards.length, 'card')} (${styleOf(deck)}), ${plural(count('warning'), 'warning')}, ${plural(count('error'), 'error')}`,
    );
    for (const d of deck.diagnostics) out.push(`${path}:${d.line}: ${d.severity}: ${d.message}`);
  }
  return out.join('\n');
}

export function jsonReport(files: CheckedFile[]): string {
  return JSON.stringify({
    files: files.map(({ path, deck }) => ({
      path,
      deck: { id: deck.id, title: deck.title, style: deck.style ?? null },
      cards: deck.cards.map((c) => ({
        id: c.id,
        question: c.question,
        answer: c.answer,
        line: c.line,
        section: c.section,
      })),
      diagnostics: deck.diagnostics.map((d) => ({
        line: d.line,
        severity: d.severity,
        message: d.message,
      })),
    })),
  });
}

/**
 * The deck path the app would use: relative to a `decks/` folder when the file is under one
 * (as `scripts/decks-plugin.ts` gives it), else the path as shown (relative to the cwd).
 */
export function deckPathOf(shown: string): string {
  const norm = shown.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (norm.startsWith('decks/')) return norm.slice('decks/'.length);
  const at = norm.lastIndexOf('/decks/');
  return at >= 0 ? norm.slice(at + '/decks/'.length) : norm;
}
