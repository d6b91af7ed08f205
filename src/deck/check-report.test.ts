import { describe, expect, it } from 'vitest';
import { deckPathOf, hasErrors, jsonReport, parseArgs, textReport } from './check-report.ts';
import {
  formulaError,
  formulasOf,
  formulaWarnings,
  linkWarnings,
  withContentWarnings,
} from './content-check.ts';
import { parseDeck } from './parse-deck.ts';

const good = parseDeck(
  '!!! Question ""\n    === "Question"\n        Q?\n    === "Answer"\n        A\n',
  'g.md',
);
const bad = parseDeck('!!! Question ""\n    === "Question"\n        Q?\n', 'b.md');

describe('deck:check arguments', () => {
  it('reads --json, paths and --', () => {
    expect(parseArgs(['--json', 'a.md', 'dir'])).toEqual({ json: true, targets: ['a.md', 'dir'] });
    expect(parseArgs(['--', '--json'])).toEqual({ json: false, targets: ['--json'] });
  });

  it('gives the usage for no paths or an unknown option', () => {
    expect(parseArgs([])).toEqual({ usage: expect.stringContaining('Usage') });
    expect(parseArgs(['--jsn', 'a.md'])).toEqual({ usage: expect.stringContaining('--jsn') });
  });
});

describe('deck:check report', () => {
  const files = [
    { path: 'decks/g.md', deck: good },
    { path: 'b.md', deck: bad },
  ];

  it('prints a summary line per file and path:line diagnostics', () => {
    expect(textReport(files).split('\n')).toEqual([
      'decks/g.md: 1 card (mkdocs tabs), 0 warnings, 0 errors',
      'b.md: 0 cards (mkdocs tabs), 1 warning, 1 error',
      expect.stringMatching(/^b\.md:1: error: .*no "Answer" tab/),
      expect.stringMatching(/^b\.md:1: warning: No cards found: /),
    ]);
  });

  it('fails only when some file has an error', () => {
    expect(hasErrors(files)).toBe(true);
    expect(hasErrors(files.slice(0, 1))).toBe(false);
  });

  it('gives JSON with exactly the documented fields', () => {
    const out = JSON.parse(jsonReport(files.slice(0, 1))) as unknown;
    expect(out).toEqual({
      files: [
        {
          path: 'decks/g.md',
          deck: { id: 'g', title: 'G', style: 'mkdocs-tabs' },
          cards: [{ id: good.cards[0]!.id, question: 'Q?', answer: 'A', line: 1, section: [] }],
          diagnostics: [],
        },
      ],
    });
  });

  it('uses the path under decks/ as the deck path, else the path as shown', () => {
    expect(deckPathOf('decks/sub/a.md')).toBe('sub/a.md');
    expect(deckPathOf('./decks/a.md')).toBe('a.md');
    expect(deckPathOf('tests/fixtures/decks/a.md')).toBe('a.md');
    expect(deckPathOf('notes/a.md')).toBe('notes/a.md');
  });
});

// Guards: `npm run deck:check` names, at their file lines, the formulas a card would show as TeX
// (after the renderer's own rewrites) and the `[text]((url))` links that show as plain text.
describe('deck:check content warnings', () => {
  const deckText = [
    '# Math', //                                     1
    '', //                                           2
    '!!! Question ""', //                            3
    '    === "Question"', //                         4
    '        #### What is $\\text{ema_param}$?', //   5
    '', //                                           6
    '    === "Answer"', //                           7
    '        Fine: $\\mbox{top_k}$ and \\(x\\).', //  8
    '', //                                           9
    '        $$\\frac{1}{2$$', //                      10
    '', //                                           11
    '        See [the paper]((https://arxiv.org/abs/1)).', // 12
    '', //                                           13
    '        ```python', //                          14
    '        s = "[a]((b))"  # $\\frac{$', //         15
    '        ```', //                                16
    '', //                                           17
    '        !!! Note', //                           18
    '            Also $\\sqrt[$ and `[c]((d))`.', //  19
  ].join('\n');
  const deck = parseDeck(deckText, 'math.md');

  it('finds formulas as the renderer does, with every delimiter', () => {
    expect(formulasOf('a $x$ b \\(y\\)\n\n$$z$$\n\n```math\nw\n```\n\n`$no$`')).toEqual([
      { tex: 'x', display: false },
      { tex: 'y', display: false },
      { tex: 'z', display: true },
      { tex: 'w', display: true },
    ]);
  });

  it("applies the renderer's rewrites before asking KaTeX", () => {
    expect(formulaError({ tex: '\\text{ema_param}', display: false })).toBeNull();
    expect(formulaError({ tex: '\\frac{1}{2', display: true })).toMatch(/Unexpected end/);
  });

  it('warns about each formula KaTeX cannot render, at its line in the file', () => {
    expect(formulaWarnings(deckText, deck)).toEqual([
      {
        line: 10,
        severity: 'warning',
        message: expect.stringMatching(/^KaTeX cannot render the formula `\\frac\{1\}\{2` \(/),
      },
      {
        line: 19,
        severity: 'warning',
        message: expect.stringContaining('`\\sqrt[`'),
      },
    ]);
  });

  it('warns about [text]((url)) links outside code, at their line', () => {
    expect(linkWarnings(deckText)).toEqual([
      {
        line: 12,
        severity: 'warning',
        message:
          'The link [the paper]((…)) has double parentheses, so it shows as text and not as a link; write [the paper](https://arxiv.org/abs/1).',
      },
    ]);
    expect(linkWarnings('[ok](https://x.org) and [also](<a b>) and (([not a link]))')).toEqual([]);
  });

  it('adds them to the report in line order', () => {
    const checked = withContentWarnings(deck, deckText);
    const lines = textReport([{ path: 'decks/math.md', deck: checked }]).split('\n');
    expect(lines[0]).toBe('decks/math.md: 1 card (mkdocs tabs), 3 warnings, 0 errors');
    expect(lines.slice(1).map((l) => l.split(': ')[0])).toEqual([
      'decks/math.md:10',
      'decks/math.md:12',
      'decks/math.md:19',
    ]);
    expect(withContentWarnings(good, '')).toBe(good);
  });
});
