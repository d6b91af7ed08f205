// @vitest-environment jsdom
// Guards: the "storage may be cleared" banner showed on every visit with no way to act on it or
// dismiss it.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import { createRecallStore, setAppStore } from '../src/app/store.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { openRepository } from '../src/storage/repository.ts';

const DECK =
  '!!! Question ""\n    === "Question"\n        #### Alpha?\n    === "Answer"\n        A\n';
let n = 0;

async function mount(persist: () => Promise<boolean>) {
  Object.defineProperty(navigator, 'storage', { value: { persist }, configurable: true });
  const dbName = `recall-notice-${++n}`;
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: dbName }),
    loadDecks: () => [parseDeck(DECK, 'greek.md')],
    now: () => new Date('2026-11-24T15:00:00-05:00').getTime(),
    requestPersistence: () => Promise.resolve(false),
  });
  setAppStore(store);
  await store.getState().init();
  return render(<App />);
}

const banner = () => screen.queryByText(/may clear Recall’s storage/);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
  window.location.hash = '';
});

describe('the storage notice', () => {
  it('asks the browser to keep storage and goes away when it agrees', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    await mount(persist);
    expect(banner()).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Keep my data on this device' }));
    expect(persist).toHaveBeenCalledOnce();
    await waitFor(() => expect(banner()).not.toBeInTheDocument());
    window.location.hash = '#/settings';
    await screen.findByRole('button', { name: 'Save settings' });
    window.location.hash = '#/';
    await screen.findByRole('table', { name: 'Decks' });
    expect(banner()).not.toBeInTheDocument();
  });

  it('says so when the browser refuses, and stays dismissed after a reload', async () => {
    const view = await mount(() => Promise.resolve(false));
    await userEvent.click(screen.getByRole('button', { name: 'Keep my data on this device' }));
    expect(
      await screen.findByText(/browser declined to keep Recall’s storage/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /export a backup/ })).toHaveAttribute(
      'href',
      '#/settings',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Don’t show again' }));
    expect(screen.queryByText(/declined/)).not.toBeInTheDocument();
    view.unmount();
    await mount(() => Promise.resolve(false));
    await screen.findByRole('table', { name: 'Decks' });
    expect(banner()).not.toBeInTheDocument();
  });
});
