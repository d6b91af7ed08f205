import { lazy, Suspense } from 'react';
import { RemoteImagesProvider } from '../render/remote-images.tsx';
import { Banner } from '../ui/banner.tsx';
import { BrowseContainer } from './browse-container.tsx';
import { DeckChangeHost } from './deck-change-host.tsx';
import { HomeContainer } from './home-container.tsx';
import { MissingDecks, NotFoundScreen } from './not-found-screen.tsx';
import { loadRemoteImageDecks, saveRemoteImageDecks } from './remote-images-storage.ts';
import { ReviewContainer } from './review-container.tsx';
import { ScreenBoundary } from './screen-boundary.tsx';
import { useRecall } from './store.ts';
import { routeHref, useRoute, type Route } from './use-route.ts';
import { UpdatePrompt } from './update-prompt.tsx';

// Its own chunk: the review path never downloads the stats code or the chart library.
const StatsContainer = lazy(() =>
  import('./stats-container.tsx').then((m) => ({ default: m.StatsContainer })),
);

// Settings (presets, Optimize, backups) is its own chunk too: nobody needs it to study.
const SettingsContainer = lazy(() =>
  import('./settings-container.tsx').then((m) => ({ default: m.SettingsContainer })),
);

const NAV: [Route['name'], string, Route][] = [
  ['home', 'Decks', { name: 'home' }],
  ['stats', 'Stats', { name: 'stats' }],
  ['settings', 'Settings', { name: 'settings' }],
];

export function App() {
  const route = useRoute();
  const status = useRecall((s) => s.status);
  const loadError = useRecall((s) => s.loadError);
  const saveStatus = useRecall((s) => s.saveStatus);
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'home' })}>
          Recall
        </a>
        <nav aria-label="Main">
          {NAV.map(([name, label, target]) => (
            <a
              key={name}
              href={routeHref(target)}
              aria-current={route.name === name ? 'page' : undefined}
            >
              {label}
            </a>
          ))}
        </nav>
      </header>
      <UpdatePrompt />
      {saveStatus && <Banner kind="error">{saveStatus}</Banner>}
      <DeckChangeHost />
      <main>
        {status === 'loading' && <p className="muted">Loading your progress…</p>}
        {status === 'failed' && (
          <Banner kind="error">
            Recall could not open its storage on this device: {loadError} Your stored progress has
            not been changed; reload the page to try again.
          </Banner>
        )}
        {status === 'ready' && (
          <RemoteImagesProvider load={loadRemoteImageDecks} save={saveRemoteImageDecks}>
            <ScreenBoundary key={routeHref(route)}>
              <Screen route={route} />
            </ScreenBoundary>
          </RemoteImagesProvider>
        )}
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const deckById = useRecall((s) => s.deckById);
  switch (route.name) {
    case 'review': {
      if (route.deckIds.length === 0)
        return (
          <NotFoundScreen title="No deck chosen">
            This address names no deck to study. Choose one on the home screen.
          </NotFoundScreen>
        );
      // Checked here, not in the session: an unknown deck has no cards, which would read as done.
      const missing = route.deckIds.filter((id) => !deckById.has(id));
      if (missing.length > 0) return <MissingDecks deckIds={missing} />;
      return <ReviewContainer deckIds={route.deckIds} folder={route.folder} />;
    }
    case 'browse':
      if (!deckById.has(route.deckId)) return <MissingDecks deckIds={[route.deckId]} />;
      return <BrowseContainer deckId={route.deckId} card={route.card ?? null} />;
    case 'settings':
      return (
        <Suspense fallback={<p className="muted">Loading the settings…</p>}>
          <SettingsContainer />
        </Suspense>
      );
    case 'stats':
      return (
        <Suspense fallback={<p className="muted">Loading the statistics…</p>}>
          <StatsContainer />
        </Suspense>
      );
    case 'not-found':
      return (
        <NotFoundScreen title="Page not found">There is no page at “#{route.path}”.</NotFoundScreen>
      );
    case 'home':
      return <HomeContainer />;
  }
}
