// Settings → Optimize on 100,000 log entries. Node: Recall's pipeline (log → study-day items,
// fit, then log loss and RMSE of the current and the new parameters) with fsrs-rs native
// (@open-spaced-repetition/binding), against the package's computeParameters alone on the same
// items. Chromium: the built app's Optimize (worker + fsrs-browser WebAssembly, seeded store)
// against fsrs-browser called directly in an isolated page on the same items.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { ISOLATION_HEADERS } from '../scripts/isolation.ts';
import { evaluate } from '../src/scheduler/fsrs-evaluate.ts';
import { flattenItems, logToFsrsItems, type FsrsItem } from '../src/scheduler/fsrs-items.ts';
import { reviewLogToCsv } from '../src/scheduler/optimizer-csv.ts';
import { suggestSteps } from '../src/scheduler/step-stats.ts';
import { buildWithDecksDir, CHROMIUM_ARGS, executablePath } from '../tests/e2e/harness.ts';
import { benchCards, buildCollection, seedCollection } from './seed-collection.ts';
import type { BenchRow } from './table.ts';

const ENTRIES = 100_000;
const DAY_START = 4;

/**
 * fsrs-rs native in Node (@open-spaced-repetition/binding), when installed by hand: it is not a
 * dependency, because the registry CI installs from lacks its other platform builds, which makes
 * `npm ci` refuse the lock file. `npm i --no-save @open-spaced-repetition/binding@0.5.0` adds it.
 */
interface Binding {
  FSRSBinding: new (w?: number[]) => { evaluate(items: unknown[]): unknown };
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  computeParameters(items: unknown[], opts: { enableShortTerm: boolean }): Promise<number[]>;
  computeOptimalSteps?(csv: Uint8Array, retention: number, decay: number): unknown;
}
const BINDING = '@open-spaced-repetition/binding';
const loadBinding = (): Promise<Binding | null> =>
  import(/* @vite-ignore */ BINDING).then(
    (m) => m as Binding,
    () => null,
  );

const quietly = async <T>(fn: () => Promise<T>): Promise<T> => {
  // fsrs-rs prints a line per epoch on stdout, which would break the bench table.
  const log = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = log;
  }
};

