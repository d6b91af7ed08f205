// Loader throughput on a generated 10,000-card deck (about 5 MB, with math, code, tables and
// callouts), against remark-parse parsing the same text in the same run. Issue 13: the same cards
// written as headings with answer admonitions (style 3), against the native tabs; and the style
// detection alone, against one plain pass over the file's lines.
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { indentOf, splitLines } from '../src/deck/lines.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { detectStyle } from '../src/deck/styles/detect.ts';
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

/** The same cards as generateDeck, as `### question` + `??? success "Answer"` (style 3). */
export function generateHeadingDeck(cards: number): string {
  const native = generateDeck(cards).split('\n');
  const out: string[] = [];
  for (let i = 0; i < native.length; i++) {
    const line = native[i]!;
    if (line === '!!! Question ""' || line === '    === "Question"' || line === '') {
      if (line === '') out.push('');
    } else if (line.startsWith('        #### Question ')) {
      out.push(line.slice(8).replace('####', '###'), '');
    } else if (line === '    === "Answer"') {
      out.push('??? success "Answer"');
    } else out.push(line.startsWith('        ') ? line.slice(4) : line);
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

  const styled = generateHeadingDeck(CARDS);
  const styledMb = Buffer.byteLength(styled) / 1e6;
  let styledCards = 0;
  const styledLoader = medianSeconds(() => {
    const deck = parseDeck(styled, 'generated-headings.md');
    if (deck.style !== 'heading-collapsible') throw new Error(`Read as ${deck.style}.`);
    styledCards = deck.cards.length;
  }, 9);
  if (styledCards !== CARDS)
    throw new Error(`The heading deck gave ${styledCards} cards, not ${CARDS}.`);
  const styledMBs = styledMb / styledLoader;
  const lines = splitLines(styled);
  const detection = medianSeconds(
    () => void detectStyle({ lines, start: 0, deckId: 'd', path: 'd.md' }),
    9,
  );
  let sink = 0;
  const onePass = medianSeconds(() => {
    for (const line of lines) sink += indentOf(line);
  }, 9);
  if (sink === 0) throw new Error('The plain pass read nothing.');

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
    {
      name: `deck loader, headings + answer admonitions: ${CARDS} cards, ${styledMb.toFixed(1)} MB`,
      value: styledMBs,
      unit: 'MB/s',
      baselineName: 'native mkdocs tabs, same cards',
      baselineValue: loaderMBs,
      ratio: styledMBs / loaderMBs,
      ratioLabel: '× native',
      target: '>= 0.5× native',
      ok: styledMBs / loaderMBs >= 0.5,
    },
    {
      name: `style detection, same ${CARDS}-card heading file (${lines.length} lines)`,
      value: detection * 1000,
      unit: 'ms',
      baselineName: 'one indentOf pass over its lines',
      baselineValue: onePass * 1000,
      ratio: detection / onePass,
      ratioLabel: 'passes',
      target: '<= 3 passes',
      ok: detection / onePass <= 3,
    },
  ];
}
