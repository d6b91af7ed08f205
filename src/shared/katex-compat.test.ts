// Guards: formulas MathJax renders on the source sites (`\text{ema_param}`…) must not become
// KaTeX errors in a card.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { KATEX_SETTINGS, rewriteTexForKatex } from './katex-compat.ts';

function katexError(tex: string, displayMode: boolean): string | null {
  try {
    katex.renderToString(tex, { ...KATEX_SETTINGS, displayMode, throwOnError: true });
    return null;
  } catch (error) {
    return String(error);
  }
}

/** KaTeX refuses `tex` as written, and renders it after the rewrite, as `expected`. */
function expectRewritten(tex: string, expected: string, displayMode = false): void {
  expect(katexError(tex, displayMode), `KaTeX already accepts ${tex}`).not.toBeNull();
  const rewritten = rewriteTexForKatex(tex, displayMode);
  expect(rewritten).toBe(expected);
  expect(katexError(rewritten, displayMode)).toBeNull();
}

describe('rewriteTexForKatex', () => {
  it('escapes _ & # % ^ inside \\text and its kin, as MathJax reads them literally', () => {
    expectRewritten('\\text{ema_param}', '\\text{ema\\_param}');
    expectRewritten('\\text{ema_param}', '\\text{ema\\_param}', true);
    expectRewritten('\\text{R&D}', '\\text{R\\&D}');
    expectRewritten('\\text{item #3}', '\\text{item \\#3}');
    expectRewritten('\\text{50%} + x', '\\text{50\\%} + x');
    expectRewritten('\\text{a^b}', '\\text{a\\textasciicircum{}b}');
    expectRewritten('\\textbf{top_k}', '\\textbf{top\\_k}');
    expectRewritten('\\texttt{max_len}', '\\texttt{max\\_len}');
    expectRewritten('\\textit {a_b}', '\\textit{a\\_b}');
  });

  it('renames \\mbox and \\hbox, which KaTeX lacks, to \\text', () => {
    expectRewritten('\\mbox{top_k}', '\\text{top\\_k}');
    expectRewritten('\\mbox{if } x', '\\text{if } x');
    expectRewritten('\\hbox{a_b}', '\\text{a\\_b}');
  });

  it('leaves escaped characters, nested braces and math inside text as they are', () => {
    for (const tex of [
      '\\text{ema\\_param}',
      '\\text{a {b} c}',
      '\\text{for $x_1$ and $y^2$}',
      '\\mathrm{a_b}',
      'x_{\\text{max}}^2',
    ]) {
      expect(katexError(rewriteTexForKatex(tex, false), false)).toBeNull();
    }
    expect(rewriteTexForKatex('\\text{ema\\_param}', false)).toBe('\\text{ema\\_param}');
    expect(rewriteTexForKatex('\\text{for $x_1$}', false)).toBe('\\text{for $x_1$}');
    expect(rewriteTexForKatex('\\mathrm{a_b} + c_d', false)).toBe('\\mathrm{a_b} + c_d');
  });

  it('drops \\label and \\require, which only number or load things in MathJax', () => {
    expectRewritten('E = mc^2 \\label{eq:energy}', 'E = mc^2 ');
    expectRewritten('\\require{cancel} \\cancel{x}', ' \\cancel{x}');
  });

  it('uses the inline forms of align, gather and equation in inline math', () => {
    expectRewritten(
      '\\begin{align}a&=b\\\\c&=d\\end{align}',
      '\\begin{aligned}a&=b\\\\c&=d\\end{aligned}',
    );
    expectRewritten('\\begin{align*}a&=b\\end{align*}', '\\begin{aligned}a&=b\\end{aligned}');
    expectRewritten('\\begin{gather}a\\\\b\\end{gather}', '\\begin{gathered}a\\\\b\\end{gathered}');
    expectRewritten('\\begin{equation}a=b\\end{equation}', '{a=b}');
    // Display math keeps them: KaTeX renders them there.
    const align = '\\begin{align}a&=b\\end{align}';
    expect(rewriteTexForKatex(align, true)).toBe(align);
    expect(katexError(align, true)).toBeNull();
  });

  it('turns \\displaylines into a gathered environment', () => {
    expectRewritten(
      '\\displaylines{a = b\\\\c = d}',
      '\\begin{gathered}a = b\\\\c = d\\end{gathered}',
    );
  });

  it('needs no rewrite for \\lt, \\gt and the old font switches KaTeX already knows', () => {
    for (const tex of ['a \\lt b', 'a \\gt b', '{\\bf x}', '{\\rm d}x', '{\\it e}', '\\Bbb{R}']) {
      expect(rewriteTexForKatex(tex, false)).toBe(tex);
      expect(katexError(tex, false)).toBeNull();
    }
  });

  it('leaves TeX that neither engine can read as it was, for the reader to see', () => {
    expect(rewriteTexForKatex('\\frac{1}{2', false)).toBe('\\frac{1}{2');
    expect(rewriteTexForKatex('\\text{a_b', false)).toBe('\\text{a_b');
  });
});
