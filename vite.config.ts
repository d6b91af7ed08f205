import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { decksPlugin } from './scripts/decks-plugin.ts';
import { serviceWorkerPlugin } from './scripts/sw-plugin.ts';

export default defineConfig({
  plugins: [react(), decksPlugin(), serviceWorkerPlugin()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
