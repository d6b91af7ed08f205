// Opening decks a person brings (issue 13), in the built app in real Chromium: a 300-question
// file, a 10,000-card file and a folder of 200 files, from the file input's change to the deck on
// screen (checked, parsed, stored, proposed, drawn), each against parsing the same Markdown alone
// in this process (the work that cannot be skipped). Then re-reading that folder when one file
// changed: only the changed file is read and parsed, against reading and parsing all of them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { readChangedFiles, type FolderFile, type SeenFile } from '../src/library/folder-scan.ts';
import { buildWithDecksDir, CHROMIUM_ARGS, executablePath } from '../tests/e2e/harness.ts';
import type { BenchRow } from './table.ts';

const RUNS = 5;
const FOLDER_FILES = 200;
const PER_FILE = 10;

function deckText(title: string, n: number, from = 0): string {
  const parts = [`# ${title}`, ''];
  for (let i = from; i < from + n; i++) {
    if (i % 500 === 0) parts.push(`## Part ${i / 500 + 1}`, '');
    parts.push(
      '!!! Question ""',
      '    === "Question"',
      `        #### Question number ${i}: what does item ${i} mean?`,
      '',
      '    === "Answer"',
      '',
      `        Item ${i} is explained here with **bold** text and \`code\`.`,
      '',
    );
  }
  return parts.join('\n');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Milliseconds from the input's change event to `selector` being in the page. */
async function timeOpen(
  page: Page,
  selector: string,
  setFiles: () => Promise<void>,
): Promise<number> {
  const done = page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        let start = 0;
        document.addEventListener('change', () => (start = performance.now()), {
          capture: true,
          once: true,
        });
        const check = () => {
          if (start > 0 && document.querySelector(sel)) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    selector,
  );
  await setFiles();
  return done;
}

/** Parse time of the same texts in this process, median of RUNS. */
function parseMs(files: [string, string][]): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    for (const [path, text] of files) parseDeck(text, path);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A folder on disk as folder-scan reads it (a File System Access handle gives the same). */
function folderFiles(dir: string, name: string, count: number): FolderFile[] {
  return Array.from({ length: count }, (_, i) => {
    const file = `f${String(i).padStart(3, '0')}.md`;
    const full = join(dir, file);
    const st = statSync(full);
    return {
      path: `${name}/${file}`,
      lastModified: st.mtimeMs,
      size: st.size,
      read: async () => new Uint8Array(readFileSync(full)),
    };
  });
}

export async function run(): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'recall-open-bench-'));
  const decksDir = join(work, 'decks');
  const outDir = join(work, 'dist');
  const folder = join(work, 'notes');
  mkdirSync(decksDir);
  mkdirSync(folder);
  writeFileSync(join(decksDir, 'starter.md'), deckText('Starter', 3));
  const small = deckText('Three hundred', 300);
  const big = deckText('Ten thousand', 10_000);
  writeFileSync(join(work, 'three-hundred.md'), small);
  writeFileSync(join(work, 'ten-thousand.md'), big);
  const folderTexts: [string, string][] = [];
  for (let i = 0; i < FOLDER_FILES; i++) {
    const file = `f${String(i).padStart(3, '0')}.md`;
    const text = deckText(`Note ${i}`, PER_FILE, i * PER_FILE);
    writeFileSync(join(folder, file), text);
    folderTexts.push([`notes/${file}`, text]);
  }
  await buildWithDecksDir(decksDir, outDir);
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const measure = async (
      selector: string,
      set: (page: Page) => Promise<void>,
    ): Promise<number> => {
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        // A fresh profile each time: the deck is new, so nothing asks for confirmation.
        const context = await browser.newContext({ serviceWorkers: 'block' });
        await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        const page = await context.newPage();
        await page.goto(url);
        await page.locator('[data-deck="starter"]').waitFor({ timeout: 60_000 });
        times.push(await timeOpen(page, selector, () => set(page)));
        await context.close();
      }
      return median(times);
    };
    const openFile = (name: string) => (page: Page) =>
      page.getByTestId('open-deck').setInputFiles(join(work, name));
    const smallMs = await measure('[data-deck="three-hundred"]', openFile('three-hundred.md'));
    const bigMs = await measure('[data-deck="ten-thousand"]', openFile('ten-thousand.md'));
    const folderMs = await measure('[data-deck="notes/f199"]', (page) =>
      page.getByTestId('open-folder').setInputFiles(folder),
    );

    // Re-reading the folder with one file changed, against reading and parsing every file.
    const seen = new Map<string, SeenFile>();
    await readChangedFiles(folderFiles(folder, 'notes', FOLDER_FILES), seen, parseDeck);
    const rereadTimes: number[] = [];
    const fullTimes: number[] = [];
    let parsed = 0;
    for (let r = 0; r < RUNS; r++) {
      const changed = join(folder, 'f100.md');
      writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n<!-- edit ${r} -->\n`);
      let t = performance.now();
      const reading = await readChangedFiles(
        folderFiles(folder, 'notes', FOLDER_FILES),
        seen,
        parseDeck,
      );
      rereadTimes.push(performance.now() - t);
      parsed = reading.parsed;
      t = performance.now();
      await readChangedFiles(folderFiles(folder, 'notes', FOLDER_FILES), new Map(), parseDeck);
      fullTimes.push(performance.now() - t);
    }
    const reread = median(rereadTimes);
    const full = median(fullTimes);

    const row = (name: string, value: number, texts: [string, string][]): BenchRow => {
      const base = parseMs(texts);
      return {
        name,
        value,
        unit: 'ms',
        baselineName: 'parseDeck of the same Markdown alone (Node)',
        baselineValue: base,
        ratio: value / base,
        ratioLabel: '×',
      };
    };
    return [
      row('open decks: a 300-question file, input → deck row on screen', smallMs, [
        ['three-hundred.md', small],
      ]),
      row('open decks: a 10,000-card file, input → deck row on screen', bigMs, [
        ['ten-thousand.md', big],
      ]),
      row(
        `open decks: a folder of ${FOLDER_FILES} files (${FOLDER_FILES * PER_FILE} cards), input → all on screen`,
        folderMs,
        folderTexts,
      ),
      {
        name: `open decks: re-read the ${FOLDER_FILES}-file folder, one file changed (${parsed} parsed)`,
        value: reread,
        unit: 'ms',
        baselineName: `read and parse all ${FOLDER_FILES} files`,
        baselineValue: full,
        ratio: reread / full,
        ratioLabel: '×',
        target: 'only the changed file parsed',
        ok: parsed === 1,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
