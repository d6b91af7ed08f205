// The Content-Security-Policy of every way Recall is served: a <meta> tag in the built index.html
// and a header from `vite` (npm start) and `vite preview`, all made from this one constant.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Nothing off-origin except images (decks show remote images only after the person allows them
 * per deck; see src/render/remote-images.tsx). `style-src 'unsafe-inline'`: KaTeX positions its
 * glyphs with style attributes and Mermaid's SVG carries its own <style>; neither can fetch
 * anything, since img-src/font-src bound what CSS may load.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the FSRS optimizer compile its WebAssembly; it allows no JS eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** Directives a <meta> policy ignores (browsers warn about them): header only. */
const HEADER_ONLY: Record<string, string[]> = {
  'frame-ancestors': ["'none'"],
};

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The policy of the built site, as its <meta http-equiv> tag carries it. */
export const CSP = serialize(CSP_DIRECTIVES);
/** The same policy as an HTTP header, plus what only a header can say. */
export const CSP_HEADER = serialize({ ...CSP_DIRECTIVES, ...HEADER_ONLY });

/**
 * The dev server's policy: the same, except that the one inline script @vitejs/plugin-react puts
 * in index.html (the React Refresh preamble) is allowed by its hash. It is unavoidable under
 * `npm start` (hot reload needs it) and does not exist in the build, so only dev gets this.
 */
export function devCspHeader(inlineScripts: string[]): string {
  const hashes = inlineScripts.map(
    (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`,
  );
  return serialize({
    ...CSP_DIRECTIVES,
    'script-src': [...(CSP_DIRECTIVES['script-src'] ?? []), ...hashes],
    ...HEADER_ONLY,
  });
}

/**
 * Puts the policy into the built index.html as the first thing in <head>, so it covers everything
 * after. Build only: under `npm start` the header is the policy (a meta tag would add a second,
 * stricter policy that blocks the Refresh preamble).
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'recall-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
