import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from './parse-deck.ts';

const root = process.cwd();
const fixture = (name: string) => {
  const path = join(root, 'tests/fixtures/decks', name);
  return parseDeck(readFileSync(path, 'utf8'), name);
};
const questions = (name: string) => fixture(name).cards.map((c) => c.question);

/** No answer line is indented as code by accident: 4+ spaces only inside a fence. */
function indentedOutsideFences(markdown: string): string[] {
  let inFence = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    return !inFence && /^ {4,}\S/.test(line);
  });
}

describe('the seed deck', () => {
  const deck = parseDeck(
    readFileSync(join(root, 'decks/ml-interview-questions.md'), 'utf8'),
    'ml-interview-questions.md',
  );

  it('gives exactly 9 cards whose questions read as in the file', () => {
    expect(deck.cards).toHaveLength(9);
    expect(deck.cards[0]!.question).toBe(
      'While training deep learning models, why do we prefer training on mini-batch rather than on individual sample?',
    );
    expect(deck.cards.map((c) => c.question)).toContain('What are Attention Masks?');
    expect(deck.cards.every((c) => !c.question.includes('#'))).toBe(true);
    expect(deck.diagnostics).toEqual([]);
    expect(deck.id).toBe('ml-interview-questions');
    expect(deck.title).toBe('ML interview questions');
    expect(deck.description).toContain('Here are some questions');
  });

  it('keeps math, the note and the mermaid fence in the answers', () => {
    const byQ = (q: string) => deck.cards.find((c) => c.question.includes(q))!;
    expect(byQ('Entropy').answer).toMatch(/\$\$?[^$]*(log|\\sum|H\()/);
    const masks = byQ('Attention Masks').answer;
    expect(masks).toContain('> [!NOTE]');
    expect(masks).toContain('> We can use a special token for padding.');
    expect(byQ('Logits').answer).toContain('```mermaid\ngraph LR');
  });

  it('dedents answers so they render as paragraphs, not code', () => {
    for (const card of deck.cards) {
      expect(indentedOutsideFences(card.answer)).toEqual([]);
      expect(card.answer.startsWith(' ')).toBe(false);
    }
  });

  it('records the line each card starts on and its position', () => {
    // The bundled copy is the seed behind three lines of front matter (its title).
    expect(deck.cards.map((c) => c.line)).toEqual([7, 15, 23, 32, 41, 49, 58, 69, 77]);
    expect(deck.cards.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('real-world quirks, one fixture each', () => {
  it('admonition and tab spellings, trailing spaces, blank or no blank lines', () => {
    expect(questions('variants.md')).toEqual([
      'Lower-case admonition and tab?',
      'Collapsible without a heading?',
      'Open collapsible with extra heading spaces?',
    ]);
    expect(fixture('variants.md').cards.map((c) => c.answer)).toEqual([
      'Yes.',
      'Answer straight under the tab line.',
      'After a blank line.',
    ]);
  });

  it('tab characters, whitespace-only lines and two-space indentation', () => {
    const deck = fixture('tabs.md');
    expect(deck.cards.map((c) => c.question)).toEqual([
      'Indented with tabs?',
      'Two-space indentation?',
    ]);
    expect(deck.cards[0]!.answer).toBe(
      'First paragraph.\n\nSecond paragraph after a whitespace-only line.',
    );
    expect(deck.cards[1]!.answer).toBe('Works too.');
  });

  it('CRLF line endings, a byte-order mark and no final newline', () => {
    const bytes = readFileSync(join(root, 'tests/fixtures/decks/crlf-bom.md'), 'utf8');
    expect(bytes.charCodeAt(0)).toBe(0xfeff); // guards against an editor "fixing" the fixture
    expect(bytes).toContain('\r\n');
    const deck = fixture('crlf-bom.md');
    expect(deck.title).toBe('CRLF deck');
    expect(deck.cards.map((c) => [c.question, c.answer])).toEqual([
      ['Windows line endings?', 'Read fine.'],
      ['No final newline?', 'Still a card.'],
    ]);
    expect(deck.cards.every((c) => !/\r/.test(c.question + c.answer))).toBe(true);
  });

  it('commented-out blocks, other admonitions and code fences are never cards', () => {
    const deck = fixture('comments.md');
    expect(deck.cards.map((c) => c.question)).toEqual(['The only real card?']);
    expect(deck.cards[0]!.line).toBe(12);
    expect(deck.description).toBe('Intro text before the first question is the description.');
  });

  it('math, tables, code, mermaid, callouts, HTML and non-BMP text survive in the answer', () => {
    const [card] = fixture('rich-answer.md').cards;
    const a = card!.answer;
    expect(a).toContain('Inline $a^2 + b^2$ and \\(x\\)');
    expect(a).toContain('$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$');
    expect(a).toContain('| a | b |\n|---|---|\n| 1 | 2 |');
    expect(a).toContain('    indented code\n    # a comment line, not a heading');
    expect(a).toContain('```python\n# also not a heading\nprint("=== \\"Answer\\"")\n```');
    expect(a).toContain('```mermaid\ngraph LR\n    A --> B\n```');
    expect(a).toContain('> [!NOTE] A title\n> Nested note body.');
    expect(a).toContain('> [!TIP]-\n> Collapsed tip.');
    expect(a).toContain('<div align="center"><img src="img/x.png" width="200"></div>');
    expect(a).toContain('𝔼[X] 🧠');
    expect(card!.section).toEqual(['Maths']);
  });

  it('keeps the text of a note whose body is not indented under it', () => {
    const [card] = fixture('lazy-note.md').cards;
    expect(card!.answer).toBe(
      'Main text.\n\n> [!NOTE]\n> This line belongs to the note and must not be dropped.\n> So does this one.\n\nAfter the note.',
    );
  });

  it('reports broken blocks with their lines and still loads the rest', () => {
    const deck = fixture('problems.md');
    expect(deck.cards.map((c) => c.question)).toEqual([
      'Unknown tab?',
      'Unterminated fence?',
      'After the broken ones?',
    ]);
    expect(deck.cards[0]!.answer).toBe('Still a card.');
    expect(deck.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [1, 'error'],
      [5, 'error'],
      [14, 'warning'],
      [23, 'warning'],
    ]);
    expect(deck.diagnostics[0]!.message).toMatch(/no "Answer" tab/);
    expect(deck.diagnostics[1]!.message).toMatch(/empty "Question"/);
    expect(deck.diagnostics[2]!.message).toMatch(/Unknown tab "Hint"/);
    expect(deck.diagnostics[3]!.message).toMatch(/never closed/);
  });

  it('says so when a file has no cards', () => {
    const deck = fixture('no-cards.md');
    expect(deck.cards).toEqual([]);
    expect(deck.title).toBe('Just notes');
    expect(deck.diagnostics).toHaveLength(1);
    expect(deck.diagnostics[0]!.message).toMatch(/No cards found/);
  });

  it('reads front matter, pinned ids and duplicate questions', () => {
    const deck = fixture('ids.md');
    expect(deck.id).toBe('pinned-deck');
    expect(deck.title).toBe('Pinned deck');
    const ids = deck.cards.map((c) => c.id);
    expect(ids[0]).toBe('pinned-deck:my-card');
    expect(ids[1]).toBe('pinned-deck:inside');
    expect(ids[3]).toBe(`${ids[2]}~2`);
    expect(new Set(ids).size).toBe(4);
    expect(deck.diagnostics).toEqual([
      expect.objectContaining({
        line: 26,
        severity: 'warning',
        message: expect.stringMatching(/same question appears on lines 20 and 26/),
      }),
    ]);
  });
});

describe('section and title', () => {
  it('uses headings above a card as its section and the first # heading as title', () => {
    const deck = parseDeck(
      '# Title\n\n## Part A\n\n### Sub\n\n!!! Question ""\n    === "Question"\n        Q1?\n    === "Answer"\n        A1\n\n## Part B\n\n!!! Question ""\n    === "Question"\n        Q2?\n    === "Answer"\n        A2\n',
      'x/deck.md',
    );
    expect(deck.title).toBe('Title');
    expect(deck.id).toBe('x/deck');
    expect(deck.cards.map((c) => c.section)).toEqual([['Part A', 'Sub'], ['Part B']]);
  });

  it('falls back to the file name for the title', () => {
    expect(parseDeck('', 'my_great-deck.md').title).toBe('My great deck');
  });
});

/** A one-card deck; `answer` and `question` are the tab bodies, already indented. */
const oneCard = (question: string, answer: string) =>
  `!!! Question ""\n    === "Question"\n${question}\n    === "Answer"\n${answer}\n`;

describe('line endings built in the test (editors strip them from fixtures)', () => {
  it('reads a BOM, CRLF and lone CR line endings and a missing final newline', () => {
    const lf =
      '# T\n\n' +
      oneCard('        #### Q one?', '        A one.') +
      '\n' +
      oneCard('        Q two?', '        A two.');
    const expected = [
      ['Q one?', 'A one.', 3],
      ['Q two?', 'A two.', 9],
    ];
    for (const text of [lf, `\ufeff${lf.replace(/\n/g, '\r\n')}`, lf.replace(/\n/g, '\r')]) {
      const deck = parseDeck(text.replace(/\s+$/, ''), 'd.md');
      expect(deck.title).toBe('T');
      expect(deck.cards.map((c) => [c.question, c.answer, c.line])).toEqual(expected);
    }
  });
});

describe('headings', () => {
  it('drops heading marks, closing marks and their extra spaces from questions', () => {
    const q = (line: string) => parseDeck(oneCard(line, '        A'), 'd.md').cards[0]?.question;
    expect(q('        ####    Spaced out?   ')).toBe('Spaced out?');
    expect(q('        ## Closed? ##')).toBe('Closed?');
    expect(q('        #hashtag, not a heading')).toBe('#hashtag, not a heading');
    expect(q('        ####### seven marks is text')).toBe('####### seven marks is text');
  });
});

describe('regressions', () => {
  // Guards: a long run of spaces in a heading, fence line or front matter made regexes backtrack
  // quadratically (seconds per line); sized so a return of that fails by the test timeout.
  it('reads lines with huge runs of spaces without backtracking', () => {
    const sp = ' '.repeat(200_000);
    const deck = parseDeck(
      `---\ntitle: a${sp}b\n---\n# H${sp}x\n\`\`\`a${sp}b\n\`\`\`\n` +
        oneCard(`        #### Q${sp}?`, '        A'),
      'd.md',
    );
    expect(deck.title).toBe(`a${sp}b`);
    expect(deck.cards).toHaveLength(1);
    expect(deck.cards[0]!.question).toBe(`Q${sp}?`);
  });

  // Guards: every unclosed top-level fence rescanned the rest of the file (quadratic).
  it('handles a file of thousands of unclosed fences in linear time', () => {
    const deck = parseDeck(Array.from({ length: 40_000 }, () => '````x').join('\n'), 'd.md');
    expect(deck.diagnostics.filter((d) => /never closed/.test(d.message))).toHaveLength(40_000);
  });

  // Guards: `<!-- id: … -->` inside a code fence of an answer was taken as the card's pin.
  it('never reads a pin comment inside a fence', () => {
    const deck = parseDeck(
      oneCard('        Q?', '        ```html\n        <!-- id: not-a-pin -->\n        ```'),
      'd.md',
    );
    expect(deck.cards[0]!.id).not.toBe('d:not-a-pin');
    expect(deck.cards[0]!.answer).toBe('```html\n<!-- id: not-a-pin -->\n```');
  });

  // Guards: an unclosed fence in the Question tab swallowed the Answer tab and lost the card.
  it('ends an unclosed fence where its tab ends', () => {
    const deck = parseDeck(oneCard('        Q?\n        ```', '        A'), 'd.md');
    expect(deck.cards.map((c) => [c.question, c.answer])).toEqual([['Q?\n```', 'A']]);
    expect(deck.diagnostics[0]!.message).toMatch(/never closed/);
  });

  // Guards: with a front-matter title, the page's `#` heading showed up as every card's section.
  it('never puts the first # heading into sections, even under a front-matter title', () => {
    const deck = parseDeck(
      `---\ntitle: FM\n---\n# Page\n## Part\n${oneCard('        Q?', '        A')}`,
      'd.md',
    );
    expect(deck.title).toBe('FM');
    expect(deck.cards[0]!.section).toEqual(['Part']);
  });

  // Guards: the seed deck's `!!! Note` body is written flush under it and was dropped.
  it('keeps the Attention Masks note text from the seed deck', () => {
    const seed = readFileSync(join(root, 'decks/ml-interview-questions.md'), 'utf8');
    const masks = parseDeck(seed, 'm.md').cards[6]!;
    expect(masks.answer).toMatch(/\n\n> \[!NOTE\]\n> We can use a special token for padding\./);
  });
});
