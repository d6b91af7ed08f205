import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { fs: { allow: ['.'] } },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