async function node(now: number): Promise<BenchRow[]> {
  const lib = await loadBinding();
  if (!lib)
    return [
      {
        name: `optimizer (Node): skipped, ${BINDING} is not installed (see optimizer.bench.ts)`,
        value: 0,
        unit: '',
      },
    ];
  const { FSRSBinding, FSRSBindingItem, FSRSBindingReview, computeParameters } = lib;
  const toBinding = (items: FsrsItem[]) =>
    items.map(
      (it) => new FSRSBindingItem(it.map((r) => new FSRSBindingReview(r.rating, r.deltaT))),
    );
  const { log } = buildCollection(benchCards(10_000), ENTRIES, now);
  let t0 = performance.now();
  const { items } = logToFsrsItems(log, DAY_START);
  const convertMs = performance.now() - t0;
  const binding = toBinding(items);
  t0 = performance.now();
  const weights = await quietly(() => computeParameters(binding, { enableShortTerm: true }));
  const fitMs = performance.now() - t0;
  t0 = performance.now();
  evaluate(items, null);
  evaluate(items, weights);
  const ourEvalMs = performance.now() - t0;
  t0 = performance.now();
  new FSRSBinding().evaluate(binding);
  new FSRSBinding(weights).evaluate(binding);
  const theirEvalMs = performance.now() - t0;
  process.stderr.write(`  ${log.length} log entries → ${items.length} training items\n`);
  const pipelineMs = convertMs + fitMs + ourEvalMs;
  return [
    {
      name: `optimizer (Node): log → items, ${ENTRIES.toLocaleString('en')} entries`,
      value: convertMs,
      unit: 'ms',
    },
    {
      name: 'optimizer (Node): items → fit → evaluate both (Recall pipeline)',
      value: pipelineMs,
      unit: 'ms',
      baselineName: 'binding computeParameters alone',
      baselineValue: fitMs,
      ratio: pipelineMs / fitMs,
      ratioLabel: '×',
    },
    {
      name: 'optimizer (Node): evaluate current + new (ts-fsrs, Recall)',
      value: ourEvalMs,
      unit: 'ms',
      baselineName: 'binding evaluate × 2',
      baselineValue: theirEvalMs,
      ratio: ourEvalMs / theirEvalMs,
      ratioLabel: '×',
    },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = (fn: () => unknown) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/**
 * The learning-step suggestion (step-stats.ts) on 100,000 entries, as the optimize worker runs it
 * on the log it receives (a structured clone), against the binding's native computeOptimalSteps
 * on the same log's CSV when installed, else against writing that CSV.
 */
export async function stepRows(now: number): Promise<BenchRow[]> {
  const lib = await loadBinding();
  // In id order, as the store reads it (ids sort by time).
  const built = buildCollection(benchCards(10_000), ENTRIES, now).log;
  const log = structuredClone(built.sort((a, b) => (a.id < b.id ? -1 : 1)));
  const csv = Buffer.from(reviewLogToCsv(log));
  const ours = median([0, 1, 2, 3, 4].map(() => timed(() => suggestSteps(log, 0.9, null))));
  const native = lib?.computeOptimalSteps;
  const base = native
    ? { name: 'binding computeOptimalSteps (native, CSV in)', run: () => native(csv, 0.9, 0.1542) }
    : { name: 'the optimizer CSV export of the same log', run: () => reviewLogToCsv(log) };
  const baseMs = median([0, 1, 2, 3, 4].map(() => timed(base.run)));
  return [
    {
      name: `optimizer (Node): suggested learning steps, ${ENTRIES.toLocaleString('en')} entries`,
      value: ours,
      unit: 'ms',
      baselineName: base.name,
      baselineValue: baseMs,
      ratio: ours / baseMs,
      ratioLabel: '×',
    },
  ];
}

/** fsrs-browser alone, in an isolated page served from its own package folder. */
async function serveFsrsBrowser(): Promise<{ server: Server; url: string }> {
  const dir = join(process.cwd(), 'node_modules/fsrs-browser');
  const page = `<!doctype html><script type="module">
    import init, { Fsrs, initThreadPool } from './fsrs_browser.js';
    window.fit = async (ratings, deltas, lengths, threads) => {
      await init();
      await initThreadPool(threads);
      const t0 = performance.now();
      new Fsrs().computeParameters(new Uint32Array(ratings), new Uint32Array(deltas),
        new Uint32Array(lengths), undefined, true);
      return performance.now() - t0;
    };
  </script>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const headers = { ...ISOLATION_HEADERS };
    try {
      if (path === '/bench.html') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
        return;
      }
      // The thread workers import the package's main module as '../../..', i.e. '/'.
      const body = readFileSync(join(dir, path === '/' ? 'fsrs_browser.js' : path));
      const type = path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.html` };
}

async function browser(now: number): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'recall-optimizer-bench-'));
  const outDir = join(work, 'dist');
  const b = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const direct = await serveFsrsBrowser();
  try {
    await buildWithDecksDir(join(process.cwd(), 'decks'), outDir);
    const app = await preview({
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', headers: ISOLATION_HEADERS },
    });
    try {
      const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/`;
      const page = await (await b.newContext()).newPage();
      await page.goto(url);
      await page.locator('table.decks tbody tr').first().waitFor();
      const cards = benchCards(10_000);
      await seedCollection(page, cards, ENTRIES, now);
      await page.reload();
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Optimize' });
      const t0 = performance.now();
      await panel.getByRole('button', { name: 'Optimize', exact: true }).click();
      await panel.getByTestId('optimize-result').waitFor({ timeout: 600_000 });
      const appMs = performance.now() - t0;

      const { log } = buildCollection(cards, ENTRIES, now);
      const { ratings, deltaTs, lengths } = flattenItems(logToFsrsItems(log, DAY_START).items);
      const direct1 = await (await b.newContext()).newPage();
      await direct1.goto(direct.url);
      await direct1.waitForFunction(() => 'fit' in window);
      const threads = await page.evaluate(() =>
        Math.max(1, Math.min(4, (navigator.hardwareConcurrency ?? 2) - 1)),
      );
      const directMs = await direct1.evaluate(
        ([r, d, l, n]) =>
          (
            window as unknown as {
              fit: (r: number[], d: number[], l: number[], n: number) => Promise<number>;
            }
          ).fit(r, d, l, n),
        [[...ratings], [...deltaTs], [...lengths], threads] as [
          number[],
          number[],
          number[],
          number,
        ],
      );
      return [
        {
          name: `optimizer (Chromium): Optimize pressed → metrics shown, ${ENTRIES.toLocaleString('en')} entries`,
          value: appMs,
          unit: 'ms',
          baselineName: `fsrs-browser computeParameters alone (${threads} threads)`,
          baselineValue: directMs,
          ratio: appMs / directMs,
          ratioLabel: '×',
        },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await b.close();
    direct.server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 27, 17, 0);
  return [...(await stepRows(now)), ...(await node(now)), ...(await browser(now))];
}
