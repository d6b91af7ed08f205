// `npm run deck:check -- [--json] <file-or-folder>...`: checks deck files with the app's loader.
// Exit status: 1 when any file has an error-level diagnostic, 2 for bad arguments, 0 otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  deckPathOf,
  hasErrors,
  jsonReport,
  textReport,
  type CheckedFile,
} from '../src/deck/check-report.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';

function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownUnder(full));
    else if (/\.(md|markdown)$/i.test(name)) out.push(full);
  }
  return out;
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const targets = argv.filter((a) => a !== '--json' && a !== '--');
  if (targets.length === 0) {
    process.stderr.write('Usage: npm run deck:check -- [--json] <file-or-folder>...\n');
    return 2;
  }
  const files: string[] = [];
  for (const target of targets) {
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      process.stderr.write(`${target}: no such file or folder.\n`);
      return 2;
    }
    files.push(...(isDir ? markdownUnder(target) : [target]));
  }
  const checked: CheckedFile[] = files.map((file) => {
    const shown = relative(process.cwd(), resolve(file)) || file;
    return { path: shown, deck: parseDeck(readFileSync(file, 'utf8'), deckPathOf(resolve(file))) };
  });
  process.stdout.write(`${json ? jsonReport(checked) : textReport(checked)}\n`);
  return hasErrors(checked) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
