import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CSP_HEADER, cspMetaPlugin, devCspHeader } from './scripts/csp.ts';
import { decksPlugin } from './scripts/decks-plugin.ts';
import { ISOLATION_HEADERS } from './scripts/isolation.ts';
import { serviceWorkerPlugin } from './scripts/sw-plugin.ts';

// The React Refresh preamble that plugin-react inlines into index.html under `npm start` only.
const REFRESH_PREAMBLE = react.preambleCode.replace('__BASE__', '/');

export default defineConfig({
  plugins: [react(), decksPlugin(), serviceWorkerPlugin(), cspMetaPlugin()],
  base: './',
  server: {
    headers: { 'Content-Security-Policy': devCspHeader([REFRESH_PREAMBLE]), ...ISOLATION_HEADERS },
  },
  preview: { headers: { 'Content-Security-Policy': CSP_HEADER, ...ISOLATION_HEADERS } },
  // fsrs-browser starts its thread workers from URLs beside its own module: keep it unbundled.
  optimizeDeps: { exclude: ['fsrs-browser'] },
  // RECALL_OUT_DIR lets parallel e2e runs build into folders of their own.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    outDir: process.env.RECALL_OUT_DIR ?? 'dist',
  },
});
