import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  /** `folder`: a folder studied as a whole (`#/review/<decks>?folder=ml`), its limits applying. */
  | { name: 'review'; deckIds: string[]; folder?: string }
  /** `card`: a card whose details open on arrival (`#/browse/<deck>?card=<id>`). */
  | { name: 'browse'; deckId: string; card?: string }
  | { name: 'settings' }
  | { name: 'stats' }
  /** An address Recall has no screen for; `path` is what followed the "#". */
  | { name: 'not-found'; path: string };

/** Hash routes, so the built app works from any static folder and offline. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [head = '', ...parts] = path.replace(/^\//, '').split('/');
  // Only the deck browser and review take a query; elsewhere a '?' stays part of an unknown address.
  const [rawArg = '', query] =
    head === 'browse' || head === 'review' ? parts.join('/').split('?', 2) : [parts.join('/')];
  const rest = rawArg === '' ? [] : rawArg.split('/');
  let arg: string;
  let card: string | null = null;
  let folder: string | null = null;
  try {
    arg = rest.map(decodeURIComponent).join('/');
    card = query === undefined ? null : new URLSearchParams(query).get('card');
    folder = query === undefined ? null : new URLSearchParams(query).get('folder');
  } catch {
    return { name: 'not-found', path }; // a malformed %-escape
  }
  const bare = arg === '';
  switch (head) {
    case 'review': {
      const deckIds = bare ? [] : arg.split(',');
      return folder ? { name: 'review', deckIds, folder } : { name: 'review', deckIds };
    }
    case 'browse':
      if (bare) return { name: 'not-found', path };
      return card ? { name: 'browse', deckId: arg, card } : { name: 'browse', deckId: arg };
    case 'settings':
      return bare ? { name: 'settings' } : { name: 'not-found', path };
    case 'stats':
      return bare ? { name: 'stats' } : { name: 'not-found', path };
    case '':
      return bare ? { name: 'home' } : { name: 'not-found', path };
    default:
      return { name: 'not-found', path };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'review':
      return `#/review/${route.deckIds.map(encodeURIComponent).join(',')}${route.folder ? `?folder=${encodeURIComponent(route.folder)}` : ''}`;
    case 'browse':
      return `#/browse/${encodeURIComponent(route.deckId)}${route.card ? `?card=${encodeURIComponent(route.card)}` : ''}`;
    case 'settings':
      return '#/settings';
    case 'stats':
      return '#/stats';
    case 'not-found':
      return `#${route.path}`;
  }
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
