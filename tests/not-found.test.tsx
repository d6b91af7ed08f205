// @vitest-environment jsdom
// Guards: an unknown deck in #/review read "Congratulations! You have finished", and unknown
// addresses (#/nonsense, #/browse/nope) showed Home as if nothing were wrong.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountApp } from './mount-app.tsx';

const DECK =
  '!!! Question ""\n    === "Question"\n        #### Alpha?\n    === "Answer"\n        A\n';

async function mount(hash: string) {
  await mountApp(hash, DECK);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  window.location.hash = '';
});

const homeLink = () => screen.getByRole('link', { name: 'Back to your decks' });

describe('addresses Recall has no screen for', () => {
  it('names the unknown deck of a review instead of congratulating', async () => {
    await mount('#/review/nope');
    expect(await screen.findByRole('heading', { name: 'No such deck' })).toBeInTheDocument();
    expect(screen.getByText(/No deck called “nope”/)).toBeInTheDocument();
    expect(screen.queryByText(/Congratulations/)).not.toBeInTheDocument();
    expect(homeLink()).toHaveAttribute('href', '#/');
  });

  it('names every unknown deck of a multi-deck review, and an unknown deck to browse', async () => {
    await mount('#/review/greek,x,y');
    expect(await screen.findByText(/No decks called “x” or “y”/)).toBeInTheDocument();
    window.location.hash = '#/browse/nope';
    expect(await screen.findByText(/No deck called “nope”/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Decks' })).not.toBeInTheDocument();
  });

  it('says there is no page at an unknown address', async () => {
    await mount('#/nonsense');
    expect(await screen.findByText('There is no page at “#/nonsense”.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Decks' })).not.toBeInTheDocument();
    expect(homeLink()).toBeInTheDocument();
  });

  it('still opens a known deck', async () => {
    await mount('#/browse/greek');
    expect(await screen.findByRole('table', { name: 'Cards' })).toBeInTheDocument();
  });
});

describe('home', () => {
  // Guards "1 cards" under a deck of one card.
  it('counts one card in the singular', async () => {
    await mount('#/');
    const table = await screen.findByRole('table', { name: 'Decks' });
    expect(table).toHaveTextContent('1 card');
    expect(table).not.toHaveTextContent('1 cards');
  });
});
