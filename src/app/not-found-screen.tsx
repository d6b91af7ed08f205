import type { ReactNode } from 'react';
import { routeHref } from './use-route.ts';

/** What Recall shows for an address it cannot honour: what is wrong, and the way home. */
export function NotFoundScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card not-found" aria-labelledby="not-found-title">
      <h2 id="not-found-title">{title}</h2>
      <p>{children}</p>
      <p>
        <a href={routeHref({ name: 'home' })}>Back to your decks</a>
      </p>
    </section>
  );
}

const quoted = (ids: string[]) => ids.map((id) => `“${id}”`).join(' or ');

export function MissingDecks({ deckIds }: { deckIds: string[] }) {
  return (
    <NotFoundScreen title="No such deck">
      No {deckIds.length === 1 ? 'deck' : 'decks'} called {quoted(deckIds)}. It may have been
      renamed, or its file removed from decks/; the decks you have are listed on the home screen.
    </NotFoundScreen>
  );
}
