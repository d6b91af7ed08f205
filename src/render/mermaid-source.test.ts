import { describe, expect, it } from 'vitest';
import {
  cleanMermaidSource,
  describeMermaidError,
  withoutThemeSettings,
} from './mermaid-source.ts';

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

// Guards: a deck's diagram must not change the app's look or break the diagrams after it
// (`themeVariables.primaryColor: "notacolor"` stuck in Mermaid's config until reload).
describe('cleanMermaidSource: front matter', () => {
  const diagram = (frontMatter: string) => `---\n${frontMatter}\n---\ngraph LR\n  A --> B`;

  it('removes theme, theme variables, CSS and fonts from front matter config', () => {
    const src = diagram(
      [
        'title: Flow',
        'config:',
        '  theme: forest',
        '  themeVariables:',
        '    primaryColor: "notacolor"',
        '  themeCSS: ".node { background: url(https://evil.example/x.png) }"',
        '  fontFamily: "Comic Sans MS"',
        '  flowchart:',
        '    curve: basis',
        '    "fontFamily": x',
        '  darkMode: true',
      ].join('\n'),
    );
    expect(cleanMermaidSource(src)).toBe(
      '---\ntitle: Flow\nconfig:\n  flowchart:\n    curve: basis\n---\ngraph LR\n  A --> B',
    );
  });

  it('drops front matter left with nothing, and keys Mermaid does not read', () => {
    expect(cleanMermaidSource(diagram('config:\n  themeVariables:\n    primaryColor: red'))).toBe(
      '---\nconfig:\n---\ngraph LR\n  A --> B',
    );
    expect(cleanMermaidSource(diagram('other: 1\n  themeCSS: x'))).toBe('graph LR\n  A --> B');
  });

  it('keeps only the title when the YAML is more than simple keys (flow style, anchors)', () => {
    for (const tricky of [
      'title: T\nconfig: { themeCSS: "x" }',
      'title: T\nconfig:\n  themeVariables: &v { primaryColor: "x" }',
      'title: T\nconfig:\n  "theme\\u0043SS": x',
      'title: T\nconfig:\n  ? themeCSS\n  : x',
      'title: T\nconfig:\n  - themeCSS: x',
    ])
      expect(cleanMermaidSource(diagram(tricky))).toBe('---\ntitle: T\n---\ngraph LR\n  A --> B');
  });

  it('finds front matter after an init directive, with Windows line endings', () => {
    const src =
      '%%{init: {"theme":"dark"}}%%\r\n---\r\nconfig:\r\n  theme: dark\r\n---\r\ngraph LR';
    expect(cleanMermaidSource(src)).toBe('---\nconfig:\n---\ngraph LR');
  });

  it('cannot be fooled by a removed line above the front matter', () => {
    const src = 'click A call x()\n---\nconfig:\n  themeCSS: x\n---\ngraph LR';
    expect(cleanMermaidSource(src)).toBe('---\nconfig:\n---\ngraph LR');
  });

  it('leaves a diagram without front matter as it was', () => {
    expect(cleanMermaidSource('graph LR\n  A --- B\n---')).toBe('graph LR\n  A --- B\n---');
  });
});

describe('withoutThemeSettings', () => {
  it('reads a second front matter that becomes the first once the first is gone', () => {
    const src = '---\nother: 1\n---\n\n---\nconfig:\n  themeCSS: x\n---\ngraph LR';
    expect(withoutThemeSettings(src)).toBe('---\nconfig:\n---\ngraph LR');
  });

  it('finds a closing line followed by odd whitespace, as Mermaid does', () => {
    const src = '---\nconfig:\n  themeCSS: x\n---\u00a0\ngraph LR';
    expect(withoutThemeSettings(src)).toBe('---\nconfig:\n---\ngraph LR');
  });
});
