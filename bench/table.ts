// Shared shape of benchmark results and the table `npm run bench` prints.

export interface BenchRow {
  /** What was measured, e.g. "loader, 10,000 cards". */
  name: string;
  /** The measured figure in `unit`. */
  value: number;
  unit: string;
  /** The same-run baseline this is compared against, if any. */
  baselineName?: string;
  baselineValue?: number;
  /** value / baseline, or whichever ratio the row states in `ratioLabel`. */
  ratio?: number;
  ratioLabel?: string;
  /** The target in words, e.g. ">= 50 MB/s and ratio > 1". */
  target?: string;
  /** Whether the target was met (undefined when there is none). */
  ok?: boolean;
}

const fmt = (n: number | undefined): string =>
  n === undefined
    ? ''
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

export function formatTable(rows: BenchRow[]): string {
  const header = [
    'benchmark',
    'value',
    'unit',
    'baseline',
    'baseline value',
    'ratio',
    'target',
    'ok',
  ];
  const body = rows.map((r) => [
    r.name,
    fmt(r.value),
    r.unit,
    r.baselineName ?? '',
    fmt(r.baselineValue),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}${r.ratioLabel ? ` ${r.ratioLabel}` : ''}`,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

/** Median wall time of `fn` in ms over `runs` runs after `warmup` runs. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
