// @vitest-environment jsdom
// Settings and the deck browser through the real store and storage (fake-indexeddb).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountApp } from './mount-app.tsx';

const DECK = ['Alpha?', 'Beta?', 'Gamma?']
  .map(
    (q) => `!!! Question ""\n    === "Question"\n        #### ${q}\n    === "Answer"\n        A\n`,
  )
  .join('\n');

async function mount(hash: string) {
  return (await mountApp(hash, DECK)).store;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  window.location.hash = '';
});

describe('settings', () => {
  it('refuses out-of-range values with a sentence and saves valid ones', async () => {
    const user = userEvent.setup();
    const store = await mount('#/settings');
    const retention = await screen.findByLabelText('Desired retention');
    await user.clear(retention);
    await user.type(retention, '0.5');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/between 0.70 and 0.99/)).toBeInTheDocument();
    expect(retention).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().settings.desiredRetention).toBe(0.9);

    await user.clear(retention);
    await user.type(retention, '0.85');
    const perDay = screen.getByLabelText('New cards per day');
    await user.clear(perDay);
    await user.type(perDay, '5');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(store.getState().settings.desiredRetention).toBe(0.85));
    expect(store.getState().settings.newPerDay).toBe(5);
  });
});

describe('deck browser', () => {
  it('searches, sorts, suspends and shows a card’s history', async () => {
    const user = userEvent.setup();
    const store = await mount('#/browse/greek');
    const table = await screen.findByRole('table', { name: 'Cards' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await user.type(screen.getByLabelText('Search cards'), 'gam');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await user.clear(screen.getByLabelText('Search cards'));
    await user.click(within(table).getByRole('button', { name: 'Question' }));
    await user.click(within(table).getByRole('button', { name: 'Question' }));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Gamma?');

    await user.click(within(table).getByRole('button', { name: 'Beta?' }));
    const details = await screen.findByRole('region', { name: 'Card details' });
    await user.click(within(details).getByRole('button', { name: 'Suspend' }));
    const beta = store.getState().decks[0]!.cards[1]!.id;
    await waitFor(() => expect(store.getState().states.get(beta)?.suspended).toBe(true));
    expect(within(table).getByText('Suspended')).toBeInTheDocument();
    expect(await within(details).findByRole('table', { name: 'Review history' })).toHaveTextContent(
      'Suspended',
    );
  });
});
