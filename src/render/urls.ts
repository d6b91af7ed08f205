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

/**
 * The host an image URL would make the browser fetch from, or null when the URL stays on the
 * app's own origin (relative paths, `data:`, `blob:`). Parsed as browsers parse it, so
 * `//host/x`, `/\\host/x` and `https:host/x` are all seen as the other host they are.
 */
export function remoteHost(url: string): string | null {
  // Against both an https and an http base: `https:host/x` is relative on an https page but names
  // another host on an http one. A URL that keeps neither base's host names its own.
  for (const base of [`${FAKE_ORIGIN}/decks/`, 'http://other.invalid/decks/']) {
    let parsed: URL;
    try {
      parsed = new URL(url.trim(), base);
    } catch {
      return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (parsed.host !== new URL(base).host) return parsed.hostname;
  }
  return null;
}

export function isExternalUrl(url: string): boolean {
  return remoteHost(url) !== null;
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
