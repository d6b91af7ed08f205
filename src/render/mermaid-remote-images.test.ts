// Guards issue 10: a diagram's label <img> or image shape made Mermaid fetch from another host.
import { describe, expect, it } from 'vitest';
import { cleanMermaidSource } from './mermaid-source.ts';

describe('cleanMermaidSource and images', () => {
  it('removes <img> tags from labels, however written', () => {
    const source = [
      'graph LR',
      `  A["<img src='https://i.imgur.com/a.png'> label"] --> B["<IMG/src=//evil.example/b.png>x"]`,
    ].join('\n');
    const cleaned = cleanMermaidSource(source);
    expect(cleaned).not.toMatch(/<img/i);
    expect(cleaned).not.toContain('imgur');
    expect(cleaned).not.toContain('evil.example');
    expect(cleaned).toContain('label');
  });

  it('empties the image of an image shape', () => {
    const cleaned = cleanMermaidSource(
      'graph LR\n  C@{ img: "https://i.imgur.com/shape.png", label: "shape", w: 60 }',
    );
    expect(cleaned).toBe('graph LR\n  C@{ img: "", label: "shape", w: 60 }');
  });

  it('leaves diagrams without images as they were', () => {
    expect(cleanMermaidSource('graph LR\n  A[image: a] --> B')).toBe(
      'graph LR\n  A[image: a] --> B',
    );
  });
});
