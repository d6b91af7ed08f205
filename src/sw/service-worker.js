// Recall's service worker. The build replaces the two placeholders below with this build's
// version and file list (see scripts/sw-plugin.ts). Cache first for the app's own files, so it
// works offline; a new version installs beside the old one and waits for the person's go-ahead.
const VERSION = '__RECALL_VERSION__';
const PRECACHE = /* replaced at build time */ __RECALL_PRECACHE__; // eslint-disable-line no-undef
const CACHE = `recall-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('recall-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// Cross-origin isolation for static hosts that cannot send headers (the FSRS optimizer needs
// SharedArrayBuffer): the app's own responses get COOP and COEP here, as scripts/isolation.ts
// sends them under `npm start` and `vite preview`. Only from the first load this worker controls:
// the very first visit is not isolated until the page is loaded again.
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

function isolated(response) {
  if (!response || response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .catch(() => caches.match('./index.html', { ignoreSearch: true }))
        .then(isolated),
    );
    return;
  }
  event.respondWith(
    // ignoreVary: servers send `Vary: Origin`, and module scripts are requested with an Origin.
    caches
      .match(request, { ignoreVary: true })
      .then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      )
      .then(isolated),
  );
});
