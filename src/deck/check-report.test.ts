import { describe, expect, it } from 'vitest';
import { deckPathOf, hasErrors, jsonReport, parseArgs, textReport } from './check-report.ts';
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
      'decks/g.md: 1 card, 0 warnings, 0 errors',
      'b.md: 0 cards, 1 warning, 1 error',
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
          deck: { id: 'g', title: 'G' },
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
