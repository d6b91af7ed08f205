// @vitest-environment jsdom
// Guards issue 10: an error thrown while drawing a screen blanked the whole page with no way out;
// now the screen says what happened and offers home, rebuild from the log, and a backup.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../src/shared/types.ts';
import { mountApp } from './mount-app.tsx';

const DECK =
  '!!! Question ""\n    === "Question"\n        #### Alpha?\n    === "Answer"\n        A\n';

async function mount(hash: string) {
  return (await mountApp(hash, DECK)).store;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  // React reports a caught render error on the console; expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('a screen that throws while drawing', () => {
  it('says what happened and offers the three ways out; going home clears it', async () => {
    const store = await mount('#/settings');
    expect(await screen.findByRole('heading', { name: 'Scheduling' })).toBeInTheDocument();
    const sound = store.getState().settings;
    store.setState({ settings: null as unknown as Settings });

    expect(
      await screen.findByRole('heading', { name: 'This screen stopped working' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/Recall hit an error while showing it: “/);
    // The header and its navigation are still there: the page is not blank.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    const home = screen.getByRole('link', { name: 'Back to your decks' });
    expect(home).toHaveAttribute('href', '#/');
    expect(screen.getByRole('button', { name: 'Rebuild card states from the log' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Export a backup' })).toBeEnabled();

    store.setState({ settings: sound });
    fireEvent.click(home);
    window.location.hash = '#/';
    expect(await screen.findByRole('table', { name: 'Decks' })).toBeInTheDocument();
    expect(screen.queryByText('This screen stopped working')).not.toBeInTheDocument();
  });

  it('rebuilds from the log and exports a backup from the error screen', async () => {
    const store = await mount('#/settings');
    await screen.findByRole('heading', { name: 'Scheduling' });
    store.setState({ settings: null as unknown as Settings });
    await screen.findByRole('heading', { name: 'This screen stopped working' });
    store.setState({ settings: (await import('../src/shared/types.ts')).DEFAULT_SETTINGS });

    fireEvent.click(screen.getByRole('button', { name: 'Rebuild card states from the log' }));
    expect(
      await screen.findByText(/^Rebuilt 0 card states from the review log\.$/),
    ).toBeInTheDocument();

    const createObjectURL = vi.fn((_: Blob) => 'blob:backup');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Export a backup' }));
    expect(await screen.findByText('Backup saved.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(JSON.parse(await blob.text())).toMatchObject({ format: 'recall-backup' });

    // After a rebuild the screen may be tried again in place.
    fireEvent.click(screen.getByRole('button', { name: 'Try this screen again' }));
    expect(await screen.findByRole('heading', { name: 'Scheduling' })).toBeInTheDocument();
  });
});
