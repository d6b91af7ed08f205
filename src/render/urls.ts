/**
 * URL policy for card Markdown. Decks live under `decks/` in the app and refer to their images
 * relative to their own file, as mkdocs does.
 */

/** Where decks are served from, relative to the app's base URL (Vite `base: './'`). */
export const DECKS_ROOT = './decks/';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
// Raster and vector images only; an SVG in <img> cannot run script.
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i;
const FAKE_ORIGIN = 'https://deck.invalid';

/** The scheme of a URL, lower-cased, ignoring the control characters browsers skip. */
function schemeOf(url: string): string | null {
  // Browsers strip leading C0/space and tabs/newlines anywhere ("java\tscript:" runs).
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return SCHEME.exec(cleaned)?.[1]?.toLowerCase() ?? null;
}

export function isExternalUrl(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

/**
 * Resolves a URL from a card against its deck file (`basePath`, e.g. `sub/x.md`).
 * Returns null for anything that must not become a live link or image source:
 * `javascript:`, `vbscript:`, `data:` (except images, when `forImage`), unknown schemes.
 */
export function resolveDeckUrl(url: string, basePath = '', forImage = false): string | null {
  const trimmed = url.trim();
  const scheme = schemeOf(trimmed);
  if (scheme !== null) {
    if (SAFE_SCHEMES.has(scheme)) return trimmed;
    if (scheme === 'data' && forImage && DATA_IMAGE.test(trimmed)) return trimmed;
    return null;
  }
  // Anchors, protocol-relative and root-relative URLs are left as written.
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('/')) return trimmed;
  const folder = basePath.replace(/^\.?\/+/, '');
  try {
    const resolved = new URL(trimmed, `${FAKE_ORIGIN}/decks/${folder}`);
    // Keep only the path: a URL like `\\host\x` must not turn into another origin.
    return `.${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return null;
  }
}
