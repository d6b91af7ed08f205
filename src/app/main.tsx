import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Recall needs a #root element in index.html.');
createRoot(root).render(
  <StrictMode>
    <main className="app-main">
      <h1>Recall</h1>
    </main>
  </StrictMode>,
);
