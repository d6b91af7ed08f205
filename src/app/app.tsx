import { Banner } from '../ui/banner.tsx';
import { BrowseContainer } from './browse-container.tsx';
import { HomeContainer } from './home-container.tsx';
import { ReviewContainer } from './review-container.tsx';
import { SettingsContainer } from './settings-container.tsx';
import { useRecall } from './store.ts';
import { routeHref, useRoute, type Route } from './use-route.ts';
import { UpdatePrompt } from './update-prompt.tsx';

const NAV: [Route['name'], string, Route][] = [
  ['home', 'Decks', { name: 'home' }],
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
      <main>
        {status === 'loading' && <p className="muted">Loading your progress…</p>}
        {status === 'failed' && (
          <Banner kind="error">
            Recall could not open its storage on this device: {loadError} Your stored progress has
            not been changed; reload the page to try again.
          </Banner>
        )}
        {status === 'ready' && <Screen route={route} />}
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'review':
      return <ReviewContainer deckIds={route.deckIds} />;
    case 'browse':
      return <BrowseContainer deckId={route.deckId} />;
    case 'settings':
      return <SettingsContainer />;
    default:
      return <HomeContainer />;
  }
}
