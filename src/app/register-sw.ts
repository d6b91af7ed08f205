// Offline support: the service worker caches the app and its decks; a new version waits until the
// person agrees to reload, so a review in progress is never interrupted.
import { create } from 'zustand';

interface UpdateState {
  waiting: ServiceWorker | null;
}

export const useUpdateState = create<UpdateState>(() => ({ waiting: null }));

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // After the page has loaded, so caching the app never competes with showing it.
  const start = () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then((reg) => {
        const offer = (worker: ServiceWorker | null) => {
          if (worker && navigator.serviceWorker.controller)
            useUpdateState.setState({ waiting: worker });
        };
        offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const worker = reg.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed') offer(worker);
          });
        });
      })
      .catch(() => {
        // No offline support (e.g. a private window); the app works the same online.
      });
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading || !useUpdateState.getState().waiting) return;
      reloading = true;
      window.location.reload();
    });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

export function applyUpdate(): void {
  useUpdateState.getState().waiting?.postMessage({ type: 'SKIP_WAITING' });
}
