// Cross-origin isolation: the FSRS optimizer's WebAssembly shares memory between threads, and
// browsers give a page SharedArrayBuffer only when it is crossOriginIsolated. `npm start` and
// `vite preview` send these headers on every response; static hosts get them from the service
// worker (src/sw/service-worker.js adds the same two to what it serves).
//
// COEP `credentialless` rather than `require-corp`: decks show images from other hosts (after the
// person allows them, src/render/remote-images.tsx) as plain <img> requests, and most image hosts
// send no Cross-Origin-Resource-Policy header, so `require-corp` would block them. Credentialless
// loads them without cookies instead (Chromium, Firefox). Where a browser does not know
// credentialless (Safari), the page is simply not isolated: images still show, and the Optimize
// button says why it cannot run.
export const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};
