import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server enforces a strict CSP (font-src 'self', script-src 'self'), so nothing may be
// inlined as a data: URL or an inline script: assetsInlineLimit 0 keeps fonts as files.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': { target: process.env.UKUK_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
