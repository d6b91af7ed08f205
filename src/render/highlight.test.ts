import { describe, expect, it } from 'vitest';
import { grammarFor, highlightCode, languageFromClassName } from './highlight.ts';

describe('grammarFor', () => {
  it('maps common names and aliases', () => {
    expect(grammarFor('python')).toBe('python');
    expect(grammarFor('Py')).toBe('python');
    expect(grammarFor('js')).toBe('javascript');
    expect(grammarFor('ts')).toBe('typescript');
    expect(grammarFor('sh')).toBe('bash');
    expect(grammarFor('shell')).toBe('bash');
    expect(grammarFor('c++')).toBe('cpp');
    expect(grammarFor('yml')).toBe('yaml');
  });

  it('returns null for unknown or missing languages', () => {
    expect(grammarFor(undefined)).toBeNull();
    expect(grammarFor('brainfuck')).toBeNull();
    expect(grammarFor('constructor')).toBeNull();
    expect(grammarFor('mermaid')).toBeNull();
  });
});

describe('languageFromClassName', () => {
  it('reads the language-xxx class', () => {
    expect(languageFromClassName(['language-python'])).toBe('python');
    expect(languageFromClassName('x language-go')).toBe('go');
    expect(languageFromClassName(undefined)).toBeUndefined();
  });
});

describe('highlightCode', () => {
  it('loads the grammar on demand and escapes the input', async () => {
    const html = await highlightCode('def f(x):\n    return "<b>"', 'python');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });
});
