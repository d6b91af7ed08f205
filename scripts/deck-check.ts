// `npm run --silent deck:check -- [--json] <file-or-folder>...` (--silent keeps npm's "> script"
// banner off stdout, so --json prints JSON alone): checks deck files with the app's loader.
// Exit status: 1 when any file has an error-level diagnostic, 2 for bad arguments, 0 otherwise.
// Argument parsing and the report are pure functions in src/deck/check-report.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  deckPathOf,
  hasErrors,
  jsonReport,
  parseArgs,
  textReport,
  type CheckedFile,
} from '../src/deck/check-report.ts';
import { distinctDeckIds } from '../src/deck/distinct-deck-ids.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { withContentWarnings } from '../src/deck/content-check.ts';

/** Every *.md under `dir`, sorted, as the app's decks plugin walks its folder. */
function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownUnder(full));
    else if (name.toLowerCase().endsWith('.md')) out.push(full);
  }
  return out;
}

/** The path as a person reads it: relative to the cwd when inside it, with `/` separators. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  const shown = rel === '' || rel.startsWith('..') ? file : rel;
  return shown.split(sep).join('/');
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if ('usage' in args) {
    process.stderr.write(`${args.usage}\n`);
    return 2;
  }
  const files: string[] = [];
  for (const target of args.targets) {
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      process.stderr.write(`${target}: no such file or folder.\n`);
      return 2;
    }
    files.push(...(isDir ? markdownUnder(target) : [target]));
  }
  const parsed: CheckedFile[] = files.map((file) => {
    const path = shownPath(file);
    const text = readFileSync(file, 'utf8');
    // Formulas KaTeX cannot render and `[text]((url))` links, as warnings at their lines.
    return { path, deck: withContentWarnings(parseDeck(text, deckPathOf(path)), text) };
  });
  // Two files whose names give one deck id, as the app tells them apart (and warns).
  const decks = distinctDeckIds(parsed.map((f) => f.deck));
  const checked = parsed.map((f, i) => ({ ...f, deck: decks[i]! }));
  process.stdout.write(`${args.json ? jsonReport(checked) : textReport(checked)}\n`);
  return hasErrors(checked) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
