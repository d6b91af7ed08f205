// @vitest-environment jsdom
// The review session through the real store, scheduler and storage (fake-indexeddb), driven the
// way a person does it: by keyboard and by pointer, with undo and the end-of-session summary.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import { createRecallStore, setAppStore } from '../src/app/store.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { openRepository } from '../src/storage/repository.ts';

vi.mock('../src/render/markdown-view.tsx', () => ({
  // Rendering is tested in src/render; here plain text keeps the session flow in focus.
  MarkdownView: ({ markdown }: { markdown: string }) => <div className="md">{markdown}</div>,
  preloadMarkdownRenderer: () => Promise.resolve({}),
}));

const DECK = `# Capitals

!!! Question ""
    === "Question"
        #### Capital of France?

    === "Answer"
        Paris

!!! Question ""
    === "Question"
        #### Capital of Japan?

    === "Answer"
        Tokyo

!!! Question ""
    === "Question"
        #### Capital of Peru?

    === "Answer"
        Lima
`;

let now = new Date('2026-11-24T15:00:00-05:00').getTime();
let dbCount = 0;

const prepareCard = vi.fn();

async function mountApp(hash = '#/review/capitals') {
  const dbName = `recall-session-${++dbCount}`;
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: dbName }),
    loadDecks: () => [parseDeck(DECK, 'capitals.md')],
    now: () => now,
    prepareCard,
  });
  setAppStore(store);
  await store.getState().init();
  window.location.hash = hash;
  render(<App />);
  return { store, dbName };
}

const question = () => document.querySelector('section.question')?.textContent ?? '';

beforeEach(() => {
  prepareCard.mockClear();
  globalThis.indexedDB = new IDBFactory();
  now = new Date('2026-11-24T15:00:00-05:00').getTime();
});
afterEach(() => {
  window.location.hash = '';
});

describe('a review session', () => {
  it('goes through every card by keyboard and ends with a summary', async () => {
    const user = userEvent.setup();
    const { store } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    expect(screen.queryByTestId('answer')).toBeNull();

    await user.keyboard(' ');
    expect(await screen.findByTestId('answer')).toHaveTextContent('Paris');
    const good = screen.getByRole('button', { name: /^Good, next in/ });
    expect(good).toHaveTextContent('10m');
    now += 5000;
    await user.keyboard('3');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));

    await user.keyboard('{Enter}');
    await screen.findByTestId('answer');
    await user.keyboard('{Enter}'); // Enter again is Good
    await waitFor(() => expect(question()).toContain('Capital of Peru?'));

    await user.keyboard(' ');
    await screen.findByTestId('answer');
    await user.keyboard('4'); // Easy: graduates at once
    // Only learning cards are left, due within 20 minutes: the session shows them rather than ending.
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    expect(store.getState().session?.answers).toHaveLength(3);
    expect(store.getState().session?.answers[0]?.durationMs).toBe(5000);

    for (let i = 0; i < 2; i++) {
      await user.keyboard(' ');
      await screen.findByTestId('answer');
      await user.keyboard('4');
    }
    expect(await screen.findByText(/Congratulations/)).toBeInTheDocument();
    expect(screen.getByText(/5 cards in/)).toBeInTheDocument();
    expect(screen.getByText('Easy: 3')).toBeInTheDocument();
    expect(screen.getByTestId('next-due')).toHaveTextContent(/next card is due/);
  });

  it('renders the next card ahead while the answer is read, not before', async () => {
    const user = userEvent.setup();
    await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    await new Promise((r) => setTimeout(r, 20));
    expect(prepareCard).not.toHaveBeenCalled();
    await user.keyboard(' ');
    await screen.findByTestId('answer');
    await waitFor(() => expect(prepareCard).toHaveBeenCalledTimes(1));
    const [card, deck] = prepareCard.mock.calls[0]!;
    expect(card.question).toContain('Capital of Japan?');
    expect(deck.path).toBe('capitals.md');
  });

  it('works by pointer, and undo brings the last card back, also after a reload', async () => {
    const user = userEvent.setup();
    const { store, dbName } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    await user.click(screen.getByRole('button', { name: /Show answer/ }));
    await user.click(await screen.findByRole('button', { name: /^Again/ }));
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));
    expect(store.getState().states.get(store.getState().decks[0]!.cards[0]!.id)?.sched.phase).toBe(
      'learning',
    );

    await user.keyboard('u');
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    expect(store.getState().states.get(store.getState().decks[0]!.cards[0]!.id)).toBeUndefined();

    await user.click(screen.getByRole('button', { name: /Show answer/ }));
    await user.click(await screen.findByRole('button', { name: /^Good/ }));
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));

    // Reload: a new store on the same database still has the answer, and can undo it.
    const repoCheck = await openRepository({ dbName, channelName: `${dbName}-check` });
    expect((await repoCheck.readFullLog()).map((e) => e.rating)).toEqual([3]);
    repoCheck.close();
    await act(async () => {
      const reloaded = createRecallStore({
        openRepository: () => openRepository({ dbName, channelName: dbName }),
        loadDecks: () => [parseDeck(DECK, 'capitals.md')],
        now: () => now,
      });
      setAppStore(reloaded);
      await reloaded.getState().init();
      expect(reloaded.getState().undoStack).toHaveLength(1);
      await reloaded.getState().undo();
      expect(reloaded.getState().states.size).toBe(0);
    });
    const repoAfter = await openRepository({ dbName, channelName: `${dbName}-after` });
    expect(await repoAfter.readFullLog()).toEqual([]);
    repoAfter.close();
  });

  it('suspends the current card with @ and never shows it again', async () => {
    const user = userEvent.setup();
    const { store } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    await user.keyboard('@');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));
    const france = store.getState().decks[0]!.cards[0]!.id;
    expect(store.getState().states.get(france)?.suspended).toBe(true);
    const counts = within(screen.getByLabelText('Cards left'));
    expect(counts.getByTitle('New')).toHaveTextContent('2');
  });
});
