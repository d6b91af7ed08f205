// Style detection and front matter `format:` (issue 13): which reader a file gets.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../parse-deck.ts';
import { detectStyle, hasNativeBlock, resolveFormat } from './detect.ts';

const NATIVE = '!!! Question ""\n    === "Question"\n        Q?\n    === "Answer"\n        A\n';
const TITLED = '!!! question "What is X?"\n    X is x.\n';
const COLLAPSIBLE = '### What is Y?\n\n??? note "Answer"\n    Y is y.\n';
const DETAILS = '<details><summary>What is Z?</summary>\n\nZ is z.\n\n</details>\n';
const HEADING = '# Deck\n\n## What is W?\n\nW is w.\n';

const styleOf = (text: string) => parseDeck(text, 'x.md').style;

describe('style detection', () => {
  it('gives each style its reader', () => {
    expect(styleOf(NATIVE)).toBe('mkdocs-tabs');
    expect(styleOf(TITLED)).toBe('admonition-title');
    expect(styleOf(COLLAPSIBLE)).toBe('heading-collapsible');
    expect(styleOf(DETAILS)).toBe('details');
    expect(styleOf(HEADING)).toBe('heading');
  });

  it('one native block with tabs makes the whole file native', () => {
    expect(styleOf(`${TITLED}\n${TITLED}\n${NATIVE}`)).toBe('mkdocs-tabs');
  });

  it('a native block shown inside a code fence or a comment does not count', () => {
    const fenced = `${TITLED}\n\`\`\`markdown\n${NATIVE}\`\`\`\n`;
    expect(hasNativeBlock(fenced.split('\n'), 0)).toBe(false);
    expect(styleOf(fenced)).toBe('admonition-title');
    expect(styleOf(`${TITLED}\n<!--\n${NATIVE}-->\n`)).toBe('admonition-title');
  });

  it('the most frequent style wins; a heading question alone does not beat a specific style', () => {
    expect(styleOf(`${DETAILS}\n${DETAILS}\n${COLLAPSIBLE}`)).toBe('details');
    // Every collapsible answer also sits under a heading with text (style 8's shape).
    expect(styleOf(`${COLLAPSIBLE}\n${COLLAPSIBLE.replace('Y', 'V')}`)).toBe('heading-collapsible');
  });

  it('plain notes are no style, and say which styles Recall reads', () => {
    const deck = parseDeck('# Notes\n\n## Setup\n\nInstall it.\n', 'notes.md');
    expect(deck.style).toBeUndefined();
    expect(deck.cards).toEqual([]);
    expect(deck.diagnostics).toHaveLength(1);
    expect(deck.diagnostics[0]!.message).toMatch(
      /^No cards found: Recall reads questions written as/,
    );
    expect(deck.diagnostics[0]!.message).toContain(
      'question admonitions (format: admonition-title)',
    );
    expect(deck.diagnostics[0]!.message).toContain('HTML <details> (format: details)');
  });

  it('front matter format: overrides detection, with aliases', () => {
    const notes = '---\nformat: mdanki\n---\n# Notes\n\n## Setup\n\nInstall it.\n';
    const deck = parseDeck(notes, 'notes.md');
    expect(deck.style).toBe('heading');
    expect(deck.cards.map((c) => [c.question, c.answer, c.line])).toEqual([
      ['Setup', 'Install it.', 6],
    ]);
    expect(resolveFormat('mkdocs')).toBe('mkdocs-tabs');
    expect(resolveFormat('Admonition Title')).toBe('admonition-title');
    expect(resolveFormat(' DETAILS ')).toBe('details');
  });

  it('an unknown format: is a warning naming the valid ones, and detection decides', () => {
    const deck = parseDeck(`---\nformat: flashcards\n---\n${TITLED}`, 'x.md');
    expect(deck.style).toBe('admonition-title');
    expect(deck.cards).toHaveLength(1);
    expect(deck.diagnostics[0]).toMatchObject({ line: 2, severity: 'warning' });
    expect(deck.diagnostics[0]!.message).toMatch(
      /Unknown format "flashcards".*mkdocs-tabs, admonition-title/,
    );
  });

  it('scores only the beginning of a big file, and the whole file when the beginning has nothing', () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `Line ${i} of an introduction.`);
    const lines = [...filler, ...TITLED.split('\n')];
    expect(detectStyle({ lines, start: 0, deckId: 'x', path: 'x.md' }).style).toBe(
      'admonition-title',
    );
  });
});
