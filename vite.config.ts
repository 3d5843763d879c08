import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Dexie and Workbox put short links in their error texts (never fetched). The built app must name no
 * outside address (test/unit/web-bundle.test.ts), so the scheme is dropped: the text still says where
 * to read more.
 */
function unlinkLibraryErrorTexts(): Plugin {
  const links = /https?:\/\/(bit\.ly\/(?:2kdckMn|wb-precache)|tinyurl\.com\/y2uuvskb)/g;
  return {
    name: 'ukuk-unlink-library-error-texts',
    renderChunk: (code) => (code.search(links) >= 0 ? code.replace(links, '$1') : null),
  };
}

// The server enforces a strict CSP (font-src 'self', script-src 'self'), so nothing may be
// inlined as a data: URL or an inline script: assetsInlineLimit 0 keeps fonts as files.
export default defineConfig({
  plugins: [
    react(),
    unlinkLibraryErrorTexts(),
    // The observers' field app (issue #5) works offline: our own service worker (src/web/sw.ts)
    // precaches the shell and serves index.html for /field* navigations. It is registered by the field
    // app only, with scope /field, so the rest of the app keeps plain network behaviour. No external
    // URL anywhere: icons are local files and the manifest is served by our server.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/web',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: [],
      manifest: {
        name: 'Ukuk',
        short_name: 'Ukuk',
        description: 'Ukuk — field reports',
        lang: 'ky',
        id: '/field',
        start_url: '/field',
        scope: '/field',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#1c3d6e',
        icons: [
          { src: '/field-icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/field-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      injectManifest: {
        rollupFormat: 'iife',
        buildPlugins: { vite: [unlinkLibraryErrorTexts()] },
        // Every script, style and font of the build (the lazy chunks the field app and login need are
        // among them; a chunk list by hand would silently go stale). Big map data is not precached.
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}'],
        globIgnores: ['**/sw.js', '**/*.geojson', '**/*.json'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
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
