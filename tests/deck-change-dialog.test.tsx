// @vitest-environment jsdom
// Guards the change report dialog (issue 13) in the whole app: it lists what changes, Escape
// cancels (nothing changes), Enter confirms, and an unticked "Keep progress" leaves that card's
// progress where it was.
import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { cardId } from '../src/deck/card-id.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { mountApp } from './mount-app.tsx';

const block = (q: string, a: string) =>
  `!!! Question ""\n    === "Question"\n        ${q}\n    === "Answer"\n        ${a}\n`;
const V1 = [
  block('What is entorpy?', 'Expected information.'),
  block('What is a tensor?', 'An array.'),
  block('Why do we use dropout?', 'To regularise.'),
].join('\n');
const V2 = [
  block('What is entropy?', 'Expected information.'),
  block('What is a tensor?', 'An n-dimensional array.'),
  block('What does Adam do?', 'Adapts step sizes.'),
].join('\n');
const OLD = cardId('greek', 'What is entorpy?');
const NEW = cardId('greek', 'What is entropy?');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function appWithProgress() {
  const { store } = await mountApp('#/', V1);
  store.getState().startSession(['greek']);
  store.getState().reveal();
  await act(() => store.getState().rate(3));
  expect([...store.getState().states.keys()]).toEqual([OLD]);
  return store;
}

describe('the change report dialog', () => {
  it('lists every change; Escape cancels and nothing changes', async () => {
    const store = await appWithProgress();
    let saved = false;
    const applied = store.getState().proposeDeckChange(parseDeck(V2, 'greek.md'), async () => {
      saved = true;
    });
    const dialog = await screen.findByRole('dialog', { name: 'Update “Greek”?' });
    const d = within(dialog);
    expect(
      d.getByText('1 card added · 1 card removed · 1 answer changed · 1 question edited'),
    ).toBeInTheDocument();
    expect(d.getByText('What is entorpy?')).toHaveClass('old');
    expect(d.getByText('What is entropy?')).toHaveClass('new');
    expect(d.getByRole('checkbox', { name: 'Keep progress' })).toBeChecked();
    expect(d.getByRole('heading', { name: 'Added (1)' })).toBeInTheDocument();
    expect(d.getByText('What does Adam do?')).toBeInTheDocument();
    expect(d.getByText('Why do we use dropout?')).toBeInTheDocument();
    expect(d.getByText('What is a tensor?')).toBeInTheDocument();
    // The primary action has focus once the dialog is open.
    await waitFor(() => expect(d.getByRole('button', { name: 'Update deck' })).toHaveFocus());

    fireEvent.keyDown(window, { key: 'Escape' });
    await expect(applied).resolves.toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(saved).toBe(false);
    expect(store.getState().deckById.get('greek')!.cards[0]!.id).toBe(OLD);
  });

  it('Enter on the ticked checkbox confirms: the edited question keeps its progress', async () => {
    const store = await appWithProgress();
    const applied = store
      .getState()
      .proposeDeckChange(parseDeck(V2, 'greek.md'), async () => undefined);
    const dialog = await screen.findByRole('dialog');
    const box = within(dialog).getByRole('checkbox', { name: 'Keep progress' });
    box.focus();
    fireEvent.keyDown(box, { key: 'Enter' });
    await act(async () => {
      await expect(applied).resolves.toBe(true);
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect([...store.getState().states.keys()]).toEqual([NEW]);
    expect(store.getState().orphans).toBe(0);
  });

  it('unticked, the old question keeps its progress as an orphan', async () => {
    const store = await appWithProgress();
    const applied = store
      .getState()
      .proposeDeckChange(parseDeck(V2, 'greek.md'), async () => undefined);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Keep progress' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update deck' }));
    await act(async () => {
      await expect(applied).resolves.toBe(true);
    });
    expect([...store.getState().states.keys()]).toEqual([OLD]);
    expect(store.getState().orphans).toBe(1);
  });

  it('an orphan is linked later from the deck browser: the card gets its review history', async () => {
    const store = await appWithProgress();
    const applied = store
      .getState()
      .proposeDeckChange(parseDeck(V2, 'greek.md'), async () => undefined);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Keep progress' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update deck' }));
    await act(async () => {
      await applied;
    });
    expect(store.getState().orphans).toBe(1);

    act(() => {
      window.location.hash = `#/browse/greek?card=${encodeURIComponent(NEW)}`;
    });
    const summary = await screen.findByText('Link progress from a removed card…');
    fireEvent.click(summary);
    const choice = await screen.findByLabelText(/What is entorpy\? · 1 review/);
    fireEvent.click(choice);
    fireEvent.click(screen.getByRole('button', { name: 'Link progress' }));
    await waitFor(() => expect([...store.getState().states.keys()]).toEqual([NEW]));
    expect(store.getState().orphans).toBe(0);
    await waitFor(() =>
      expect(screen.queryByText('Link progress from a removed card…')).toBeNull(),
    );
    const history = await screen.findByRole('table', { name: 'Review history' });
    expect(within(history).getAllByRole('row')).toHaveLength(2); // the header and one answer
  });

  it('a card with progress, or a deck without orphans, offers no linking', async () => {
    const store = await appWithProgress();
    act(() => {
      window.location.hash = `#/browse/greek?card=${encodeURIComponent(OLD)}`;
    });
    await screen.findByRole('region', { name: 'Card details' });
    expect(screen.queryByText('Link progress from a removed card…')).toBeNull();
    expect(store.getState().orphans).toBe(0);
  });
});
