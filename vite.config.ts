import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { decksPlugin } from './scripts/decks-plugin.ts';
import { serviceWorkerPlugin } from './scripts/sw-plugin.ts';

export default defineConfig({
  plugins: [react(), decksPlugin(), serviceWorkerPlugin()],
  base: './',
  // RECALL_OUT_DIR lets parallel e2e runs build into folders of their own.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    outDir: process.env.RECALL_OUT_DIR ?? 'dist',
  },
});
