// @vitest-environment jsdom
// Guards: a diagram whose config made Mermaid throw stays in Mermaid's global directives and
// broke `initialize` for every later diagram until reload; the next render clears it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderMermaid } from './mermaid-render.ts';

const mermaid = vi.hoisted(() => {
  let stuck = false;
  return {
    poison: () => {
      stuck = true;
    },
    initialize: vi.fn(() => {
      if (stuck) throw new Error('Unsupported color format: "notacolor"');
    }),
    mermaidAPI: {
      reset: vi.fn(() => {
        stuck = false;
      }),
    },
    render: vi.fn(async (id: string) => ({ svg: `<svg id="${id}"></svg>` })),
  };
});
vi.mock('mermaid', () => ({ default: mermaid }));

beforeEach(() => {
  mermaid.initialize.mockClear();
  mermaid.mermaidAPI.reset.mockClear();
});

describe('renderMermaid after a diagram that left bad config behind', () => {
  it('clears Mermaid’s leftover config and draws', async () => {
    mermaid.poison();
    await expect(renderMermaid('m1', 'graph LR\n  A --> B')).resolves.toBe('<svg id="m1"></svg>');
    expect(mermaid.mermaidAPI.reset).toHaveBeenCalledTimes(1);
    expect(mermaid.initialize).toHaveBeenCalledTimes(2);
  });

  it('does not reset when initialize succeeds', async () => {
    await renderMermaid('m2', 'graph LR');
    expect(mermaid.mermaidAPI.reset).not.toHaveBeenCalled();
  });
});
