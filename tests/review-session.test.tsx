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
    const good = screen.getByRole('button', { name: /^Good 10m$/ });
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

  // Guards issue 9: Enter/Space on a focused button do what that button does, never "Good".
  it('Enter on a tabbed-to rating button gives that rating', async () => {
    const user = userEvent.setup();
    const { dbName } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    await waitFor(() => expect(screen.getByRole('button', { name: /Show answer/ })).toHaveFocus());
    await user.keyboard('{Enter}');
    await screen.findByTestId('answer');
    expect(screen.getByRole('button', { name: /^Good/ })).toHaveFocus();
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: /^Again/ })).toHaveFocus();
    now += 3000;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));

    await user.keyboard(' ');
    await screen.findByTestId('answer');
    await user.tab();
    expect(screen.getByRole('button', { name: /^Easy/ })).toHaveFocus();
    now += 3000;
    await user.keyboard(' ');
    await waitFor(() => expect(question()).toContain('Capital of Peru?'));

    const repo = await openRepository({ dbName, channelName: `${dbName}-check` });
    expect((await repo.readFullLog()).map((e) => e.rating)).toEqual([1, 4]);
    repo.close();
  });

  it('Space on "Suspend card" suspends it instead of showing the answer', async () => {
    const user = userEvent.setup();
    const { store } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    screen.getByRole('button', { name: /Suspend card/ }).focus();
    await user.keyboard(' ');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));
    expect(screen.queryByTestId('answer')).toBeNull();
    const france = store.getState().decks[0]!.cards[0]!.id;
    expect(store.getState().states.get(france)?.suspended).toBe(true);
  });

  it('Enter on "End session" with nothing studied goes home and stores no answer', async () => {
    const user = userEvent.setup();
    const { dbName } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    screen.getByRole('button', { name: /End session/ }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    const repo = await openRepository({ dbName, channelName: `${dbName}-check` });
    expect(await repo.readFullLog()).toEqual([]);
    repo.close();
  });

  // Guards issue 9: ending partway shows what was done, and the summary's keys work.
  it('ending partway shows the session so far; U undoes from there and Esc goes home', async () => {
    const user = userEvent.setup();
    const { dbName } = await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    await user.keyboard(' ');
    await screen.findByTestId('answer');
    now += 7000;
    await user.keyboard('2');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));

    await user.click(screen.getByRole('button', { name: /End session/ }));
    expect(await screen.findByRole('heading', { name: 'Session ended' })).toBeInTheDocument();
    expect(screen.queryByText(/Congratulations/)).toBeNull();
    expect(screen.getByText(/You studied 1 card in 7 s/)).toBeInTheDocument();
    expect(screen.getByText('Hard: 1')).toBeInTheDocument();
    expect(screen.getByTestId('remaining')).toHaveTextContent(
      // France again (learning, after Hard), Japan and Peru.
      '3 cards are still waiting for today',
    );
    const undo = screen.getByRole('button', { name: /Undo the last answer/ });
    expect(undo).toHaveAttribute('aria-keyshortcuts', 'u Control+z Meta+z');
    expect(window.location.hash).toBe('#/review/capitals');

    // U brings the answered card back, question side up.
    await user.keyboard('u');
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    let repo = await openRepository({ dbName, channelName: `${dbName}-check1` });
    expect(await repo.readFullLog()).toEqual([]);
    repo.close();

    await user.keyboard(' ');
    await screen.findByTestId('answer');
    await user.keyboard('3');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { name: 'Session ended' })).toBeInTheDocument();
    // Ctrl+Z undoes too; then ending again and Esc on the summary goes home.
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    await user.keyboard(' ');
    await screen.findByTestId('answer');
    await user.keyboard('4');
    await waitFor(() => expect(question()).toContain('Capital of Japan?'));
    await user.keyboard('{Escape}');
    await screen.findByRole('heading', { name: 'Session ended' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    repo = await openRepository({ dbName, channelName: `${dbName}-check2` });
    expect((await repo.readFullLog()).map((e) => e.rating)).toEqual([4]);
    repo.close();
  });

  it('the finished summary undoes with U and goes home with Esc', async () => {
    const user = userEvent.setup();
    await mountApp();
    for (const q of ['France', 'Japan', 'Peru']) {
      await waitFor(() => expect(question()).toContain(`Capital of ${q}?`));
      await user.keyboard(' ');
      await screen.findByTestId('answer');
      await user.keyboard('4');
    }
    expect(await screen.findByText(/Congratulations/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Back to decks/ })).toHaveFocus();
    await user.keyboard('U');
    await waitFor(() => expect(question()).toContain('Capital of Peru?'));
    await user.keyboard(' ');
    await screen.findByTestId('answer');
    await user.keyboard('4');
    await screen.findByText(/Congratulations/);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/'));
  });

  // Guards issue 9: the shortcut overlay keeps focus inside, gives it back, and Esc only closes it.
  it('the shortcut dialog traps focus, returns it, and Esc closes only the dialog', async () => {
    const user = userEvent.setup();
    await mountApp();
    await waitFor(() => expect(question()).toContain('Capital of France?'));
    const reveal = screen.getByRole('button', { name: /Show answer/ });
    // The screen moves focus in an effect after the card is drawn: on a loaded machine a moment later.
    await waitFor(() => expect(reveal).toHaveFocus());
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(dialog).getByRole('button', { name: /^Close/ });
    expect(close).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    // Keys meant for the review do nothing while it is open.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reveal).toHaveFocus();
    expect(screen.queryByTestId('answer')).toBeNull();

    await user.click(screen.getByRole('button', { name: /Shortcuts/ }));
    await screen.findByRole('dialog');
    await user.keyboard('@');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(question()).toContain('Capital of France?');
    expect(window.location.hash).toBe('#/review/capitals');
    expect(screen.getByRole('button', { name: /Shortcuts/ })).toHaveFocus();
  });
});
