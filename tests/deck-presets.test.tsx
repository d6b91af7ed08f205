// @vitest-environment jsdom
// Guards: assigning a limit preset to a deck in Settings changes that deck's count on Home (and
// only that deck's), and Home's count is what a session of that deck then offers.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/app/app.tsx';
import { createRecallStore, setAppStore } from '../src/app/store.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { openRepository } from '../src/storage/repository.ts';
import { TEST_NOW } from './mount-app.tsx';

const deck = (title: string, n: number) =>
  `# ${title}\n\n` +
  Array.from(
    { length: n },
    (_, i) =>
      `!!! Question ""\n    === "Question"\n        #### ${title} ${i}?\n    === "Answer"\n        A\n`,
  ).join('\n');

let databases = 0;
async function mount(hash: string) {
  const dbName = `recall-presets-${++databases}`;
  const store = createRecallStore({
    openRepository: () => openRepository({ dbName, channelName: dbName }),
    loadDecks: () => [
      parseDeck(deck('Greek', 4), 'lang/greek.md'),
      parseDeck(deck('Latin', 4), 'lang/latin.md'),
    ],
    now: () => TEST_NOW,
  });
  setAppStore(store);
  await store.getState().init();
  window.location.hash = hash;
  render(<App />);
  return store;
}

const newCount = async (title: string) => {
  const table = await screen.findByRole('table', { name: 'Decks' });
  const row = within(table).getByText(title).closest('tr')!;
  return Number(within(row).getByTestId('new').textContent);
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  window.location.hash = '';
});

// Typing into the form with user-event takes seconds on a loaded 2-core machine: more than
// vitest's default 5 s once the suite runs in parallel.
describe('limit presets', { timeout: 30_000 }, () => {
  it("assigning a preset to a deck changes that deck's count on Home, as its session counts", async () => {
    const user = userEvent.setup();
    const store = await mount('#/settings');
    await user.click(await screen.findByRole('button', { name: 'New preset' }));
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Light');
    const perDay = within(screen.getByRole('group', { name: 'Limits of Light' })).getByLabelText(
      'New cards a day',
    );
    await user.clear(perDay);
    await user.type(perDay, '1');
    await user.selectOptions(screen.getByLabelText('Preset for lang/latin.md'), 'Light');
    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    expect(await screen.findByText('Presets saved.')).toBeInTheDocument();
    expect(store.getState().settings.deckPresets).toEqual({ 'lang/latin.md': 'preset-1' });

    window.location.hash = '#/';
    expect(await newCount('Latin')).toBe(1);
    expect(await newCount('Greek')).toBe(4);

    const latin = store.getState().decks.find((d) => d.path === 'lang/latin.md')!;
    store.getState().startSession([latin.id]);
    expect(store.getState().session!.counts.new).toBe(1);
  });

  it('deleting a preset asks first, then its decks use Default again', async () => {
    const user = userEvent.setup();
    const store = await mount('#/settings');
    await store.getState().saveSettings({
      ...store.getState().settings,
      presets: [{ id: 'p', name: 'Tiny', newPerDay: 2, reviewsPerDay: 10 }],
      deckPresets: { lang: 'p', 'lang/greek.md': 'p' },
    });
    await user.selectOptions(await screen.findByLabelText('Preset to edit'), 'Tiny');
    await user.click(screen.getByRole('button', { name: 'Delete “Tiny”…' }));
    expect(screen.getByText(/2 decks and folders use it and will use Default/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete preset' }));
    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    await waitFor(() => expect(store.getState().settings.presets).toEqual([]));
    expect(store.getState().settings.deckPresets).toEqual({});
  });

  it("a deck's own limit for today shows on Home at once, and only on that deck", async () => {
    const user = userEvent.setup();
    const store = await mount('#/settings');
    const today = await screen.findByLabelText('New today only for lang/latin.md');
    await user.type(today, '2');
    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    expect(await screen.findByText('Presets saved.')).toBeInTheDocument();
    expect(store.getState().settings.deckLimits).toEqual({
      'lang/latin.md': { today: { day: expect.any(Number), newPerDay: 2 } },
    });
    window.location.hash = '#/';
    expect(await newCount('Latin')).toBe(2);
    expect(await newCount('Greek')).toBe(4);
  });
});
