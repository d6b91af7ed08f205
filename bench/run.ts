// `npm run bench`: every benchmark of the project, printed as one table.
// Each suite measures against a baseline in the same run; nothing here is a pass/fail test.
import { formatTable, type BenchRow } from './table.ts';

type Suite = { name: string; load: () => Promise<{ run: () => Promise<BenchRow[]> }> };

const suites: Suite[] = [
  { name: 'deck', load: () => import('./deck.bench.ts') },
  { name: 'deck-diff', load: () => import('./deck-diff.bench.ts') },
  { name: 'scheduler', load: () => import('./scheduler.bench.ts') },
  { name: 'home', load: () => import('./home-tree.bench.ts') },
  { name: 'storage', load: () => import('./storage.bench.ts') },
  { name: 'bundle', load: () => import('./bundle.bench.ts') },
  { name: 'browser', load: () => import('./browser.bench.ts') },
  { name: 'open-decks', load: () => import('./open-decks.bench.ts') },
  { name: 'bombs', load: () => import('./bombs.bench.ts') },
  { name: 'stats', load: () => import('./stats.bench.ts') },
  { name: 'workload', load: () => import('./workload.bench.ts') },
  { name: 'optimizer', load: () => import('./optimizer.bench.ts') },
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stderr.write(`running ${suite.name}…\n`);
  const mod = await suite.load();
  rows.push(...(await mod.run()));
}
console.log(formatTable(rows));
// An open handle left by a suite (a channel, a server) must not keep the run alive.
process.exit(0);
