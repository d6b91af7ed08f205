// Style 7, Obsidian Spaced Repetition: the fixture's every trap, with the exact cards worked out
// by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../lines.ts';
import { findSeparator, obsidianSrStyle } from './obsidian-sr.ts';

const FIXTURE = readFileSync(join(process.cwd(), 'tests/fixtures/styles/obsidian-sr.md'), 'utf8');

function read(text: string) {
  const lines = splitLines(text);
  const start = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  return obsidianSrStyle.read({ lines, start, deckId: 'sr', path: 'obsidian-sr.md' });
}
const qa = (text: string) => read(text).cards.map((c) => [c.question, c.answer]);

describe('Obsidian Spaced Repetition cards', () => {
  it('reads the fixture into exactly these cards', () => {
    const result = read(FIXTURE);
    expect(result.title).toBe('Obsidian notes');
    expect(result.description).toBe('Notes written for the Spaced Repetition plugin.');
    const single = ['Single line'];
    const multi = ['Multi-line'];
    expect(result.cards.map((c) => [c.line, c.section, c.noteId, c.question, c.answer])).toEqual([
      [12, single, undefined, 'What is the capital of Kenya', 'Nairobi'],
      [13, single, undefined, 'What is the capital of Peru', 'Lima'],
      [14, single, 'sr@14', 'Spanish for cat', 'gato'],
      [14, single, 'sr@14', 'gato', 'Spanish for cat'],
      [16, single, undefined, 'Call `std::move` when', 'you give up ownership'],
      [18, single, undefined, 'The page <https://x.io/a::b> says', "a link's `::` is no separator"],
      [19, single, undefined, 'A list item question', 'its answer'],
      [20, single, undefined, 'Term with a TAB before it', 'its definition'],
      [
        24,
        multi,
        undefined,
        'What does this code print?\n```python\n# not a heading\n\nprint("a::b")\n```',
        '`a::b`, since the `::` is inside a string.',
      ],
      [33, multi, 'sr@33', 'Front of a card\nthat spans two lines', 'Back of the card'],
      [33, multi, 'sr@33', 'Back of the card', 'Front of a card\nthat spans two lines'],
      [
        41,
        multi,
        'sr@41',
        'A paragraph with a <span class="cloze"><strong>&#91;…&#93;</strong></span> is a cloze note.',
        'A paragraph with a <span class="cloze"><strong>highlight</strong></span> is a cloze note.',
      ],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the same cards from CRLF line endings and with a final newline', () => {
    const expected = qa(FIXTURE);
    expect(FIXTURE.endsWith('\n')).toBe(false);
    expect(qa(FIXTURE.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(qa(`${FIXTURE}\n`)).toEqual(expected);
  });

  it("never shows the plugin's <!--SR:…--> comments", () => {
    const text = 'q1::a1 <!--SR:!2024-01-01,1,230-->\nq2\n?\na2\n<!--SR:!2024-01-02,3,250-->';
    expect(qa(text)).toEqual([
      ['q1', 'a1'],
      ['q2', 'a2'],
    ]);
  });

  it('finds no separator inside inline code, a URL, a link or an Anki cloze', () => {
    expect(findSeparator('`a::b` x')).toBeNull();
    expect(findSeparator('see https://h.io/a::b')).toBeNull();
    expect(findSeparator('[t](http://h/a::b)')).toBeNull();
    expect(findSeparator('{{c1::x}}')).toBeNull();
    expect(findSeparator('a::b')).toEqual({ at: 1, length: 2 });
    expect(findSeparator('a:::b')).toEqual({ at: 1, length: 3 });
  });

  it('ends a multi-line card at a blank line or heading, not at a blank line in a fence', () => {
    expect(qa('before\n\nq\n?\na\n```\n\n# x\n```\n## H\nafter\n\nnot a card')).toEqual([
      ['q', 'a\n```\n\n# x\n```'],
    ]);
  });

  it('takes nothing inside a code fence or a heading for a card', () => {
    expect(qa('```\na::b\n?\n```\n\n## c::d')).toEqual([]);
  });
});
