import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'review'; deckIds: string[] }
  | { name: 'browse'; deckId: string }
  | { name: 'settings' }
  | { name: 'stats' };

/** Hash routes, so the built app works from any static folder and offline. */
export function parseRoute(hash: string): Route {
  const [head = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const arg = rest.map(decodeURIComponent).join('/');
  switch (head) {
    case 'review':
      return { name: 'review', deckIds: arg ? arg.split(',') : [] };
    case 'browse':
      return arg ? { name: 'browse', deckId: arg } : { name: 'home' };
    case 'settings':
      return { name: 'settings' };
    case 'stats':
      return { name: 'stats' };
    default:
      return { name: 'home' };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'review':
      return `#/review/${route.deckIds.map(encodeURIComponent).join(',')}`;
    case 'browse':
      return `#/browse/${encodeURIComponent(route.deckId)}`;
    case 'settings':
      return '#/settings';
    case 'stats':
      return '#/stats';
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
