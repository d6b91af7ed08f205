// Guards: a wide diagram must not shrink to unreadable labels on a phone.
import { describe, expect, it } from 'vitest';
import { reservedHeightPx } from './mermaid-diagram.tsx';
import { MIN_DIAGRAM_SCALE, withMinimumWidth } from './mermaid-render.ts';
import { mermaidBlocks } from './mermaid-source.ts';

describe('withMinimumWidth', () => {
  it('lets a diagram shrink only to three quarters of its natural width', () => {
    const svg =
      '<svg id="m1" width="100%" style="max-width: 1127.5px;" viewBox="0 0 1127 70"><g/></svg>';
    expect(withMinimumWidth(svg)).toBe(
      '<svg id="m1" width="100%" style="max-width: 1127.5px; min-width: 846px;" viewBox="0 0 1127 70"><g/></svg>',
    );
    expect(MIN_DIAGRAM_SCALE).toBeGreaterThanOrEqual(0.7);
  });

  it('leaves an SVG without a natural width alone', () => {
    expect(withMinimumWidth('<svg width="300"><g/></svg>')).toBe('<svg width="300"><g/></svg>');
  });
});

describe('reservedHeightPx', () => {
  it('reserves a row for a left-to-right flowchart, more for a top-down one', () => {
    const lr = 'graph LR\n  A --> B\n  B --> C';
    const td = 'graph TD\n  A --> B\n  B --> C\n  C --> D';
    expect(reservedHeightPx(lr)).toBe(96);
    expect(reservedHeightPx(td)).toBeGreaterThan(200);
    expect(reservedHeightPx(`${td}\n`.repeat(40))).toBe(600);
  });

  it('does not count front matter, which is not drawn', () => {
    // Guards a tall blank space kept under diagrams whose front matter set a title or config.
    const lr = 'graph LR\n  A --> B\n  B --> C';
    const config = '---\ntitle: Flow\nconfig:\n  flowchart:\n    curve: basis\n---\n';
    expect(reservedHeightPx(`${config}${lr}`)).toBe(reservedHeightPx(lr));
  });
});

describe('mermaidBlocks', () => {
  it('finds the sources the renderer will draw, in lists and callouts too', () => {
    const md = [
      '```mermaid',
      'graph LR',
      '  A --> B',
      '```',
      '',
      '- item',
      '',
      '    ```mermaid',
      '    graph TD',
      '      C --> D',
      '    ```',
      '',
      '> [!NOTE]',
      '> ```mermaid',
      '> graph LR',
      '> ```',
      '',
      '```python',
      'x = 1',
      '```',
    ].join('\n');
    expect(mermaidBlocks(md)).toEqual(['graph LR\n  A --> B', 'graph TD\n  C --> D', 'graph LR']);
  });
});
