// Loader throughput on a generated 10,000-card deck (about 5 MB, with math, code, tables and
// callouts), against remark-parse parsing the same text in the same run.
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDeck } from '../src/deck/parse-deck.ts';
import type { BenchRow } from './table.ts';

const CARDS = 10_000;

export function generateDeck(cards: number): string {
  const out: string[] = [
    '---',
    'title: Generated deck',
    '---',
    '',
    '# Generated deck',
    '',
    'Intro.',
    '',
  ];
  const filler = 'The gradient over a mini-batch estimates the gradient over the training set.';
  for (let i = 0; i < cards; i++) {
    if (i % 100 === 0) out.push(`## Chapter ${i / 100 + 1}`, '');
    out.push(
      '!!! Question ""',
      '    === "Question"',
      `        #### Question ${i}: why does $x_${i}$ matter in case ${i}?`,
      '',
      '    === "Answer"',
      '',
      `        ${filler} Inline $\\frac{a_${i}}{b}$ and \\(y^2\\).`,
      '',
      '        $$',
      `        H(X_${i}) = -\\sum_{x} p(x) \\log p(x)`,
      '        $$',
      '',
      '        | input | output |',
      '        |-------|--------|',
      `        | ${i} | ${i * 2} |`,
      '',
      '        ```python',
      `        def f_${i}(x):`,
      '            # not a heading',
      `            return x * ${i}`,
      '        ```',
      '',
      '        !!! Note "Remember"',
      `            Keep the batch size a power of two for case ${i}.`,
      '',
      `        - point one about ${i}`,
      '        - point two with a [link](https://example.org)',
      '',
    );
  }
  return out.join('\n');
}

function medianSeconds(fn: () => void, runs: number): number {
  fn(); // warm-up, twice: the first run also compiles
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<BenchRow[]> {
  const text = generateDeck(CARDS);
  const mb = Buffer.byteLength(text) / 1e6;
  let cards = 0;
  const loader = medianSeconds(() => {
    cards = parseDeck(text, 'generated.md').cards.length;
  }, 9);
  if (cards !== CARDS) throw new Error(`The generated deck gave ${cards} cards, not ${CARDS}.`);
  const processor = unified().use(remarkParse);
  const remark = medianSeconds(() => void processor.parse(text), 3);
  const loaderMBs = mb / loader;
  const remarkMBs = mb / remark;
  return [
    {
      name: `deck loader: ${CARDS} cards, ${mb.toFixed(1)} MB`,
      value: loaderMBs,
      unit: 'MB/s',
      baselineName: 'remark-parse, same text',
      baselineValue: remarkMBs,
      ratio: loaderMBs / remarkMBs,
      ratioLabel: '× faster',
      target: '>= 50 MB/s and faster than remark-parse',
      ok: loaderMBs >= 50 && loaderMBs > remarkMBs,
    },
  ];
}
