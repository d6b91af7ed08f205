import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './use-route.ts';

describe('hash routes', () => {
  it('reads each screen from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/review/a,b%2Fc')).toEqual({ name: 'review', deckIds: ['a', 'b/c'] });
    expect(parseRoute('#/review')).toEqual({ name: 'review', deckIds: [] });
    expect(parseRoute('#/browse/sub%2Fdeck')).toEqual({ name: 'browse', deckId: 'sub/deck' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/settings/')).toEqual({ name: 'settings' });
    expect(parseRoute('#/stats')).toEqual({ name: 'stats' });
  });

  // Guards: an unknown address used to show Home as if nothing were wrong.
  it('names an address it has no screen for instead of falling back to Home', () => {
    expect(parseRoute('#/nonsense')).toEqual({ name: 'not-found', path: '/nonsense' });
    expect(parseRoute('#/browse')).toEqual({ name: 'not-found', path: '/browse' });
    expect(parseRoute('#/settings/x')).toEqual({ name: 'not-found', path: '/settings/x' });
    expect(parseRoute('#//x')).toEqual({ name: 'not-found', path: '//x' });
    expect(parseRoute('#/browse/%E0%A4')).toEqual({ name: 'not-found', path: '/browse/%E0%A4' });
  });

  // Guards the Stats screen's links to a card: the deck browser opens at the card they name.
  it('reads the card a deck-browser address opens at', () => {
    expect(parseRoute('#/browse/sub%2Fdeck?card=abc%3F1')).toEqual({
      name: 'browse',
      deckId: 'sub/deck',
      card: 'abc?1',
    });
    expect(parseRoute('#/browse/deck?other=1')).toEqual({ name: 'browse', deckId: 'deck' });
    expect(parseRoute('#/settings?card=x')).toEqual({
      name: 'not-found',
      path: '/settings?card=x',
    });
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'review', deckIds: ['ml-interview-questions', 'sub/x'] },
      { name: 'review', deckIds: ['ml/nlp', 'ml/vision'], folder: 'ml & co/x?y' },
      { name: 'browse', deckId: 'sub/deck' },
      { name: 'browse', deckId: 'sub/deck', card: 'q?a&b=c/d' },
      { name: 'settings' },
      { name: 'stats' },
      { name: 'not-found', path: '/nonsense/page' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
