// Guards issue 10 "Freezes": each render limit refuses what exceeds it with a sentence naming it,
// and counts the way remark and KaTeX nest. The bomb corpus and the real decks are checked in
// tests/render-limits-corpus.test.ts.
import { describe, expect, it } from 'vitest';
import { measureCard, RENDER_LIMITS, renderLimitReason } from './render-limits.ts';

describe('renderLimitReason says which limit', () => {
  it.each([
    ['length', 'a'.repeat(RENDER_LIMITS.length + 1), /characters long/],
    ['lines', 'a\n'.repeat(RENDER_LIMITS.lines), /lines/],
    ['dash chain', '- '.repeat(40) + 'x', /nests lists or quotes 40 deep/],
    ['quote chain', '> '.repeat(40) + 'x', /nests lists or quotes 40 deep/],
    ['ordered chain', '1) '.repeat(40) + 'x', /40 deep/],
    ['brackets', '['.repeat(1001), /1,001 “\[” brackets/],
    ['matrix', `$\\begin{matrix}${'1&'.repeat(121)}\\end{matrix}$`, /matrix or table cells/],
    ['sqrt', `$${'\\sqrt{'.repeat(30)}x${'}'.repeat(30)}$`, /nests 30 groups deep/],
    ['\\left', `$${'\\left('.repeat(30)}x${'\\right)'.repeat(30)}$`, /nests 30 groups deep/],
    ['commands', `$${'\\alpha'.repeat(1501)}$`, /1,501 commands/],
  ])('%s', (_, markdown, reason) => {
    expect(renderLimitReason(markdown)).toMatch(reason);
  });

  it('counts math figures only in cards that may contain math', () => {
    expect(renderLimitReason('a & b '.repeat(500))).toBeNull();
    expect(renderLimitReason('{'.repeat(100))).toBeNull();
  });

  it('does not count escaped braces or nesting that closes', () => {
    expect(measureCard('$\\{\\{\\{x$').mathNesting).toBe(0);
    expect(measureCard(`$${'{x}'.repeat(100)}$`).mathNesting).toBe(1);
    expect(measureCard('- a\n  - b\n    - c\n- d').nesting).toBe(3);
    expect(measureCard('-not a list\n1.5 no').nesting).toBe(0);
  });

  it('measures a 9 MB card in linear time (refused on length before anything else)', () => {
    expect(renderLimitReason('- x\n'.repeat(2_500_000))).toMatch(/characters long/);
    expect(measureCard('- '.repeat(4000) + 'x').nesting).toBe(4000);
  });
});
