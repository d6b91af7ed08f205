import { describe, expect, it } from 'vitest';
import { mayContainMath, normalizeMathDelimiters } from './math-delimiters.ts';

describe('normalizeMathDelimiters', () => {
  it('turns \\(…\\) into inline $ math', () => {
    expect(normalizeMathDelimiters('where \\(x^2\\) grows')).toBe('where $x^2$ grows');
  });

  it('turns \\[…\\] into display $$ math, across lines', () => {
    expect(normalizeMathDelimiters('\\[\na + b\n\\]')).toBe('$$\na + b\n$$');
    expect(normalizeMathDelimiters('> \\[\n> a\n> \\]')).toBe('> $$\n> a\n> $$');
  });

  it('makes a \\[…\\] that stands on its own line a display block', () => {
    expect(normalizeMathDelimiters('Text:\n\\[ \\int x \\]\nmore')).toBe(
      'Text:\n$$\n\\int x\n$$\nmore',
    );
    expect(normalizeMathDelimiters('> \\[ a \\]')).toBe('> $$\n> a\n> $$');
    expect(normalizeMathDelimiters('\\[ a\nb \\]')).toBe('$$\na\nb\n$$');
  });

  it('keeps a \\[…\\] inside a sentence inline', () => {
    expect(normalizeMathDelimiters('see \\[y\\] here')).toBe('see $$y$$ here');
  });

  it('leaves fenced code alone', () => {
    const md = 'a \\(x\\)\n```python\nprint("\\(y\\)")\n```\nb \\(z\\)';
    expect(normalizeMathDelimiters(md)).toBe('a $x$\n```python\nprint("\\(y\\)")\n```\nb $z$');
  });

  it('leaves tilde fences and longer fences alone until the matching close', () => {
    const md = '~~~~\n\\(a\\)\n~~~\n\\(b\\)\n~~~~\n\\(c\\)';
    expect(normalizeMathDelimiters(md)).toBe('~~~~\n\\(a\\)\n~~~\n\\(b\\)\n~~~~\n$c$');
  });

  it('leaves inline code alone', () => {
    expect(normalizeMathDelimiters('`\\(a\\)` and ``x ` \\[b\\]`` then \\(c\\)')).toBe(
      '`\\(a\\)` and ``x ` \\[b\\]`` then $c$',
    );
  });

  it('leaves existing $ math alone, including \\\\[2pt] line spacing', () => {
    const md = '$$\\begin{aligned} a \\\\[2pt] b \\end{aligned}$$ and $p \\\\(q)$';
    expect(normalizeMathDelimiters(md)).toBe(md);
  });

  it('does not treat an escaped backslash as an opener', () => {
    expect(normalizeMathDelimiters('path C:\\\\(x) \\)')).toBe('path C:\\\\(x) \\)');
  });

  it('leaves an unclosed opener as written', () => {
    expect(normalizeMathDelimiters('just \\( here')).toBe('just \\( here');
  });

  it('does not let a lone $ in one paragraph hide math in the next', () => {
    expect(normalizeMathDelimiters('costs $5\n\nthen \\(x\\)')).toBe('costs $5\n\nthen $x$');
  });

  it('keeps \\] inside \\[…\\] content with escaped pairs', () => {
    expect(normalizeMathDelimiters('x \\[ a \\\\[1em] b \\]')).toBe('x $$ a \\\\[1em] b $$');
  });
});

describe('mayContainMath', () => {
  it('spots any delimiter', () => {
    expect(mayContainMath('a $x$')).toBe(true);
    expect(mayContainMath('a \\(x\\)')).toBe(true);
    expect(mayContainMath('a \\[x\\]')).toBe(true);
    expect(mayContainMath('plain [link](x) (paren)')).toBe(false);
  });
});
