import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './use-route.ts';

describe('hash routes', () => {
  it('reads each screen from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/review/a,b%2Fc')).toEqual({ name: 'review', deckIds: ['a', 'b/c'] });
    expect(parseRoute('#/review')).toEqual({ name: 'review', deckIds: [] });
    expect(parseRoute('#/browse/sub%2Fdeck')).toEqual({ name: 'browse', deckId: 'sub/deck' });
    expect(parseRoute('#/browse')).toEqual({ name: 'home' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'home' });
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'review', deckIds: ['ml-interview-questions', 'sub/x'] },
      { name: 'browse', deckId: 'sub/deck' },
      { name: 'settings' },
      { name: 'stats' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
