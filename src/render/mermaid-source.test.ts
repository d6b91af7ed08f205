import { describe, expect, it } from 'vitest';
import { cleanMermaidSource, describeMermaidError } from './mermaid-source.ts';

describe('cleanMermaidSource', () => {
  it('removes init directives, even across lines', () => {
    const src =
      '%%{init: {"securityLevel":"loose"}}%%\ngraph LR\n%%{\n  init: {"theme": "x"}\n}%%\nA-->B';
    expect(cleanMermaidSource(src)).toBe('graph LR\n\nA-->B');
  });

  it('removes click lines but keeps other lines mentioning click', () => {
    const src =
      'graph LR\n  A[click me]-->B\n  click A call alert(1)\n\tCLICK B href "javascript:x"';
    expect(cleanMermaidSource(src)).toBe('graph LR\n  A[click me]-->B');
  });

  it('keeps ordinary comments', () => {
    expect(cleanMermaidSource('graph TD\n%% a comment\nA')).toBe('graph TD\n%% a comment\nA');
  });
});

describe('describeMermaidError', () => {
  it('takes the first non-empty line and bounds its length', () => {
    expect(describeMermaidError(new Error('\nParse error on line 2\n----^'))).toBe(
      'Parse error on line 2',
    );
    expect(describeMermaidError('x'.repeat(300))).toHaveLength(201);
    expect(describeMermaidError(undefined)).toBe('undefined');
  });
});
