// @vitest-environment jsdom
// Guards issue 10: card Markdown never loads an image from another host before the person allows
// it for that deck, and no srcset slips past that gate.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MarkdownView, preloadMarkdownRenderer } from './markdown-view.tsx';
import { RemoteImagesProvider } from './remote-images.tsx';

beforeAll(async () => {
  await preloadMarkdownRenderer();
});

function renderCards(cards: { markdown: string; basePath: string }[], allowed: string[] = []) {
  const save = vi.fn();
  const view = render(
    <RemoteImagesProvider load={() => allowed} save={save}>
      {cards.map((c, i) => (
        <div key={i} data-testid={`card-${i}`}>
          <MarkdownView markdown={c.markdown} basePath={c.basePath} />
        </div>
      ))}
    </RemoteImagesProvider>,
  );
  return { ...view, save };
}

const srcs = (root: Element) => [...root.querySelectorAll('img')].map((i) => i.getAttribute('src'));

describe('remote images in cards', () => {
  it('shows a placeholder naming the host instead of any remote image', async () => {
    const { container } = renderCards([
      {
        markdown: [
          '![cat](https://i.imgur.com/cat.png)',
          '<img src="http://evil.example/a.png">',
          '![rel](//cdn.example.com/x.png)',
          '![local](img/a.png)',
        ].join('\n\n'),
        basePath: 'a.md',
      },
    ]);
    await screen.findByText('Image from i.imgur.com: cat');
    expect(screen.getByText('Image from evil.example')).toBeTruthy();
    expect(screen.getByText('Image from cdn.example.com: rel')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Show images from this deck' })).toHaveLength(3);
    expect(srcs(container)).toEqual(['./decks/img/a.png']);
  });

  it('shows the images of that deck, and only that deck, after a click, and saves the choice', async () => {
    const markdown = '![cat](https://i.imgur.com/cat.png)';
    const { save } = renderCards([
      { markdown, basePath: 'a.md' },
      { markdown, basePath: 'b.md' },
    ]);
    const [allowA] = await screen.findAllByRole('button', { name: 'Show images from this deck' });
    fireEvent.click(allowA!);
    await waitFor(() =>
      expect(srcs(screen.getByTestId('card-0'))).toEqual(['https://i.imgur.com/cat.png']),
    );
    expect(srcs(screen.getByTestId('card-1'))).toEqual([]);
    expect(save).toHaveBeenCalledWith(['a.md']);
  });

  it('shows remote images at once for a deck allowed before', async () => {
    const { container } = renderCards(
      [{ markdown: '![cat](https://i.imgur.com/cat.png)', basePath: 'a.md' }],
      ['a.md'],
    );
    await waitFor(() => expect(srcs(container)).toEqual(['https://i.imgur.com/cat.png']));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('drops srcset from <picture><source>, so only the gated <img> remains', async () => {
    const { container } = renderCards([
      {
        markdown:
          '<picture><source srcset="https://evil.example/a.png 1x" media="(min-width: 1px)"><img src="https://i.imgur.com/z.png" alt="z"></picture>',
        basePath: 'a.md',
      },
    ]);
    await screen.findByText('Image from i.imgur.com: z');
    expect(container.querySelector('[srcset]')).toBeNull();
    expect(container.innerHTML).not.toContain('evil.example');
    expect(srcs(container)).toEqual([]);
  });
});
