// @vitest-environment jsdom
// Guards (issue 13): decks in sub-folders show under a folder row that collapses (remembered on
// the device) and that can be studied as a whole, its session offering what its row counts under
// the folder's own limits.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import { createRecallStore, setAppStore } from '../src/app/store.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { COLLAPSED_FOLDERS_KEY } from '../src/library/use-collapsed-folders.ts';
import { openRepository } from '../src/storage/repository.ts';
import { TEST_NOW } from './mount-app.tsx';

vi.mock('../src/render/markdown-view.tsx', () => ({
  MarkdownView: ({ markdown }: { markdown: string }) => <div className="md">{markdown}</div>,
  preloadMarkdownRenderer: () => Promise.resolve({}),
}));

const deck = (title: string, n: number) =>
  `# ${title}\n\n` +
  Array.from(
    { length: n },
    (_, i) =>
      `!!! Question ""\n    === "Question"\n        #### ${title} ${i}?\n    === "Answer"\n        A\n`,
  ).join('\n');

let databases = 0;
async function mount(hash = '#/') {
  const dbName = `recall-nested-${++databases}`;
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: dbName }),
    loadDecks: () => [
      parseDeck(deck('NLP', 2), 'ml/nlp.md'),
      parseDeck(deck('Vision', 2), 'ml/vision.md'),
      parseDeck(deck('Top', 2), 'top.md'),
      parseDeck(deck('Only', 4), 'solo/only.md'),
    ],
    now: () => TEST_NOW,
  });
  setAppStore(store);
  await store.getState().init();
  window.location.hash = hash;
  const view = render(<App />);
  return { store, view };
}

const deckRowIds = () =>
  [...document.querySelectorAll('tr[data-deck]')].map((r) => r.getAttribute('data-deck'));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
});
afterEach(() => {
  window.location.hash = '';
});

describe('nested decks on Home', () => {
  it('collapses and expands a folder from its disclosure button, remembered across a reload', async () => {
    const user = userEvent.setup();
    const { view } = await mount();
    const toggle = await screen.findByRole('button', { name: 'ml' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle.closest('tr')).toHaveAttribute('data-folder', 'ml');
    expect(deckRowIds()).toEqual(['ml/nlp', 'ml/vision', 'solo/only', 'top']);

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(deckRowIds()).toEqual(['solo/only', 'top']);
    expect(JSON.parse(localStorage.getItem(COLLAPSED_FOLDERS_KEY)!)).toEqual(['ml']);

    // A reload: the app drawn again from scratch keeps the folder closed.
    view.unmount();
    render(<App />);
    const again = await screen.findByRole('button', { name: 'ml' });
    expect(again).toHaveAttribute('aria-expanded', 'false');
    expect(deckRowIds()).toEqual(['solo/only', 'top']);

    // The keyboard opens it too: the button is a Tab stop and Enter toggles it.
    again.focus();
    await user.keyboard('{Enter}');
    expect(again).toHaveAttribute('aria-expanded', 'true');
    expect(deckRowIds()).toEqual(['ml/nlp', 'ml/vision', 'solo/only', 'top']);
    expect(JSON.parse(localStorage.getItem(COLLAPSED_FOLDERS_KEY)!)).toEqual([]);
  });

  it('studies a folder as a whole: both decks’ cards, capped by the folder’s preset as its row says', async () => {
    const user = userEvent.setup();
    const { store } = await mount();
    await store.getState().saveSettings({
      ...store.getState().settings,
      presets: [{ id: 'p', name: 'Three', newPerDay: 3, reviewsPerDay: 200 }],
      deckPresets: { ml: 'p' },
    });
    const table = await screen.findByRole('table', { name: 'Decks' });
    const folderRow = table.querySelector('tr[data-folder="ml"]') as HTMLElement;
    await waitFor(() => expect(within(folderRow).getByTestId('new')).toHaveTextContent('3'));
    expect(within(folderRow).getByText('2 decks · 4 cards')).toBeInTheDocument();
    // Each deck alone still offers its own two.
    const nlpRow = table.querySelector('tr[data-deck="ml/nlp"]') as HTMLElement;
    expect(within(nlpRow).getByTestId('new')).toHaveTextContent('2');
    expect(within(folderRow).queryByRole('button', { name: /Browse/ })).toBeNull();

    await user.click(within(folderRow).getByRole('button', { name: 'Study ml' }));
    expect(window.location.hash).toBe('#/review/ml%2Fnlp,ml%2Fvision?folder=ml');
    const location = await screen.findByRole('navigation', { name: 'Card location' });
    expect(location.textContent).toMatch(/^ml › (NLP|Vision)$/);
    const session = store.getState().session!;
    expect(session.folder).toBe('ml');
    expect(new Set(session.cards.map((c) => c.deckId))).toEqual(new Set(['ml/nlp', 'ml/vision']));
    expect(session.counts).toEqual({ new: 3, learning: 0, review: 0 });
  });

  // Guards the folder in the address: a folder holding one deck is not that deck, so its session
  // must be told which folder it studies for the folder's own limit to apply.
  it('studies a folder that holds one deck under the folder’s limit, not the deck’s', async () => {
    const user = userEvent.setup();
    const { store } = await mount();
    await store.getState().saveSettings({
      ...store.getState().settings,
      presets: [{ id: 'p', name: 'One', newPerDay: 1, reviewsPerDay: 200 }],
      deckPresets: { solo: 'p' },
    });
    const table = await screen.findByRole('table', { name: 'Decks' });
    const folderRow = table.querySelector('tr[data-folder="solo"]') as HTMLElement;
    const deckRow = table.querySelector('tr[data-deck="solo/only"]') as HTMLElement;
    await waitFor(() => expect(within(folderRow).getByTestId('new')).toHaveTextContent('1'));
    expect(within(deckRow).getByTestId('new')).toHaveTextContent('4');

    await user.click(within(folderRow).getByRole('button', { name: 'Study solo' }));
    await screen.findByRole('navigation', { name: 'Card location' });
    expect(store.getState().session!.counts.new).toBe(1);
  });
});
