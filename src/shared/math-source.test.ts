import { describe, expect, it } from 'vitest';
import { mayContainMath, normalizeMathDelimiters } from './math-source.ts';

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
    expect(mayContainMath('\\begin{align}a\\end{align}')).toBe(true);
    expect(mayContainMath('plain [link](x) (paren)')).toBe(false);
  });
});

// `$$…$$` standing alone as a block is display math, as in mkdocs-material. Every expectation
// below was checked against the reference renderer, Python-Markdown 3.4 with pymdownx 9.5
// (arithmatex, admonition, superfences; Debian's python3-markdown and python3-pymdownx): it gives
// `<div class="arithmatex">\[…\]</div>` (display) for the block cases and
// `<span class="arithmatex">\(…\)</span>` (inline) for `$$…$$` inside a paragraph's text.
describe('normalizeMathDelimiters with $$ blocks (as pymdownx.arithmatex reads them)', () => {
  it('makes $$x$$ alone in its paragraph display math', () => {
    // reference: <p>Before</p> <div class="arithmatex">\[x\]</div> <p>After</p>
    expect(normalizeMathDelimiters('Before\n\n$$x$$\n\nAfter')).toBe(
      'Before\n\n$$\nx\n$$\n\nAfter',
    );
    // reference: <div class="arithmatex">\[ x \]</div>
    expect(normalizeMathDelimiters('$$ x $$  ')).toBe('$$\nx\n$$  ');
  });

  it('makes $$x$$ right under a heading display math, but not with text right after it', () => {
    // reference: <h4>Q</h4> <div class="arithmatex">\[x\]</div>
    expect(normalizeMathDelimiters('#### Q\n$$x$$')).toBe('#### Q\n$$\nx\n$$');
    // reference: <p>Text</p> <p><span class="arithmatex">\(…x…\)</span> more</p>
    expect(normalizeMathDelimiters('Text\n\n$$x$$\nmore')).toBe('Text\n\n$$x$$\nmore');
  });

  it('makes a $$ block over several lines display math, delimiters on their own lines or not', () => {
    // reference: <div class="arithmatex">\[\na = b\n+ c\n\]</div>; remark-math already agrees
    expect(normalizeMathDelimiters('$$\na = b\n+ c\n$$')).toBe('$$\na = b\n+ c\n$$');
    // reference: <div class="arithmatex">\[a = b\n+ c\]</div>
    expect(normalizeMathDelimiters('$$a = b\n+ c$$')).toBe('$$\na = b\n+ c\n$$');
  });

  it('keeps $$…$$ inside a sentence, or sharing its paragraph, inline', () => {
    // reference: <p>A sentence with <span class="arithmatex">\(…x^2…\)</span> inside.</p>
    for (const md of [
      'A sentence with $$x^2$$ inside.',
      '$$x$$ and text',
      'text and $$x$$',
      'Text\n$$x$$\nmore',
      '- item\n    $$x$$',
    ]) {
      expect(normalizeMathDelimiters(md)).toBe(md);
    }
  });

  it('makes $$x$$ a display block in a list item, indented or right after the marker', () => {
    // reference: <li><p>item</p><div class="arithmatex">\[x\]</div></li>
    expect(normalizeMathDelimiters('- item\n\n    $$x$$\n\n- next')).toBe(
      '- item\n\n    $$\n    x\n    $$\n\n- next',
    );
    // reference: <li><div class="arithmatex">\[x\]</div></li>
    expect(normalizeMathDelimiters('- $$x$$')).toBe('- $$\n  x\n  $$');
    expect(normalizeMathDelimiters('1. $$x$$\n')).toBe('1. $$\n   x\n   $$\n');
  });

  it('makes $$x$$ a display block in an admonition (a callout once the deck is loaded)', () => {
    // reference for `!!! Note\n    $$z$$\n\n    text`: the note holds <div class="arithmatex">\[z\]</div>
    expect(normalizeMathDelimiters('> [!NOTE]\n> $$z$$\n>\n> text')).toBe(
      '> [!NOTE]\n> $$\n> z\n> $$\n>\n> text',
    );
    // reference for `> $$q$$`: <blockquote><div class="arithmatex">\[q\]</div></blockquote>
    expect(normalizeMathDelimiters('> $$q$$')).toBe('> $$\n> q\n> $$');
    // reference for `!!! Note\n    Some text\n    $$z$$`: inline, in the paragraph's text
    expect(normalizeMathDelimiters('> [!NOTE]\n> Some text\n> $$z$$')).toBe(
      '> [!NOTE]\n> Some text\n> $$z$$',
    );
  });

  it('makes a \\begin{…}…\\end{…} block display math, and leaves one in a sentence as text', () => {
    // reference: <div class="arithmatex">\[\begin{align}…\end{align}\]</div>
    const align = '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}';
    expect(normalizeMathDelimiters(align)).toBe(`$$\n${align}\n$$`);
    // reference: <p>Text \begin{align}a\end{align} more</p>
    const inText = 'Text \\begin{align}a\\end{align} more';
    expect(normalizeMathDelimiters(inText)).toBe(inText);
  });

  it('leaves $$ in code alone', () => {
    const md = '```\n$$x$$\n```\n\n`$$y$$`';
    expect(normalizeMathDelimiters(md)).toBe(md);
  });
});
