// @vitest-environment jsdom
// Guards issue 10: saving settings while storage was full left an unhandled rejection and no
// word on the form.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/app/app.tsx';
import { createRecallStore, setAppStore } from '../src/app/store.ts';
import { QuotaExceeded } from '../src/shared/errors.ts';
import { DEFAULT_SETTINGS } from '../src/shared/types.ts';
import { openRepository } from '../src/storage/repository.ts';

const FULL =
  'The device storage is full: free some space (or remove other sites’ data), then try again.';
let n = 0;

async function mountFull() {
  const dbName = `recall-settings-full-${++n}`;
  const store = createRecallStore({
    openRepository: async () => {
      const repo = await openRepository({ dbName, channelName: dbName });
      return { ...repo, saveSettings: () => Promise.reject(new QuotaExceeded(FULL)) };
    },
    loadDecks: () => [],
    now: () => new Date('2026-11-24T15:00:00-05:00').getTime(),
  });
  setAppStore(store);
  await store.getState().init();
  window.location.hash = '#/settings';
  render(<App />);
  return store;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('saving settings when storage is full', () => {
  it('says on the form that nothing was saved and why, and keeps what was typed', async () => {
    const store = await mountFull();
    const user = userEvent.setup();
    const perDay = await screen.findByLabelText('New cards per day');
    await user.clear(perDay);
    await user.type(perDay, '35');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Nothing was saved: ${FULL}`);
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
    expect(screen.getByLabelText('New cards per day')).toHaveValue('35');
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });
});
