import { defineConfig, type Plugin, type Rolldown } from 'vite';
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

/**
 * The scripts the field app needs offline: the entry and what it imports, the field app's own chunk
 * (and everything it loads), and the sign-in pages. The service worker precaches these and not the
 * whole office app: an observer installs the field app over a phone connection on election eve.
 * Computed from the bundle's import graph at build time, so it cannot go stale like a hand list.
 */
const FIELD_ROOTS = [
  '/features/field/FieldApp.tsx',
  '/features/auth/LoginPage.tsx',
  '/features/auth/TotpPage.tsx',
  // Kyrgyz dates, numbers and plurals where the browser lacks them (Chromium has no ky data).
  '/intl/polyfill-force.ts',
];

function fieldChunks(): Plugin & { needed: Set<string> } {
  const needed = new Set<string>();
  return {
    name: 'ukuk-field-chunks',
    needed,
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rolldown.OutputChunk>();
      for (const c of Object.values(bundle)) if (c.type === 'chunk') chunks.set(c.fileName, c);
      const followed = new Set<string>(); // visited with their lazy imports
      const visit = (name: string, dynamic: boolean) => {
        const c = chunks.get(name);
        if (!c || (dynamic ? followed.has(name) : needed.has(name))) return;
        needed.add(name);
        if (dynamic) followed.add(name);
        c.imports.forEach((i) => visit(i, dynamic));
        // The entry's lazy imports are the office app's pages (the router is in it): never followed,
        // even when the field app reaches the entry through a shared import.
        if (dynamic && !c.isEntry) c.dynamicImports.forEach((i) => visit(i, true));
      };
      for (const c of chunks.values()) {
        const root = FIELD_ROOTS.some((r) => c.facadeModuleId?.endsWith(r));
        if (root) visit(c.fileName, true);
        else if (c.isEntry) visit(c.fileName, false);
      }
    },
  };
}
const field = fieldChunks();

// The server enforces a strict CSP (font-src 'self', script-src 'self'), so nothing may be
// inlined as a data: URL or an inline script: assetsInlineLimit 0 keeps fonts as files.
export default defineConfig({
  plugins: [
    react(),
    unlinkLibraryErrorTexts(),
    field,
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
        // Styles, fonts, icons and the page; of the scripts only those the field app needs (see
        // fieldChunks). Big map data is not precached.
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}'],
        globIgnores: ['**/sw.js', '**/*.geojson', '**/*.json'],
        manifestTransforms: [
          (entries) => ({
            manifest: entries.filter((e) => !e.url.endsWith('.js') || field.needed.has(e.url)),
            warnings: field.needed.size ? [] : ['the field app chunks were not found: nothing was precached'],
          }),
        ],
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
