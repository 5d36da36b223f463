import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The browser app: built into dist/web, which `ro serve` serves. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: { outDir: new URL('../dist/web', import.meta.url).pathname, emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
