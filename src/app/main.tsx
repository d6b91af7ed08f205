import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prepareMarkdown, preloadMarkdownRenderer } from '../render/markdown-view.tsx';
import { openOpenedDecks } from '../storage/opened-decks.ts';
import { openRepository, requestPersistence } from '../storage/repository.ts';
import '../ui/app.css';
import '../review/review.css';
import '../library/library.css';
import '../settings/settings.css';
import { App } from './app.tsx';
import { loadBundledDecks } from './bundled-decks.ts';
import { registerServiceWorker } from './register-sw.ts';
import { createRecallStore, setAppStore } from './store.ts';

const store = createRecallStore({
  openRepository: () => openRepository(),
  loadDecks: loadBundledDecks,
  openedDecks: openOpenedDecks(),
  now: () => Date.now(),
  requestPersistence: (repo) => requestPersistence(repo),
  prepareCard: (card, deck) => {
    prepareMarkdown(card.question, deck?.path);
    prepareMarkdown(card.answer, deck?.path);
  },
});
setAppStore(store);
void store.getState().init();
// While changes wait to be written (storage full), leaving asks first; the journal keeps them too.
window.addEventListener('beforeunload', (event) => {
  if (store.getState().pendingWrites() > 0) event.preventDefault();
});
// Loads in parallel with the stored progress, so the first card is ready when the data is.
void preloadMarkdownRenderer().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('Recall needs a #root element in index.html.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (import.meta.env.PROD) registerServiceWorker();
