// Which decks may show images from other hosts, kept on this device (see render/remote-images.tsx).
const KEY = 'recall:remote-images';

export function loadRemoteImageDecks(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

export function saveRemoteImageDecks(deckPaths: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(deckPaths));
  } catch {
    // Storage full or refused: the choice holds until the page is reloaded.
  }
}
