// The whole app over a fresh IndexedDB database, for component tests that drive it as a person
// would: a store built from real services, loaded, then <App /> rendered at an address.
import { render } from '@testing-library/react';
import { App } from '../src/app/app.tsx';
import type { AppServices } from '../src/app/services.ts';
import { createRecallStore, setAppStore } from '../src/app/store.ts';
import { parseDeck } from '../src/deck/parse-deck.ts';
import { openRepository } from '../src/storage/repository.ts';

/** The fixed "now" of these tests: an afternoon in New York. */
export const TEST_NOW = new Date('2026-11-24T15:00:00-05:00').getTime();

let databases = 0;

/**
 * Mounts the app at `hash` with `deck` (Markdown) as its one bundled deck, `greek.md`. `services`
 * overrides any service; `openRepository` receives the fresh database's name.
 */
export async function mountApp(
  hash: string,
  deck: string,
  services: Partial<Omit<AppServices, 'openRepository'>> & {
    openRepository?: (dbName: string) => ReturnType<AppServices['openRepository']>;
  } = {},
) {
  const dbName = `recall-app-test-${++databases}`;
  const { openRepository: open, ...rest } = services;
  const store = createRecallStore({
    openRepository: () => (open ? open(dbName) : openRepository({ dbName, channelName: dbName })),
    loadDecks: () => [parseDeck(deck, 'greek.md')],
    now: () => TEST_NOW,
    ...rest,
  });
  setAppStore(store);
  await store.getState().init();
  window.location.hash = hash;
  const view = render(<App />);
  return { store, view };
}
